package org.khareetaty.ui.map;

import com.sun.javafx.perf.PerformanceTracker;
import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;

/**
 * Times frames as a person sees them: from the start of a JavaFX pulse until the frame that pulse
 * produced has been rendered (the UI thread's work in the pulse, the wait for the previous frame, and the
 * render thread's drawing). The time between pulses cannot fall below the pulse period (60 Hz), however
 * little a frame costs; this measure can.
 *
 * <p>JavaFX has no public hook for "frame rendered", so this uses the toolkit's own instruments (the ones its
 * performance tests use): the scene's {@code PerformanceTracker}, told on the render thread when a frame is
 * done, and a post-scene pulse listener, which runs after the pulse has waited for the previous frame and
 * handed its own to the renderer. At that moment the frames completed so far are exactly those before this
 * pulse's frame, so the next one to complete is its own. For the benchmark only.
 */
final class FrameClock {

    private final Scene scene;
    private final PerformanceTracker tracker;
    private final TKPulseListener afterScenes = this::handedToRenderer;
    private final List<Long> pulseStarts = new ArrayList<>();
    private final List<Integer> framesBefore = new ArrayList<>();
    private final List<Long> renderedAt = new ArrayList<>();
    private long currentPulseStart = -1;

    FrameClock(Scene scene) {
        this.scene = scene;
        this.tracker = PerformanceTracker.getSceneTracker(scene);
        tracker.setOnRenderedFrameTask(() -> {
            long now = System.nanoTime();
            synchronized (renderedAt) {
                renderedAt.add(now);
            }
        });
        Toolkit.getToolkit().addPostSceneTkPulseListener(afterScenes);
    }

    /** Called at the start of a pulse (from an AnimationTimer, with its {@code now}). */
    void pulseStarted(long now) {
        currentPulseStart = now;
    }

    private void handedToRenderer() {
        if (currentPulseStart < 0) {
            return;
        }
        synchronized (renderedAt) {
            framesBefore.add(renderedAt.size());
        }
        pulseStarts.add(currentPulseStart);
        currentPulseStart = -1;
    }

    /** Stops listening; each pulse's frame time in milliseconds, in pulse order (NaN when it rendered no frame). */
    double[] stop() {
        Toolkit.getToolkit().removePostSceneTkPulseListener(afterScenes);
        tracker.setOnRenderedFrameTask(null);
        PerformanceTracker.releaseSceneTracker(scene);
        long[] rendered;
        synchronized (renderedAt) {
            rendered = renderedAt.stream().mapToLong(Long::longValue).toArray();
        }
        return frameTimesMs(pulseStarts.stream().mapToLong(Long::longValue).toArray(),
                framesBefore.stream().mapToInt(Integer::intValue).toArray(), rendered);
    }

    /**
     * Pairs pulses with rendered frames: pulse {@code i} started at {@code pulseStarts[i]} when
     * {@code framesBefore[i]} frames had been rendered, so its frame is {@code renderedAt[framesBefore[i]]}.
     * A pulse with nothing to draw renders no frame; when several pulses saw the same count, the frame is given
     * to the first of them (the longer time); the others, and pulses whose frame was not rendered yet, get NaN.
     */
    static double[] frameTimesMs(long[] pulseStarts, int[] framesBefore, long[] renderedAt) {
        double[] times = new double[pulseStarts.length];
        int lastFrame = -1;
        for (int i = 0; i < pulseStarts.length; i++) {
            int frame = framesBefore[i];
            boolean own = frame != lastFrame && frame < renderedAt.length;
            times[i] = own ? (renderedAt[frame] - pulseStarts[i]) / 1e6 : Double.NaN;
            lastFrame = frame;
        }
        return times;
    }
}
