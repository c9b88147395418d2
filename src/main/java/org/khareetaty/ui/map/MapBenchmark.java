package org.khareetaty.ui.map;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import org.khareetaty.map.MapViewport;

/**
 * Measures the map pane as a person uses it: how long until the basemap and the incidents are first
 * painted after the pane opens, then the time between JavaFX pulses (an {@link AnimationTimer}) while the
 * map pans and zooms along a fixed path, with the peak heap seen. Frames are timed two ways: the time from the start
 * of each pulse until its frame is rendered ({@link FrameClock}: what a frame costs, which can be shorter than the
 * pulse period), and the time between pulses (never shorter than JavaFX's 60 Hz pulse period). It also reports the CPU
 * time the UI and render threads spent per frame, which does not grow when other programs share the CPU.
 */
public final class MapBenchmark {

    /** The figures of one run. */
    public record Result(long basemapFirstPaintMs, long incidentsFirstPaintMs, int incidents, int frames, double medianFrameMs,
            double p95FrameMs, double maxFrameMs, double medianOverlayMs, long peakHeapMb, String pipeline,
            double panMedianMs, double panP95Ms, double zoomMedianMs, double zoomP95Ms, double medianCpuMs, double p95CpuMs,
            int renderedFrames, double medianRenderedMs, double p95RenderedMs, double maxRenderedMs, String perFrameCsv) {

        public String toText() {
            return String.format(Locale.ROOT, "Map benchmark (%s)%n"
                    + "  incidents on the map            %,d%n"
                    + "  basemap first paint             %d ms after the pane opened%n"
                    + "  incidents first paint           %d ms after the pane opened%n"
                    + "  frames while panning/zooming    %d%n"
                    + "  frame time, pulse start to frame rendered, median / p95 / max  %.1f / %.1f / %.1f ms (%d frames)%n"
                    + "  time between pulses median / p95 / max   %.1f / %.1f / %.1f ms (60 Hz pulse: at least 16.7)%n"
                    + "    while panning median / p95    %.1f / %.1f ms%n"
                    + "    while zooming median / p95    %.1f / %.1f ms%n"
                    + "  CPU per frame, UI + render threads, median / p95  %.1f / %.1f ms%n"
                    + "  overlay drawing per frame (med) %.2f ms%n"
                    + "  peak heap used                  %d MB (max %d MB)%n",
                    pipeline, incidents, basemapFirstPaintMs, incidentsFirstPaintMs, frames, medianRenderedMs, p95RenderedMs,
                    maxRenderedMs, renderedFrames, medianFrameMs, p95FrameMs,
                    maxFrameMs, panMedianMs, panP95Ms, zoomMedianMs, zoomP95Ms, medianCpuMs, p95CpuMs, medianOverlayMs, peakHeapMb, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    private static final int PAN_FRAMES = 180;
    private static final int ZOOM_FRAMES = 120;
    private static final double PAN_PX_PER_FRAME = 6;
    private static final double ZOOM_PER_FRAME = 0.025;

    private MapBenchmark() {
    }

    /**
     * Waits for the first paint, then drives the path; {@code done} receives the figures on the FX thread.
     * {@code openedNanos} is when the pane was asked to open.
     */
    public static void run(MapView view, MapViewModel viewModel, long openedNanos, String pipeline, Consumer<Result> done) {
        new AnimationTimer() {
            private long basemapAt;
            private long incidentsAt;
            private int step = -1;
            private long last;
            private final List<Double> frames = new ArrayList<>();
            private final List<Double> panFrames = new ArrayList<>();
            private final List<Double> zoomFrames = new ArrayList<>();
            private final List<Double> cpuFrames = new ArrayList<>();
            private final List<Double> uiCpuFrames = new ArrayList<>();
            private long lastUiCpu;
            private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            private final long fxThread = Thread.currentThread().getId();
            private long renderThread = -1;
            private long lastCpu;
            private final List<Double> overlay = new ArrayList<>();
            private long peakHeap;
            private FrameClock clock;
            private com.gluonhq.maps.MapPoint startCentre;
            private double startZoom;

            @Override
            public void handle(long now) {
                Runtime runtime = Runtime.getRuntime();
                peakHeap = Math.max(peakHeap, runtime.totalMemory() - runtime.freeMemory());
                if (step < 0) {
                    waitForFirstPaint(now);
                    return;
                }
                if (step > 0) {
                    double frame = (now - last) / 1e6;
                    frames.add(frame);
                    (isPan(step - 1) ? panFrames : zoomFrames).add(frame);
                    long cpu = frameCpu();
                    cpuFrames.add((cpu - lastCpu) / 1e6);
                    lastCpu = cpu;
                    long uiCpu = threads.getThreadCpuTime(fxThread);
                    uiCpuFrames.add((uiCpu - lastUiCpu) / 1e6);
                    lastUiCpu = uiCpu;
                    overlay.add(view.overlay().lastFrameNanos() / 1e6);
                }
                last = now;
                if (step >= 2 * PAN_FRAMES + 2 * ZOOM_FRAMES) {
                    // The path ends east of where it began: go back, so the place the map keeps for the next opening
                    // (and so the next run's start) is the same every run.
                    view.gluonMap().setZoom(startZoom);
                    view.gluonMap().setCenter(startCentre);
                    stop();
                    done.accept(result(clock.stop()));
                    return;
                }
                clock.pulseStarted(now);
                move(step++);
            }

            private void waitForFirstPaint(long now) {
                if (basemapAt == 0 && viewModel.tilesProperty().get() != null && AppTileRetriever.installed().isServing()
                        && view.basemapQueueIdle()) {
                    basemapAt = now;
                }
                boolean incidentsShown = viewModel.layer(MapLayerState.Id.INCIDENTS).painterProperty().get() != null
                        && view.overlay() != null && view.overlay().complete();
                if (incidentsAt == 0 && incidentsShown) {
                    incidentsAt = now;
                }
                if (basemapAt != 0 && incidentsAt != 0) {
                    step = 0;
                    last = now;
                    renderThread = java.util.Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                            .filter(t -> t != null && t.getThreadName().startsWith("QuantumRenderer"))
                            .mapToLong(java.lang.management.ThreadInfo::getThreadId).findFirst().orElse(-1);
                    lastCpu = frameCpu();
                    lastUiCpu = threads.getThreadCpuTime(fxThread);
                    clock = new FrameClock(view.getScene());
                    startCentre = view.gluonMap().getCenter();
                    startZoom = view.gluonMap().getZoom();
                }
            }

            /**
             * CPU time so far of the UI thread and JavaFX's render thread: what a frame costs, apart from time spent
             * waiting for a CPU on a shared machine.
             */
            private long frameCpu() {
                return threads.getThreadCpuTime(fxThread) + (renderThread < 0 ? 0 : Math.max(0, threads.getThreadCpuTime(renderThread)));
            }

            private boolean isPan(int i) {
                return i < PAN_FRAMES || i >= PAN_FRAMES + ZOOM_FRAMES && i < 2 * PAN_FRAMES + ZOOM_FRAMES;
            }

            /** East, zoom in towards street level, west, zoom back out. */
            private void move(int i) {
                com.gluonhq.maps.MapView map = view.gluonMap();
                MapViewport current = view.viewport();
                if (i < PAN_FRAMES) {
                    pan(map, current, PAN_PX_PER_FRAME);
                } else if (i < PAN_FRAMES + ZOOM_FRAMES) {
                    map.setZoom(map.getZoom() + ZOOM_PER_FRAME);
                } else if (i < 2 * PAN_FRAMES + ZOOM_FRAMES) {
                    pan(map, current, -PAN_PX_PER_FRAME);
                } else {
                    map.setZoom(map.getZoom() - ZOOM_PER_FRAME);
                }
            }

            private void pan(com.gluonhq.maps.MapView map, MapViewport current, double dx) {
                MapViewport moved = current.panBy(dx, dx / 3);
                map.setCenter(moved.centerLat(), moved.centerLon());
            }

            private Result result(double[] perPulse) {
                double[] rendered = java.util.Arrays.stream(perPulse).filter(t -> !Double.isNaN(t)).toArray();
                StringBuilder csv = new StringBuilder("step,motion,between_pulses_ms,frame_ms,cpu_ms,ui_cpu_ms,render_cpu_ms\n");
                for (int i = 0; i < frames.size(); i++) {
                    csv.append(String.format(Locale.ROOT, "%d,%s,%.2f,%.2f,%.2f,%.2f,%.2f%n", i, isPan(i) ? "pan" : "zoom",
                            frames.get(i), i < perPulse.length ? perPulse[i] : Double.NaN, cpuFrames.get(i), uiCpuFrames.get(i),
                            cpuFrames.get(i) - uiCpuFrames.get(i)));
                }
                double[] sorted = frames.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double[] overlaySorted = overlay.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                int incidents = viewModel.layer(MapLayerState.Id.INCIDENTS).painterProperty().get()
                        instanceof org.khareetaty.map.IncidentPainter p ? p.index().size() : 0;
                return new Result((basemapAt - openedNanos) / 1_000_000, (incidentsAt - openedNanos) / 1_000_000, incidents,
                        sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.95), sorted[sorted.length - 1],
                        percentile(overlaySorted, 0.5), peakHeap / (1024 * 1024), pipeline,
                        percentile(sorted(panFrames), 0.5), percentile(sorted(panFrames), 0.95),
                        percentile(sorted(zoomFrames), 0.5), percentile(sorted(zoomFrames), 0.95),
                        percentile(sorted(cpuFrames), 0.5), percentile(sorted(cpuFrames), 0.95),
                        rendered.length, percentile(sortedCopy(rendered), 0.5), percentile(sortedCopy(rendered), 0.95),
                        rendered.length == 0 ? Double.NaN : sortedCopy(rendered)[rendered.length - 1], csv.toString());
            }
        }.start();
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double[] sortedCopy(double[] values) {
        double[] copy = values.clone();
        java.util.Arrays.sort(copy);
        return copy;
    }

    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
