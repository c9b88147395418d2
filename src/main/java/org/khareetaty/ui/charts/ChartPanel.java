package org.khareetaty.ui.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.fx.overlay.CrosshairOverlayFX;
import org.jfree.chart.plot.Crosshair;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * One chart in the pane: a header (title, note, busy indicator, reset zoom, export, enlarge) over a JFreeChart
 * viewer with tooltips, drag/scroll zoom and, on time charts, a crosshair that follows the mouse.
 */
final class ChartPanel extends BorderPane {

    private final ChartViewer viewer = new ChartViewer();
    private final Crosshair timeCrosshair = new Crosshair(Double.NaN, new Color(0x55, 0x55, 0x55), new BasicStroke(1f));
    private final Crosshair valueCrosshair = new Crosshair(Double.NaN, new Color(0x55, 0x55, 0x55), new BasicStroke(1f));
    private final ToggleButton enlarge = new ToggleButton("⤢");
    private final CrosshairOverlayFX crosshairOverlay = new CrosshairOverlayFX();
    private boolean crosshairShown;

    ChartPanel(ChartSlot slot, ChartsViewModel viewModel, Runnable onExport) {
        setId("chart-" + slot.kind().cliName());
        crosshairOverlay.addDomainCrosshair(timeCrosshair);
        crosshairOverlay.addRangeCrosshair(valueCrosshair);
        Label title = new Label(slot.title());
        title.setStyle("-fx-font-weight: bold;");
        Label note = new Label();
        note.textProperty().bind(slot.noteProperty());
        note.setStyle("-fx-text-fill: -color-fg-muted; -fx-font-size: 0.9em;");
        note.setMaxWidth(Double.MAX_VALUE);
        note.setMinWidth(0);
        note.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> slot.noteProperty().get().isEmpty() ? null : new Tooltip(slot.noteProperty().get()),
                slot.noteProperty()));
        HBox.setHgrow(note, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(slot.busyProperty());
        Button resetZoom = new Button("1:1");
        resetZoom.setTooltip(new Tooltip("Undo zoom (drag a rectangle or scroll to zoom)"));
        resetZoom.setOnAction(e -> resetZoom());
        Button export = new Button("Export…");
        export.setId("export-" + slot.kind().cliName());
        export.setTooltip(new Tooltip("Save this chart as PNG or SVG at a chosen size"));
        export.setOnAction(e -> onExport.run());
        enlarge.setTooltip(new Tooltip("Show only this chart / show all charts"));
        // In a narrow panel the title gives way (full text in its tooltip); the buttons never shrink to "...".
        title.setMinWidth(40);
        title.setTooltip(new Tooltip(slot.title()));
        for (javafx.scene.control.Control button : List.of(resetZoom, export, enlarge)) {
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(6, title, note, busy, resetZoom, export, enlarge);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(2, 4, 2, 4));
        setTop(header);
        setCenter(viewer);
        setMinSize(200, 150);
        setStyle("-fx-border-color: -color-border-default; -fx-border-width: 1; -fx-background-color: white;");

        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getTrigger().isStillSincePress()) {
                    viewModel.clicked(slot.kind(), event.getEntity(), event.getTrigger().isShortcutDown());
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                followMouse(event);
            }
        });
        show(slot.chartProperty().get());
        slot.chartProperty().addListener((obs, old, now) -> show(now));
    }

    ToggleButton enlargeButton() {
        return enlarge;
    }

    private void show(JFreeChart chart) {
        timeCrosshair.setValue(Double.NaN);
        valueCrosshair.setValue(Double.NaN);
        boolean timeChart = chart != null && chart.getPlot() instanceof XYPlot xy
                && xy.getDomainAxis() instanceof org.jfree.chart.axis.DateAxis;
        timeCrosshair.setVisible(timeChart);
        valueCrosshair.setVisible(timeChart);
        if (chart == null) {
            return;
        }
        // JFreeChart's crosshair overlay only paints XY plots (it casts), so it is attached for time charts only,
        // and taken off before a category or matrix chart is drawn.
        if (!timeChart && crosshairShown) {
            viewer.getCanvas().removeOverlay(crosshairOverlay);
            crosshairShown = false;
        }
        viewer.setChart(chart);
        if (timeChart && !crosshairShown) {
            viewer.getCanvas().addOverlay(crosshairOverlay);
            crosshairShown = true;
        }
    }

    /** Moves the crosshair of a time chart to the mouse: a vertical line at its date, a horizontal one at its value. */
    private void followMouse(ChartMouseEventFX event) {
        JFreeChart chart = event.getChart();
        if (chart == null || !timeCrosshair.isVisible() || viewer.getRenderingInfo() == null) {
            return;
        }
        Plot plot = chart.getPlot();
        if (!(plot instanceof XYPlot xy)) {
            return;
        }
        Rectangle2D area = viewer.getRenderingInfo().getPlotInfo().getDataArea();
        double x = event.getTrigger().getX();
        double y = event.getTrigger().getY();
        if (!area.contains(x, y)) {
            timeCrosshair.setValue(Double.NaN);
            valueCrosshair.setValue(Double.NaN);
            return;
        }
        timeCrosshair.setValue(xy.getDomainAxis().java2DToValue(x, area, RectangleEdge.BOTTOM));
        valueCrosshair.setValue(xy.getRangeAxis().java2DToValue(y, area, RectangleEdge.LEFT));
    }

    private void resetZoom() {
        JFreeChart chart = viewer.getChart();
        if (chart != null && chart.getPlot() instanceof org.jfree.chart.plot.Zoomable zoomable) {
            org.jfree.chart.plot.PlotRenderingInfo info = viewer.getRenderingInfo().getPlotInfo();
            java.awt.geom.Point2D origin = new java.awt.geom.Point2D.Double();
            zoomable.zoomDomainAxes(0, info, origin);
            zoomable.zoomRangeAxes(0, info, origin);
        }
    }
}
