package org.khareetaty.ui.forecast;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.khareetaty.analysis.forecast.HotspotBacktest;
import org.khareetaty.analysis.forecast.MethodScore;

/** Backtest pane: each method's scores beside its baselines, for count and for hotspot forecasts. */
public final class BacktestView extends VBox {

    public BacktestView(BacktestViewModel viewModel) {
        super(8);
        setPadding(new Insets(8));
        TextField kind = new TextField();
        kind.setPrefColumnCount(10);
        kind.textProperty().bindBidirectional(viewModel.kindProperty());
        Button runCounts = new Button("Backtest count forecasts");
        runCounts.setId("backtest-counts");
        runCounts.disableProperty().bind(viewModel.busyProperty());
        runCounts.setOnAction(e -> viewModel.runCounts());
        Button runHotspots = new Button("Backtest hotspot forecasts");
        runHotspots.setId("backtest-hotspots");
        runHotspots.disableProperty().bind(viewModel.busyProperty());
        runHotspots.setOnAction(e -> viewModel.runHotspots());
        HBox toolbar = new HBox(8, new Label("Areas:"), kind, runCounts, runHotspots);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        Label countTitle = heading("Count forecasts — 12 monthly origins, fit on the previous 730 days; "
                + "MASE scaled by the in-sample seasonal naive error");
        TableView<MethodScore> countTable = new TableView<>();
        countTable.setId("backtest-count-table");
        countTable.setPlaceholder(new Label("No count backtest yet"));
        countTable.getColumns().add(column("Method", MethodScore::method));
        countTable.getColumns().add(column("Days ahead", s -> String.valueOf(s.horizon())));
        countTable.getColumns().add(column("MASE", s -> String.format("%.3f", s.mase())));
        countTable.getColumns().add(column("MAE", s -> String.format("%.2f", s.mae())));
        countTable.getColumns().add(column("80% covered", s -> percent(s.coverage80())));
        countTable.getColumns().add(column("90% covered", s -> percent(s.coverage90())));
        countTable.getColumns().add(column("95% covered", s -> percent(s.coverage95())));
        countTable.setPrefHeight(170);
        Label countVerdict = verdict();
        countVerdict.textProperty().bind(viewModel.countVerdictProperty());
        Label countInfo = new Label();
        viewModel.countResultProperty().addListener((obs, old, now) -> {
            countTable.getItems().setAll(now == null ? java.util.List.of() : now.overall());
            countInfo.setText(now == null ? "" : String.format("%d series × %d origins (%s … %s), %d ms",
                    now.seriesLabels().size(), now.origins().size(), now.origins().get(0),
                    now.origins().get(now.origins().size() - 1), now.loadMillis() + now.modelMillis()));
        });

        Label hotspotTitle = heading("Hotspot forecasts — weekly origins, top k% of the grid cells flagged; "
                + "PAI = hit share / area share, PEI* = hits / best possible hits");
        TableView<HotspotBacktest.Score> hotspotTable = new TableView<>();
        hotspotTable.setId("backtest-hotspot-table");
        hotspotTable.setPlaceholder(new Label("No hotspot backtest yet"));
        hotspotTable.getColumns().add(column("Method", HotspotBacktest.Score::method));
        hotspotTable.getColumns().add(column("Area flagged", s -> String.format("%.0f%%", s.coveragePercent())));
        hotspotTable.getColumns().add(column("PAI", s -> String.format("%.2f", s.pai())));
        hotspotTable.getColumns().add(column("PEI*", s -> String.format("%.3f", s.pei())));
        hotspotTable.getColumns().add(column("Incidents caught", s -> String.format("%.1f%%", 100 * s.hitRate())));
        hotspotTable.setPrefHeight(260);
        Label hotspotVerdict = verdict();
        hotspotVerdict.textProperty().bind(viewModel.hotspotVerdictProperty());
        Label hotspotInfo = new Label();
        viewModel.hotspotResultProperty().addListener((obs, old, now) -> {
            hotspotTable.getItems().setAll(now == null ? java.util.List.of() : now.scores());
            hotspotInfo.setText(now == null ? "" : String.format("%d weeks from %s, %.0f m cells (%,d inside), %,d "
                    + "incidents, %d ms", now.weeks(), now.firstOrigin(), now.cellSizeM(), now.cellsInside(),
                    now.incidents(), now.loadMillis() + now.modelMillis()));
        });

        Label status = new Label();
        status.setId("backtest-status");
        status.textProperty().bind(viewModel.statusProperty());
        getChildren().addAll(toolbar, countTitle, countTable, countInfo, countVerdict, hotspotTitle, hotspotTable,
                hotspotInfo, hotspotVerdict, status);
        viewModel.loadLatest();
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }

    private static Label verdict() {
        Label label = new Label();
        label.setWrapText(true);
        return label;
    }

    private static String percent(Double value) {
        return value == null ? "—" : String.format("%.1f%%", 100 * value);
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        column.setPrefWidth(120);
        return column;
    }
}
