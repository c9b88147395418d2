package org.khareetaty.ui.charts;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.khareetaty.charts.AreaMeasure;
import org.khareetaty.charts.ChartKind;
import org.khareetaty.charts.ChartOptions;
import org.khareetaty.charts.TimeGranularity;

/**
 * The chart pane: options and the filter in words on top, the five charts in a grid below (one can be enlarged).
 * Click a bar, point or cell to filter the map and table by it; Ctrl/⌘-click to add it to the choice.
 */
public final class ChartsView extends BorderPane {

    private final ChartsViewModel viewModel;
    private final Map<ChartKind, ChartPanel> panels = new EnumMap<>(ChartKind.class);
    private final GridPane grid = new GridPane();

    public ChartsView(ChartsViewModel viewModel) {
        this.viewModel = viewModel;
        setId("charts-pane");
        for (ChartKind kind : ChartKind.values()) {
            ChartPanel panel = new ChartPanel(viewModel.slot(kind), viewModel, () -> export(kind));
            panel.enlargeButton().selectedProperty().addListener((obs, old, now) -> enlarge(now ? kind : null));
            panels.put(kind, panel);
        }
        setTop(toolbar());
        layoutGrid();
        setCenter(grid);
        Label status = new Label();
        status.setId("charts-status");
        status.textProperty().bind(viewModel.statusProperty());
        HBox footer = new HBox(status);
        footer.setPadding(new Insets(2, 8, 2, 8));
        setBottom(footer);
        viewModel.refresh();
    }

    private VBox toolbar() {
        ComboBox<TimeGranularity> granularity = new ComboBox<>();
        granularity.getItems().addAll(null, TimeGranularity.DAY, TimeGranularity.WEEK, TimeGranularity.MONTH);
        granularity.setConverter(converter(value -> value == null ? "Automatic" : value.label()));
        granularity.setValue(viewModel.optionsProperty().get().granularity());
        granularity.valueProperty().addListener((obs, old, now) -> update(viewModel.optionsProperty().get()
                .withGranularity(now)));

        Spinner<Integer> top = new Spinner<>(1, 20, viewModel.optionsProperty().get().topCategories());
        top.setPrefWidth(70);
        top.valueProperty().addListener((obs, old, now) -> update(viewModel.optionsProperty().get()
                .withTopCategories(now)));

        ComboBox<String> areaKind = new ComboBox<>(viewModel.areaKinds());
        areaKind.setPromptText("Agency's areas");
        areaKind.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                update(viewModel.optionsProperty().get().withAreaKind(now));
            }
        });
        ComboBox<AreaMeasure> measure = new ComboBox<>();
        measure.getItems().addAll(AreaMeasure.values());
        measure.setConverter(converter(AreaMeasure::label));
        measure.setValue(viewModel.optionsProperty().get().areaMeasure());
        measure.valueProperty().addListener((obs, old, now) -> update(viewModel.optionsProperty().get()
                .withAreaMeasure(now)));

        Button back = new Button("◀ Back");
        back.setTooltip(new Tooltip("Undo the last filter set by clicking a chart"));
        back.disableProperty().bind(viewModel.canGoBackProperty().not());
        back.setOnAction(e -> viewModel.back());
        Button clear = new Button("Clear filter");
        clear.setId("charts-clear-filter");
        clear.setTooltip(new Tooltip("Remove every condition of the shared filter (map and table too)"));
        clear.setOnAction(e -> viewModel.clearFilter());

        HBox options = new HBox(8, new Label("Time buckets"), granularity, new Separator(javafx.geometry.Orientation.VERTICAL),
                new Label("Top categories"), top, new Separator(javafx.geometry.Orientation.VERTICAL),
                new Label("Areas"), areaKind, measure);
        options.setAlignment(Pos.CENTER_LEFT);
        // Labels and choices keep their full text; the measure list (the longest) is the one that gives way.
        options.getChildren().forEach(child -> {
            if (child instanceof javafx.scene.control.Control control && child != measure) {
                control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
        measure.setMinWidth(160);
        Label filter = new Label();
        filter.setId("charts-filter-summary");
        filter.textProperty().bind(viewModel.filterSummaryProperty());
        filter.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(filter, Priority.ALWAYS);
        Label hint = new Label("Click a bar, point or cell to filter; Ctrl-click to add; drag to zoom.");
        hint.setStyle("-fx-text-fill: -color-fg-muted;");
        HBox filterRow = new HBox(8, new Label("Filter:"), filter, hint, back, clear);
        filterRow.setAlignment(Pos.CENTER_LEFT);
        VBox toolbar = new VBox(6, options, filterRow);
        toolbar.setPadding(new Insets(6, 8, 6, 8));
        return toolbar;
    }

    private void update(ChartOptions options) {
        viewModel.optionsProperty().set(options);
    }

    /** Three columns, two rows: the timeline wide on top beside top categories; stacked, heat map and areas below. */
    private void layoutGrid() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(0, 6, 6, 6));
        for (int c = 0; c < 3; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / 3);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        for (int r = 0; r < 2; r++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        grid.add(panels.get(ChartKind.TIMELINE), 0, 0, 2, 1);
        grid.add(panels.get(ChartKind.TOP_CATEGORIES), 2, 0);
        grid.add(panels.get(ChartKind.CATEGORIES_OVER_TIME), 0, 1);
        grid.add(panels.get(ChartKind.HOUR_WEEKDAY), 1, 1);
        grid.add(panels.get(ChartKind.AREAS), 2, 1);
    }

    private void enlarge(ChartKind kind) {
        if (kind == null) {
            if (panels.values().stream().noneMatch(p -> p.enlargeButton().isSelected())) {
                layoutGrid();
                setCenter(grid);
            }
            return;
        }
        panels.forEach((k, panel) -> {
            if (k != kind) {
                panel.enlargeButton().setSelected(false);
            }
        });
        ChartPanel panel = panels.get(kind);
        grid.getChildren().remove(panel);
        BorderPane single = new BorderPane(panel);
        single.setPadding(new Insets(0, 6, 6, 6));
        setCenter(single);
    }

    private void export(ChartKind kind) {
        ExportDialog.ask(getScene().getWindow(), kind)
                .ifPresent(choice -> viewModel.export(kind, choice.file(), choice.width(), choice.height()));
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
