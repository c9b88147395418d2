package org.khareetaty.report.graphics;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.khareetaty.report.pdf.ReportFonts;

/** A weekday × hour-of-day grid shaded by count, the classic "when" picture of a tactical bulletin. */
public final class HeatGrid {

    private static final int SCALE = 2;
    private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private final ReportFonts fonts;

    public HeatGrid(ReportFonts fonts) {
        this.fonts = fonts;
    }

    /** {@code counts[d][h]}: ISO weekday d+1 (Monday first), hour h of the local day. */
    public BufferedImage render(long[][] counts, int width, int height) {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            long max = 1;
            for (long[] day : counts) {
                for (long count : day) {
                    max = Math.max(max, count);
                }
            }
            int left = 34;
            int top = 16;
            double cellWidth = (width - left - 6) / 24.0;
            double cellHeight = (height - top - 6) / 7.0;
            g.setFont(fonts.awt(7.5f));
            FontMetrics metrics = g.getFontMetrics();
            g.setColor(Color.DARK_GRAY);
            for (int h = 0; h < 24; h += 3) {
                String label = String.format("%02d", h);
                g.drawString(label, (int) (left + h * cellWidth + (cellWidth - metrics.stringWidth(label)) / 2), top - 4);
            }
            for (int d = 0; d < 7; d++) {
                int y = (int) (top + d * cellHeight);
                g.setColor(Color.DARK_GRAY);
                g.drawString(DAYS.get(d), 2, (int) (y + cellHeight / 2 + metrics.getAscent() / 2.0));
                for (int h = 0; h < 24; h++) {
                    int x = (int) (left + h * cellWidth);
                    double share = counts[d][h] / (double) max;
                    g.setColor(shade(share));
                    g.fillRect(x, y, (int) Math.ceil(cellWidth) - 1, (int) Math.ceil(cellHeight) - 1);
                    if (counts[d][h] > 0 && cellWidth > 14) {
                        String text = Long.toString(counts[d][h]);
                        g.setColor(share > 0.55 ? Color.WHITE : Color.DARK_GRAY);
                        g.drawString(text, (int) (x + (cellWidth - metrics.stringWidth(text)) / 2),
                                (int) (y + cellHeight / 2 + metrics.getAscent() / 2.0) - 1);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** White to deep red, perceptually even enough for seven steps of reading. */
    private static Color shade(double share) {
        int r = (int) Math.round(255 - share * (255 - 0xB7));
        int g = (int) Math.round(255 - share * (255 - 0x1C));
        int b = (int) Math.round(255 - share * (255 - 0x1C));
        return new Color(r, g, b);
    }
}
