package org.khareetaty.report.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts embedded in every report: DejaVu Sans (regular and bold), bundled with the application
 * because it covers Latin, Arabic (including presentation forms) and the symbols reports use.
 * The same bytes serve Java2D (charts, maps) so a name looks the same in a chart and in a table.
 */
public final class ReportFonts {

    private static final String REGULAR = "/org/khareetaty/report/fonts/DejaVuSans.ttf";
    private static final String BOLD = "/org/khareetaty/report/fonts/DejaVuSans-Bold.ttf";

    private final byte[] regular;
    private final byte[] bold;
    private final Font awtRegular;
    private final Font awtBold;

    private ReportFonts(byte[] regular, byte[] bold) {
        this.regular = regular;
        this.bold = bold;
        this.awtRegular = awtFont(regular);
        this.awtBold = awtFont(bold);
    }

    /** Reads the bundled fonts; one instance serves every report of the process. */
    public static ReportFonts load() {
        return new ReportFonts(read(REGULAR), read(BOLD));
    }

    private static byte[] read(String resource) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from this build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + resource, e);
        }
    }

    private static Font awtFont(byte[] bytes) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("Bundled font is unreadable", e);
        }
    }

    /** The regular face, subset-embedded into {@code document}. */
    public PDType0Font regular(PDDocument document) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(regular), true);
    }

    public PDType0Font bold(PDDocument document) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(bold), true);
    }

    /** The regular face for Java2D at the given size. */
    public Font awt(float size) {
        return awtRegular.deriveFont(size);
    }

    public Font awtBold(float size) {
        return awtBold.deriveFont(size);
    }

    /** Replaces characters the font cannot draw, so that odd input never aborts a report. */
    public String drawable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            boolean ok = codePoint == ' ' || (!Character.isISOControl(codePoint) && awtRegular.canDisplay(codePoint));
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (ok) {
                    out.appendCodePoint(codePoint);
                } else {
                    out.append(Character.isISOControl(codePoint) ? ' ' : '?');
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }
}
