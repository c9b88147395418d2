package org.khareetaty.ui.report;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.khareetaty.report.AreaRef;
import org.khareetaty.ui.report.ExportReportViewModel.Kind;

/** The "Export report…" window: choices on the left, page preview on the right, export at the bottom. */
public final class ExportReportDialog extends BorderPane {

    private final ExportReportViewModel viewModel;

    public ExportReportDialog(ExportReportViewModel viewModel) {
        this.viewModel = viewModel;
        setId("export-report");
        setPadding(new Insets(10));

        ToggleGroup kinds = new ToggleGroup();
        RadioButton weekly = new RadioButton("Weekly report (CompStat)");
        weekly.setId("report-kind-weekly");
        weekly.setToggleGroup(kinds);
        weekly.setUserData(Kind.WEEKLY);
        RadioButton bulletin = new RadioButton(viewModel.context().hotspotId() != null
                ? "Tactical bulletin for the selected hotspot" : "Tactical bulletin for the current selection");
        bulletin.setId("report-kind-bulletin");
        bulletin.setToggleGroup(kinds);
        bulletin.setUserData(Kind.BULLETIN);
        kinds.selectToggle(viewModel.kindProperty().get() == Kind.WEEKLY ? weekly : bulletin);
        kinds.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                viewModel.kindProperty().set((Kind) b.getUserData());
            }
        });

        TextField week = new TextField();
        week.setId("report-week");
        week.setPromptText("2025-W10");
        week.textProperty().bindBidirectional(viewModel.weekProperty());
        ComboBox<AreaRef> area = new ComboBox<>(viewModel.areas());
        area.setId("report-area");
        area.valueProperty().bindBidirectional(viewModel.areaProperty());
        area.setConverter(new StringConverter<>() {
            @Override
            public String toString(AreaRef value) {
                return value == null ? "" : value.displayName();
            }

            @Override
            public AreaRef fromString(String text) {
                return null;
            }
        });
        area.setMaxWidth(Double.MAX_VALUE);
        TextField author = new TextField();
        author.textProperty().bindBidirectional(viewModel.authorProperty());
        TextField title = new TextField();
        title.setPromptText("Generated when empty");
        title.textProperty().bindBidirectional(viewModel.titleProperty());
        TextArea text = new TextArea();
        text.setId("report-analyst-text");
        text.setWrapText(true);
        text.setPrefRowCount(8);
        text.setPromptText("Preview the bulletin to get a generated summary, then edit it here.");
        text.textProperty().bindBidirectional(viewModel.analystTextProperty());
        Button applyText = new Button("Apply text to preview");
        applyText.setOnAction(e -> viewModel.applyText());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        int row = 0;
        form.add(new Label("Report"), 0, row);
        form.add(new VBox(4, weekly, bulletin), 1, row++);
        form.add(new Label("Week"), 0, row);
        form.add(week, 1, row++);
        form.add(new Label("Area"), 0, row);
        form.add(area, 1, row++);
        form.add(new Label("Author"), 0, row);
        form.add(author, 1, row++);
        Label titleLabel = new Label("Bulletin title");
        form.add(titleLabel, 0, row);
        form.add(title, 1, row++);
        Label textLabel = new Label("Analyst's text");
        form.add(textLabel, 0, row);
        form.add(new VBox(4, text, applyText), 1, row++);
        form.add(new EncryptionChoiceView(viewModel.encryption()), 0, row++, 2, 1);
        for (var node : new javafx.scene.Node[] {titleLabel, title, textLabel, text, applyText}) {
            node.visibleProperty().bind(viewModel.kindProperty().isEqualTo(Kind.BULLETIN));
            node.managedProperty().bind(node.visibleProperty());
        }
        Label source = new Label("Opened from: " + viewModel.context().source());
        source.setStyle("-fx-text-fill: -color-fg-muted;");
        VBox left = new VBox(10, form, source);
        left.setPrefWidth(380);
        left.setPadding(new Insets(0, 10, 0, 0));

        VBox pageList = new VBox(12);
        pageList.setId("report-preview-pages");
        pageList.setAlignment(Pos.TOP_CENTER);
        pageList.setPadding(new Insets(12));
        pageList.setStyle("-fx-background-color: #8a8f96;");
        viewModel.pages().addListener((javafx.collections.ListChangeListener<javafx.scene.image.Image>) change -> {
            pageList.getChildren().clear();
            for (var page : viewModel.pages()) {
                ImageView view = new ImageView(page);
                view.setPreserveRatio(true);
                view.setFitWidth(460);
                view.setEffect(new DropShadow(6, javafx.scene.paint.Color.gray(0, 0.5)));
                pageList.getChildren().add(view);
            }
        });
        Label empty = new Label("Press Preview to see the pages before you export.");
        empty.setStyle("-fx-text-fill: white;");
        pageList.getChildren().add(empty);
        ScrollPane preview = new ScrollPane(pageList);
        preview.setFitToWidth(true);
        preview.setPrefWidth(520);

        Button previewButton = new Button("Preview");
        previewButton.setId("report-preview");
        previewButton.setDefaultButton(true);
        previewButton.setOnAction(e -> viewModel.preview());
        Button export = new Button("Export PDF…");
        export.setId("report-export");
        export.disableProperty().bind(viewModel.previewReadyProperty().not().or(viewModel.busyProperty())
                .or(viewModel.encryption().problemProperty().isNotEmpty()));
        export.setOnAction(e -> chooseAndSave());
        previewButton.disableProperty().bind(viewModel.busyProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Label status = new Label();
        status.setId("report-status");
        status.textProperty().bind(viewModel.statusProperty());
        status.setWrapText(true);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox buttons = new HBox(8, progress, status, previewButton, export);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 0, 0, 0));

        setLeft(left);
        setCenter(preview);
        setBottom(buttons);
        viewModel.loadAreas();
    }

    private void chooseAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export report as PDF");
        chooser.setInitialFileName(viewModel.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            viewModel.save(file.toPath());
        }
    }

    /** Opens the dialog as a window of its own over {@code owner}. */
    public static Stage show(Window owner, ExportReportViewModel viewModel) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Export report");
        stage.setScene(new Scene(new ExportReportDialog(viewModel), 960, 760));
        stage.show();
        return stage;
    }
}
