package org.khareetaty.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.security.Principal;
import org.khareetaty.charts.ChartKind;
import org.khareetaty.charts.ChartTestData;
import org.khareetaty.charts.IncidentCharts;
import org.khareetaty.common.DataFolder;
import org.khareetaty.core.CoreServices;
import org.khareetaty.ui.common.FilterModel;
import org.khareetaty.ui.common.FxExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The chart pane on real Philadelphia rows: all charts draw, and clicking a bar filters the shared filter. */
@ExtendWith(ApplicationExtension.class)
class ChartsPaneTest {

    @TempDir
    static Path folder;
    private static CoreServices core;
    private FilterModel filter;

    /** Loads the database off the FX thread, before TestFX starts its clock on the stage setup. */
    @BeforeAll
    static void load() throws Exception {
        core = CoreServices.open(new DataFolder(folder.resolve("charts")));
        ChartTestData.loadPhiladelphiaSample(core.database());
    }

    @Start
    void start(Stage stage) {
        filter = new FilterModel();
        ChartsView view = new ChartsView(new ChartsViewModel(core.interactiveCharts(), core.chartFiles(), Principal.BOOTSTRAP, new FxExecutor(core.tasks()),
                filter));
        stage.setScene(new Scene(view, 1200, 780));   // within Monocle's 1280 × 800 headless screen
        stage.show();
    }

    @AfterAll
    static void close() {
        core.close();
    }

    @Test
    void drawsEveryChartAndClickingABarFiltersByItsCategory(FxRobot robot) throws Exception {
        Label status = robot.lookup("#charts-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().startsWith("Charts drawn"));
        for (ChartKind kind : ChartKind.values()) {
            assertThat(viewer(robot, kind).getChart()).as(kind.name()).isNotNull();
        }
        ChartViewer categories = viewer(robot, ChartKind.TOP_CATEGORIES);
        WaitForAsyncUtils.waitForFxEvents();
        CategoryItemEntity bar = ((java.util.Collection<?>) categories.getRenderingInfo().getEntityCollection().getEntities()).stream()
                .filter(CategoryItemEntity.class::isInstance).map(CategoryItemEntity.class::cast)
                .filter(e -> e.getColumnKey().toString().equals("Other Assaults")).findFirst().orElseThrow();
        Rectangle2D area = bar.getArea().getBounds2D();
        Point2D onScreen = categories.getCanvas().localToScreen(area.getCenterX(), area.getCenterY());
        robot.clickOn(onScreen);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> filter.get().categories().contains("OTHER_ASSAULTS"));
        assertThat(((IncidentCharts.CategoryKey) bar.getColumnKey()).category().code()).isEqualTo("OTHER_ASSAULTS");
        Label summary = robot.lookup("#charts-filter-summary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> summary.getText().contains("Other Assaults"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().startsWith("Charts drawn"));
    }

    private static ChartViewer viewer(FxRobot robot, ChartKind kind) {
        return robot.lookup("#chart-" + kind.cliName()).lookup((javafx.scene.Node node) -> node instanceof ChartViewer)
                .queryAs(ChartViewer.class);
    }
}
