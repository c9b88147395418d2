package org.khareetaty.ui.forecast;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.khareetaty.analysis.forecast.ForecastPoint;
import org.khareetaty.analysis.forecast.SeriesForecast;

/** Forecast pane: choices and a Forecast button on top, series on the left, chart and numbers on the right. */
public final class ForecastView extends BorderPane {

    private final ChartViewer chartViewer = new ChartViewer(null);

    public ForecastView(ForecastViewModel viewModel) {
        ComboBox<String> kind = new ComboBox<>(viewModel.kinds());
        kind.setId("forecast-kind");
        kind.valueProperty().bindBidirectional(viewModel.kindProperty());
        ComboBox<String> group = new ComboBox<>(viewModel.groups());
        group.valueProperty().bindBidirectional(viewModel.groupProperty());
        Spinner<Integer> horizon = new Spinner<>(1, 28, viewModel.horizonProperty().get());
        horizon.setPrefWidth(80);
        horizon.valueProperty().addListener((obs, old, now) -> viewModel.horizonProperty().set(now));
        Button run = new Button("Forecast");
        run.setId("forecast-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(viewModel.busyProperty());
        run.setOnAction(e -> viewModel.forecast());
        HBox toolbar = new HBox(8, new Label("Areas:"), kind, new Label("Categories:"), group,
                new Label("Days ahead:"), horizon, run);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(8));

        ListView<SeriesForecast> seriesList = new ListView<>(viewModel.series());
        seriesList.setId("forecast-series");
        seriesList.setPlaceholder(new Label("No forecast yet"));
        seriesList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SeriesForecast item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.series().label());
            }
        });
        seriesList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            seriesList.getSelectionModel().select(now);
            chartViewer.setChart(now == null ? null : chart(now));
        });

        TableView<ForecastPoint> table = new TableView<>();
        table.setId("forecast-points");
        table.setPlaceholder(new Label(""));
        TableColumn<ForecastPoint, String> period = column("Period", p -> p.period() == ForecastPoint.Period.WEEK
                ? "Week " + p.periodStart() + " to " + p.periodStart().plusDays(6)
                : p.periodStart() + " " + p.periodStart().getDayOfWeek().toString().substring(0, 3));
        period.setPrefWidth(270);
        table.getColumns().add(period);
        table.getColumns().add(column("Forecast", p -> String.format("%.0f", p.point())));
        table.getColumns().add(column("Mean", p -> String.format("%.1f", p.mean())));
        table.getColumns().add(column("80% interval", p -> String.format("%.0f – %.0f", p.lower80(), p.upper80())));
        table.getColumns().add(column("95% interval", p -> String.format("%.0f – %.0f", p.lower95(), p.upper95())));
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            table.getItems().clear();
            if (now != null) {
                table.getItems().addAll(now.weekly());
                table.getItems().addAll(now.daily());
            }
        });
        table.setPrefHeight(220);

        SplitPane right = new SplitPane(chartViewer, table);
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.65);
        SplitPane split = new SplitPane(seriesList, right);
        split.setDividerPositions(0.22);

        Label status = new Label();
        status.setId("forecast-status");
        status.textProperty().bind(viewModel.statusProperty());
        Label note = new Label();
        note.textProperty().bind(Bindings.createStringBinding(() -> viewModel.runProperty().get() == null ? ""
                : "Point forecast = predictive median; shaded bands = 80% and 95% prediction intervals. "
                        + "Check the Backtests pane before trusting it.", viewModel.runProperty()));
        VBox footer = new VBox(2, status, note);
        footer.setPadding(new Insets(4, 8, 4, 8));

        setTop(toolbar);
        setCenter(split);
        setBottom(footer);
        viewModel.loadChoices();
    }

    private static TableColumn<ForecastPoint, String> column(String title,
            java.util.function.Function<ForecastPoint, String> value) {
        TableColumn<ForecastPoint, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        column.setPrefWidth(140);
        return column;
    }

    private static Day day(LocalDate date) {
        return new Day(Date.from(date.atStartOfDay().toInstant(ZoneOffset.UTC)), java.util.TimeZone.getTimeZone("UTC"),
                java.util.Locale.ROOT);
    }

    /** History as a line, the forecast as a line inside its 95% and 80% bands. */
    static JFreeChart chart(SeriesForecast forecast) {
        TimeSeries observed = new TimeSeries("Observed");
        for (int i = 0; i < forecast.history().length; i++) {
            observed.add(day(forecast.historyFrom().plusDays(i)), forecast.history()[i]);
        }
        YIntervalSeries band95 = new YIntervalSeries("95% interval");
        YIntervalSeries band80 = new YIntervalSeries("80% interval");
        for (ForecastPoint p : forecast.daily()) {
            double x = day(p.periodStart()).getMiddleMillisecond();
            band95.add(x, p.point(), p.lower95(), p.upper95());
            band80.add(x, p.point(), p.lower80(), p.upper80());
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band95);
        bands.addSeries(band80);
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        bandRenderer.setSeriesFillPaint(0, new java.awt.Color(70, 130, 180, 60));
        bandRenderer.setSeriesFillPaint(1, new java.awt.Color(70, 130, 180, 110));
        bandRenderer.setSeriesPaint(0, new java.awt.Color(30, 80, 140));
        bandRenderer.setSeriesPaint(1, new java.awt.Color(30, 80, 140));
        bandRenderer.setAlpha(1f);

        DateAxis time = new DateAxis("Day");
        time.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        NumberAxis count = new NumberAxis("Incidents per day");
        count.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(bands, time, count, bandRenderer);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, java.awt.Color.DARK_GRAY);
        plot.setDataset(1, new TimeSeriesCollection(observed));
        plot.setRenderer(1, lineRenderer);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(new java.awt.Color(220, 220, 220));
        plot.setRangeGridlinePaint(new java.awt.Color(220, 220, 220));
        return new JFreeChart(forecast.series().label(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }
}
