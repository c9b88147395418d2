package org.khareetaty.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pairs pulses with the frames they rendered. */
class FrameClockTest {

    private static final long MS = 1_000_000;

    @Test
    void aFrameIsTimedFromItsPulseStartToWhenItWasRendered() {
        // Pulse 0 starts at 0 with no frame rendered yet; its frame is done at 9 ms. Pulse 1 starts at 16 ms and
        // its frame takes until 40 ms (a slow one); pulse 2 starts at 33 ms, still during frame 1, but it has
        // waited for frame 1 before handing over its own (2 rendered before it), done at 52 ms.
        double[] times = FrameClock.frameTimesMs(new long[] {0, 16 * MS, 33 * MS}, new int[] {0, 1, 2},
                new long[] {9 * MS, 40 * MS, 52 * MS});
        assertThat(times).containsExactly(9.0, 24.0, 19.0);
    }

    @Test
    void aPulseWithNothingToDrawGetsNoFrameAndNeitherDoesOneWhoseFrameWasNotRendered() {
        // Pulse 1 drew nothing (it saw the same count as pulse 0): the frame goes to the first, the longer time.
        // Pulse 3's frame was not rendered before the clock stopped.
        double[] times = FrameClock.frameTimesMs(new long[] {0, 16 * MS, 33 * MS, 50 * MS}, new int[] {0, 0, 1, 2},
                new long[] {20 * MS, 45 * MS});
        assertThat(times).containsExactly(20.0, Double.NaN, 12.0, Double.NaN);
    }
}
