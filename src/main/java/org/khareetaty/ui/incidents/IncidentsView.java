package org.khareetaty.ui.incidents;

import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.khareetaty.store.IncidentRepository.Sort;
import org.khareetaty.store.IncidentRepository.SortColumn;
import org.khareetaty.store.IncidentRow;

/** The incidents table; sorting is done by the database, not by the TableView. */
public final class IncidentsView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public IncidentsView(IncidentsViewModel viewModel) {
        TableView<IncidentRow> table = new TableView<>(viewModel.rows());
        table.setId("incidents-table");
        table.setPlaceholder(new Label("No incidents match the filter. Import data with File ▸ Import…"));
        TableColumn<IncidentRow, String> time = column("", SortColumn.OCCURRED_AT, 150,
                row -> TIME.format(row.occurredAt().atZone(viewModel.displayZoneProperty().get())));
        time.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Time (" + viewModel.displayZoneProperty().get().getId() + ")", viewModel.displayZoneProperty()));
        viewModel.displayZoneProperty().addListener((obs, old, now) -> table.refresh());
        table.getColumns().add(time);
        table.getColumns().add(column("Category", SortColumn.CATEGORY, 140, IncidentRow::categoryCode));
        table.getColumns().add(column("Source category", null, 220, IncidentRow::categorySource));
        table.getColumns().add(column("Address", SortColumn.ADDRESS, 260, IncidentRow::address));
        table.getColumns().add(column("Longitude", null, 100, row -> row.lon() == null ? "—" : String.format("%.5f", row.lon())));
        table.getColumns().add(column("Latitude", null, 100, row -> row.lat() == null ? "—" : String.format("%.5f", row.lat())));
        table.getColumns().add(column("Source key", SortColumn.SOURCE_KEY, 140, IncidentRow::sourceKey));
        table.getColumns().add(column("Time flag", null, 100, row -> row.timeFlag() == null ? "" : row.timeFlag()));
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                viewModel.sortProperty().set(Sort.NEWEST_FIRST);
                return true;
            }
            TableColumn<IncidentRow, ?> first = t.getSortOrder().get(0);
            if (first.getUserData() instanceof SortColumn sortColumn) {
                viewModel.sortProperty().set(new Sort(sortColumn, first.getSortType() == TableColumn.SortType.ASCENDING));
            }
            return true;
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.selectedProperty().set(now));

        Label status = new Label();
        status.textProperty().bind(viewModel.statusProperty());
        HBox footer = new HBox(status);
        footer.setPadding(new Insets(4, 8, 4, 8));

        setCenter(table);
        setBottom(footer);
        viewModel.reload();
    }

    private static TableColumn<IncidentRow, String> column(String title, SortColumn sortColumn, double width,
            Function<IncidentRow, String> value) {
        TableColumn<IncidentRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setUserData(sortColumn);
        column.setSortable(sortColumn != null);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue() == null ? "…" : value.apply(cell.getValue())));
        return column;
    }
}
