package org.khareetaty.ingest;

import java.util.List;
import java.util.Map;

/**
 * What the wizard shows before importing: the file's columns with detected types, its first rows as
 * parsed, the mapping in use, and how the first rows would fare (accepted, quarantined by reason).
 *
 * @param problems why the mapping cannot be used yet (then the counts are zero)
 */
public record ImportPreview(
        String fileName,
        String format,
        List<String> header,
        List<String> columnTypes,
        List<List<String>> rows,
        MappingProfile mapping,
        List<String> problems,
        long sampledRows,
        long accepted,
        long located,
        Map<String, Long> wouldQuarantine) {

    public long quarantinedTotal() {
        return wouldQuarantine.values().stream().mapToLong(Long::longValue).sum();
    }
}
