package org.khareetaty.report.pdf;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A small flowing layout over PDFBox for A4 reports: headings, wrapped paragraphs, tables that
 * continue on the next page with their header, images and headline boxes, then page footers.
 * All text goes through {@link BidiText} so Arabic is shaped and ordered right to left, and
 * through {@link ReportFonts#drawable} so unknown characters never abort a report.
 */
public final class PdfComposer implements AutoCloseable {

    /** Horizontal alignment of a line or a table column. */
    public enum Align { LEFT, RIGHT, CENTER }

    /** A table column: header, share of the content width, alignment of its cells. */
    public record Column(String header, float weight, Align align) {
        public static Column text(String header, float weight) {
            return new Column(header, weight, Align.LEFT);
        }

        public static Column number(String header, float weight) {
            return new Column(header, weight, Align.RIGHT);
        }
    }

    /** A headline figure: label, value and the lines under it (each with its own colour). */
    public record Headline(String label, String value, List<String> notes, List<Color> noteColors) {
    }

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 48;
    private static final float FOOTER_HEIGHT = 28;
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color ACCENT = new Color(0x1F, 0x3A, 0x5F);
    private static final Color MUTED = new Color(0x66, 0x66, 0x66);
    private static final Color RULE = new Color(0xC8, 0xCD, 0xD3);
    private static final Color HEADER_FILL = new Color(0xE8, 0xEC, 0xF1);
    private static final Color ZEBRA_FILL = new Color(0xF6, 0xF7, 0xF9);

    private final PDDocument document = new PDDocument();
    private final ReportFonts fonts;
    private final PDFont regular;
    private final PDFont bold;
    private final String footerLeft;
    private PDPageContentStream content;
    private float y;

    public PdfComposer(ReportFonts fonts, String title, String author, String footerLeft) {
        this.fonts = fonts;
        this.footerLeft = footerLeft;
        try {
            this.regular = fonts.regular(document);
            this.bold = fonts.bold(document);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot embed the report fonts", e);
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator("Khareetaty Workstation");
    }

    public float contentWidth() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    /** Space left on the current page above the footer. */
    public float remaining() {
        return content == null ? 0 : y - MARGIN - FOOTER_HEIGHT;
    }

    public void newPage() {
        try {
            closeContent();
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a new page unless {@code height} points still fit on this one. */
    public void ensureSpace(float height) {
        if (content == null || remaining() < height) {
            newPage();
        }
    }

    public void spacer(float height) {
        y -= height;
    }

    /** The big title of a cover page. */
    public void title(String text, float size) {
        for (String line : wrap(text, bold, size, contentWidth())) {
            ensureSpace(size * 1.3f);
            y -= size;
            drawLine(line, bold, size, ACCENT, MARGIN, contentWidth(), Align.LEFT);
            y -= size * 0.3f;
        }
    }

    /** A section heading with a rule under it; keeps at least {@code keepWithNext} points of what follows. */
    public void heading(String text, float keepWithNext) {
        float size = 14;
        ensureSpace(size + 14 + keepWithNext);
        y -= 6 + size;
        drawLine(text, bold, size, ACCENT, MARGIN, contentWidth(), Align.LEFT);
        y -= 5;
        rule(MARGIN, y, MARGIN + contentWidth(), y, RULE, 0.8f);
        y -= 8;
    }

    public void subheading(String text) {
        float size = 11;
        ensureSpace(size + 30);
        y -= 4 + size;
        drawLine(text, bold, size, INK, MARGIN, contentWidth(), Align.LEFT);
        y -= 4;
    }

    public void paragraph(String text) {
        paragraph(text, 9.5f, INK);
    }

    public void note(String text) {
        paragraph(text, 8, MUTED);
    }

    /** Wrapped text; each line of the input starts a new line; right-to-left lines are right-aligned. */
    public void paragraph(String text, float size, Color color) {
        float leading = size * 1.35f;
        for (String source : text.split("\n", -1)) {
            for (String line : wrap(source, regular, size, contentWidth())) {
                ensureSpace(leading);
                y -= leading;
                drawLine(line, regular, size, color, MARGIN, contentWidth(), Align.LEFT);
            }
        }
        y -= size * 0.5f;
    }

    /** Label and value pairs in two aligned columns. */
    public void keyValues(List<String[]> pairs) {
        float size = 9.5f;
        float labelWidth = contentWidth() * 0.30f;
        float valueWidth = contentWidth() - labelWidth - 8;
        float leading = size * 1.4f;
        for (String[] pair : pairs) {
            List<String> valueLines = wrap(pair[1], regular, size, valueWidth);
            ensureSpace(leading * valueLines.size());
            y -= leading;
            float top = y;
            drawLine(pair[0], bold, size, MUTED, MARGIN, labelWidth, Align.LEFT);
            for (int i = 0; i < valueLines.size(); i++) {
                if (i > 0) {
                    y -= leading;
                }
                drawLine(valueLines.get(i), regular, size, INK, MARGIN + labelWidth + 8, valueWidth, Align.LEFT);
            }
            if (valueLines.isEmpty()) {
                y = top;
            }
        }
        y -= 6;
    }

    /** A table with a header row, repeated when the table continues on a new page. */
    public void table(List<Column> columns, List<String[]> rows, float size) {
        float total = 0;
        for (Column column : columns) {
            total += column.weight();
        }
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = contentWidth() * columns.get(i).weight() / total;
        }
        float padding = 3;
        float leading = size * 1.3f;
        String[] header = columns.stream().map(Column::header).toArray(String[]::new);
        List<List<String>> headerLines = cellLines(header, widths, padding, bold, size);
        float headerHeight = rowHeight(headerLines, leading, padding);
        ensureSpace(headerHeight + leading + 2 * padding);
        drawRow(columns, widths, headerLines, headerHeight, leading, padding, bold, size, HEADER_FILL);
        int index = 0;
        for (String[] row : rows) {
            List<List<String>> lines = cellLines(row, widths, padding, regular, size);
            float height = rowHeight(lines, leading, padding);
            if (remaining() < height) {
                newPage();
                drawRow(columns, widths, headerLines, headerHeight, leading, padding, bold, size, HEADER_FILL);
            }
            drawRow(columns, widths, lines, height, leading, padding, regular, size, index++ % 2 == 1 ? ZEBRA_FILL : null);
        }
        y -= 8;
    }

    private List<List<String>> cellLines(String[] cells, float[] widths, float padding, PDFont font, float size) {
        List<List<String>> lines = new ArrayList<>(cells.length);
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.length && cells[i] != null ? cells[i] : "";
            lines.add(wrap(cell, font, size, widths[i] - 2 * padding));
        }
        return lines;
    }

    private static float rowHeight(List<List<String>> lines, float leading, float padding) {
        int most = 1;
        for (List<String> cell : lines) {
            most = Math.max(most, cell.size());
        }
        return most * leading + 2 * padding;
    }

    private void drawRow(List<Column> columns, float[] widths, List<List<String>> lines, float height, float leading,
            float padding, PDFont font, float size, Color fill) {
        try {
            if (fill != null) {
                content.setNonStrokingColor(fill);
                content.addRect(MARGIN, y - height, contentWidth(), height);
                content.fill();
            }
            float top = y;
            float x = MARGIN;
            for (int i = 0; i < widths.length; i++) {
                y = top - padding;
                for (String line : lines.get(i)) {
                    y -= leading;
                    drawLine(line, font, size, INK, x + padding, widths[i] - 2 * padding, columns.get(i).align());
                }
                x += widths[i];
            }
            y = top - height;
            rule(MARGIN, y, MARGIN + contentWidth(), y, RULE, 0.4f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Headline figures in boxes side by side. */
    public void headlines(List<Headline> headlines) {
        int count = headlines.size();
        float gap = 8;
        float boxWidth = (contentWidth() - gap * (count - 1)) / count;
        int noteLines = 0;
        for (Headline headline : headlines) {
            noteLines = Math.max(noteLines, headline.notes().size());
        }
        float boxHeight = 18 + 26 + noteLines * 11 + 10;
        ensureSpace(boxHeight + 10);
        try {
            float top = y;
            for (int i = 0; i < count; i++) {
                Headline headline = headlines.get(i);
                float x = MARGIN + i * (boxWidth + gap);
                content.setNonStrokingColor(ZEBRA_FILL);
                content.addRect(x, top - boxHeight, boxWidth, boxHeight);
                content.fill();
                content.setStrokingColor(RULE);
                content.setLineWidth(0.6f);
                content.addRect(x, top - boxHeight, boxWidth, boxHeight);
                content.stroke();
                y = top - 14;
                drawLine(headline.label(), bold, 8.5f, MUTED, x + 6, boxWidth - 12, Align.LEFT);
                y -= 24;
                drawLine(headline.value(), bold, 20, ACCENT, x + 6, boxWidth - 12, Align.LEFT);
                for (int n = 0; n < headline.notes().size(); n++) {
                    y -= 11;
                    drawLine(headline.notes().get(n), regular, 7.5f, headline.noteColors().get(n), x + 6, boxWidth - 12,
                            Align.LEFT);
                }
            }
            y = top - boxHeight - 10;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image scaled to {@code width} points (aspect kept), with an optional caption under it. */
    public void image(BufferedImage image, float width, String caption) {
        float height = width * image.getHeight() / image.getWidth();
        float captionHeight = caption == null ? 0 : 14;
        ensureSpace(height + captionHeight + 6);
        try {
            PDImageXObject object = LosslessFactory.createFromImage(document, image);
            float x = MARGIN + (contentWidth() - width) / 2;
            content.drawImage(object, x, y - height, width, height);
            y -= height + 4;
            if (caption != null) {
                y -= 9;
                drawLine(caption, regular, 8, MUTED, MARGIN, contentWidth(), Align.CENTER);
            }
            y -= 6;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws one line of logical-order text at the current baseline. */
    private void drawLine(String logical, PDFont font, float size, Color color, float x, float width, Align align) {
        String safe = fonts.drawable(logical);
        if (safe.isEmpty()) {
            return;
        }
        boolean rightToLeft = BidiText.isRightToLeftParagraph(safe);
        String visual = BidiText.visual(safe);
        try {
            float textWidth = font.getStringWidth(visual) / 1000 * size;
            Align effective = align == Align.LEFT && rightToLeft ? Align.RIGHT : align;
            float left = switch (effective) {
                case LEFT -> x;
                case RIGHT -> x + width - textWidth;
                case CENTER -> x + (width - textWidth) / 2;
            };
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(color);
            content.newLineAtOffset(left, y);
            content.showText(visual);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rule(float x1, float y1, float x2, float y2, Color color, float lineWidth) {
        try {
            content.setStrokingColor(color);
            content.setLineWidth(lineWidth);
            content.moveTo(x1, y1);
            content.lineTo(x2, y2);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits logical text into lines no wider than {@code width}; long words are cut. */
    List<String> wrap(String text, PDFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        String safe = fonts.drawable(text == null ? "" : text);
        if (safe.isBlank()) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : safe.strip().split(" +")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, font, size) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String logical, PDFont font, float size) {
        try {
            return font.getStringWidth(BidiText.shape(logical)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds page footers and returns the finished PDF. */
    public byte[] finish() {
        try {
            closeContent();
            int total = document.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream footer = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    content = footer;
                    y = MARGIN - 6;
                    rule(MARGIN, MARGIN + 8, MARGIN + contentWidth(), MARGIN + 8, RULE, 0.5f);
                    drawLine(footerLeft, regular, 7.5f, MUTED, MARGIN, contentWidth() * 0.8f, Align.LEFT);
                    drawLine("Page " + (i + 1) + " of " + total, regular, 7.5f, MUTED, MARGIN, contentWidth(), Align.RIGHT);
                }
            }
            content = null;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the PDF", e);
        }
    }

    private void closeContent() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    @Override
    public void close() {
        try {
            closeContent();
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
