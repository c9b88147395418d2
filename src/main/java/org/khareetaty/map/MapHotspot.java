package org.khareetaty.map;

import java.util.UUID;

/** A hotspot of an analysis run as the map shows it: its shape, rank and figures. */
public record MapHotspot(UUID id, int rank, String label, GeoShape shape, long incidentCount, double densityPerKm2,
        Double zScore, Double pValue, Integer confidence) {
}
