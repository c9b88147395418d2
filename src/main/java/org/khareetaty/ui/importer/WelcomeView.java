package org.khareetaty.ui.importer;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import org.khareetaty.ingest.samples.SampleService;

/** The first-start welcome: three ways to get data in, and where the data folder is. */
public final class WelcomeView extends VBox {

    public WelcomeView(WelcomeViewModel viewModel) {
        super(10);
        setId("welcome");
        setPadding(new Insets(16));
        Label title = new Label("Welcome to Khareetaty Workstation");
        title.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        Label intro = new Label("The database is empty. Start with a sample, or import your agency's own export.");
        Button kuwait = new Button("Load the Kuwait sample — " + SampleService.Sample.KUWAIT.title());
        kuwait.setId("welcome-kuwait");
        kuwait.setMaxWidth(Double.MAX_VALUE);
        kuwait.setOnAction(e -> viewModel.loadSample(SampleService.Sample.KUWAIT));
        Button philadelphia = new Button("Load the Philadelphia extract — " + SampleService.Sample.PHILADELPHIA.title());
        philadelphia.setId("welcome-philadelphia");
        philadelphia.setMaxWidth(Double.MAX_VALUE);
        philadelphia.setOnAction(e -> viewModel.loadSample(SampleService.Sample.PHILADELPHIA));
        Button own = new Button("Import my own files…");
        own.setId("welcome-import");
        own.setMaxWidth(Double.MAX_VALUE);
        own.setOnAction(e -> viewModel.importOwnFiles());
        intro.setWrapText(true);
        for (Button button : new Button[] {kuwait, philadelphia, own}) {
            button.disableProperty().bind(viewModel.busyProperty());
            button.setWrapText(true);
            button.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(24, 24);
        spinner.visibleProperty().bind(viewModel.busyProperty());
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        Label folder = new Label("Data folder: " + viewModel.dataFolder());
        folder.setId("welcome-folder");
        getChildren().addAll(title, intro, kuwait, philadelphia, own, spinner, status, folder);
        setPrefWidth(620);
        setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
}
