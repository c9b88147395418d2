package org.khareetaty.ui.alerts;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.khareetaty.alerts.AlertDetail;
import org.khareetaty.alerts.AlertRepository;
import org.khareetaty.alerts.AlertRow;
import org.khareetaty.alerts.AlertStatus;
import org.khareetaty.alerts.OutboxMessage;
import org.khareetaty.alerts.Severity;

/** The Alerts pane: alerts (list, filters, detail, actions), the rule editor and the notification settings. */
public final class AlertsView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AlertsViewModel model;

    public AlertsView(AlertsViewModel model, RulesViewModel rules, NotificationSettingsViewModel notifications) {
        this.model = model;
        setId("alerts-pane");
        TabPane tabs = new TabPane(
                new Tab("Alerts", alertsTab()),
                new Tab("Rules", new RulesView(rules)),
                new Tab("Notifications", new NotificationSettingsView(notifications, model)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        model.reload();
        rules.reload();
        notifications.load();
    }

    private BorderPane alertsTab() {
        ComboBox<Severity> severity = new ComboBox<>();
        severity.getItems().add(null);
        severity.getItems().addAll(Severity.values());
        severity.setConverter(named(s -> s == null ? "All severities" : s.name()));
        severity.valueProperty().bindBidirectional(model.severityFilterProperty());
        severity.setId("alert-severity-filter");
        ComboBox<AlertStatus> status = new ComboBox<>();
        status.getItems().add(null);
        status.getItems().addAll(AlertStatus.values());
        status.setConverter(named(s -> s == null ? "All statuses" : s.name()));
        status.valueProperty().bindBidirectional(model.statusFilterProperty());
        ComboBox<AlertRepository.Choice> area = choiceBox(model.areas(), "All areas");
        area.valueProperty().bindBidirectional(model.areaFilterProperty());
        ComboBox<AlertRepository.Choice> rule = choiceBox(model.rules(), "All rules");
        rule.valueProperty().bindBidirectional(model.ruleFilterProperty());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.reload());
        Button evaluate = new Button("Evaluate rules now");
        evaluate.setOnAction(e -> model.evaluateNow());
        HBox filters = new HBox(8, new Label("Filter:"), severity, status, area, rule, refresh, evaluate);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(6, 8, 6, 8));

        TableView<AlertRow> table = new TableView<>(model.rows());
        table.setId("alerts-table");
        table.setPlaceholder(new Label("No alerts match. Rules are evaluated after every import and analysis run."));
        table.getColumns().add(column("Raised", 130, row -> time(row.raisedAt())));
        table.getColumns().add(column("Severity", 80, row -> row.severity().name()));
        table.getColumns().add(column("Status", 110, row -> row.status().name()
                + (row.assignedTo() == null ? "" : " → " + row.assignedTo())));
        table.getColumns().add(column("Rule", 170, AlertRow::rule));
        table.getColumns().add(column("Area", 120, row -> row.areaName() == null ? "—" : row.areaName()));
        table.getColumns().add(column("Alert", 360, AlertRow::title));
        table.getColumns().add(column("Notifications", 140, AlertsView::notificationSummary));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AlertRow row, boolean empty) {
                super.updateItem(row, empty);
                setStyle(empty || row == null ? "" : switch (row.severity()) {
                    case CRITICAL -> "-fx-background-color: #f8d7da;";
                    case HIGH -> "-fx-background-color: #fde2c8;";
                    default -> "";
                });
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });

        SplitPane split = new SplitPane(table, detailPane());
        split.setDividerPositions(0.62);
        Label statusLine = new Label();
        statusLine.textProperty().bind(model.statusProperty());
        Label outbox = new Label();
        outbox.setId("outbox-status");
        outbox.textProperty().bind(model.outboxStatusProperty());
        HBox footer = new HBox(24, statusLine, outbox);
        footer.setPadding(new Insets(4, 8, 4, 8));
        BorderPane pane = new BorderPane(split);
        pane.setTop(filters);
        pane.setBottom(footer);
        return pane;
    }

    private VBox detailPane() {
        Label title = new Label("Select an alert to see its evidence.");
        title.setWrapText(true);
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.1em;");
        TextArea evidence = new TextArea();
        evidence.setEditable(false);
        evidence.setWrapText(true);
        evidence.setId("alert-evidence");
        VBox.setVgrow(evidence, Priority.ALWAYS);
        Button map = new Button("Show evidence on map");
        map.setId("alert-show-on-map");
        map.setOnAction(e -> model.showOnMap());
        TextArea note = new TextArea();
        note.setPromptText("Note (required to resolve)");
        note.setPrefRowCount(2);
        note.textProperty().bindBidirectional(model.noteProperty());
        TextField assignee = new TextField();
        assignee.setPromptText("Assign to (user name)");
        assignee.textProperty().bindBidirectional(model.assigneeProperty());
        Button acknowledge = new Button("Acknowledge");
        acknowledge.setId("alert-acknowledge");
        acknowledge.setOnAction(e -> model.acknowledge());
        Button assign = new Button("Assign");
        assign.setOnAction(e -> model.assign());
        Button resolve = new Button("Resolve");
        resolve.setId("alert-resolve");
        resolve.setOnAction(e -> model.resolve());
        Button reopen = new Button("Reopen");
        reopen.setOnAction(e -> model.reopen());
        Button addNote = new Button("Add note");
        addNote.setOnAction(e -> model.addNote());
        HBox actions = new HBox(6, acknowledge, assignee, assign, resolve, reopen, addNote);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, title, map, evidence, note, actions);
        box.setPadding(new Insets(8));
        box.disableProperty().bind(model.detailProperty().isNull());
        model.detailProperty().addListener((obs, old, now) -> {
            title.setText(now == null ? "Select an alert to see its evidence." : now.alert().title());
            evidence.setText(now == null ? "" : describe(now));
            map.setDisable(now == null || now.evidence().bbox() == null);
        });
        return box;
    }

    private String describe(AlertDetail detail) {
        AlertRow alert = detail.alert();
        StringBuilder text = new StringBuilder();
        text.append("Severity: ").append(alert.severity()).append("    Status: ").append(alert.status())
                .append(alert.assignedTo() == null ? "" : " (assigned to " + alert.assignedTo() + ")").append('\n');
        text.append("Rule: ").append(alert.rule()).append(" (").append(alert.kind()).append(")\n");
        text.append("Area: ").append(alert.areaName() == null ? "—" : alert.areaName()).append('\n');
        text.append("Raised: ").append(time(alert.raisedAt()));
        if (alert.evidenceAt() != null) {
            text.append("    Evidence time: ").append(time(alert.evidenceAt()));
        }
        text.append("\n\nEvidence\n");
        var evidence = detail.evidence();
        if (!evidence.incidentIds().isEmpty()) {
            text.append("  ").append(evidence.incidentIds().size()).append(" incidents: ");
            evidence.incidentIds().stream().limit(20).forEach(id -> text.append("\n    ").append(id));
            if (evidence.incidentIds().size() > 20) {
                text.append("\n    … and ").append(evidence.incidentIds().size() - 20).append(" more");
            }
            text.append('\n');
        }
        if (evidence.hotspotId() != null) {
            text.append("  Hotspot ").append(evidence.hotspotId()).append(" of run ").append(evidence.runId())
                    .append(", score ").append(evidence.score()).append(", ").append(evidence.count()).append(" incidents")
                    .append(evidence.previousCount() == null ? "" : " (previous run: " + evidence.previousCount() + ")")
                    .append('\n');
        }
        if (evidence.forecastPointId() != null) {
            text.append("  Forecast ").append(evidence.seriesKey()).append(" from ").append(evidence.periodStart())
                    .append(": observed ").append(evidence.count()).append(", forecast ")
                    .append(String.format("%.1f", evidence.expected())).append(", upper bound ")
                    .append(String.format("%.1f", evidence.upperBound())).append('\n');
        }
        text.append("\nNotifications\n");
        if (detail.notifications().isEmpty()) {
            text.append("  none (no recipient of this rule wants this alert)\n");
        }
        for (OutboxMessage message : detail.notifications()) {
            text.append("  ").append(message.channel()).append(' ').append(message.recipient()).append(": ")
                    .append(message.status());
            if (message.messageSid() != null) {
                text.append(" ").append(message.messageSid());
            }
            if (message.deliveryStatus() != null) {
                text.append(" (").append(message.deliveryStatus()).append(')');
            }
            if (message.ambiguous()) {
                text.append(" [an attempt was ambiguous; checked at Twilio before resending]");
            }
            if (OutboxMessage.FAILED.equals(message.status()) || OutboxMessage.PENDING.equals(message.status())) {
                if (message.lastError() != null) {
                    text.append("\n      ").append(message.errorCode() == null ? "" : "error " + message.errorCode() + ": ")
                            .append(message.lastError());
                }
            }
            text.append('\n');
        }
        text.append("\nActions\n");
        if (detail.actions().isEmpty()) {
            text.append("  none yet\n");
        }
        for (AlertDetail.ActionRecord action : detail.actions()) {
            text.append("  ").append(time(action.at())).append("  ").append(action.username()).append("  ")
                    .append(action.action()).append(action.note() == null ? "" : ": " + action.note()).append('\n');
        }
        return text.toString();
    }

    private String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(model.zone()));
    }

    private static String notificationSummary(AlertRow row) {
        if (row.notificationsSent() + row.notificationsPending() + row.notificationsFailed() == 0) {
            return "—";
        }
        StringBuilder text = new StringBuilder();
        text.append(row.notificationsSent()).append(" sent");
        if (row.notificationsPending() > 0) {
            text.append(", ").append(row.notificationsPending()).append(" waiting");
        }
        if (row.notificationsFailed() > 0) {
            text.append(", ").append(row.notificationsFailed()).append(" FAILED");
        }
        return text.toString();
    }

    private static ComboBox<AlertRepository.Choice> choiceBox(javafx.collections.ObservableList<AlertRepository.Choice> items,
            String all) {
        ComboBox<AlertRepository.Choice> box = new ComboBox<>();
        Runnable fill = () -> {
            AlertRepository.Choice keep = box.getValue();
            box.getItems().setAll(items);
            box.getItems().add(0, null);
            box.setValue(keep);
        };
        items.addListener((javafx.collections.ListChangeListener<AlertRepository.Choice>) change -> fill.run());
        fill.run();
        box.setConverter(named(choice -> choice == null ? all : choice.label()));
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(AlertRepository.Choice item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? all : item.label());
            }
        });
        return box;
    }

    static <T> StringConverter<T> named(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("Choices are picked, not typed");
            }
        };
    }

    private static TableColumn<AlertRow, String> column(String title, double width, Function<AlertRow, String> value) {
        TableColumn<AlertRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
