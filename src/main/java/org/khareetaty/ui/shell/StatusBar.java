package org.khareetaty.ui.shell;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.khareetaty.ui.common.FxTaskList;

/** Lists the running background tasks with their progress and a cancel button each. */
public final class StatusBar extends HBox {

    private final HBox tasks = new HBox(12);

    public StatusBar(FxTaskList taskList, String folderText) {
        setId("status-bar");
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 8, 3, 8));
        setStyle("-fx-border-color: -color-border-default transparent transparent transparent; -fx-background-color: -color-bg-subtle;");
        Label idle = new Label("Ready");
        Label folder = new Label(folderText);
        folder.setStyle("-fx-text-fill: -color-fg-muted;");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(idle, tasks, spacer, folder);
        // A chip per task, made when the task appears and dropped when it ends (the others are left as they are).
        java.util.Map<FxTaskList.Item, HBox> chips = new java.util.HashMap<>();
        taskList.items().addListener((ListChangeListener<FxTaskList.Item>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(item -> tasks.getChildren().remove(chips.remove(item)));
                change.getAddedSubList().forEach(item -> {
                    HBox chip = chip(item);
                    chips.put(item, chip);
                    tasks.getChildren().add(chip);
                });
            }
            idle.setVisible(taskList.items().isEmpty());
            idle.setManaged(taskList.items().isEmpty());
        });
    }

    private static HBox chip(FxTaskList.Item item) {
        Label title = new Label(item.title());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(110);
        bar.progressProperty().bind(item.progressProperty());
        Label message = new Label();
        message.textProperty().bind(item.messageProperty());
        Button cancel = new Button("✕");
        cancel.setTooltip(new javafx.scene.control.Tooltip("Cancel " + item.title()));
        cancel.setOnAction(e -> item.cancel());
        cancel.setStyle("-fx-padding: 0 4 0 4;");
        HBox chip = new HBox(6, title, bar, message, cancel);
        chip.setAlignment(Pos.CENTER_LEFT);
        return chip;
    }
}
