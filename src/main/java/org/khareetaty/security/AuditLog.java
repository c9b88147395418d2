package org.khareetaty.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.khareetaty.common.CancelledException;
import org.khareetaty.store.Database;

/**
 * The append-only audit log. Each record carries the SHA-256 of its predecessor, so editing or deleting a
 * record breaks the chain; the head of the chain (last sequence number and hash) is also kept outside the
 * database, in {@code audit.head}, so that cutting records off the end is detected too.
 */
public final class AuditLog {

    /** Outcome of an audited action. */
    public enum Outcome { SUCCESS, FAILURE, DENIED }

    /** What {@link #verify()} found. */
    public record Verification(boolean intact, long records, String problem) {
    }

    private static final ObjectMapper EXPORT_JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Database database;
    private final Clock clock;
    private final Path headFile;

    public AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.headFile = database.folder().root().resolve("audit.head");
    }

    public synchronized AuditRecord record(String username, String event, String object, Outcome outcome, String details) {
        AuditRecord written = database.inTransaction(connection -> {
            String previous = null;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
                if (rs.next()) {
                    previous = rs.getString(1);
                }
            }
            UUID id = UUID.randomUUID();
            // Stored with microsecond precision, which H2 reaches by rounding: truncate first, so the instant read
            // back (and hashed again by verify) is the one hashed here.
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String hash = hash(previous, id, at, username, event, object, outcome.name(), details);
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO audit_log (id, at, username, event, "
                    + "object, outcome, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                statement.setObject(1, id);
                statement.setObject(2, at.atOffset(ZoneOffset.UTC));
                statement.setString(3, username);
                statement.setString(4, event);
                statement.setString(5, object);
                statement.setString(6, outcome.name());
                statement.setString(7, details);
                statement.setString(8, previous);
                statement.setString(9, hash);
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return new AuditRecord(keys.getLong(1), id, at, username, event, object, outcome.name(), details, previous, hash);
                }
            }
        });
        writeHead(written.seq(), written.hash());
        return written;
    }

    public AuditRecord record(Principal principal, String event, String object, Outcome outcome, String details) {
        return record(principal.username(), event, object, outcome, details);
    }

    /** Checks a permission; a refusal is itself audited (outcome DENIED) before it is thrown. */
    public void require(Principal actor, Permission permission, String event, String object) {
        try {
            actor.require(permission);
        } catch (AccessDeniedException e) {
            record(actor, event, object, Outcome.DENIED, e.getMessage());
            throw e;
        }
    }

    /**
     * Runs an audited action of a core service and writes exactly one record for it: DENIED when the role lacks
     * the permission, SUCCESS with {@code details} of the result, or FAILURE with the reason (also when cancelled).
     * The entry point for exports, reports, imports, rule, alert and setting changes and sync runs, so the CLI
     * and the window audit alike.
     */
    public <T> T audited(Principal actor, Permission permission, String event, String object, Supplier<T> action,
            Function<? super T, String> details) {
        return audited(actor, permission, event, object, action, details, result -> true);
    }

    /** As above, for actions that report a failure in their result instead of throwing (e.g. an incomplete import). */
    public <T> T audited(Principal actor, Permission permission, String event, String object, Supplier<T> action,
            Function<? super T, String> details, Predicate<? super T> succeeded) {
        require(actor, permission, event, object);
        T result;
        try {
            result = action.get();
        } catch (CancelledException e) {
            record(actor, event, object, Outcome.FAILURE, "cancelled");
            throw e;
        } catch (RuntimeException | Error e) {
            record(actor, event, object, Outcome.FAILURE, String.valueOf(e.getMessage()));
            throw e;
        }
        record(actor, event, object, succeeded.test(result) ? Outcome.SUCCESS : Outcome.FAILURE, details.apply(result));
        return result;
    }

    /**
     * Writes every record to {@code file} for an administrator (VIEW_AUDIT; the export is itself audited):
     * JSON lines when the name ends in .jsonl or .json, otherwise tab-separated text with a header.
     */
    public long export(Principal actor, Path file) {
        return export(actor, file, FileProtection.NONE);
    }

    /** As above, encrypted when {@code protection} says so (the format follows the name without the suffix). */
    public long export(Principal actor, Path file, FileProtection protection) {
        boolean jsonLines = file.getFileName().toString().matches("(?i).*\\.jsonl?(" + java.util.regex.Pattern.quote(
                FileProtection.SUFFIX) + ")?$");
        Path written = protection.target(file);
        return audited(actor, Permission.VIEW_AUDIT, "AUDIT_EXPORT", written.toAbsolutePath().toString(),
                () -> protection.writeAtomically(file, out -> {
                    BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    long[] count = {0};
                    if (!jsonLines) {
                        writer.write("seq\tat\tuser\tevent\tobject\toutcome\tdetails\thash\n");
                    }
                    forEach(record -> {
                        try {
                            writer.write(jsonLines ? EXPORT_JSON.writeValueAsString(record) : String.join("\t",
                                    String.valueOf(record.seq()), record.at().toString(), oneLine(record.username()),
                                    oneLine(record.event()), oneLine(record.object()), oneLine(record.outcome()),
                                    oneLine(record.details()), record.hash()));
                            writer.write('\n');
                            count[0]++;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    writer.flush();
                    return count[0];
                }), count -> count + " records as " + (jsonLines ? "JSON lines" : "tab-separated text")
                        + protection.auditNote());
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** Walks the whole chain; the first broken link is reported with its sequence number. */
    public Verification verify() {
        long[] count = {0};
        String[] previous = {null};
        long[] lastSeq = {0};
        String[] problem = {null};
        forEach(record -> {
            if (problem[0] != null) {
                return;
            }
            count[0]++;
            if (!java.util.Objects.equals(record.previousHash(), previous[0])) {
                problem[0] = "record " + record.seq() + " does not follow record " + lastSeq[0] + ": a record was deleted or changed";
            } else if (!record.hash().equals(hash(record.previousHash(), record.id(), record.at(), record.username(),
                    record.event(), record.object(), record.outcome(), record.details()))) {
                problem[0] = "record " + record.seq() + " (" + record.event() + ") was edited after it was written";
            }
            previous[0] = record.hash();
            lastSeq[0] = record.seq();
        });
        if (problem[0] == null) {
            problem[0] = checkHead(lastSeq[0], previous[0]);
        }
        return new Verification(problem[0] == null, count[0], problem[0]);
    }

    /** Every record in order, streamed (the log may be long). */
    public void forEach(Consumer<AuditRecord> consumer) {
        query("ORDER BY seq", consumer);
    }

    /** The most recent records first, for the viewer. */
    public List<AuditRecord> latest(int limit) {
        List<AuditRecord> recent = new ArrayList<>();
        query("ORDER BY seq DESC LIMIT " + Math.max(0, limit), recent::add);
        return recent;
    }

    private void query(String order, Consumer<AuditRecord> consumer) {
        database.withConnection(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT seq, id, at, username, event, object, outcome, details, "
                            + "prev_hash, hash FROM audit_log " + order)) {
                while (rs.next()) {
                    consumer.accept(new AuditRecord(rs.getLong(1), rs.getObject(2, UUID.class),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
                }
            }
            return null;
        });
    }

    private String checkHead(long lastSeq, String lastHash) {
        if (!Files.exists(headFile)) {
            return lastSeq == 0 ? null : "the audit head file " + headFile + " is missing";
        }
        try {
            String[] head = Files.readString(headFile, StandardCharsets.UTF_8).strip().split(" ");
            if (Long.parseLong(head[0]) != lastSeq || !head[1].equals(lastHash)) {
                return "the log ends at record " + lastSeq + " but record " + head[0] + " was written: records were removed";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "the audit head file " + headFile + " is unreadable: " + e.getMessage();
        }
    }

    private void writeHead(long seq, String hash) {
        try {
            Path temporary = headFile.resolveSibling("audit.head.tmp");
            Files.writeString(temporary, seq + " " + hash + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, headFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit head file " + headFile, e);
        }
    }

    static String hash(String previous, UUID id, Instant at, String username, String event, String object,
            String outcome, String details) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : new Object[] {previous, id, at.toEpochMilli(), username, event, object, outcome, details}) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
