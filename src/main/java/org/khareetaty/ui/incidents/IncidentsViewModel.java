package org.khareetaty.ui.incidents;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.store.IncidentRepository;
import org.khareetaty.store.IncidentRepository.Sort;
import org.khareetaty.store.IncidentRow;
import org.khareetaty.ui.common.FilterModel;
import org.khareetaty.ui.common.FxExecutor;

/**
 * The incidents table: the shared filter and a sort order in, a lazily loaded row list out.
 * All queries run on background tasks; results arrive on the UI thread through {@link FxExecutor}.
 */
public final class IncidentsViewModel {

    private final IncidentRepository repository;
    private final FxExecutor executor;
    private final FilterModel filter;
    private final LazyIncidentList rows;
    private final LongProperty total = new SimpleLongProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>(Sort.NEWEST_FIRST);
    private final ObjectProperty<IncidentRow> selected = new SimpleObjectProperty<>();
    private final Supplier<ZoneId> agencyZone;
    private final ObjectProperty<ZoneId> displayZone = new SimpleObjectProperty<>(ZoneOffset.UTC);

    public IncidentsViewModel(IncidentRepository repository, FxExecutor executor, FilterModel filter,
            Supplier<ZoneId> agencyZone) {
        this.agencyZone = agencyZone;
        this.repository = repository;
        this.executor = executor;
        this.filter = filter;
        this.rows = new LazyIncidentList(this::loadBlock);
        filter.filterProperty().addListener((obs, old, now) -> reload());
        filter.dataRevisionProperty().addListener((obs, old, now) -> reload());
        sort.addListener((obs, old, now) -> reload());
    }

    public ObservableList<IncidentRow> rows() {
        return rows;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Sort> sortProperty() {
        return sort;
    }

    public ObjectProperty<IncidentRow> selectedProperty() {
        return selected;
    }

    public FilterModel filter() {
        return filter;
    }

    /** The zone times are shown in: the agency's. */
    public ReadOnlyObjectProperty<ZoneId> displayZoneProperty() {
        return displayZone;
    }

    private record Counted(long count, ZoneId zone) {
    }

    /** Counts the matching incidents again and starts the list over. */
    public void reload() {
        IncidentFilter current = filter.get();
        status.set("Counting incidents…");
        executor.run("Count incidents", context -> new Counted(repository.count(current), agencyZone.get()), counted -> {
            // The agency's zone is set by the first import, so it is read again with every count.
            displayZone.set(counted.zone());
            long count = counted.count();
            if (current.equals(filter.get())) {
                total.set(count);
                status.set(String.format("%,d incidents", count));
                rows.reset(count);
            }
        }, error -> status.set("Cannot read incidents: " + error.getMessage()));
    }

    private void loadBlock(long block, int generation) {
        IncidentFilter current = filter.get();
        Sort order = sort.get();
        executor.run("Load incidents", context -> repository.page(current, order, block * LazyIncidentList.BLOCK,
                LazyIncidentList.BLOCK), (List<IncidentRow> loaded) -> rows.blockLoaded(block, generation, loaded),
                error -> {
                    rows.blockFailed(block, generation);
                    status.set("Cannot read incidents: " + error.getMessage());
                });
    }
}
