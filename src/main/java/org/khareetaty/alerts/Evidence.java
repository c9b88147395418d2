package org.khareetaty.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter.BoundingBox;

/**
 * What triggered an alert, stored as JSON in {@code alert.evidence}: the incidents, the hotspot or the
 * forecast point, and a bounding box so the map can show it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(
        List<UUID> incidentIds,
        UUID runId,
        UUID hotspotId,
        Double score,
        Long previousCount,
        Long count,
        UUID forecastPointId,
        String seriesKey,
        LocalDate periodStart,
        Double upperBound,
        Double expected,
        Extent bbox) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The evidence's extent in WGS 84 degrees. Our own record, so the stored JSON does not change when the shared
     * filter's {@link BoundingBox} gains fields.
     */
    public record Extent(double minLon, double minLat, double maxLon, double maxLat) {
        public static Extent of(BoundingBox box) {
            return box == null ? null : new Extent(box.minLon(), box.minLat(), box.maxLon(), box.maxLat());
        }

        public BoundingBox toBoundingBox() {
            return new BoundingBox(minLon, minLat, maxLon, maxLat);
        }
    }

    public Evidence {
        incidentIds = incidentIds == null ? List.of() : List.copyOf(incidentIds);
    }

    public static Evidence incidents(List<UUID> ids, BoundingBox bbox) {
        return new Evidence(ids, null, null, null, null, (long) ids.size(), null, null, null, null, null, Extent.of(bbox));
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write evidence", e);
        }
    }

    public static Evidence fromJson(String json) {
        try {
            return JSON.readValue(json, Evidence.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored evidence is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
