package org.khareetaty.charts;

import java.util.UUID;

/** An area of one kind (district, tract, …); population is null when unknown. */
public record AreaInfo(UUID id, String kind, String code, String name, Long population) {
}
