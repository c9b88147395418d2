package org.khareetaty.ui.map;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Copies Java2D images into JavaFX images; safe on background threads for images not yet shown. */
final class FxImages {

    private FxImages() {
    }

    static WritableImage toFx(BufferedImage image) {
        BufferedImage argb = image;
        if (image.getType() != BufferedImage.TYPE_INT_ARGB) {
            argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
            var g = argb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        int[] pixels = ((DataBufferInt) argb.getRaster().getDataBuffer()).getData();
        WritableImage fx = new WritableImage(argb.getWidth(), argb.getHeight());
        fx.getPixelWriter().setPixels(0, 0, argb.getWidth(), argb.getHeight(), PixelFormat.getIntArgbInstance(), pixels, 0, argb.getWidth());
        return fx;
    }
}
