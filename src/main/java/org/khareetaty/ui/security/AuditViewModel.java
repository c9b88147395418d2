package org.khareetaty.ui.security;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.AuditRecord;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;
import org.khareetaty.ui.common.FxExecutor;

/** The administrators' audit viewer: the latest records, a chain verification and an export. */
public final class AuditViewModel {

    private final AuditLog audit;
    private final Principal principal;
    private final FxExecutor executor;
    private final ObservableList<AuditRecord> records = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");

    public AuditViewModel(AuditLog audit, Principal principal, FxExecutor executor) {
        this.audit = audit;
        this.principal = principal;
        this.executor = executor;
    }

    public ObservableList<AuditRecord> records() {
        return records;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public void refresh() {
        executor.run("Read audit log", context -> {
            principal.require(Permission.VIEW_AUDIT);
            return audit.latest(1_000);
        }, records::setAll, failure -> status.set(failure.getMessage()));
    }

    public void verify() {
        executor.run("Verify audit log", context -> {
            principal.require(Permission.VIEW_AUDIT);
            return audit.verify();
        }, result -> status.set(result.intact() ? "Chain intact: " + result.records() + " records verified."
                : "CHAIN BROKEN: " + result.problem()), failure -> status.set(failure.getMessage()));
    }

    /** Writes every record as tab-separated text (one record per line). */
    public void export(Path file) {
        executor.run("Export audit log", context -> {
            principal.require(Permission.VIEW_AUDIT);
            long[] count = {0};
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writer.write("seq\tat\tuser\tevent\tobject\toutcome\tdetails\thash\n");
                audit.forEach(r -> {
                    try {
                        writer.write(String.join("\t", String.valueOf(r.seq()), r.at().toString(), clean(r.username()),
                                clean(r.event()), clean(r.object()), clean(r.outcome()), clean(r.details()), r.hash()));
                        writer.write('\n');
                        count[0]++;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            audit.record(principal, "AUDIT_EXPORT", file.toString(), AuditLog.Outcome.SUCCESS, count[0] + " records");
            return count[0];
        }, count -> status.set("Exported " + count + " records to " + file), failure -> status.set(failure.getMessage()));
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
