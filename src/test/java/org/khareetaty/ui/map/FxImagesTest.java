package org.khareetaty.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Random;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;

/** Tile pixels become JavaFX images without copies, with the colours Java2D gives them. */
class FxImagesTest {

    @Test
    void premultipliesAsJava2dDoes() {
        Random random = new Random(6);
        int[] argb = new int[256 * 256];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = random.nextInt();
        }
        argb[0] = 0x00FFFFFF;
        argb[1] = 0xFF123456;
        BufferedImage straight = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        straight.setRGB(0, 0, 256, 256, argb, 0, 256);
        BufferedImage java2d = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB_PRE);
        var g = java2d.createGraphics();
        g.drawImage(straight, 0, 0, null);
        g.dispose();
        int[] expected = ((DataBufferInt) java2d.getRaster().getDataBuffer()).getData();
        int[] ours = argb.clone();
        FxImages.premultiply(ours);
        int off = 0;
        for (int i = 0; i < ours.length; i++) {
            for (int shift = 0; shift <= 24; shift += 8) {
                if (Math.abs(((ours[i] >>> shift) & 0xFF) - ((expected[i] >>> shift) & 0xFF)) > 1) {
                    off++;
                }
            }
        }
        assertThat(off).isZero();
        assertThat(ours[0]).isZero();
        assertThat(ours[1]).isEqualTo(0xFF123456);
    }

    @Test
    void aTileImageShowsItsPixelsWithoutCopyingThem() {
        int[] pixels = new int[256 * 256];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = 0xFF000000 | (i * 7919);
        }
        WritableImage image = FxImages.ofTilePixels(pixels);
        assertThat(image.getWidth()).isEqualTo(256.0);
        int[] read = new int[pixels.length];
        image.getPixelReader().getPixels(0, 0, 256, 256, PixelFormat.getIntArgbInstance(), read, 0, 256);
        assertThat(read).isEqualTo(pixels);
        // The overlay's ARGB tiles: premultiplied in place and shown over the same array.
        BufferedImage overlay = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        overlay.setRGB(3, 4, 0x80FF0000);
        WritableImage shown = FxImages.toFx(overlay);
        assertThat(shown.getPixelReader().getArgb(3, 4) >>> 24).isEqualTo(0x80);
        assertThat((shown.getPixelReader().getArgb(3, 4) >> 16) & 0xFF).isBetween(0xFE, 0xFF);
        assertThat(shown.getPixelReader().getArgb(5, 5)).isZero();
    }
}
