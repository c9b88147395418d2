package org.khareetaty.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.khareetaty.common.IncidentFilter;

/**
 * The one filter shared by the map, charts, incidents table and analyses; panes listen to it. Panes also listen
 * to {@link #dataRevisionProperty()}: the same filter over new data (an import, a rollback) must be shown again.
 */
public final class FilterModel {

    private final ObjectProperty<IncidentFilter> filter = new SimpleObjectProperty<>(IncidentFilter.ALL);
    private final ReadOnlyIntegerWrapper dataRevision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper analysisRevision = new ReadOnlyIntegerWrapper();

    public ObjectProperty<IncidentFilter> filterProperty() {
        return filter;
    }

    public IncidentFilter get() {
        return filter.get();
    }

    public void set(IncidentFilter value) {
        filter.set(value);
    }

    /** Raised by the composition root on the UI thread when incidents or areas changed. */
    public ReadOnlyIntegerProperty dataRevisionProperty() {
        return dataRevision.getReadOnlyProperty();
    }

    public void dataChanged() {
        dataRevision.set(dataRevision.get() + 1);
    }

    /** Raised by the composition root on the UI thread when an analysis run (hotspots, forecast) was stored. */
    public ReadOnlyIntegerProperty analysisRevisionProperty() {
        return analysisRevision.getReadOnlyProperty();
    }

    public void analysisStored() {
        analysisRevision.set(analysisRevision.get() + 1);
    }
}
