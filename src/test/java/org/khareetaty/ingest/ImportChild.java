package org.khareetaty.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.khareetaty.security.Principal;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;

/** Runs an import in a child JVM and says "IMPORTING" once rows are flowing, so a test can kill it mid-batch. */
public final class ImportChild {

    private ImportChild() {
    }

    public static void main(String[] args) {
        AtomicBoolean announced = new AtomicBoolean();
        try (CoreServices core = CoreServices.open(new DataFolder(Path.of(args[0])))) {
            core.imports().importFiles(Principal.BOOTSTRAP, List.of(Path.of(args[1])), core.imports().profiles().get("origin-system"),
                    new TaskContext() {
                        @Override
                        public void progress(long done, long total, String message) {
                            if (done > 0 && announced.compareAndSet(false, true)) {
                                System.out.println("IMPORTING");
                                System.out.flush();
                            }
                        }

                        @Override
                        public boolean isCancelled() {
                            return false;
                        }
                    });
            System.out.println("DONE");
        }
    }
}
