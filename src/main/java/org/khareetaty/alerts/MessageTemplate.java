package org.khareetaty.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notification text with placeholders in braces, e.g. {@code "[{severity}] {rule}: {summary} — {area}"}.
 * Any script (Arabic included) passes through unchanged; only the known placeholders are replaced.
 */
public final class MessageTemplate {

    public static final List<String> PLACEHOLDERS = List.of("rule", "severity", "area", "summary", "title", "time", "count", "alert");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    /** Twilio refuses bodies over 1600 characters. */
    static final int MAX_BODY = 1600;

    private MessageTemplate() {
    }

    public static List<String> unknownPlaceholders(String template) {
        List<String> unknown = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                unknown.add("{" + matcher.group(1) + "}");
            }
        }
        return unknown;
    }

    public static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        String text = out.toString();
        return text.length() <= MAX_BODY ? text : text.substring(0, MAX_BODY - 1) + "…";
    }
}
