package org.khareetaty.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.security.Principal;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;
import org.khareetaty.ingest.samples.KuwaitIncidentGenerator;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.ui.common.FxExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the import wizard headless on a real database: the Kuwait sample file is added, previewed with its
 * detected profile, imported, and the summary with the quality gate is shown. Saves a screenshot of the
 * wizard with the summary to target/screenshots (copied to docs/screenshots).
 */
@ExtendWith(ApplicationExtension.class)
class ImportWizardUiTest {

    @TempDir
    static Path folder;
    private CoreServices core;
    private ImportWizardViewModel viewModel;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1280, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    /** Opens the database and loads the governorates off the FX thread, then shows the wizard. */
    private void openWizard(FxRobot robot) throws Exception {
        core = CoreServices.open(TestDatabases.prepare(folder.resolve("wizard-" + System.nanoTime())));
        Path boundaries = folder.resolve("governorates.geojson");
        try (var in = getClass().getResourceAsStream("/samples/kuwait/governorates.geojson")) {
            Files.copy(in, boundaries, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        core.imports().importAreas(Principal.BOOTSTRAP, boundaries, "governorate", "name", TaskContext.NONE);
        viewModel = new ImportWizardViewModel(core.imports(), Principal.BOOTSTRAP, new FxExecutor(core.tasks()));
        robot.interact(() -> stage.getScene().setRoot(new ImportWizardView(viewModel)));
    }

    @Test
    void importsTheKuwaitSampleAndShowsTheSummary(FxRobot robot) throws Exception {
        openWizard(robot);
        Path file = folder.resolve("kuwait-incidents.csv");
        long generated;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            generated = new KuwaitIncidentGenerator(7).write(out, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), 40);
        }
        robot.interact(() -> viewModel.addFiles(List.of(file.toFile())));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> viewModel.canRunProperty().get());
        assertThat(viewModel.currentMapping().name()).isEqualTo("origin-system");
        assertThat(robot.lookup("#import-preview").queryAs(TableView.class).getItems()).isNotEmpty();
        assertThat(viewModel.quarantineEstimateProperty().get()).contains("0 would be quarantined");

        robot.clickOn("#import-run");
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> viewModel.reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.reportProperty().get().accepted()).isEqualTo(generated);
        String summary = robot.lookup("#import-summary").queryAs(TextArea.class).getText();
        assertThat(summary).contains("Accepted: " + String.format("%,d", generated)).contains("usable location");

        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        BufferedImage[] image = new BufferedImage[1];
        robot.interact(() -> image[0] = SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        ImageIO.write(image[0], "png", shots.resolve("import-wizard-kuwait.png").toFile());
    }
}
