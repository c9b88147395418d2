package org.khareetaty.map;

import java.util.List;

/** The key of a layer: a title with units and one colour swatch per class. Colours are ARGB. */
public record Legend(String title, List<Entry> entries) {

    public static final Legend NONE = new Legend("", List.of());

    public Legend {
        entries = List.copyOf(entries);
    }

    /** One class of the legend. */
    public record Entry(int argb, String label) {
    }
}
