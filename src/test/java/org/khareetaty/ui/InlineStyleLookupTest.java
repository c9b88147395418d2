package org.khareetaty.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The window uses AtlantaFX's theme, whose looked-up colours are named {@code -color-…}. Modena's names
 * ({@code -fx-box-border}, {@code -fx-mid-text-color}, …) are undefined there: an inline style using one as a value
 * makes JavaFX log a ClassCastException and draw nothing.
 */
class InlineStyleLookupTest {

    private static final Pattern MODENA_LOOKUP_AS_VALUE = Pattern.compile(":\\s*[^;\"]*?(-fx-[a-z-]+)");

    @Test
    void inlineStylesUseOnlyTheThemesColourNames() throws IOException {
        List<String> offenders = new ArrayList<>();
        int styles = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/khareetaty"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (!line.contains("setStyle(")) {
                        continue;
                    }
                    styles++;
                    Matcher matcher = MODENA_LOOKUP_AS_VALUE.matcher(line.substring(line.indexOf("setStyle(")));
                    while (matcher.find()) {
                        offenders.add(file + ":" + (i + 1) + " uses " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(styles).isGreaterThan(10);
        assertThat(offenders).isEmpty();
    }
}
