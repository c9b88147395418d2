package org.khareetaty.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.security.AuditLog.Outcome;
import org.khareetaty.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Local accounts: creation, sign-in with lockout, lock and unlock. Every outcome is audited. */
public final class UserService {

    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,64}");

    /** Why a sign-in failed, without telling an attacker which usernames exist. */
    public static final class SignInException extends RuntimeException {
        public SignInException(String message) {
            super(message);
        }
    }

    private final Database database;
    private final Clock clock;
    private final Settings settings;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final CredentialVault vault;

    public UserService(Database database, Clock clock, Settings settings, AuditLog audit, PasswordHasher hasher,
            PasswordPolicy policy, CredentialVault vault) {
        this.vault = vault;
        this.database = database;
        this.clock = clock;
        this.settings = settings;
        this.audit = audit;
        this.hasher = hasher;
        this.policy = policy;
    }

    public boolean hasAccounts() {
        return database.withConnection(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM app_user")) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    /** Creates an account. The very first account must be an administrator (first start). */
    public User create(Principal actor, String username, String displayName, Role role, char[] password) {
        String name = normalise(username);
        boolean first = !hasAccounts();
        if (first && role != Role.ADMINISTRATOR) {
            throw new IllegalArgumentException("The first account must be an administrator.");
        }
        if (!first) {
            requireAudited(actor, Permission.MANAGE_USERS, "USER_CREATE", name);
        }
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Username '" + username + "' must be 2 to 64 lower-case letters, digits, '.', '_' or '-'.");
        }
        Optional<String> problem = policy.problem(name, password);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        UUID id = UUID.randomUUID();
        String hash = hasher.hash(password);
        database.inTransaction(connection -> {
            if (find(connection, name).isPresent()) {
                throw new IllegalArgumentException("An account named '" + name + "' already exists.");
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO app_user (id, username, display_name, role, password_hash) VALUES (?, ?, ?, ?, ?)")) {
                statement.setObject(1, id);
                statement.setString(2, name);
                statement.setString(3, displayName == null || displayName.isBlank() ? name : displayName);
                statement.setString(4, role.name());
                statement.setString(5, hash);
                return statement.executeUpdate();
            }
        });
        audit.record(first ? name : actor.username(), "USER_CREATE", name, Outcome.SUCCESS, "role " + role);
        if (role == Role.ADMINISTRATOR) {
            shareCredentialKey(name, password);
        }
        return user(name).orElseThrow();
    }

    /** Checks the password; after too many failures the account is locked for a while. */
    public Principal signIn(String username, char[] password) {
        String name = normalise(username);
        Instant now = clock.instant();
        Optional<StoredUser> stored = database.withConnection(connection -> find(connection, name));
        if (stored.isEmpty() || !stored.get().user().active()) {
            audit.record(name, "LOGIN", name, Outcome.FAILURE, stored.isEmpty() ? "unknown user" : "account disabled");
            throw new SignInException("Wrong username or password.");
        }
        User user = stored.get().user();
        if (user.isLockedAt(now)) {
            audit.record(name, "LOGIN", name, Outcome.DENIED, "account locked until " + user.lockedUntil());
            throw new SignInException("This account is locked until " + user.lockedUntil()
                    + " after too many failed sign-ins. An administrator can unlock it.");
        }
        if (!hasher.verify(password, stored.get().passwordHash())) {
            int failures = user.failedLogins() + 1;
            int allowed = settings.get(SecuritySettings.LOCKOUT_ATTEMPTS);
            Instant lockedUntil = failures >= allowed ? now.plus(Duration.ofMinutes(settings.get(SecuritySettings.LOCKOUT_MINUTES))) : null;
            updateFailures(name, lockedUntil == null ? failures : 0, lockedUntil);
            audit.record(name, "LOGIN", name, Outcome.FAILURE, "wrong password, failure " + failures + " of " + allowed);
            if (lockedUntil != null) {
                audit.record(name, "LOCKOUT", name, Outcome.SUCCESS, "locked until " + lockedUntil);
                throw new SignInException("Too many failed sign-ins: the account is locked until " + lockedUntil + ".");
            }
            throw new SignInException("Wrong username or password.");
        }
        updateFailures(name, 0, null);
        audit.record(name, "LOGIN", name, Outcome.SUCCESS, null);
        if (user.role() == Role.ADMINISTRATOR) {
            shareCredentialKey(name, password);
        }
        return new Principal(name, user.role());
    }

    /**
     * Self-service password change: the signed-in user proves the current password (a wrong one counts towards
     * lockout like a failed sign-in), the new one follows the same rules as at creation. An administrator's copy of
     * the credential key is wrapped again under the new password. Audited as PASSWORD_CHANGE.
     */
    public void changeOwnPassword(Principal actor, char[] current, char[] replacement) {
        String name = normalise(actor.username());
        Instant now = clock.instant();
        StoredUser stored = database.withConnection(connection -> find(connection, name)).orElseThrow(
                () -> new IllegalArgumentException("There is no account named '" + name + "'."));
        if (stored.user().isLockedAt(now)) {
            audit.record(actor, "PASSWORD_CHANGE", name, Outcome.DENIED, "account locked until " + stored.user().lockedUntil());
            throw new SignInException("This account is locked until " + stored.user().lockedUntil() + ".");
        }
        if (!hasher.verify(current, stored.passwordHash())) {
            int failures = stored.user().failedLogins() + 1;
            int allowed = settings.get(SecuritySettings.LOCKOUT_ATTEMPTS);
            Instant lockedUntil = failures >= allowed
                    ? now.plus(Duration.ofMinutes(settings.get(SecuritySettings.LOCKOUT_MINUTES))) : null;
            updateFailures(name, lockedUntil == null ? failures : 0, lockedUntil);
            audit.record(actor, "PASSWORD_CHANGE", name, Outcome.FAILURE, "wrong current password, failure " + failures
                    + " of " + allowed);
            if (lockedUntil != null) {
                audit.record(name, "LOCKOUT", name, Outcome.SUCCESS, "locked until " + lockedUntil);
            }
            throw new SignInException("The current password is wrong.");
        }
        checkNewPassword(actor, "PASSWORD_CHANGE", name, replacement);
        boolean administrator = stored.user().role() == Role.ADMINISTRATOR;
        if (administrator) {
            shareCredentialKey(name, current);
        }
        storeHash(name, replacement);
        rewrapCredentialKey(name, replacement, administrator);
        audit.record(actor, "PASSWORD_CHANGE", name, Outcome.SUCCESS, null);
    }

    /**
     * An administrator sets a new password for another account (forgotten password). The account's copy of the
     * credential key is wrapped again under it, or removed when this process cannot do that. Audited as PASSWORD_RESET.
     */
    public void resetPassword(Principal actor, String username, char[] replacement) {
        String name = normalise(username);
        requireAudited(actor, Permission.MANAGE_USERS, "PASSWORD_RESET", name);
        User user = user(name).orElseThrow(() -> new IllegalArgumentException("There is no account named '" + name + "'."));
        checkNewPassword(actor, "PASSWORD_RESET", name, replacement);
        storeHash(name, replacement);
        rewrapCredentialKey(name, replacement, user.role() == Role.ADMINISTRATOR);
        audit.record(actor, "PASSWORD_RESET", name, Outcome.SUCCESS, "failed sign-ins reset");
    }

    private void checkNewPassword(Principal actor, String event, String name, char[] replacement) {
        Optional<String> problem = policy.problem(name, replacement);
        if (problem.isPresent()) {
            audit.record(actor, event, name, Outcome.FAILURE, problem.get());
            throw new IllegalArgumentException(problem.get());
        }
    }

    private void storeHash(String name, char[] password) {
        String hash = hasher.hash(password);
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE app_user SET password_hash = ?, "
                    + "failed_logins = 0, updated_at = CURRENT_TIMESTAMP WHERE username = ?")) {
                statement.setString(1, hash);
                statement.setString(2, name);
                return statement.executeUpdate();
            }
        });
    }

    private void rewrapCredentialKey(String name, char[] password, boolean administrator) {
        try {
            vault.passwordChanged(name, password, administrator);
        } catch (RuntimeException e) {
            LOG.warn("Cannot update the credential vault for {}: {}", name, e.getMessage());
        }
    }

    public void signOut(Principal principal) {
        audit.record(principal, "LOGOUT", principal.username(), Outcome.SUCCESS, null);
    }

    /** Locks an account until an administrator unlocks it. */
    public void lock(Principal actor, String username) {
        String name = normalise(username);
        requireAudited(actor, Permission.MANAGE_USERS, "USER_LOCK", name);
        requireExists(name);
        updateFailures(name, 0, Instant.parse("9999-12-31T00:00:00Z"));
        audit.record(actor, "USER_LOCK", name, Outcome.SUCCESS, null);
    }

    public void unlock(Principal actor, String username) {
        String name = normalise(username);
        requireAudited(actor, Permission.MANAGE_USERS, "USER_UNLOCK", name);
        requireExists(name);
        updateFailures(name, 0, null);
        audit.record(actor, "USER_UNLOCK", name, Outcome.SUCCESS, null);
    }

    /**
     * An administrator gives an account another role (audited USER_ROLE_CHANGE). The last active administrator cannot
     * lose the role (nobody could manage accounts, backups or credentials any more). An account that stops being an
     * administrator loses its copy of the credential key at once; a new administrator gets one at their next sign-in
     * while the key is unlocked (ADR 0100).
     */
    public User changeRole(Principal actor, String username, Role role) {
        String name = normalise(username);
        requireAudited(actor, Permission.MANAGE_USERS, "USER_ROLE_CHANGE", name);
        User user = user(name).orElseThrow(() -> new IllegalArgumentException("There is no account named '" + name + "'."));
        if (user.role() == role) {
            return user;
        }
        if (user.role() == Role.ADMINISTRATOR && activeAdministrators() <= 1) {
            String problem = name + " is the only active administrator: make another account an administrator first.";
            audit.record(actor, "USER_ROLE_CHANGE", name, Outcome.FAILURE, problem);
            throw new IllegalArgumentException(problem);
        }
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE app_user SET role = ?, updated_at = CURRENT_TIMESTAMP WHERE username = ?")) {
                statement.setString(1, role.name());
                statement.setString(2, name);
                return statement.executeUpdate();
            }
        });
        if (user.role() == Role.ADMINISTRATOR) {
            vault.administratorRemoved(name);
        }
        audit.record(actor, "USER_ROLE_CHANGE", name, Outcome.SUCCESS, user.role() + " -> " + role);
        return user(name).orElseThrow();
    }

    private long activeAdministrators() {
        return database.withConnection(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM app_user WHERE role = 'ADMINISTRATOR' AND active")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Checks a password again without counting as a new sign-in (used to unlock an idle session). */
    public boolean confirmPassword(Principal principal, char[] password) {
        Optional<StoredUser> stored = database.withConnection(connection -> find(connection, principal.username()));
        boolean ok = stored.isPresent() && hasher.verify(password, stored.get().passwordHash());
        audit.record(principal, "SESSION_UNLOCK", principal.username(), ok ? Outcome.SUCCESS : Outcome.FAILURE, null);
        return ok;
    }

    public List<User> list(Principal actor) {
        actor.require(Permission.MANAGE_USERS);
        return database.withConnection(connection -> {
            List<User> users = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT " + COLUMNS + " FROM app_user ORDER BY username")) {
                while (rs.next()) {
                    users.add(read(rs).user());
                }
            }
            return users;
        });
    }

    public Optional<User> user(String username) {
        return database.withConnection(connection -> find(connection, normalise(username)).map(StoredUser::user));
    }

    private void requireAudited(Principal actor, Permission permission, String event, String object) {
        try {
            actor.require(permission);
        } catch (AccessDeniedException e) {
            audit.record(actor, event, object, Outcome.DENIED, e.getMessage());
            throw e;
        }
    }

    /** An administrator's password unlocks the credential key (and protects it for them from now on). */
    private void shareCredentialKey(String name, char[] password) {
        try {
            vault.administratorAuthenticated(name, password);
        } catch (RuntimeException e) {
            // Signing in must not fail because of the vault; credentials stay locked and say why when used.
            LOG.warn("Cannot open the credential vault for {}: {}", name, e.getMessage());
        }
    }

    private void requireExists(String name) {
        if (user(name).isEmpty()) {
            throw new IllegalArgumentException("There is no account named '" + name + "'.");
        }
    }

    private void updateFailures(String name, int failures, Instant lockedUntil) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE app_user SET failed_logins = ?, locked_until = ?, updated_at = CURRENT_TIMESTAMP WHERE username = ?")) {
                statement.setInt(1, failures);
                statement.setObject(2, lockedUntil == null ? null : lockedUntil.atOffset(ZoneOffset.UTC));
                statement.setString(3, name);
                return statement.executeUpdate();
            }
        });
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private record StoredUser(User user, String passwordHash) {
    }

    private static final String COLUMNS = "id, username, display_name, role, active, failed_logins, locked_until, password_hash";

    private static Optional<StoredUser> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM app_user WHERE username = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static StoredUser read(ResultSet rs) throws SQLException {
        OffsetDateTime locked = rs.getObject(7, OffsetDateTime.class);
        return new StoredUser(new User(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getBoolean(5), rs.getInt(6), locked == null ? null : locked.toInstant()), rs.getString(8));
    }
}
