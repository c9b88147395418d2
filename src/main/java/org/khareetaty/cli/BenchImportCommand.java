package org.khareetaty.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.khareetaty.common.FileTrees;
import org.khareetaty.security.Principal;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;
import org.khareetaty.ingest.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Imports files end to end into a new, empty data folder (so nothing is a duplicate), optionally after a
 * boundary layer, then imports them again to show the second run adds nothing. Reports wall and CPU time,
 * per-phase times, rows per second and the peak heap.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import FILE... into a fresh temporary data folder and report times, rows/s and peak heap")
final class BenchImportCommand extends SessionCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--areas", paramLabel = "FILE", description = "Boundary layer imported first (for area assignment)")
    Path areas;

    @Option(names = "--kind", defaultValue = "district", description = "Kind of the boundary layer (default: district)")
    String kind;

    @Option(names = "--name-field", defaultValue = "dist_numc", description = "Name field of the layer (default: dist_numc)")
    String nameField;

    @Option(names = "--profile", paramLabel = "NAME", description = "Mapping profile (default: detected per file)")
    String profile;

    @Option(names = "--keep", description = "Keep the temporary data folder")
    boolean keep;

    @Override
    protected int run(CliSession session) throws IOException {
        Path folder = Files.createTempDirectory("khareetaty-bench-");
        Map<String, Object> out = new LinkedHashMap<>();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (CoreServices core = CoreServices.open(new DataFolder(folder))) {
            if (areas != null) {
                out.put("areas", core.imports().importAreas(Principal.BOOTSTRAP, areas, kind, nameField, TaskContext.NONE));
            }
            var mapping = profile == null ? null : core.imports().profiles().get(profile);
            System.gc();
            HeapSampler sampler = new HeapSampler();
            sampler.start();
            long cpu = os.getProcessCpuTime();
            Map<String, Long> threadsBefore = ThreadCpu.byThread();
            ImportReport first;
            long started = System.nanoTime();
            try {
                first = core.imports().importFiles(Principal.BOOTSTRAP, files, mapping, TaskContext.NONE);
            } finally {
                sampler.interrupt();
            }
            long cpuMs = (os.getProcessCpuTime() - cpu) / 1_000_000;
            long callMs = (System.nanoTime() - started) / 1_000_000;
            Map<String, Long> cpuByGroup = ThreadCpu.groups(threadsBefore, ThreadCpu.byThread(), cpuMs);
            long peakHeap = sampler.peakBytes();
            ImportReport second = core.imports().importFiles(Principal.BOOTSTRAP, files, mapping, TaskContext.NONE);
            out.put("first", ImportCommand.toJson(first));
            out.put("firstCallMs", callMs);
            out.put("firstCpuMs", cpuMs);
            out.put("firstCpuByThreadMs", cpuByGroup);
            out.put("peakHeapMb", peakHeap >> 20);
            out.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
            out.put("secondAccepted", second.accepted());
            out.put("secondDuplicates", second.duplicates());
            out.put("loadAverage", os.getSystemLoadAverage());
            out.put("processors", os.getAvailableProcessors());
            if (json) {
                session.printJson(out);
            } else {
                ImportCommand.print(session, first, false);
                session.out().printf("Whole call (with the audit record and the final commit) %,d ms%n", callMs);
                session.out().printf("CPU time %,d ms; peak heap %,d MB of %,d MB; load average %.1f on %d processors%n",
                        cpuMs, peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20, os.getSystemLoadAverage(),
                        os.getAvailableProcessors());
                if (!cpuByGroup.isEmpty()) {
                    session.out().printf("CPU by thread (ms): %s%n", cpuByGroup);
                }
                session.out().printf("Second run: %,d accepted, %,d duplicates%n", second.accepted(), second.duplicates());
            }
        } finally {
            if (!keep) {
                FileTrees.delete(folder);
            } else {
                session.out().println("Data folder kept: " + folder);
            }
        }
        return 0;
    }

    /**
     * The largest heap in use at any one moment, sampled every 20 ms (summing each pool's own peak would add
     * eden, survivor and old generation peaks reached at different moments).
     */
    private static final class HeapSampler extends Thread {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private volatile long peak;

        HeapSampler() {
            super("bench-heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peakBytes() {
            return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }
    }
}
