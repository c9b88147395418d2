package org.khareetaty.ui.alerts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.khareetaty.alerts.AlertAction;
import org.khareetaty.alerts.AlertDetail;
import org.khareetaty.alerts.AlertQuery;
import org.khareetaty.alerts.AlertRepository;
import org.khareetaty.alerts.AlertRow;
import org.khareetaty.alerts.AlertServices;
import org.khareetaty.alerts.AlertStatus;
import org.khareetaty.alerts.Evidence;
import org.khareetaty.alerts.Severity;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.ui.common.FilterModel;
import org.khareetaty.security.Principal;
import org.khareetaty.ui.common.FxExecutor;

/**
 * The alert list with its filters, the selected alert's detail, and the actions on it. Everything that
 * touches the database runs through {@link FxExecutor}; "show on map" sets the shared filter's selection.
 */
public final class AlertsViewModel {

    private final AlertServices alerts;
    private final FxExecutor executor;
    private final FilterModel filter;
    private final Principal principal;
    private final Runnable showMap;
    private final ZoneId zone;

    private final ObservableList<AlertRow> rows = FXCollections.observableArrayList();
    private final ObservableList<AlertRepository.Choice> areas = FXCollections.observableArrayList();
    private final ObservableList<AlertRepository.Choice> rules = FXCollections.observableArrayList();
    private final ObjectProperty<Severity> severityFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<AlertStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<AlertRepository.Choice> areaFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<AlertRepository.Choice> ruleFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<AlertRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<AlertDetail> detail = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty outboxStatus = new SimpleStringProperty("");
    private final IntegerProperty pending = new SimpleIntegerProperty();
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty assignee = new SimpleStringProperty("");

    public AlertsViewModel(AlertServices alerts, FxExecutor executor, FilterModel filter, Principal principal,
            Runnable showMap, ZoneId zone) {
        this.alerts = alerts;
        this.executor = executor;
        this.filter = filter;
        this.principal = principal;
        this.showMap = showMap;
        this.zone = zone;
        severityFilter.addListener((obs, old, now) -> reload());
        statusFilter.addListener((obs, old, now) -> reload());
        areaFilter.addListener((obs, old, now) -> reload());
        ruleFilter.addListener((obs, old, now) -> reload());
        selected.addListener((obs, old, now) -> loadDetail(now == null ? null : now.id()));
    }

    public ObservableList<AlertRow> rows() {
        return rows;
    }

    public ObservableList<AlertRepository.Choice> areas() {
        return areas;
    }

    public ObservableList<AlertRepository.Choice> rules() {
        return rules;
    }

    public ObjectProperty<Severity> severityFilterProperty() {
        return severityFilter;
    }

    public ObjectProperty<AlertStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<AlertRepository.Choice> areaFilterProperty() {
        return areaFilter;
    }

    public ObjectProperty<AlertRepository.Choice> ruleFilterProperty() {
        return ruleFilter;
    }

    public ObjectProperty<AlertRow> selectedProperty() {
        return selected;
    }

    public ObjectProperty<AlertDetail> detailProperty() {
        return detail;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** "3 notifications waiting (Twilio cannot be reached)" and the like. */
    public StringProperty outboxStatusProperty() {
        return outboxStatus;
    }

    public IntegerProperty pendingProperty() {
        return pending;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty assigneeProperty() {
        return assignee;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Reloads the list, the filter choices and the outbox state. */
    public void reload() {
        AlertQuery query = new AlertQuery(
                severityFilter.get() == null ? Set.of() : Set.of(severityFilter.get()),
                statusFilter.get() == null ? Set.of() : Set.of(statusFilter.get()),
                areaFilter.get() == null ? null : areaFilter.get().id(),
                ruleFilter.get() == null ? null : ruleFilter.get().id(), 2000);
        status.set("Loading alerts…");
        executor.run("Load alerts", context -> new Loaded(alerts.alerts().list(query), alerts.alerts().areas(),
                alerts.alerts().rules(), alerts.alerts().openBySeverity(), alerts.sender().pendingCount(),
                alerts.configurationProblems()), loaded -> {
                    UUID keep = selected.get() == null ? null : selected.get().id();
                    rows.setAll(loaded.rows());
                    syncChoices(areas, loaded.areas(), areaFilter);
                    syncChoices(rules, loaded.rules(), ruleFilter);
                    status.set(loaded.rows().size() + " alerts shown; open: " + describe(loaded.open()));
                    pending.set(loaded.pending());
                    outboxStatus.set(loaded.pending() + " notifications waiting"
                            + (loaded.problems().isEmpty() ? "" : " — " + String.join("; ", loaded.problems())));
                    rows.stream().filter(r -> r.id().equals(keep)).findFirst().ifPresentOrElse(selected::set,
                            () -> selected.set(null));
                    if (keep != null) {
                        loadDetail(keep);
                    }
                }, error -> status.set("Cannot read alerts: " + error.getMessage()));
    }

    private record Loaded(List<AlertRow> rows, List<AlertRepository.Choice> areas, List<AlertRepository.Choice> rules,
            Map<Severity, Long> open, int pending, List<String> problems) {
    }

    private static void syncChoices(ObservableList<AlertRepository.Choice> list, List<AlertRepository.Choice> fresh,
            ObjectProperty<AlertRepository.Choice> chosen) {
        if (!list.equals(fresh)) {
            AlertRepository.Choice keep = chosen.get();
            list.setAll(fresh);
            if (keep != null && !fresh.contains(keep)) {
                chosen.set(null);
            }
        }
    }

    private static String describe(Map<Severity, Long> open) {
        if (open.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        for (Severity severity : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            Long count = open.get(severity);
            if (count != null) {
                text.append(text.length() == 0 ? "" : ", ").append(count).append(' ').append(severity.name().toLowerCase());
            }
        }
        return text.toString();
    }

    private void loadDetail(UUID id) {
        if (id == null) {
            detail.set(null);
            return;
        }
        executor.run("Load alert", context -> alerts.alerts().detail(id).orElse(null), loaded -> {
            if (selected.get() != null && selected.get().id().equals(id)) {
                detail.set(loaded);
            }
        }, error -> status.set("Cannot read the alert: " + error.getMessage()));
    }

    public void acknowledge() {
        act(AlertAction.ACKNOWLEDGE);
    }

    public void assign() {
        act(AlertAction.ASSIGN);
    }

    public void resolve() {
        act(AlertAction.RESOLVE);
    }

    public void reopen() {
        act(AlertAction.REOPEN);
    }

    public void addNote() {
        act(AlertAction.NOTE);
    }

    private void act(AlertAction action) {
        AlertRow row = selected.get();
        if (row == null) {
            status.set("Select an alert first");
            return;
        }
        String text = note.get();
        String to = assignee.get();
        String who = principal.username();
        executor.run("Update alert", context -> alerts.alerts().act(principal, row.id(), action, text, to), updated -> {
            note.set("");
            String done = switch (action) {
                case ACKNOWLEDGE -> "acknowledged";
                case ASSIGN -> "assigned to " + updated.assignedTo();
                case RESOLVE -> "resolved";
                case REOPEN -> "reopened";
                case NOTE -> "noted";
            };
            status.set("Alert " + done + " by " + who);
            reload();
        }, error -> status.set(error.getMessage()));
    }

    /** Sets the shared filter to the evidence (its box and dates) and opens the map. */
    public void showOnMap() {
        AlertDetail current = detail.get();
        if (current == null) {
            return;
        }
        Evidence evidence = current.evidence();
        Evidence.Extent box = evidence.bbox();
        if (box == null) {
            status.set("This alert's evidence has no location");
            return;
        }
        double pad = 0.002;  // about 200 m, so single points are not at the edge of the view
        IncidentFilter next = filter.get().withSelection(new IncidentFilter.BoundingBox(
                box.minLon() - pad, box.minLat() - pad, box.maxLon() + pad, box.maxLat() + pad));
        if (current.alert().evidenceAt() != null && !evidence.incidentIds().isEmpty()) {
            LocalDate day = current.alert().evidenceAt().atZone(zone).toLocalDate();
            next = next.withDates(day.minusDays(30), day);
        } else if (evidence.periodStart() != null) {
            next = next.withDates(evidence.periodStart(), evidence.periodStart().plusDays(6));
        }
        filter.set(next);
        showMap.run();
    }

    public void evaluateNow() {
        status.set("Evaluating rules…");
        executor.run("Evaluate alert rules", context -> alerts.evaluator().evaluate(context), report -> {
            status.set(report.raised().size() + " new alerts, " + report.notificationsQueued() + " notifications queued"
                    + (report.errors().isEmpty() ? "" : "; not evaluated: " + String.join("; ", report.errors())));
            reload();
        }, error -> status.set("Evaluation failed: " + error.getMessage()));
    }

    public void sendNow() {
        outboxStatus.set("Sending…");
        executor.run("Send notifications", context -> {
            var report = alerts.sender().sendDue(context);
            alerts.sender().pollDelivery(context);
            return report;
        }, report -> {
            status.set(report.sent() + " sent, " + report.failed() + " failed, " + report.pending() + " waiting"
                    + (report.problem() == null ? "" : " — " + report.problem()));
            reload();
        }, error -> outboxStatus.set("Sending failed: " + error.getMessage()));
    }
}
