package org.khareetaty.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.khareetaty.common.DataFolder;
import org.khareetaty.core.CoreServices;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.store.IncidentRepository;
import org.khareetaty.ui.about.AboutDialog;
import org.khareetaty.ui.common.FilterModel;
import org.khareetaty.ui.common.FxExecutor;
import org.khareetaty.ui.common.FxTaskList;
import org.khareetaty.ui.forecast.BacktestView;
import org.khareetaty.ui.forecast.BacktestViewModel;
import org.khareetaty.ui.forecast.ForecastView;
import org.khareetaty.ui.forecast.ForecastViewModel;
import org.khareetaty.ui.incidents.IncidentsView;
import org.khareetaty.ui.incidents.IncidentsViewModel;
import org.khareetaty.ui.shell.MainWindow;
import org.khareetaty.ui.shell.NavigationItem;
import org.khareetaty.ui.shell.StatusBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop composition root: opens the core off the UI thread, then builds view models and views
 * with constructor injection. The data folder comes in as the {@code --data-dir} parameter.
 */
public final class DesktopApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private CoreServices core;

    @Override
    public void start(Stage stage) {
        String dir = getParameters().getNamed().get("data-dir");
        DataFolder folder = DataFolder.resolve(dir == null ? null : Path.of(dir));
        stage.setTitle("Khareetaty Workstation");
        Label opening = new Label("Opening " + folder.databaseFile() + " …");
        stage.setScene(new Scene(new StackPane(opening), 1280, 800));
        stage.show();

        Thread opener = new Thread(() -> {
            try {
                CoreServices opened = CoreServices.open(folder);
                Platform.runLater(() -> {
                    core = opened;
                    stage.getScene().setRoot(buildMainWindow(stage, opened));
                });
            } catch (RuntimeException e) {
                LOG.error("Cannot open the data folder {}", folder, e);
                Platform.runLater(() -> {
                    Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
                    alert.setHeaderText("Khareetaty cannot start");
                    alert.showAndWait();
                    Platform.exit();
                });
            }
        }, "open-database");
        opener.setDaemon(true);
        opener.start();
    }

    static MainWindow buildMainWindow(Stage stage, CoreServices core) {
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        FxExecutor executor = new FxExecutor(core.tasks());
        FxTaskList taskList = new FxTaskList(core.tasks());
        FilterModel filter = new FilterModel();
        IncidentRepository incidents = core.incidents();

        List<NavigationItem> panes = new ArrayList<>();
        panes.add(new NavigationItem("incidents", "Incidents", () -> new IncidentsView(
                new IncidentsViewModel(incidents, executor, filter), core.settings().get(Settings.AGENCY_ZONE))));
        panes.add(new NavigationItem("forecast", "Forecast", () -> new ForecastView(
                new ForecastViewModel(core.forecasts(), executor))));
        panes.add(new NavigationItem("backtests", "Backtests", () -> new BacktestView(
                new BacktestViewModel(core.forecasts(), core.hotspotForecasts(), executor))));

        Menu file = new Menu("File");
        MenuItem exit = new MenuItem("Exit");
        exit.setOnAction(e -> stage.close());
        file.getItems().add(exit);
        Menu help = new Menu("Help");
        MenuItem about = new MenuItem("About Khareetaty…");
        about.setOnAction(e -> AboutDialog.show(stage, core.appInfo()));
        help.getItems().add(about);

        StatusBar statusBar = new StatusBar(taskList, "Data folder: " + core.folder().root());
        return new MainWindow(panes, List.of(file, help), statusBar);
    }

    @Override
    public void stop() {
        if (core != null) {
            core.close();
        }
    }
}
