package org.khareetaty.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.security.Principal;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.core.CoreServices;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;
import org.khareetaty.ui.common.FxExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The export dialog headless on a real database: preview renders the PDF's pages, the bulletin text is editable. */
@ExtendWith(ApplicationExtension.class)
class ExportReportDialogTest {

    static final ZoneId PHILADELPHIA = ZoneId.of("America/New_York");

    @TempDir
    static Path folder;
    private CoreServices core;
    private ExportReportViewModel viewModel;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        DataFolder data = TestDatabases.prepare(folder.resolve("dialog-" + System.nanoTime()));
        core = CoreServices.open(data);
        core.settings().set(Settings.AGENCY_NAME, "Test Police");
        core.settings().set(Settings.AGENCY_ZONE, PHILADELPHIA);
        TestIncidents.insert(core.database(), TestIncidents.random(3_000, 9), PHILADELPHIA);
        IncidentFilter selection = IncidentFilter.ALL.withDates(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 19));
        viewModel = new ExportReportViewModel(core.reports(), Principal.BOOTSTRAP, new FxExecutor(core.tasks()),
                ReportContext.ofFilter("the test", selection), PHILADELPHIA, LocalDate.of(2024, 6, 1),
                image -> SwingFXUtils.toFXImage(image, null));
        stage.setScene(new Scene(new ExportReportDialog(viewModel), 1000, 760));
        stage.show();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void weeklyPreviewShowsPagesAndEnablesExport(FxRobot robot) throws Exception {
        assertThat(viewModel.weekProperty().get()).isEqualTo("2024-W20");
        Button export = robot.lookup("#report-export").queryButton();
        assertThat(export.isDisabled()).isTrue();
        robot.clickOn("#report-preview");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !viewModel.pages().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.pages().size()).isGreaterThanOrEqualTo(4);
        assertThat(export.isDisabled()).isFalse();
        assertThat(viewModel.statusProperty().get()).contains("pages");
        snapshot(robot, "export-report-dialog.png");

        Path target = folder.resolve("saved.pdf");
        robot.interact(() -> viewModel.save(target));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(target));
        assertThat(Files.readAllBytes(target)).startsWith("%PDF".getBytes());
    }

    @Test
    void bulletinTextIsGeneratedThenEditedIntoThePdf(FxRobot robot) throws Exception {
        robot.clickOn("#report-kind-bulletin");
        robot.clickOn("#report-preview");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !viewModel.pages().isEmpty());
        assertThat(viewModel.analystTextProperty().get()).contains("incidents between");
        robot.interact(() -> viewModel.analystTextProperty().set("Patrols on Market St 18:00-21:00. مراقبة السوق"));
        robot.interact(viewModel::applyText);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !viewModel.busyProperty().get());
        Path target = folder.resolve("bulletin.pdf");
        robot.interact(() -> viewModel.save(target));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(target));
        try (var document = org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(target))) {
            String text = java.text.Normalizer.normalize(new org.apache.pdfbox.text.PDFTextStripper().getText(document),
                    java.text.Normalizer.Form.NFKC);
            assertThat(text).contains("Patrols on Market St 18:00-21:00.").contains("مراقبة السوق");
        }
    }

    @Test
    void encryptedExportNeedsMatchingPassphrasesAndWritesOnlyCiphertext(FxRobot robot) throws Exception {
        robot.clickOn("#report-preview");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> viewModel.previewReadyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Button export = robot.lookup("#report-export").queryButton();
        robot.clickOn("#encrypt-export");
        robot.clickOn("#export-passphrase").write("supervisor copy");
        robot.clickOn("#export-passphrase-repeat").write("supervisor cop");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(export.isDisabled()).as("passphrases differ").isTrue();
        assertThat(viewModel.encryption().problemProperty().get()).contains("differ");
        robot.clickOn("#export-passphrase-repeat").write("y");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(export.isDisabled()).isFalse();
        snapshot(robot, "export-report-encrypted.png");

        Path target = folder.resolve("sealed.pdf");
        Path sealed = folder.resolve("sealed.pdf.kenc");
        robot.interact(() -> viewModel.save(target));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.statusProperty().get().startsWith("Saved"));
        assertThat(Files.exists(target)).isFalse();
        assertThat(org.khareetaty.security.FileEncryption.isEncrypted(sealed)).isTrue();
        assertThat(viewModel.encryption().passphraseProperty().get()).as("forgotten after use").isEmpty();
        try (var in = org.khareetaty.security.FileEncryption.decrypting(Files.newInputStream(sealed),
                "supervisor copy".toCharArray(), "sealed")) {
            assertThat(in.readAllBytes()).startsWith("%PDF".getBytes());
        }
        assertThat(core.audit().latest(1).get(0).details()).contains("encrypted (AES-256-GCM");
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", out.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(Files.size(out)).isGreaterThan(10_000);
    }
}
