package org.khareetaty.alerts;

import java.time.Instant;
import java.util.List;

/** An alert with its evidence, the actions taken on it and its notifications. */
public record AlertDetail(AlertRow alert, Evidence evidence, List<ActionRecord> actions, List<OutboxMessage> notifications) {

    /** One recorded action. */
    public record ActionRecord(AlertAction action, String username, String note, Instant at) {
    }
}
