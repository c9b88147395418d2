package org.khareetaty.ui.map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.khareetaty.map.LayerPainter;

/** One layer of the map pane: shown or not, its opacity, its current painter and a note when it has nothing to show. */
public final class MapLayerState {

    /** The overlay layers, in drawing order (bottom first). */
    public enum Id {
        AREAS("Areas"),
        DENSITY("Kernel density"),
        GISTAR("Gi* hot and cold spots"),
        FORECAST("Forecast risk"),
        HOTSPOTS("Hotspots"),
        INCIDENTS("Incidents");

        private final String title;

        Id(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final Id id;
    private final BooleanProperty visible;
    private final DoubleProperty opacity;
    private final ObjectProperty<LayerPainter> painter = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");

    MapLayerState(Id id, boolean visible, double opacity) {
        this.id = id;
        this.visible = new SimpleBooleanProperty(visible);
        this.opacity = new SimpleDoubleProperty(opacity);
    }

    public Id id() {
        return id;
    }

    public String title() {
        return id.title();
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    /** What draws the layer now; null while it is loading or when there is nothing to draw. */
    public ObjectProperty<LayerPainter> painterProperty() {
        return painter;
    }

    /** Why the layer shows nothing (e.g. "No KDE run yet"), or empty. */
    public StringProperty noteProperty() {
        return note;
    }
}
