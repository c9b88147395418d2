package org.khareetaty.ui.charts;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jfree.chart.JFreeChart;
import org.khareetaty.charts.ChartKind;
import org.khareetaty.charts.IncidentChart;

/** One chart of the pane as the view sees it: the drawn chart, whether it is being redrawn, and a note. */
public final class ChartSlot {

    private final ChartKind kind;
    private final ObjectProperty<IncidentChart> current = new SimpleObjectProperty<>();
    private final ObjectProperty<JFreeChart> chart = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty note = new SimpleStringProperty("");

    ChartSlot(ChartKind kind) {
        this.kind = kind;
    }

    public ChartKind kind() {
        return kind;
    }

    public String title() {
        return kind.title();
    }

    public ObjectProperty<JFreeChart> chartProperty() {
        return chart;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty noteProperty() {
        return note;
    }

    IncidentChart current() {
        return current.get();
    }

    void show(IncidentChart drawn) {
        current.set(drawn);
        chart.set(drawn.chart());
        note.set(drawn.note());
        busy.set(false);
    }

    void failed(String message) {
        note.set(message);
        busy.set(false);
    }
}
