package org.khareetaty.ui.importer;

import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.khareetaty.ingest.QuarantineRepository;
import org.khareetaty.security.Principal;
import org.khareetaty.ui.common.FxExecutor;

/** Browses quarantined rows, filtered by reason, and exports them (with file, line, field, value, reason). */
public final class QuarantineBrowserViewModel {

    /** The filter choice meaning every reason. */
    public static final String ALL = "All reasons";
    static final int PAGE = 2000;

    private final QuarantineRepository repository;
    private final Principal principal;
    private final FxExecutor executor;
    private final ObservableList<String> reasons = FXCollections.observableArrayList(ALL);
    private final ObservableList<QuarantineRepository.Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<String> reason = new SimpleObjectProperty<>(ALL);
    private final StringProperty status = new SimpleStringProperty("");
    private Map<String, Long> counts = Map.of();

    public QuarantineBrowserViewModel(QuarantineRepository repository, Principal principal, FxExecutor executor) {
        this.principal = principal;
        this.repository = repository;
        this.executor = executor;
        reason.addListener((obs, old, now) -> loadRows());
    }

    public ObservableList<String> reasons() {
        return reasons;
    }

    public ObservableList<QuarantineRepository.Row> rows() {
        return rows;
    }

    public ObjectProperty<String> reasonProperty() {
        return reason;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Reloads the reason counts and the rows. */
    public void reload() {
        executor.run("Count quarantined rows", context -> repository.countsByReason(), loaded -> {
            counts = loaded;
            String keep = reason.get();
            reasons.setAll(ALL);
            reasons.addAll(loaded.keySet());
            reason.set(reasons.contains(keep) ? keep : ALL);
            loadRows();
        }, error -> status.set("Cannot read the quarantine: " + error.getMessage()));
    }

    private String filter() {
        return ALL.equals(reason.get()) ? null : reason.get();
    }

    private void loadRows() {
        String current = filter();
        executor.run("Load quarantined rows", context -> repository.page(current, 0, PAGE), page -> {
            rows.setAll(page);
            long total = current == null ? counts.values().stream().mapToLong(Long::longValue).sum()
                    : counts.getOrDefault(current, 0L);
            status.set(total == 0 ? "Nothing is quarantined." : String.format("%,d quarantined rows%s%s", total,
                    current == null ? "" : " (" + current + ")", total > page.size() ? "; showing the first " + page.size() : ""));
        }, error -> status.set("Cannot read the quarantine: " + error.getMessage()));
    }

    /** Writes the rows of the current reason (or all) to a CSV file. */
    public void export(Path target) {
        String current = filter();
        executor.run("Export quarantined rows", context -> repository.export(principal, current, target),
                count -> status.set(String.format("Exported %,d rows to %s", count, target)),
                error -> status.set("Export failed: " + error.getMessage()));
    }
}
