package org.khareetaty.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.alerts.FakeTwilioServer.Fault;
import org.khareetaty.common.TaskContext;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxSenderTest {

    Path dir;
    AlertsFixture fx;
    FakeTwilioServer twilio;
    OutboxSender sender;
    UUID ruleId;

    @BeforeAll
    void open(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        fx = new AlertsFixture(dir);
        twilio = new FakeTwilioServer();
        twilio.hangMillis(3000);
        fx.twilio(twilio.baseUri(), 2000);
        ruleId = fx.rule("name: Test\nkind: HOTSPOT_SCORE\n").id();
        sender = new OutboxSender(fx.db, () -> Optional.of(new TwilioGateway(
                TwilioConfig.load(fx.core.settings(), fx.core.secrets(), new ArrayList<>()).orElseThrow())),
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), new Random(1)), Clock.systemUTC(),
                () -> Duration.ofHours(48));
        // Warm up class loading and the HTTP client, so a loaded CI machine does not turn the first test's
        // connection into a connect timeout.
        AlertsFixture.queueDirect(fx.db, ruleId, 1, List.of("+96550000999"), Channel.SMS);
        drain();
    }

    @AfterAll
    void close() throws Exception {
        twilio.close();
        fx.close();
    }

    @BeforeEach
    void clean() {
        fx.db.withConnection(c -> c.createStatement().executeUpdate("DELETE FROM notification_outbox"));
        twilio.plan((method, to) -> Fault.NONE);
    }

    private OutboxMessage row(UUID id) {
        return fx.db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + OutboxMessage.COLUMNS + " FROM notification_outbox WHERE id = ?")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return OutboxMessage.read(rs);
                }
            }
        });
    }

    private List<String> events(UUID id) {
        return fx.db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT kind FROM notification_event WHERE outbox_id = ? ORDER BY at, kind")) {
                s.setObject(1, id);
                List<String> kinds = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        kinds.add(rs.getString(1));
                    }
                }
                return kinds;
            }
        });
    }

    private void drain() throws InterruptedException {
        for (int pass = 0; pass < 50 && sender.pendingCount() > 0; pass++) {
            sender.sendDue(TaskContext.NONE);
            Thread.sleep(10);
        }
    }

    private long copiesAtServer(OutboxMessage message) {
        return twilio.accepted().stream().filter(m -> m.to().equals(message.recipient()) && m.body().equals(message.body())).count();
    }

    /** The first POST of each message gets {@code fault}; everything after goes through. */
    private void firstPost(Fault fault) {
        AtomicInteger posts = new AtomicInteger();
        twilio.plan((method, to) -> "POST".equals(method) && posts.getAndIncrement() == 0 ? fault : Fault.NONE);
    }

    @Test
    void sendsSmsAndWhatsAppWithTheSidTwilioReturned() throws Exception {
        UUID sms = AlertsFixture.queueDirect(fx.db, ruleId, 1, List.of("+96550001001"), Channel.SMS).get(0);
        UUID wa = AlertsFixture.queueDirect(fx.db, ruleId, 1, List.of("+96550001002"), Channel.WHATSAPP).get(0);
        OutboxSender.Report report = sender.sendDue(TaskContext.NONE);
        assertThat(report.sent()).isEqualTo(2);
        for (UUID id : List.of(sms, wa)) {
            OutboxMessage message = row(id);
            assertThat(message.status()).isEqualTo("SENT");
            assertThat(twilio.accepted()).anyMatch(m -> m.sid().equals(message.messageSid()) && m.body().equals(message.body()));
            assertThat(message.ambiguous()).isFalse();
        }
        assertThat(twilio.accepted()).anyMatch(m -> m.to().equals("whatsapp:+96550001002") && m.from().equals("whatsapp:+15550000001"));
    }

    @Test
    void ambiguousFailuresAreLookedUpBeforeSendingAgainSoAcceptedMessagesGoOutOnce() throws Exception {
        for (Fault fault : List.of(Fault.ERROR_500_AFTER, Fault.RESET_AFTER, Fault.TIMEOUT_AFTER)) {
            clean();
            firstPost(fault);
            UUID id = AlertsFixture.queueDirect(fx.db, ruleId, 1, List.of("+96550002001"), Channel.SMS).get(0);
            int postsBefore = twilio.posts();
            assertThat(sender.sendDue(TaskContext.NONE)).as(fault.name()).extracting(OutboxSender.Report::ambiguous).isEqualTo(1);
            drain();
            OutboxMessage message = row(id);
            assertThat(message.status()).as(fault.name()).isEqualTo("SENT");
            assertThat(message.ambiguous()).isTrue();
            assertThat(copiesAtServer(message)).as(fault.name()).isEqualTo(1);
            assertThat(events(id)).contains("AMBIGUOUS", "LOOKUP_FOUND");
            Thread.sleep(3100);  // let a hanging request of the fake server finish counting
            assertThat(twilio.posts() - postsBefore).as("one POST per attempt: the SDK must not retry POSTs itself")
                    .isEqualTo(message.attempts());
        }
    }

    @Test
    void ambiguousFailuresWhereNothingWasCreatedAreSentAgainAfterTheLookup() throws Exception {
        for (Fault fault : List.of(Fault.ERROR_500_BEFORE, Fault.RESET_BEFORE, Fault.TIMEOUT_BEFORE)) {
            clean();
            firstPost(fault);
            UUID id = AlertsFixture.queueDirect(fx.db, ruleId, 1, List.of("+96550003001"), Channel.SMS).get(0);
            drain();
            OutboxMessage message = row(id);
            assertThat(message.status()).as(fault.name()).isEqualTo("SENT");
            assertThat(copiesAtServer(message)).as(fault.name()).isEqualTo(1);
            assertThat(events(id)).as(fault.name()).contains("AMBIGUOUS", "LOOKUP_MISSING", "SENT");
        }
    }

    @Test
    void rateLimitIsRetriedWithoutLookup() throws Exception {
        firstPost(Fault.RATE_LIMITED);
        UUID id = AlertsFixture.queueDirect(fx.db, ruleId, 1, List.of("+96550004001"), Channel.SMS).get(0);
        drain();
        OutboxMessage message = row(id);
        assertThat(message.status()).isEqualTo("SENT");
        assertThat(message.ambiguous()).isFalse();
        assertThat(message.attempts()).isEqualTo(2);
        assertThat(events(id)).containsExactly("RETRY", "SENT");
    }

    @Test
    void permanentErrorsStopRetryingAndShowOnTheAlert() throws Exception {
        Map<String, Integer> numbers = Map.of("+96550005001", 21211, "+96550005002", 21610, "+96550005003", 63016);
        numbers.forEach(twilio::rejectNumber);
        List<UUID> ids = new ArrayList<>();
        for (String number : numbers.keySet()) {
            ids.addAll(AlertsFixture.queueDirect(fx.db, ruleId, 1, List.of(number), Channel.SMS));
        }
        drain();
        for (UUID id : ids) {
            OutboxMessage message = row(id);
            assertThat(message.status()).isEqualTo("FAILED");
            assertThat(message.attempts()).isEqualTo(1);
            assertThat(message.errorCode()).isEqualTo(numbers.get(message.recipient()));
            assertThat(message.lastError()).contains(String.valueOf(message.errorCode()));
            AlertRow alert = fx.core.alerts().alerts().detail(message.alertId()).orElseThrow().alert();
            assertThat(alert.notificationsFailed()).isEqualTo(1);
        }
    }

    @Test
    void withoutNetworkMessagesWaitAndGoWhenItReturns() throws Exception {
        UUID id = AlertsFixture.queueDirect(fx.db, ruleId, 1, List.of("+96550006001"), Channel.SMS).get(0);
        java.net.ServerSocket closed = new java.net.ServerSocket(0);
        int port = closed.getLocalPort();
        closed.close();
        fx.core.settings().setFromText(AlertSettings.TWILIO_API_BASE, "http://127.0.0.1:" + port);
        try {
            OutboxSender.Report report = sender.sendDue(TaskContext.NONE);
            assertThat(report.offline()).isTrue();
            assertThat(report.pending()).isEqualTo(1);
            assertThat(row(id).status()).isEqualTo("PENDING");
            assertThat(row(id).ambiguous()).as("could not connect: certainly not sent").isFalse();
        } finally {
            fx.core.settings().setFromText(AlertSettings.TWILIO_API_BASE, twilio.baseUri().toString());
        }
        drain();
        assertThat(row(id).status()).isEqualTo("SENT");
        assertThat(copiesAtServer(row(id))).isEqualTo(1);
    }

    @Test
    void deliveryStatusIsPolledAndAsynchronousFailuresShowTheirCode() throws Exception {
        twilio.failDelivery("whatsapp:+96550007002", 63016);
        UUID ok = AlertsFixture.queueDirect(fx.db, ruleId, 1, List.of("+96550007001"), Channel.WHATSAPP).get(0);
        UUID late = AlertsFixture.queueDirect(fx.db, ruleId, 1, List.of("+96550007002"), Channel.WHATSAPP).get(0);
        drain();
        assertThat(sender.pollDelivery(TaskContext.NONE)).isEqualTo(2);
        assertThat(row(ok).status()).isEqualTo("DELIVERED");
        assertThat(row(late).status()).isEqualTo("FAILED");
        assertThat(row(late).errorCode()).isEqualTo(63016);
        assertThat(row(late).messageSid()).isNotNull();
    }

    @Test
    void aRowLeftSendingByAKilledProcessIsLookedUpNotBlindlyResent() throws Exception {
        UUID id = AlertsFixture.queueDirect(fx.db, ruleId, 1, List.of("+96550008001"), Channel.SMS).get(0);
        // simulate: the POST went out and was accepted, then the process died before recording the answer
        sender.sendDue(TaskContext.NONE);
        String sid = row(id).messageSid();
        fx.db.withConnection(c -> c.createStatement().executeUpdate(
                "UPDATE notification_outbox SET status = 'SENDING', message_sid = NULL, sent_at = NULL"));
        drain();
        assertThat(row(id).status()).isEqualTo("SENT");
        assertThat(row(id).messageSid()).isEqualTo(sid);
        assertThat(row(id).ambiguous()).isTrue();
        assertThat(copiesAtServer(row(id))).isEqualTo(1);
    }

    @Test
    void theAuthTokenNeverAppearsInSettingsOrTheSecretsFile() throws Exception {
        String settings = fx.db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT LISTAGG(setting_value, '|') FROM setting")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(settings).doesNotContain("test-token-123");
        assertThat(fx.core.settings().get(AlertSettings.TWILIO_AUTH_TOKEN_ENCRYPTED)).startsWith("gcm1:");
        assertThat(TwilioConfig.authToken(fx.core.settings(), fx.core.secrets())).contains("test-token-123");
        assertThat(TwilioConfig.load(fx.core.settings(), fx.core.secrets(), new ArrayList<>()).orElseThrow().toString())
                .doesNotContain("test-token-123");
    }
}
