package org.khareetaty.ui.security;

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

    /** Writes every record (tab-separated, or JSON lines for .jsonl); the audit log checks the role and audits it. */
    public void export(Path file) {
        executor.run("Export audit log", context -> audit.export(principal, file),
                count -> status.set("Exported " + count + " records to " + file), failure -> status.set(failure.getMessage()));
    }
}
