package org.khareetaty.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Picocli formats every description with {@link String#format}: a bare "%" (as in "95 %") makes it print a
 * warning and the raw text on every --help. Each description of every command must format cleanly.
 */
class HelpTextTest {

    @Test
    void everyDescriptionOfEveryCommandFormats() {
        List<String> broken = new ArrayList<>();
        Deque<CommandLine> commands = new ArrayDeque<>(List.of(new CommandLine(new KhareetatyCommand())));
        int checked = 0;
        while (!commands.isEmpty()) {
            CommandLine command = commands.pop();
            commands.addAll(command.getSubcommands().values());
            CommandSpec spec = command.getCommandSpec();
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
            for (ArgSpec arg : spec.args()) {
                texts.addAll(List.of(arg.description()));
            }
            for (String text : texts) {
                checked++;
                try {
                    String.format(Locale.ROOT, text);
                } catch (IllegalFormatException e) {
                    broken.add(spec.qualifiedName() + ": \"" + text + "\" (" + e + ")");
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(broken).as("descriptions with an unescaped %% (write %%%%)").isEmpty();
    }
}
