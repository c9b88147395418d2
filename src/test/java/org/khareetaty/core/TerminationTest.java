package org.khareetaty.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.ChildJvm;
import org.khareetaty.common.DataFolder;
import org.khareetaty.security.AuditRecord;
import org.khareetaty.security.AuditLog.Outcome;
import org.khareetaty.store.TestDatabases;

/**
 * When the OS ends the process with SIGTERM (logout, shutdown, a service stop), the services close as on Exit: the
 * database shuts down cleanly, so the audit log goes on numbering without the gap an unclean stop leaves.
 */
class TerminationTest {

    @TempDir
    Path folder;

    @Test
    void sigtermClosesTheDataFolderCleanly() throws Exception {
        TestDatabases.prepare(folder);
        Process child = ChildJvm.start(AuditThenWait.class, folder.toString());
        long lastSeq;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            lastSeq = Long.parseLong(lines.readLine());
        }
        child.destroy();   // SIGTERM
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child ended after SIGTERM").isTrue();

        try (CoreServices core = CoreServices.open(new DataFolder(folder))) {
            AuditRecord next = core.audit().record("tester", "CHECK", "after", Outcome.SUCCESS, "");
            assertThat(next.seq()).as("audit numbering continues without a gap").isEqualTo(lastSeq + 1);
            assertThat(core.audit().verify().intact()).isTrue();
        }
    }

    /** Child program: opens the folder, writes audit records, prints the last one's number and waits to be ended. */
    public static final class AuditThenWait {
        public static void main(String[] args) throws Exception {
            CoreServices core = CoreServices.open(new DataFolder(Path.of(args[0])));
            AuditRecord last = null;
            for (int i = 0; i < 3; i++) {
                last = core.audit().record("tester", "CHECK", "before " + i, Outcome.SUCCESS, "");
            }
            System.out.println(last.seq());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
