package org.khareetaty.cli;

import java.util.Arrays;
import org.khareetaty.security.Role;
import org.khareetaty.security.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Local accounts (administrators only, except the very first account). */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage local accounts",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Lock.class, UsersCommand.Unlock.class})
final class UsersCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an account; the password comes from $KHAREETATY_NEW_PASSWORD or is asked twice")
    static final class Add extends SessionCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Option(names = "--role", required = true, description = "ANALYST, SUPERVISOR or ADMINISTRATOR")
        Role role;

        @Option(names = "--display-name")
        String displayName;

        @Override
        protected int run(CliSession session) {
            char[] password = session.password("New password for " + username + ": ", "KHAREETATY_NEW_PASSWORD");
            if (System.getenv("KHAREETATY_NEW_PASSWORD") == null
                    && !Arrays.equals(password, session.password("Repeat the password: ", "KHAREETATY_NEW_PASSWORD"))) {
                throw new IllegalArgumentException("The two passwords differ.");
            }
            User user = session.services().users().create(session.principal(), username, displayName, role, password);
            if (json) {
                session.printJson(user);
            } else {
                session.out().println("Added " + user.username() + " (" + user.role() + ").");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts")
    static final class ListUsers extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            java.util.List<User> users = session.services().users().list(session.principal());
            if (json) {
                session.printJson(users);
            } else {
                java.time.Instant now = session.services().clock().instant();
                users.forEach(u -> session.out().printf("%-20s %-14s %s%n", u.username(), u.role(),
                        u.isLockedAt(now) ? "LOCKED until " + u.lockedUntil() : (u.active() ? "active" : "disabled")));
            }
            return 0;
        }
    }

    @Command(name = "lock", mixinStandardHelpOptions = true, description = "Lock an account until it is unlocked")
    static final class Lock extends SessionCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Override
        protected int run(CliSession session) {
            session.services().users().lock(session.principal(), username);
            session.out().println("Locked " + username + ".");
            return 0;
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Unlock an account")
    static final class Unlock extends SessionCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Override
        protected int run(CliSession session) {
            session.services().users().unlock(session.principal(), username);
            session.out().println("Unlocked " + username + ".");
            return 0;
        }
    }
}
