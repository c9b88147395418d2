package org.khareetaty.cli;

import java.util.Arrays;
import org.khareetaty.security.Role;
import org.khareetaty.security.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Local accounts (administrators only, except the very first account). */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage local accounts",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Lock.class, UsersCommand.Unlock.class,
            UsersCommand.Passwd.class, UsersCommand.ChangeRole.class})
final class UsersCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an account; the password comes from $KHAREETATY_NEW_PASSWORD or is asked twice")
    static final class Add extends SessionCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Option(names = "--role", required = true, converter = RoleConverter.class, description = "analyst, supervisor or administrator")
        Role role;

        @Option(names = "--display-name")
        String displayName;

        @Override
        protected int run(CliSession session) {
            char[] password = newPassword(session, username);
            User user = session.services().users().create(session.principal(), username, displayName, role, password);
            if (json) {
                session.printJson(user);
            } else {
                session.out().println("Added " + user.username() + " (" + user.role() + ").");
            }
            return 0;
        }
    }

    /** A new password from $KHAREETATY_NEW_PASSWORD, or typed twice at the console. */
    static char[] newPassword(CliSession session, String username) {
        char[] password = session.password("New password for " + username + ": ", "KHAREETATY_NEW_PASSWORD");
        if (System.getenv("KHAREETATY_NEW_PASSWORD") == null
                && !Arrays.equals(password, session.password("Repeat the password: ", "KHAREETATY_NEW_PASSWORD"))) {
            throw new IllegalArgumentException("The two passwords differ.");
        }
        return password;
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Change your own password (the current one is the one you signed in with: $KHAREETATY_PASSWORD "
                    + "or the prompt), or, as an administrator, set a new password for USERNAME. The new password comes "
                    + "from $KHAREETATY_NEW_PASSWORD or is asked twice.")
    static final class Passwd extends SessionCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "USERNAME", description = "Another account (administrators)")
        String username;

        @Override
        protected int run(CliSession session) {
            if (!session.services().users().hasAccounts()) {
                throw new IllegalArgumentException("This workstation has no accounts yet: add the administrator with 'users add'.");
            }
            org.khareetaty.security.Principal actor = session.principal();
            boolean own = username == null || username.strip().equalsIgnoreCase(actor.username());
            String target = own ? actor.username() : username;
            char[] replacement = newPassword(session, target);
            if (own) {
                char[] current = session.password("Current password: ", "KHAREETATY_PASSWORD");
                session.services().users().changeOwnPassword(actor, current, replacement);
                session.out().println("Changed the password of " + target + ".");
            } else {
                session.services().users().resetPassword(actor, target, replacement);
                session.out().println("Set a new password for " + target + ".");
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

    @Command(name = "role", mixinStandardHelpOptions = true,
            description = "Give an account another role (analyst, supervisor, administrator); the last administrator keeps theirs")
    static final class ChangeRole extends SessionCommand {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Parameters(index = "1", paramLabel = "ROLE", converter = RoleConverter.class)
        Role role;

        @Override
        protected int run(CliSession session) {
            User user = session.services().users().changeRole(session.principal(), username, role);
            session.out().println(user.username() + " is now " + user.role().name().toLowerCase(java.util.Locale.ROOT) + ".");
            return 0;
        }
    }

    /** Accepts role names in any case ("analyst", "ADMINISTRATOR"). */
    static final class RoleConverter implements picocli.CommandLine.ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            return Role.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
