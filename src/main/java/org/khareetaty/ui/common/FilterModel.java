package org.khareetaty.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.khareetaty.common.IncidentFilter;

/** The one filter shared by the map, charts, incidents table and analyses; panes listen to it. */
public final class FilterModel {

    private final ObjectProperty<IncidentFilter> filter = new SimpleObjectProperty<>(IncidentFilter.ALL);

    public ObjectProperty<IncidentFilter> filterProperty() {
        return filter;
    }

    public IncidentFilter get() {
        return filter.get();
    }

    public void set(IncidentFilter value) {
        filter.set(value);
    }
}
