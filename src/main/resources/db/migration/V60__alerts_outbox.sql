-- Alerts (issue 8): what the evaluator and the notification sender need beyond schema V1.

-- When the evidence happened (not when the alert was raised): count rules use it as a cooldown.
ALTER TABLE alert ADD COLUMN evidence_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert ADD COLUMN summary VARCHAR(2000);
CREATE INDEX alert_rule_area ON alert(rule_id, area_id, evidence_at);

-- One message per alert, channel and recipient, whatever happens to the evaluator.
CREATE UNIQUE INDEX notification_outbox_once ON notification_outbox(alert_id, channel, recipient);
-- When the first send attempt began: an ambiguous failure is looked up from then on.
ALTER TABLE notification_outbox ADD COLUMN first_attempt_at TIMESTAMP WITH TIME ZONE;
-- Twilio's own delivery status (queued, sent, delivered, undelivered, failed, read), polled.
ALTER TABLE notification_outbox ADD COLUMN delivery_status VARCHAR(20);
ALTER TABLE notification_outbox ADD COLUMN delivery_checked_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX notification_outbox_alert ON notification_outbox(alert_id);

-- Every attempt and its outcome, so an ambiguous send (and any duplicate it may cause) is on record.
CREATE TABLE notification_event (
    id              UUID PRIMARY KEY,
    outbox_id       UUID NOT NULL REFERENCES notification_outbox(id) ON DELETE CASCADE,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    kind            VARCHAR(30) NOT NULL,       -- ATTEMPT, SENT, AMBIGUOUS, LOOKUP_FOUND, LOOKUP_MISSING, RETRY, FAILED, DELIVERY
    detail          VARCHAR(1000)
);
CREATE INDEX notification_event_outbox ON notification_event(outbox_id, at);

CREATE INDEX alert_action_alert ON alert_action(alert_id, at);
