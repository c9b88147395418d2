package org.khareetaty.map;

/** A layer as it is shown: its painter and its opacity in [0, 1]. */
public record PaintedLayer(String id, LayerPainter painter, double opacity) {

    public PaintedLayer {
        if (opacity < 0 || opacity > 1) {
            throw new IllegalArgumentException("Opacity must be from 0 to 1, not " + opacity);
        }
    }
}
