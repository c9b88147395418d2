package org.khareetaty.ingest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The outcome of an import (or an area load or a rollback): every row read is accepted, quarantined or a
 * duplicate, so {@code accepted + quarantined + duplicates == rowsRead}.
 *
 * @param phasesMs wall time per phase; parsing overlaps writing, so phases do not add up to the total
 */
public record ImportReport(
        UUID batchId,
        String status,
        List<String> files,
        long rowsRead,
        long accepted,
        long quarantined,
        Map<String, Long> quarantinedByReason,
        long duplicates,
        long located,
        long elapsedMs,
        Map<String, Long> phasesMs,
        String message) {

    /** Below this share of located rows, maps and hotspots are biased and the summary says so. */
    public static final double QUALITY_THRESHOLD = 0.85;

    /** Share of accepted rows with a usable location, in [0, 1] (1 when nothing was accepted). */
    public double locatedShare() {
        return accepted == 0 ? 1.0 : (double) located / accepted;
    }

    public boolean qualityWarning() {
        return accepted > 0 && locatedShare() < QUALITY_THRESHOLD;
    }

    /** The quality gate in words for the summary. */
    public String qualityMessage() {
        String share = String.format(java.util.Locale.ROOT, "%.1f%%", locatedShare() * 100);
        return qualityWarning()
                ? "Only " + share + " of the accepted rows have a usable location (below 85%): maps and hotspots will be biased."
                : share + " of the accepted rows have a usable location.";
    }

    public double rowsPerSecond() {
        return elapsedMs == 0 ? rowsRead : rowsRead * 1000.0 / elapsedMs;
    }

    public boolean countsAddUp() {
        return accepted + quarantined + duplicates == rowsRead;
    }
}
