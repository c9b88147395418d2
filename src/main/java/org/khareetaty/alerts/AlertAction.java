package org.khareetaty.alerts;

/** What a user can do to an alert; every action is recorded in {@code alert_action} with user, time and note. */
public enum AlertAction {
    ACKNOWLEDGE, ASSIGN, RESOLVE, REOPEN, NOTE
}
