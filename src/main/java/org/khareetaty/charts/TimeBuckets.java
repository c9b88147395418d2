package org.khareetaty.charts;

import java.time.LocalDate;
import java.util.List;

/** Maps a local date to the index of its time bucket within a window, in constant time (per-day lookup table). */
final class TimeBuckets {

    private final List<LocalDate> starts;
    private final long firstDay;
    private final int[] bucketOfDay;

    TimeBuckets(TimeGranularity granularity, DateWindow window) {
        this.starts = granularity.buckets(window);
        this.firstDay = window.from().toEpochDay();
        this.bucketOfDay = new int[(int) window.days()];
        int bucket = 0;
        for (int day = 0; day < bucketOfDay.length; day++) {
            LocalDate date = window.from().plusDays(day);
            while (bucket + 1 < starts.size() && !date.isBefore(starts.get(bucket + 1))) {
                bucket++;
            }
            bucketOfDay[day] = bucket;
        }
    }

    List<LocalDate> starts() {
        return starts;
    }

    int size() {
        return starts.size();
    }

    /** The bucket of the day, or -1 when the day is outside the window. */
    int indexOf(long epochDay) {
        long offset = epochDay - firstDay;
        return offset < 0 || offset >= bucketOfDay.length ? -1 : bucketOfDay[(int) offset];
    }
}
