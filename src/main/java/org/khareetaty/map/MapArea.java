package org.khareetaty.map;

import java.util.UUID;

/** An imported boundary (district, tract, governorate...) with its population when known. */
public record MapArea(UUID id, String kind, String code, String name, Long population, GeoShape shape) {
}
