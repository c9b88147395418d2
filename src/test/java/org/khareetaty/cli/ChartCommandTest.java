package org.khareetaty.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.core.CoreServices;
import org.khareetaty.charts.ChartTestData;
import org.khareetaty.common.DataFolder;

class ChartCommandTest {

    @TempDir
    Path dir;

    @Test
    void drawsEveryChartToPngAndSvgAndRejectsBadInput() throws Exception {
        Path data = dir.resolve("data");
        try (CoreServices core = CoreServices.open(new DataFolder(data))) {
            ChartTestData.loadPhiladelphiaSample(core.database());
        }
        for (String kind : new String[] {"timeline", "stacked", "heatmap", "areas", "categories"}) {
            Path png = dir.resolve(kind + ".png");
            assertThat(run("--data-dir", data.toString(), "chart", kind, "--out", png.toString(), "--width", "900",
                    "--height", "500", "--weekday", "MON,TUE", "--area", "22")).isZero();
            assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(900);
        }
        Path svg = dir.resolve("heat.svg");
        assertThat(run("--data-dir", data.toString(), "chart", "heatmap", "--out", svg.toString(), "--from", "2025-01-01",
                "--to", "2025-06-30", "--category", "THEFTS")).isZero();
        assertThat(Files.readString(svg)).contains("<svg");

        StringWriter err = new StringWriter();
        int code = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("--data-dir", data.toString(), "chart", "pie", "--out", dir.resolve("x.png").toString());
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("Unknown chart 'pie'");
        err = new StringWriter();
        code = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("--data-dir", data.toString(), "chart", "areas", "--area", "99", "--out", svg.toString());
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("No area has the code or name '99'");
    }

    private static int run(String... args) {
        return Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).execute(args);
    }
}
