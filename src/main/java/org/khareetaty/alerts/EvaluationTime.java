package org.khareetaty.alerts;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The clocks of one evaluation. {@code dataNow} is the latest incident time (never after {@code now}):
 * windows are measured on the data's own clock, so a count rule also works on data imported a day late.
 */
record EvaluationTime(Instant now, Instant dataNow, ZoneId zone) {
}
