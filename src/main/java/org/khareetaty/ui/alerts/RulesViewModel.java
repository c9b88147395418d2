package org.khareetaty.ui.alerts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.khareetaty.alerts.AlertRule;
import org.khareetaty.alerts.AlertRuleRepository;
import org.khareetaty.alerts.RuleExamples;
import org.khareetaty.alerts.RuleKind;
import org.khareetaty.security.Principal;
import org.khareetaty.ui.common.FxExecutor;

/**
 * The rule editor: the stored rules, the YAML of the one being edited, and save / new / enable / delete /
 * import / export. A rule with a mistake is not saved; the message names the field to fix.
 */
public final class RulesViewModel {

    private final AlertRuleRepository repository;
    private final Principal principal;
    private final FxExecutor executor;
    private final ObservableList<AlertRule> rules = FXCollections.observableArrayList();
    private final ObjectProperty<AlertRule> selected = new SimpleObjectProperty<>();
    private final StringProperty yaml = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    /** The id of the rule being edited; null for a new rule. */
    private UUID editing;
    private boolean loading;

    public RulesViewModel(AlertRuleRepository repository, Principal principal, FxExecutor executor) {
        this.repository = repository;
        this.principal = principal;
        this.executor = executor;
        selected.addListener((obs, old, now) -> {
            if (now != null) {
                edit(now.id(), now.yaml());
            }
        });
        yaml.addListener((obs, old, now) -> dirty.set(!loading));
    }

    public ObservableList<AlertRule> rules() {
        return rules;
    }

    public ObjectProperty<AlertRule> selectedProperty() {
        return selected;
    }

    public StringProperty yamlProperty() {
        return yaml;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public void reload() {
        executor.run("Load alert rules", context -> repository.all(), loaded -> {
            UUID keep = editing;
            rules.setAll(loaded);
            loaded.stream().filter(rule -> rule.id().equals(keep)).findFirst().ifPresent(selected::set);
        }, error -> message.set("Cannot read rules: " + error.getMessage()));
    }

    /** Starts a new rule from the example of a kind. */
    public void newRule(RuleKind kind) {
        selected.set(null);
        edit(null, RuleExamples.forKind(kind));
        dirty.set(true);
        message.set("New " + kind + " rule: replace the example numbers and names, then Save.");
    }

    private void edit(UUID id, String text) {
        editing = id;
        loading = true;
        yaml.set(text);
        loading = false;
        dirty.set(false);
        message.set("");
    }

    public void save() {
        UUID id = editing;
        String text = yaml.get();
        executor.run("Save alert rule", context -> repository.save(principal, id, text), saved -> {
            editing = saved.id();
            dirty.set(false);
            message.set("Saved '" + saved.name() + "'.");
            reload();
        }, error -> message.set("Not saved: " + error.getMessage()));
    }

    public void toggleEnabled() {
        AlertRule rule = selected.get();
        if (rule == null) {
            return;
        }
        executor.run("Switch alert rule", context -> {
            repository.setEnabled(principal, rule.id(), !rule.enabled());
            return !rule.enabled();
        }, on -> {
            message.set("'" + rule.name() + "' is now " + (on ? "enabled" : "disabled") + ".");
            reload();
        }, error -> message.set(error.getMessage()));
    }

    public void delete() {
        AlertRule rule = selected.get();
        if (rule == null) {
            return;
        }
        executor.run("Delete alert rule", context -> repository.remove(principal, rule.id()), deleted -> {
            message.set(deleted ? "Deleted '" + rule.name() + "'."
                    : "'" + rule.name() + "' has raised alerts, so it was disabled instead of deleted (its history stays).");
            if (deleted) {
                editing = null;
                edit(null, "");
            }
            reload();
        }, error -> message.set(error.getMessage()));
    }

    public void importFrom(Path file) {
        executor.run("Import alert rules", context -> repository.importYaml(principal,
                Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString()), result -> {
                    message.set("Imported from " + file.getFileName() + ": " + result.created() + " added, "
                            + result.replaced() + " replaced.");
                    reload();
                }, error -> message.set("Not imported (nothing changed): " + error.getMessage()));
    }

    public void exportTo(Path file) {
        executor.run("Export alert rules", context -> {
            repository.exportTo(principal, file);
            return file;
        }, written -> message.set("Rules exported to " + written), error -> message.set("Not exported: " + error.getMessage()));
    }
}
