package org.khareetaty.report;

import java.util.UUID;

/** An area (district, tract, governorate, ...) as named in reports. */
public record AreaRef(UUID id, String kind, String code, String name) {

    public String displayName() {
        return name.equals(code) ? kind + " " + code : name;
    }
}
