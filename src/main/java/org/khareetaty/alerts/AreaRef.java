package org.khareetaty.alerts;

import java.util.UUID;

/** An area as alerts name it: id, code (used in routing) and display name. */
public record AreaRef(UUID id, String code, String name) {
}
