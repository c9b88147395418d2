package org.khareetaty.ui.map;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.khareetaty.map.WebMercator;

/**
 * Java2D pixels as JavaFX images; safe on background threads for images not yet shown. The image is made over the
 * pixel array itself (a {@link PixelBuffer}), not a copy of it (ADR 0046): a tile costs one array, not three.
 */
final class FxImages {

    private FxImages() {
    }

    /** A 256-pixel tile over these premultiplied ARGB pixels, which nobody may change afterwards. */
    static WritableImage ofTilePixels(int[] argbPremultiplied) {
        return over(argbPremultiplied, WebMercator.TILE_SIZE, WebMercator.TILE_SIZE);
    }

    /**
     * The image's pixels as a JavaFX image. An ARGB image's pixels are premultiplied in place and taken over: the
     * caller must not use the Java2D image afterwards.
     */
    static WritableImage toFx(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_INT_ARGB_PRE || image.getType() == BufferedImage.TYPE_INT_ARGB) {
            int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
                premultiply(pixels);
            }
            return over(pixels, width, height);
        }
        BufferedImage premultiplied = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        var g = premultiplied.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return over(((DataBufferInt) premultiplied.getRaster().getDataBuffer()).getData(), width, height);
    }

    private static WritableImage over(int[] pixels, int width, int height) {
        return new WritableImage(new PixelBuffer<>(width, height, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance()));
    }

    /** ARGB to premultiplied ARGB, as Java2D rounds it. */
    static void premultiply(int[] pixels) {
        for (int i = 0; i < pixels.length; i++) {
            int argb = pixels[i];
            int a = argb >>> 24;
            if (a == 255) {
                continue;
            }
            if (a == 0) {
                pixels[i] = 0;
                continue;
            }
            int r = ((argb >> 16) & 0xFF) * a + 128;
            int g = ((argb >> 8) & 0xFF) * a + 128;
            int b = (argb & 0xFF) * a + 128;
            pixels[i] = (a << 24) | ((r + (r >> 8)) >> 8 << 16) | ((g + (g >> 8)) >> 8 << 8) | ((b + (b >> 8)) >> 8);
        }
    }
}
