package org.khareetaty.ui.status;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.khareetaty.common.health.HealthResult;
import org.khareetaty.pipeline.StepResult;

/** Health checks and the last pipeline run. */
public final class StatusView extends VBox {

    public StatusView(StatusViewModel viewModel) {
        setSpacing(10);
        setPadding(new Insets(12));
        Label title = new Label("Workstation health");
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        Label message = new Label();
        message.textProperty().bind(viewModel.messageProperty());

        TableView<HealthResult> health = new TableView<>(viewModel.health());
        health.setId("health-table");
        health.getColumns().add(statusColumn("Status", r -> r.status().name()));
        health.getColumns().add(column("Check", 130, HealthResult::name));
        health.getColumns().add(column("What it found", 760, HealthResult::message));
        health.setPrefHeight(300);

        Label lastRun = new Label();
        lastRun.textProperty().bind(viewModel.lastRunProperty());
        lastRun.setStyle("-fx-font-weight: bold;");
        TableView<StepResult> steps = new TableView<>(viewModel.lastSteps());
        steps.getColumns().add(statusColumn("Status", r -> r.status().name()));
        steps.getColumns().add(column("Step", 130, StepResult::step));
        steps.getColumns().add(column("Time (ms)", 80, r -> String.valueOf(r.elapsedMs())));
        steps.getColumns().add(column("Outcome", 680, StepResult::message));
        VBox.setVgrow(steps, Priority.ALWAYS);

        Button refresh = new Button("Check again");
        refresh.setOnAction(e -> viewModel.refresh());
        Button run = new Button("Run pipeline now");
        run.disableProperty().bind(viewModel.runningProperty());
        run.setOnAction(e -> viewModel.runPipelineNow());
        getChildren().addAll(new HBox(10, title, refresh, run), message, health, lastRun, steps);
        viewModel.refresh();
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    /** Status in words and colour: OK green, WARN/SKIPPED amber, FAIL/FAILED red. */
    private static <T> TableColumn<T, String> statusColumn(String title, Function<T, String> value) {
        TableColumn<T, String> column = column(title, 80, value);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                String colour = item == null ? "" : switch (item) {
                    case "OK" -> "-color-success-fg";
                    case "WARN", "SKIPPED" -> "-color-warning-fg";
                    default -> "-color-danger-fg";
                };
                setStyle(empty || item == null ? "" : "-fx-text-fill: " + colour + "; -fx-font-weight: bold;");
            }
        });
        return column;
    }
}
