package org.khareetaty.ui.hotspots;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.converter.DoubleStringConverter;
import javafx.util.converter.IntegerStringConverter;
import org.khareetaty.analysis.hotspot.Hotspot;
import org.khareetaty.analysis.hotspot.HotspotParameters;
import org.khareetaty.analysis.hotspot.HotspotProfile;
import org.khareetaty.analysis.hotspot.HotspotRun;
import org.khareetaty.analysis.hotspot.KDistance;
import org.khareetaty.analysis.hotspot.KernelDensity;
import org.khareetaty.analysis.hotspot.RunKind;
import org.khareetaty.ui.common.FullRepaint;

/** The hotspot panel: parameters on the left, ranked hotspots in the middle, profile, k-distance and runs on the right. */
public final class HotspotsView extends BorderPane {

    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private final HotspotsViewModel model;

    public HotspotsView(HotspotsViewModel model) {
        this.model = model;
        setId("hotspots-view");
        SplitPane split = new SplitPane(parameters(), results(), details());
        split.setDividerPositions(0.24, 0.68);
        setCenter(split);
        Label status = new Label();
        status.setId("hotspots-status");
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        status.setPadding(new Insets(4, 8, 4, 8));
        setBottom(status);
        model.loadRuns();
    }

    private Node parameters() {
        ComboBox<RunKind> method = new ComboBox<>();
        method.setId("hotspots-method");
        method.getItems().setAll(RunKind.values());
        method.valueProperty().bindBidirectional(model.methodProperty());
        method.setConverter(converter(RunKind::title));
        method.setMaxWidth(Double.MAX_VALUE);

        GridPane dbscan = form(
                row("Distance eps", number(model.epsMetresProperty().asObject()), "m",
                        "Incidents closer than this are neighbours."),
                row("Min points", integer(model.minPointsProperty().asObject()), "incidents",
                        "Neighbours (itself included) that make a dense core."));
        ComboBox<KernelDensity.Kernel> kernel = new ComboBox<>();
        kernel.getItems().setAll(KernelDensity.Kernel.values());
        kernel.valueProperty().bindBidirectional(model.kernelProperty());
        kernel.setConverter(converter(k -> k.name().charAt(0) + k.name().substring(1).toLowerCase(Locale.ROOT)));
        ComboBox<HotspotParameters.Period> period = new ComboBox<>();
        period.getItems().setAll(HotspotParameters.Period.values());
        period.valueProperty().bindBidirectional(model.periodProperty());
        period.setConverter(converter(p -> p.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        GridPane kde = form(
                row("Kernel", kernel, "", "Gaussian: smooth; quartic: zero beyond the bandwidth."),
                row("Bandwidth", number(model.bandwidthMetresProperty().asObject()), "m",
                        "Gaussian σ or quartic search radius."),
                row("Cell size", number(model.kdeCellMetresProperty().asObject()), "m", "Side of each grid cell."),
                row("Per", period, "", "Density in incidents per km² per this period."));
        TextField areaKind = new TextField();
        areaKind.textProperty().bindBidirectional(model.giAreaKindProperty());
        areaKind.setPromptText("grid");
        GridPane gistar = form(
                row("Cell size", number(model.giCellMetresProperty().asObject()), "m",
                        "Counts per cell; neighbours are the 8 cells around."),
                row("Areas", areaKind, "kind", "Leave empty for a grid, or e.g. district to test areas."));
        dbscan.visibleProperty().bind(model.methodProperty().isEqualTo(RunKind.DBSCAN));
        kde.visibleProperty().bind(model.methodProperty().isEqualTo(RunKind.KDE));
        gistar.visibleProperty().bind(model.methodProperty().isEqualTo(RunKind.GISTAR));
        for (GridPane form : new GridPane[] {dbscan, kde, gistar}) {
            form.managedProperty().bind(form.visibleProperty());
        }
        Label explanation = new Label();
        explanation.setWrapText(true);
        explanation.textProperty().bind(Bindings.createStringBinding(() -> switch (model.methodProperty().get()) {
            case DBSCAN -> "DBSCAN finds dense clusters of incidents; scattered incidents are noise.";
            case KDE -> "Kernel density smooths incidents into a surface, drawn on the map.";
            case GISTAR -> "Getis-Ord Gi* finds cells or areas with significantly more (hot) or fewer (cold) "
                    + "incidents than expected, at 90/95/99 % after false-discovery-rate correction.";
        }, model.methodProperty()));
        explanation.setStyle("-fx-text-fill: -color-fg-muted;");

        Label filter = new Label();
        filter.setWrapText(true);
        filter.textProperty().bind(Bindings.createStringBinding(() -> "Filter: " + model.describeFilter(),
                model.filter().filterProperty()));
        Button run = new Button("Run");
        run.setId("hotspots-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.run());
        Button cancel = new Button("Cancel");
        cancel.setId("hotspots-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(model.runningProperty());
        HBox buttons = new HBox(8, run, cancel, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label title = new Label("Hotspot analysis");
        title.setStyle("-fx-font-size: 1.25em; -fx-font-weight: bold;");
        VBox box = new VBox(10, title, method, explanation, dbscan, kde, gistar, filter, buttons);
        box.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node results() {
        TableView<Hotspot> table = new TableView<>(model.hotspots());
        table.setId("hotspots-table");
        table.getColumns().add(column("Rank", 62, h -> h.rank()));
        table.getColumns().add(column("Hotspot", 190, Hotspot::label));
        table.getColumns().add(column("Incidents", 96, h -> String.format("%,d", h.incidentCount())));
        table.getColumns().add(column("Area km²", 90, h -> String.format(Locale.ROOT, "%.3f", h.areaM2() / 1e6)));
        table.getColumns().add(column("per km²", 80, h -> String.format("%,.0f", h.densityPerKm2())));
        table.getColumns().add(column("z", 55, h -> h.zScore() == null ? "" : String.format(Locale.ROOT, "%.2f", h.zScore())));
        table.getColumns().add(column("Leading category", 160, h -> h.profile().categories().isEmpty() ? ""
                : h.profile().categories().get(0).category()));
        Label empty = new Label("No hotspots yet: run an analysis or reopen a stored run.");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            }
        });
        Label summary = new Label();
        summary.textProperty().bind(model.runSummaryProperty());
        summary.setWrapText(true);
        Button clear = new Button("Show all incidents");
        clear.setTooltip(new javafx.scene.control.Tooltip("Clear the hotspot selection so the map and table show the whole filter again"));
        clear.disableProperty().bind(model.selectedProperty().isNull());
        clear.setOnAction(e -> model.selectedProperty().set(null));
        clear.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, summary, clear);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(summary, Priority.ALWAYS);
        VBox box = new VBox(6, top, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        FullRepaint.after(model.runSummaryProperty(), box);
        return box;
    }

    private Node details() {
        TabPane tabs = new TabPane(new Tab("Profile", profile()), new Tab("k-distance", kDistance()), new Tab("Runs", runs()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private Node profile() {
        Label heading = new Label("Select a hotspot to see when and what.");
        heading.setWrapText(true);
        heading.setStyle("-fx-font-weight: bold;");
        BarChart<String, Number> hours = barChart("Hour of day");
        BarChart<String, Number> days = barChart("Day of week");
        ListView<String> facts = new ListView<>();
        facts.setPrefHeight(150);
        model.selectedProperty().addListener((obs, old, hotspot) -> {
            hours.getData().clear();
            days.getData().clear();
            facts.getItems().clear();
            if (hotspot == null) {
                heading.setText("Select a hotspot to see when and what.");
                return;
            }
            HotspotProfile profile = hotspot.profile();
            heading.setText(String.format("%s: %,d incidents on %.3f km²", hotspot.label(), hotspot.incidentCount(),
                    hotspot.areaM2() / 1e6));
            XYChart.Series<String, Number> hourSeries = new XYChart.Series<>();
            for (int h = 0; h < 24; h++) {
                hourSeries.getData().add(new XYChart.Data<>(Integer.toString(h), profile.hours()[h]));
            }
            hours.getData().add(hourSeries);
            XYChart.Series<String, Number> daySeries = new XYChart.Series<>();
            for (int d = 0; d < 7; d++) {
                daySeries.getData().add(new XYChart.Data<>(WEEKDAYS[d], profile.weekdays()[d]));
            }
            days.getData().add(daySeries);
            for (HotspotProfile.CategoryShare c : profile.categories()) {
                facts.getItems().add(String.format(Locale.ROOT, "%s: %,d (%.0f %%)", c.category(), c.count(), 100 * c.share()));
            }
            for (HotspotProfile.AreaShare a : profile.areas()) {
                facts.getItems().add(String.format("%s %s: %,d incidents", a.kind(), a.name(), a.count()));
            }
            if (hotspot.confidence() != null) {
                facts.getItems().add(0, String.format(Locale.ROOT, "%s at %d %% (z = %.2f, p = %.2g)",
                        hotspot.cold() ? "Cold spot" : "Hot spot", Math.abs(hotspot.confidence()), hotspot.zScore(), hotspot.pValue()));
            }
        });
        VBox box = new VBox(6, heading, hours, days, facts);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node kDistance() {
        NumberAxis x = new NumberAxis();
        x.setLabel("Incidents, sorted by distance");
        NumberAxis y = new NumberAxis();
        y.setLabel("Distance to k-th neighbour (m)");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        Label knee = new Label("The knee of the curve is a good eps: points left of it are in sparse places.");
        knee.setWrapText(true);
        model.kDistanceProperty().addListener((obs, old, curve) -> {
            chart.getData().clear();
            if (curve == null) {
                return;
            }
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            double[] d = curve.distances();
            int step = Math.max(1, d.length / 400);
            for (int i = 0; i < d.length; i += step) {
                series.getData().add(new XYChart.Data<>(i, d[i]));
            }
            chart.getData().add(series);
            knee.setText(String.format(Locale.ROOT, "k = %d: knee at %.0f m (%,d of %,d incidents sampled).",
                    curve.minPoints() - 1, curve.kneeMetres(), curve.sampled(), curve.total()));
        });
        Button compute = new Button("Compute for min points");
        compute.setOnAction(e -> model.computeKDistance());
        Button use = new Button("Use knee as eps");
        use.disableProperty().bind(model.kDistanceProperty().isNull());
        use.setOnAction(e -> {
            model.useKnee();
            model.methodProperty().set(RunKind.DBSCAN);
        });
        VBox box = new VBox(6, new HBox(8, compute, use), knee, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node runs() {
        ListView<HotspotRun> list = new ListView<>(model.runs());
        list.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(HotspotRun run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null
                        : run.startedAt().toString().substring(0, 16).replace('T', ' ') + "  " + run.describe());
                setWrapText(true);
            }
        });
        list.setPrefWidth(300);
        Button open = new Button("Open");
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> model.open(list.getSelectionModel().getSelectedItem()));
        Button compare = new Button("Compare current with selected");
        compare.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()
                .or(model.currentRunProperty().isNull()));
        compare.setOnAction(e -> model.compareWith(list.getSelectionModel().getSelectedItem()));
        ListView<String> comparison = new ListView<>(model.comparison());
        comparison.setPlaceholder(new Label("New, grown, stable, shrunk and gone hotspots appear here."));
        VBox box = new VBox(6, list, new HBox(8, open, compare), comparison);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static BarChart<String, Number> barChart(String title) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCategoryGap(1);
        chart.setPrefHeight(180);
        return chart;
    }

    private static <T> TableColumn<Hotspot, T> column(String title, double width, Function<Hotspot, T> value) {
        TableColumn<Hotspot, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleObjectProperty<>(value.apply(cell.getValue())));
        return column;
    }

    private static TextField number(Property<Double> property) {
        TextField field = new TextField();
        TextFormatter<Double> formatter = new TextFormatter<>(new DoubleStringConverter(), property.getValue());
        formatter.valueProperty().bindBidirectional(property);
        field.setTextFormatter(formatter);
        field.setPrefColumnCount(6);
        return field;
    }

    private static TextField integer(Property<Integer> property) {
        TextField field = new TextField();
        TextFormatter<Integer> formatter = new TextFormatter<>(new IntegerStringConverter(), property.getValue());
        formatter.valueProperty().bindBidirectional(property);
        field.setTextFormatter(formatter);
        field.setPrefColumnCount(6);
        return field;
    }

    private record Row(String label, Node input, String unit, String help) {
    }

    private static Row row(String label, Node input, String unit, String help) {
        return new Row(label, input, unit, help);
    }

    private static GridPane form(Row... rows) {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(2);
        int r = 0;
        for (Row row : rows) {
            // Names and units keep their full text; the input field is what narrows in a narrow column.
            Label name = new Label(row.label());
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label unit = new Label(row.unit());
            unit.setMinWidth(Region.USE_PREF_SIZE);
            if (row.input() instanceof Region input) {
                input.setMinWidth(50);
                input.setPrefWidth(80);
            }
            grid.add(name, 0, r);
            grid.add(row.input(), 1, r);
            grid.add(unit, 2, r);
            Label help = new Label(row.help());
            help.setWrapText(true);
            help.setStyle("-fx-text-fill: -color-fg-muted; -fx-font-size: 0.9em;");
            grid.add(help, 0, r + 1, 3, 1);
            r += 2;
        }
        return grid;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("read-only choice");
            }
        };
    }
}
