package org.khareetaty.ui.alerts;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.khareetaty.alerts.AlertRule;
import org.khareetaty.alerts.MessageTemplate;
import org.khareetaty.alerts.RuleKind;

/** Rules on the left, the YAML of the selected (or new) rule on the right. */
final class RulesView extends BorderPane {

    RulesView(RulesViewModel model) {
        ListView<AlertRule> list = new ListView<>(model.rules());
        list.setId("rules-list");
        list.setPlaceholder(new Label("No rules yet: New rule ▾ or Import…"));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AlertRule rule, boolean empty) {
                super.updateItem(rule, empty);
                setText(empty || rule == null ? null : (rule.enabled() ? "● " : "○ ") + rule.name() + "  (" + rule.kind() + ")");
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));

        TextArea editor = new TextArea();
        editor.setId("rule-editor");
        editor.setStyle("-fx-font-family: monospace;");
        editor.textProperty().bindBidirectional(model.yamlProperty());
        MenuButton add = new MenuButton("New rule");
        for (RuleKind kind : RuleKind.values()) {
            MenuItem item = new MenuItem(kind.name());
            item.setOnAction(e -> model.newRule(kind));
            add.getItems().add(item);
        }
        Button save = new Button("Save");
        save.setId("rule-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> model.save());
        Button toggle = new Button("Enable / disable");
        toggle.setOnAction(e -> model.toggleEnabled());
        toggle.disableProperty().bind(model.selectedProperty().isNull());
        Button delete = new Button("Delete");
        delete.setOnAction(e -> model.delete());
        delete.disableProperty().bind(model.selectedProperty().isNull());
        Button importButton = new Button("Import…");
        importButton.setOnAction(e -> {
            File file = chooser("Import alert rules").showOpenDialog(getScene().getWindow());
            if (file != null) {
                model.importFrom(file.toPath());
            }
        });
        Button exportButton = new Button("Export…");
        exportButton.setOnAction(e -> {
            FileChooser chooser = chooser("Export alert rules");
            chooser.setInitialFileName("alert-rules.yaml");
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                model.exportTo(file.toPath());
            }
        });
        HBox buttons = new HBox(6, add, save, toggle, delete, importButton, exportButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setWrapText(true);
        message.setId("rule-message");
        message.textProperty().bind(model.messageProperty());
        Label help = new Label("Placeholders for template: {" + String.join("}, {", MessageTemplate.PLACEHOLDERS)
                + "}. Recipients: role, channel (SMS or WHATSAPP), to, minSeverity, areas (area codes).");
        help.setWrapText(true);
        help.setStyle("-fx-text-fill: -color-fg-muted;");
        VBox right = new VBox(6, buttons, editor, message, help);
        right.setPadding(new Insets(8));
        VBox.setVgrow(editor, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(list, right);
        split.setDividerPositions(0.3);
        setCenter(split);
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
        return chooser;
    }
}
