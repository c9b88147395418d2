package org.khareetaty.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.ChildJvm;
import org.khareetaty.alerts.FakeTwilioServer.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 10,000 notifications through a fake Twilio that fails at random (500 before and after accepting, 429,
 * timeouts before and after accepting, resets before and after accepting, permanent error codes), while the
 * sender process is killed with SIGKILL at random moments. Nothing may be lost: every notification ends SENT
 * with the SID of a message Twilio accepted, or FAILED with a reason; a message may go out twice only where
 * a send was ambiguous and recorded as such. The figures are written to target/alerts-chaos.txt.
 */
class OutboxChaosTest {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxChaosTest.class);
    private static final int NOTIFICATIONS = Integer.getInteger("alerts.chaos.notifications", 2_000);
    private static final int MAX_KILLS = Integer.getInteger("alerts.chaos.kills", 6);
    private static final long TIME_LIMIT_MILLIS = TimeUnit.MINUTES.toMillis(Integer.getInteger("alerts.chaos.minutes", 15));

    @TempDir
    Path dir;

    @Test
    void noNotificationIsLostAndDuplicatesOnlyFollowAmbiguousSends() throws Exception {
        Random random = new Random(20261121L);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            numbers.add(String.format("+9655%07d", 1_000_000 + i));
        }
        Map<String, Integer> permanent = new HashMap<>();
        try (FakeTwilioServer twilio = new FakeTwilioServer()) {
            twilio.hangMillis(1_500);
            Path data = dir.resolve("data");
            try (AlertsFixture fx = new AlertsFixture(data)) {
                fx.twilio(twilio.baseUri(), 1_000);
                AlertRule rule = fx.rule("name: Chaos\nkind: HOTSPOT_SCORE\n");
                AlertsFixture.queueDirect(fx.db, rule.id(), NOTIFICATIONS / 2, numbers, Channel.SMS);
                AlertsFixture.queueDirect(fx.db, rule.id(), NOTIFICATIONS - NOTIFICATIONS / 2, numbers, Channel.WHATSAPP);
            }
            for (int i = 0; i < 3; i++) {
                permanent.put(numbers.get(10 + i), 21211);
                permanent.put(numbers.get(20 + i), 21610);
                permanent.put("whatsapp:" + numbers.get(30 + i), 63016);
            }
            permanent.forEach(twilio::rejectNumber);
            Random faults = new Random(7);
            twilio.plan((method, to) -> {
                double p;
                synchronized (faults) {
                    p = faults.nextDouble();
                }
                if ("POST".equals(method)) {
                    if (p < 0.02) {
                        return Fault.ERROR_500_BEFORE;
                    } else if (p < 0.04) {
                        return Fault.ERROR_500_AFTER;
                    } else if (p < 0.06) {
                        return Fault.RATE_LIMITED;
                    } else if (p < 0.065) {
                        return Fault.TIMEOUT_BEFORE;
                    } else if (p < 0.07) {
                        return Fault.TIMEOUT_AFTER;
                    } else if (p < 0.08) {
                        return Fault.RESET_AFTER;
                    } else if (p < 0.09) {
                        return Fault.RESET_BEFORE;
                    }
                    return Fault.NONE;
                }
                return p < 0.03 ? Fault.ERROR_500_BEFORE : p < 0.04 ? Fault.RESET_BEFORE : Fault.NONE;
            });

            long started = System.currentTimeMillis();
            int kills = 0;
            int runs = 0;
            boolean finished = false;
            while (!finished) {
                assertThat(System.currentTimeMillis() - started).as("time limit").isLessThan(TIME_LIMIT_MILLIS);
                Process child = ChildJvm.start(OutboxSenderChild.class, data.toString());
                runs++;
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null && !line.equals("READY")) {
                    LOG.info("child: {}", line);
                }
                if (kills < MAX_KILLS) {
                    long delay = 300 + random.nextInt(3_000);
                    if (!child.waitFor(delay, TimeUnit.MILLISECONDS)) {
                        ChildJvm.killHard(child);
                        kills++;
                        continue;
                    }
                } else {
                    while ((line = out.readLine()) != null) {
                        LOG.info("child: {}", line);
                    }
                    child.waitFor(TIME_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
                }
                finished = child.exitValue() == 0;
                assertThat(child.exitValue()).as("the sender exits cleanly when nothing is left").isZero();
            }
            long elapsed = System.currentTimeMillis() - started;

            List<FakeTwilioServer.Accepted> accepted = twilio.accepted();
            Map<String, FakeTwilioServer.Accepted> bySid = accepted.stream()
                    .collect(Collectors.toMap(FakeTwilioServer.Accepted::sid, a -> a));
            Map<String, Long> copies = accepted.stream()
                    .collect(Collectors.groupingBy(a -> a.to() + "\n" + a.body(), Collectors.counting()));
            try (AlertsFixture fx = new AlertsFixture(data)) {
                List<OutboxMessage> rows = fx.db.withConnection(c -> {
                    List<OutboxMessage> all = new ArrayList<>();
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT " + OutboxMessage.COLUMNS
                            + " FROM notification_outbox")) {
                        while (rs.next()) {
                            all.add(OutboxMessage.read(rs));
                        }
                    }
                    return all;
                });
                int sent = 0;
                int failed = 0;
                int lost = 0;
                int ambiguous = 0;
                int duplicates = 0;
                int unexplainedDuplicates = 0;
                for (OutboxMessage row : rows) {
                    long n = copies.getOrDefault(row.recipient() + "\n" + row.body(), 0L);
                    if (row.ambiguous()) {
                        ambiguous++;
                    }
                    if (OutboxMessage.SENT.equals(row.status())) {
                        FakeTwilioServer.Accepted message = bySid.get(row.messageSid());
                        if (message == null || !message.to().equals(row.recipient()) || !message.body().equals(row.body())) {
                            lost++;
                        } else {
                            sent++;
                        }
                    } else if (OutboxMessage.FAILED.equals(row.status()) && row.lastError() != null) {
                        failed++;
                        assertThat(row.errorCode()).as("only the permanent numbers fail").isEqualTo(permanent.get(row.recipient()));
                        assertThat(n).as("a permanently failed message was never accepted").isZero();
                    } else {
                        lost++;
                    }
                    if (n > 1) {
                        duplicates += (int) (n - 1);
                        if (!row.ambiguous()) {
                            unexplainedDuplicates++;
                        }
                    }
                }
                long ambiguousLogged = fx.db.withConnection(c -> {
                    try (ResultSet rs = c.createStatement().executeQuery(
                            "SELECT COUNT(*) FROM notification_event WHERE kind = 'AMBIGUOUS'")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                long foundByLookup = fx.db.withConnection(c -> {
                    try (ResultSet rs = c.createStatement().executeQuery(
                            "SELECT COUNT(*) FROM notification_event WHERE kind = 'LOOKUP_FOUND'")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                String figures = String.format("notifications=%d sent=%d failed=%d lost=%d%n"
                        + "sender runs=%d kills(SIGKILL)=%d elapsed=%.1f s%n"
                        + "posts=%d gets=%d faults injected=%s%n"
                        + "rows with an ambiguous attempt=%d ambiguous events logged=%d found by lookup=%d%n"
                        + "duplicate messages at Twilio=%d, of which on rows not marked ambiguous=%d%n",
                        rows.size(), sent, failed, lost, runs, kills, elapsed / 1000.0, twilio.posts(), twilio.gets(),
                        twilio.injected(), ambiguous, ambiguousLogged, foundByLookup, duplicates, unexplainedDuplicates);
                LOG.info("Outbox chaos figures:\n{}", figures);
                Files.writeString(Path.of("target", "alerts-chaos.txt"), figures);
                assertThat(rows).hasSize(NOTIFICATIONS);
                assertThat(lost).as("lost notifications").isZero();
                assertThat(sent + failed).isEqualTo(NOTIFICATIONS);
                assertThat(unexplainedDuplicates).as("duplicates without a recorded ambiguous send").isZero();
                assertThat(kills).as("the sender was really killed").isGreaterThan(0);
                assertThat(twilio.injected()).as("every kind of fault happened").containsKeys(Fault.values()[1],
                        Fault.ERROR_500_AFTER, Fault.RATE_LIMITED, Fault.TIMEOUT_BEFORE, Fault.TIMEOUT_AFTER,
                        Fault.RESET_AFTER, Fault.RESET_BEFORE);
            }
        }
    }
}
