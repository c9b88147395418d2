package org.khareetaty.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;

/** Reads PDFs back the way a reader's tools do: text via PDFBox, pages via poppler's pdftoppm. */
final class PdfPages {

    private PdfPages() {
    }

    /**
     * The text of all pages, NFKC-normalised so shaped Arabic presentation forms compare with plain letters,
     * with line breaks and runs of spaces made single spaces (wrapping is layout, not content).
     */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ");
        }
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    /** Renders every page with pdftoppm and checks each produced a non-empty PNG; returns the PNG count. */
    static long renderWithPoppler(Path pdf, Path outDir, int dpi) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftoppm")) || onPath("pdftoppm"),
                "Skipped: pdftoppm (poppler-utils) is not installed");
        Files.createDirectories(outDir);
        Process process = new ProcessBuilder("pdftoppm", "-r", String.valueOf(dpi), "-png", pdf.toString(),
                outDir.resolve("page").toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("pdftoppm output: %s", output).isZero();
        assertThat(output).as("pdftoppm must not complain").doesNotContainIgnoringCase("error");
        try (Stream<Path> files = Files.list(outDir)) {
            return files.filter(f -> f.toString().endsWith(".png")).peek(f -> {
                try {
                    assertThat(Files.size(f)).isGreaterThan(1000);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).count();
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
