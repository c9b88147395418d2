package org.khareetaty.pipeline;

import java.time.Duration;
import java.util.Map;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.security.BackupService;

/**
 * A daily backup: skipped when one was made in the last 20 hours. Encrypted when the environment variable
 * KHAREETATY_BACKUP_PASSPHRASE is set (for scheduled runs).
 */
public final class BackupStep implements PipelineStep {

    static final String PASSPHRASE_VARIABLE = "KHAREETATY_BACKUP_PASSPHRASE";

    private final BackupService backups;
    private final Settings settings;

    public BackupStep(BackupService backups, Settings settings) {
        this.backups = backups;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public StepResult run(PipelineContext context, TaskContext task) {
        if (!settings.get(PipelineSettings.BACKUP)) {
            return StepResult.skipped("backups by the pipeline are turned off");
        }
        boolean recent = backups.list().stream()
                .anyMatch(b -> Duration.between(b.created(), context.startedAt()).compareTo(Duration.ofHours(20)) < 0);
        if (recent) {
            return StepResult.skipped("a backup from the last 20 hours exists");
        }
        String passphrase = System.getenv(PASSPHRASE_VARIABLE);
        BackupService.Backup backup = backups.create(context.principal(), passphrase == null ? null : passphrase.toCharArray());
        return StepResult.ok("wrote " + backup.file().getFileName() + (backup.encrypted() ? " (encrypted)" : ""),
                Map.of("file", backup.file().toString(), "bytes", backup.sizeBytes()));
    }
}
