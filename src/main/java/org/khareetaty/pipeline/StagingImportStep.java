package org.khareetaty.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.settings.SettingKey;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.ingest.ImportReport;
import org.khareetaty.ingest.ImportService;
import org.khareetaty.ingest.MappingProfile;

/**
 * Imports every file waiting in the staging folder, one batch per file. A file whose batch committed is
 * moved to the archive; a file that cannot be imported goes to the rejected folder with a reason file.
 * A file is moved only after its batch committed, so a run killed midway leaves it in staging and the
 * next run imports it again (de-duplication makes that add nothing twice).
 */
public final class StagingImportStep implements PipelineStep {

    private final ImportService imports;
    private final Settings settings;
    private final DataFolder folder;

    public StagingImportStep(ImportService imports, Settings settings, DataFolder folder) {
        this.imports = imports;
        this.settings = settings;
        this.folder = folder;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public StepResult run(PipelineContext context, TaskContext task) throws IOException {
        imports.recoverInterrupted();
        Path staging = resolve(PipelineSettings.STAGING);
        Path archive = resolve(PipelineSettings.ARCHIVE);
        Path rejected = resolve(PipelineSettings.REJECTED);
        Files.createDirectories(staging);
        List<Path> waiting = waitingFiles(staging);
        if (waiting.isEmpty()) {
            return StepResult.skipped("no new files in " + staging);
        }
        String profileName = settings.get(PipelineSettings.PROFILE);
        MappingProfile profile = profileName.isBlank() ? null : imports.profiles().get(profileName);
        long accepted = 0;
        List<String> archivedNames = new ArrayList<>();
        Map<String, String> rejectedReasons = new LinkedHashMap<>();
        for (Path file : waiting) {
            task.checkCancelled();
            try {
                // A file whose batch was cut off by a crash resumes that batch rather than leaving it INCOMPLETE.
                Optional<UUID> interrupted = imports.incompleteBatchOf(file);
                ImportReport report = interrupted.isPresent() ? imports.resume(context.principal(), interrupted.get(), task)
                        : imports.importFiles(context.principal(), List.of(file), profile, task);
                if (!"COMPLETE".equals(report.status())) {
                    throw new IOException("the import ended " + report.status() + (report.message() == null ? "" : ": " + report.message()));
                }
                accepted += report.accepted();
                move(file, archive);
                archivedNames.add(file.getFileName().toString());
            } catch (RuntimeException | IOException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                Path moved = move(file, rejected);
                Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"),
                        "Rejected by the pipeline run of " + context.startedAt() + "\n" + reason + "\n", StandardCharsets.UTF_8);
                rejectedReasons.put(file.getFileName().toString(), reason);
            }
        }
        context.addNewIncidents(accepted);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("archived", archivedNames);
        figures.put("rejected", rejectedReasons);
        figures.put("accepted", accepted);
        String message = archivedNames.size() + " file(s) imported (" + accepted + " new incidents), " + rejectedReasons.size()
                + " rejected" + (rejectedReasons.isEmpty() ? "" : ": " + String.join(", ", rejectedReasons.keySet()));
        if (!rejectedReasons.isEmpty()) {
            return new StepResult(null, StepResult.Status.FAILED, message, 0, figures);
        }
        return StepResult.ok(message, figures);
    }

    private Path resolve(SettingKey<String> key) {
        Path configured = Path.of(settings.get(key));
        return configured.isAbsolute() ? configured : folder.root().resolve(configured);
    }

    /** Regular, visible files, oldest name first; files still being copied in (".part", ".tmp") wait. */
    private static List<Path> waitingFiles(Path staging) throws IOException {
        try (Stream<Path> files = Files.list(staging)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".tmp") && !name.endsWith(".reason.txt");
                    })
                    .sorted()
                    .toList();
        }
    }

    private static Path move(Path file, Path targetFolder) throws IOException {
        Files.createDirectories(targetFolder);
        Path target = targetFolder.resolve(file.getFileName());
        for (int n = 1; Files.exists(target); n++) {
            target = targetFolder.resolve(n + "-" + file.getFileName());
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
