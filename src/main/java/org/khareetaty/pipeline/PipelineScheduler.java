package org.khareetaty.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledFuture;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** While the app runs: the pipeline daily at the configured local time, on the shared background executor. */
public final class PipelineScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineScheduler.class);

    private final PipelineService pipeline;
    private final BackgroundTasks tasks;
    private final Settings settings;
    private final Clock clock;
    private final Principal principal;
    private ScheduledFuture<?> next;

    public PipelineScheduler(PipelineService pipeline, BackgroundTasks tasks, Settings settings, Clock clock, Principal principal) {
        this.pipeline = pipeline;
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
        this.principal = principal;
    }

    /** (Re)arms the timer from the current settings; does nothing when the schedule is off. */
    public synchronized void start() {
        cancel();
        if (!settings.get(PipelineSettings.SCHEDULE_ENABLED)) {
            return;
        }
        ZonedDateTime at = nextRun(clock, settings.get(Settings.AGENCY_ZONE), settings.get(PipelineSettings.DAILY_AT));
        LOG.info("Next scheduled pipeline run at {}", at);
        next = tasks.submitLater("Daily pipeline", Duration.between(clock.instant(), at.toInstant()), context -> {
            try {
                return pipeline.run(principal, "schedule", context);
            } finally {
                start();
            }
        });
    }

    static ZonedDateTime nextRun(Clock clock, ZoneId zone, LocalTime at) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        ZonedDateTime today = now.with(at);
        return today.isAfter(now) ? today : today.plusDays(1);
    }

    private void cancel() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    @Override
    public synchronized void close() {
        cancel();
    }
}
