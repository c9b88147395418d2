package org.khareetaty.map;

import java.awt.Graphics2D;

/**
 * Draws one map layer with Java2D for a viewport. Implementations are immutable snapshots of their
 * data, so tiles can be painted on several background threads while the user changes the map.
 */
public interface LayerPainter {

    /** Paints into {@code g}, whose origin is the view's top-left pixel. */
    void paint(Graphics2D g, MapViewport view);

    /** What the colours mean, with units; {@link Legend#NONE} when the layer needs no explanation. */
    default Legend legend(double zoom) {
        return Legend.NONE;
    }
}
