package org.khareetaty.ui.importer;

import java.io.File;
import java.time.ZoneId;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.khareetaty.ingest.MappingProfile;

/** The import wizard's pane: files, preview, mapping editor with live quarantine count, run and summary. */
public final class ImportWizardView extends BorderPane {

    private final ImportWizardViewModel viewModel;

    public ImportWizardView(ImportWizardViewModel viewModel) {
        this.viewModel = viewModel;
        setId("import-wizard");
        setPadding(new Insets(8));

        // 1. Files: chooser and drag-and-drop
        Button choose = new Button("Choose files…");
        choose.setId("import-choose");
        choose.setOnAction(e -> chooseFiles(getScene() == null ? null : getScene().getWindow()));
        Button clear = new Button("Clear");
        clear.setOnAction(e -> viewModel.clearFiles());
        Label files = new Label();
        files.setId("import-files");
        files.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> viewModel.files().isEmpty()
                ? "No files yet — or drop files here." : String.join(", ", viewModel.files().stream()
                        .map(p -> p.getFileName().toString()).toList()), viewModel.files()));
        Label format = new Label();
        format.textProperty().bind(viewModel.formatProperty());
        VBox fileBox = new VBox(4, new HBox(6, choose, clear, files), format);
        TitledPane filesPane = new TitledPane("1. Files", fileBox);
        filesPane.setCollapsible(false);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                viewModel.addFiles(e.getDragboard().getFiles());
            }
            e.setDropCompleted(ok);
            e.consume();
        });

        // 2. Preview of the first rows as parsed, with detected types in the headers
        TableView<List<String>> preview = new TableView<>(viewModel.previewRows());
        preview.setId("import-preview");
        preview.setPlaceholder(new Label("The first rows of the file appear here."));
        preview.setPrefHeight(170);
        Runnable rebuildColumns = () -> {
            preview.getColumns().clear();
            for (int i = 0; i < viewModel.columns().size(); i++) {
                int index = i;
                String type = i < viewModel.columnTypes().size() ? viewModel.columnTypes().get(i) : "";
                TableColumn<List<String>, String> column = new TableColumn<>(viewModel.columns().get(i) + "\n" + type);
                column.setCellValueFactory(c -> new ReadOnlyStringWrapper(index < c.getValue().size() ? c.getValue().get(index) : ""));
                column.setPrefWidth(120);
                column.setSortable(false);
                preview.getColumns().add(column);
            }
        };
        viewModel.columns().addListener((javafx.collections.ListChangeListener<String>) c -> rebuildColumns.run());
        viewModel.columnTypes().addListener((javafx.collections.ListChangeListener<String>) c -> rebuildColumns.run());
        TitledPane previewPane = new TitledPane("2. Preview (first rows as parsed; detected type under each column)", preview);
        previewPane.setCollapsible(false);

        // 3. Mapping editor
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        int row = 0;
        grid.addRow(row++, new Label("Incident key"), columnChoice(viewModel.idColumnProperty(), "map-id"),
                new Label("Category"), columnChoice(viewModel.categoryColumnProperty(), "map-category"));
        grid.addRow(row++, new Label("Date and time"), columnChoice(viewModel.dateTimeColumnProperty(), "map-datetime"),
                new Label("or date"), columnChoice(viewModel.dateColumnProperty(), "map-date"));
        grid.addRow(row++, new Label("Time (with date)"), columnChoice(viewModel.timeColumnProperty(), "map-time"),
                new Label("Address"), columnChoice(viewModel.addressColumnProperty(), "map-address"));
        ComboBox<MappingProfile.LocationKind> kind = new ComboBox<>(FXCollections.observableArrayList(MappingProfile.LocationKind.values()));
        kind.valueProperty().bindBidirectional(viewModel.locationKindProperty());
        TextField epsg = new TextField();
        epsg.setPrefColumnCount(6);
        epsg.textProperty().bindBidirectional(viewModel.epsgProperty());
        grid.addRow(row++, new Label("Location"), kind, new Label("EPSG"), epsg);
        grid.addRow(row++, new Label("Longitude / X"), columnChoice(viewModel.xColumnProperty(), "map-x"),
                new Label("Latitude / Y"), columnChoice(viewModel.yColumnProperty(), "map-y"));
        ComboBox<String> zone = new ComboBox<>(FXCollections.observableArrayList(ZoneId.getAvailableZoneIds().stream().sorted().toList()));
        zone.setEditable(true);
        zone.valueProperty().bindBidirectional(viewModel.timeZoneProperty());
        grid.addRow(row++, new Label("Geometry (WKB/WKT)"), columnChoice(viewModel.geometryColumnProperty(), "map-geometry"),
                new Label("Source time zone"), zone);
        ComboBox<String> profiles = new ComboBox<>(viewModel.profileNames());
        profiles.setPromptText("Load profile…");
        profiles.setOnAction(e -> {
            if (profiles.getValue() != null) {
                viewModel.loadProfile(profiles.getValue());
            }
        });
        TextField profileName = new TextField();
        profileName.setPromptText("profile name");
        profileName.textProperty().bindBidirectional(viewModel.profileNameProperty());
        Button save = new Button("Save profile");
        save.setOnAction(e -> viewModel.saveProfile());
        grid.addRow(row++, new Label("Profile"), profiles, profileName, save);
        Label estimate = new Label();
        estimate.setId("import-estimate");
        estimate.setWrapText(true);
        estimate.textProperty().bind(viewModel.quarantineEstimateProperty());
        VBox mappingBox = new VBox(6, grid, estimate);
        TitledPane mappingPane = new TitledPane("3. Mapping (each change recounts the first rows)", mappingBox);
        mappingPane.setCollapsible(false);

        // 4. Run, progress, cancel, summary
        Button run = new Button("Import");
        run.setId("import-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(viewModel.canRunProperty().not());
        run.setOnAction(e -> viewModel.run());
        Button cancel = new Button("Cancel");
        cancel.setId("import-cancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.setPrefWidth(260);
        Label status = new Label();
        status.setId("import-status");
        status.textProperty().bind(viewModel.statusProperty());
        TextArea summary = new TextArea();
        summary.setId("import-summary");
        summary.setEditable(false);
        summary.setPrefRowCount(8);
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.styleProperty().bind(javafx.beans.binding.Bindings.when(viewModel.qualityWarningProperty())
                .then("-fx-control-inner-background: #fff3cd;").otherwise(""));
        VBox runBox = new VBox(6, new HBox(8, run, cancel, bar, status), summary);
        TitledPane runPane = new TitledPane("4. Import and summary", runBox);
        runPane.setCollapsible(false);

        VBox content = new VBox(6, filesPane, previewPane, mappingPane, runPane);
        VBox.setVgrow(previewPane, Priority.ALWAYS);
        setCenter(content);

        Timeline poll = new Timeline(new KeyFrame(Duration.millis(200), e -> viewModel.pollProgress()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private ComboBox<String> columnChoice(StringProperty property, String id) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setPrefWidth(190);
        Runnable fill = () -> {
            String keep = property.get();
            box.getItems().setAll(ImportWizardViewModel.NONE);
            box.getItems().addAll(viewModel.columns());
            box.setValue(keep);
        };
        viewModel.columns().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    void chooseFiles(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import incident files");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Incident files", "*.csv", "*.tsv", "*.txt", "*.gz", "*.geojson", "*.json", "*.shp", "*.zip"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        List<File> chosen = chooser.showOpenMultipleDialog(owner);
        if (chosen != null) {
            viewModel.addFiles(chosen);
        }
    }
}
