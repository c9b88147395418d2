package org.khareetaty.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.khareetaty.alerts.AlertEvaluator;
import org.khareetaty.alerts.AlertServices;
import org.khareetaty.alerts.OutboxSender;
import org.khareetaty.common.TaskContext;

/** Evaluates every alert rule and works through the notification outbox. */
public final class AlertsStep implements PipelineStep {

    private final AlertServices alerts;

    public AlertsStep(AlertServices alerts) {
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public StepResult run(PipelineContext context, TaskContext task) {
        AlertEvaluator.Report evaluated = alerts.evaluator().evaluate(task);
        OutboxSender.Report sent = alerts.sender().sendDue(task);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rules", evaluated.rulesEvaluated());
        figures.put("raised", evaluated.raised().size());
        figures.put("notificationsQueued", evaluated.notificationsQueued());
        figures.put("sent", sent.sent());
        figures.put("pending", sent.pending());
        String message = evaluated.rulesEvaluated() + " rules evaluated, " + evaluated.raised().size() + " alerts raised, "
                + sent.sent() + " notifications sent, " + sent.pending() + " pending"
                + (sent.offline() ? " (offline: they wait in the outbox)" : "")
                + (sent.problem() == null ? "" : "; " + sent.problem());
        if (!evaluated.errors().isEmpty()) {
            return new StepResult(null, StepResult.Status.FAILED, message + "; rule errors: " + String.join("; ", evaluated.errors()), 0, figures);
        }
        return StepResult.ok(message, figures);
    }
}
