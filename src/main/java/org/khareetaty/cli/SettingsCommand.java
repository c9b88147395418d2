package org.khareetaty.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.khareetaty.common.settings.SettingKey;
import org.khareetaty.core.SettingCatalog;
import org.khareetaty.security.Permission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Every setting from the command line, for workstations and servers run without the window. */
@Command(name = "settings", mixinStandardHelpOptions = true, description = "List, change or reset settings (administrators)",
        subcommands = {SettingsCommand.ListSettings.class, SettingsCommand.Set.class, SettingsCommand.Reset.class})
final class SettingsCommand {

    private static SettingKey<?> known(String key) {
        SettingKey<?> found = SettingCatalog.find(key).orElseThrow(() -> new IllegalArgumentException(
                "No setting '" + key + "'. `khareetaty settings list` shows them all."));
        if (SettingCatalog.isCredential(found)) {
            throw new IllegalArgumentException(key + " is a credential and is stored only encrypted: set it with "
                    + "`khareetaty sync configure`, `khareetaty alerts twilio` or the Alerts pane's notification settings.");
        }
        return found;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every setting: value, default and what is allowed")
    static final class ListSettings extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SettingKey<?> key : SettingCatalog.all()) {
                String stored = session.services().settings().raw(key.key()).orElse(null);
                String shown = SettingCatalog.isCredential(key)
                        ? (stored == null || stored.isEmpty() ? "(not set)" : "(stored encrypted)")
                        : stored == null ? formatted(key, key.defaultValue()) : stored;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", key.key());
                row.put("value", shown);
                row.put("default", stored == null);
                row.put("allowed", key.allowedDescription());
                rows.add(row);
            }
            if (json) {
                session.printJson(rows);
                return 0;
            }
            for (Map<String, Object> row : rows) {
                session.out().printf("%-36s %-34s %s%n", row.get("key"), row.get("value") + ((Boolean) row.get("default") ? " (default)" : ""),
                        row.get("allowed"));
            }
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change a setting (validated, audited)")
    static final class Set extends SessionCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        protected int run(CliSession session) {
            SettingKey<?> setting = known(key);
            List<String> changed = session.services().settingChanges()
                    .change(session.principal(), Permission.CHANGE_SETTINGS, "settings (command line)")
                    .parse(setting, value).save();
            report(session, json, changed, setting.key() + " = " + session.services().settings().raw(setting.key()).orElse(""));
            return 0;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Put a setting back to its default (audited)")
    static final class Reset extends SessionCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Override
        protected int run(CliSession session) {
            SettingKey<?> setting = known(key);
            List<String> changed = session.services().settingChanges()
                    .change(session.principal(), Permission.CHANGE_SETTINGS, "settings (command line)")
                    .parse(setting, formatted(setting, setting.defaultValue())).save();
            report(session, json, changed, setting.key() + " = " + formatted(setting, setting.defaultValue()) + " (default)");
            return 0;
        }
    }

    private static void report(CliSession session, boolean json, List<String> changed, String now) {
        if (json) {
            session.printJson(Map.of("changed", changed));
        } else {
            session.out().println(changed.isEmpty() ? "Unchanged: " + now : now);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> String formatted(SettingKey<T> key, Object value) {
        return key.format((T) value);
    }
}
