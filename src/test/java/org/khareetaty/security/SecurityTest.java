package org.khareetaty.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.MutableClock;
import org.khareetaty.store.Database;
import org.khareetaty.store.SettingsStore;
import org.khareetaty.store.TestDatabases;

class SecurityTest {

    @TempDir
    Path folder;
    private Database database;
    private MutableClock clock;
    private AuditLog audit;
    private UserService users;
    private Principal admin;

    @BeforeEach
    void open() {
        database = TestDatabases.open(folder);
        clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
        audit = new AuditLog(database, clock);
        users = new UserService(database, clock, new SettingsStore(database), audit, new PasswordHasher(1024, 1, 1),
                PasswordPolicy.bundled(), new CredentialVault(database.folder(), 1024));
        users.create(Principal.BOOTSTRAP, "Fatima", "Fatima Al-Sabah", Role.ADMINISTRATOR, "kuwait-city-2025".toCharArray());
        admin = users.signIn("fatima", "kuwait-city-2025".toCharArray());
        users.create(admin, "ali", null, Role.ANALYST, "hotspot-analyst-7".toCharArray());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<AuditRecord> records() {
        List<AuditRecord> all = new ArrayList<>();
        audit.forEach(all::add);
        return all;
    }

    @Test
    void fiveFailuresLockTheAccountForTenMinutes() {
        int before = records().size();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> users.signIn("ali", "wrong-password".toCharArray())).hasMessage("Wrong username or password.");
        }
        assertThatThrownBy(() -> users.signIn("ali", "wrong-password".toCharArray())).hasMessageContaining("locked until");
        // Even the right password is refused while locked.
        assertThatThrownBy(() -> users.signIn("ali", "hotspot-analyst-7".toCharArray())).hasMessageContaining("locked");
        clock.advance(Duration.ofMinutes(9));
        assertThatThrownBy(() -> users.signIn("ali", "hotspot-analyst-7".toCharArray())).hasMessageContaining("locked");
        clock.advance(Duration.ofMinutes(1));
        assertThat(users.signIn("ali", "hotspot-analyst-7".toCharArray()).role()).isEqualTo(Role.ANALYST);

        List<String> events = records().subList(before, records().size()).stream()
                .map(r -> r.event() + ":" + r.outcome()).toList();
        assertThat(events).containsExactly("LOGIN:FAILURE", "LOGIN:FAILURE", "LOGIN:FAILURE", "LOGIN:FAILURE",
                "LOGIN:FAILURE", "LOCKOUT:SUCCESS", "LOGIN:DENIED", "LOGIN:DENIED", "LOGIN:SUCCESS");
    }

    @Test
    void everyAuditRecordHasAllFields() {
        users.lock(admin, "ali");
        users.unlock(admin, "ali");
        users.signOut(admin);
        for (AuditRecord record : records()) {
            assertThat(record.at()).isNotNull();
            assertThat(record.username()).isNotBlank();
            assertThat(record.event()).isNotBlank();
            assertThat(record.object()).isNotBlank();
            assertThat(record.outcome()).isIn("SUCCESS", "FAILURE", "DENIED");
        }
        assertThat(records().stream().filter(r -> r.event().equals("USER_LOCK")).count()).isEqualTo(1);
        assertThat(records().stream().filter(r -> r.event().equals("USER_UNLOCK")).count()).isEqualTo(1);
        assertThat(records().stream().filter(r -> r.event().equals("LOGOUT")).count()).isEqualTo(1);
    }

    @Test
    void roleChecksAreInTheServiceNotOnlyInTheUi() {
        Principal analyst = users.signIn("ali", "hotspot-analyst-7".toCharArray());
        assertThatThrownBy(() -> users.create(analyst, "eve", null, Role.ADMINISTRATOR, "another-long-one".toCharArray()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("may not manage user accounts");
        assertThat(records().get(records().size() - 1).outcome()).isEqualTo("DENIED");
        assertThat(users.user("eve")).isEmpty();
    }

    @Test
    void passwordPolicyRefusesShortLongAndCommonPasswords() {
        assertThatThrownBy(() -> users.create(admin, "sara", null, Role.ANALYST, "short".toCharArray())).hasMessageContaining("at least 8");
        assertThatThrownBy(() -> users.create(admin, "sara", null, Role.ANALYST, "x".repeat(65).toCharArray())).hasMessageContaining("at most 64");
        assertThatThrownBy(() -> users.create(admin, "sara", null, Role.ANALYST, "password1".toCharArray())).hasMessageContaining("common");
        assertThat(users.create(admin, "sara", null, Role.ANALYST, "correct horse battery".toCharArray()).username()).isEqualTo("sara");
    }

    @Test
    void idleSessionLocksAndKeepsItsUserUntilThePasswordIsGivenAgain() {
        Principal analyst = users.signIn("ali", "hotspot-analyst-7".toCharArray());
        Session session = new Session(analyst, clock, Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(29));
        session.touch();
        clock.advance(Duration.ofMinutes(29));
        assertThat(session.isLocked()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(session.isLocked()).isTrue();
        session.touch();
        assertThat(session.isLocked()).as("activity does not unlock").isTrue();
        assertThat(session.unlock(users, "wrong".toCharArray())).isFalse();
        assertThat(session.unlock(users, "hotspot-analyst-7".toCharArray())).isTrue();
        assertThat(session.isLocked()).isFalse();
        assertThat(session.principal()).isEqualTo(analyst);
        assertThat(records().stream().filter(r -> r.event().equals("SESSION_UNLOCK")).map(AuditRecord::outcome).toList())
                .containsExactly("FAILURE", "SUCCESS");
    }

    @Test
    void aRecordWrittenInTheLastMicrosecondOfAMillisecondStillVerifies() {
        // H2 keeps microseconds and rounds: 0.9999997 ms would be read back as the next millisecond.
        AuditLog edge = new AuditLog(database, Clock.fixed(Instant.parse("2025-03-01T08:00:00.999999700Z"), ZoneOffset.UTC));
        AuditRecord written = edge.record("fatima", "CHECK", "edge", AuditLog.Outcome.SUCCESS, "");
        AuditLog.Verification verification = audit.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        assertThat(records().get(records().size() - 1).at()).isEqualTo(written.at());
    }

    @Test
    void editingOrDeletingAuditRecordsIsDetected() throws Exception {
        users.signOut(admin);
        assertThat(audit.verify().intact()).isTrue();
        long middle = records().get(2).seq();

        execute("UPDATE audit_log SET details = 'nothing happened' WHERE seq = " + middle);
        AuditLog.Verification edited = audit.verify();
        assertThat(edited.intact()).isFalse();
        assertThat(edited.problem()).contains("record " + middle).contains("edited");
    }

    @Test
    void deletingAMiddleOrTheLastRecordIsDetected() throws Exception {
        users.signOut(admin);
        List<AuditRecord> all = records();
        execute("DELETE FROM audit_log WHERE seq = " + all.get(all.size() - 1).seq());
        assertThat(audit.verify().problem()).contains("records were removed");

        execute("DELETE FROM audit_log WHERE seq = " + all.get(1).seq());
        assertThat(audit.verify().problem()).contains("deleted or changed");
    }

    @Test
    void standardArgon2idHashesVerify() {
        PasswordHasher hasher = PasswordHasher.standard();
        String hash = hasher.hash("مرحبا-kuwait-2025".toCharArray());
        assertThat(hash).startsWith("$argon2id$v=19$m=65536,t=3,p=1$");
        assertThat(hasher.verify("مرحبا-kuwait-2025".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("مرحبا-kuwait-2024".toCharArray(), hash)).isFalse();
    }

    private void execute(String sql) {
        database.withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate(sql);
            }
        });
    }
}
