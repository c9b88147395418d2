package org.khareetaty.alerts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and writes rules as YAML: one rule (as edited in the app) or a file with a {@code rules:} list
 * (import and export). Every error names the source, the line and the field.
 */
public final class RuleYaml {

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    // "+96550001234" must stay a string: unquoted, YAML would read a number and drop the plus.
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES))
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private RuleYaml() {
    }

    /** Parses and validates one rule. */
    public static RuleDefinition parseOne(String yaml, String source) {
        RuleDefinition rule;
        try {
            rule = YAML.readValue(yaml, RuleDefinition.class);
        } catch (JsonProcessingException e) {
            throw new RuleFormatException(describe(e, source));
        }
        if (rule == null) {
            throw new RuleFormatException(source + ": the rule is empty");
        }
        check(rule, source, 1);
        return rule;
    }

    /** Parses a file of rules: {@code rules: [...]}, a bare list, or a single rule. All are validated. */
    public static List<RuleDefinition> parseMany(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new RuleFormatException(describe(e, source));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        JsonNode list = root.isObject() && root.has("rules") ? root.get("rules") : root;
        List<JsonNode> nodes = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(nodes::add);
        } else {
            nodes.add(list);
        }
        List<RuleDefinition> rules = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            RuleDefinition rule;
            try {
                rule = YAML.treeToValue(nodes.get(i), RuleDefinition.class);
            } catch (JsonProcessingException e) {
                throw new RuleFormatException(source + ", rule " + (i + 1) + ": " + fieldMessage(e));
            }
            check(rule, source, i + 1);
            rules.add(rule);
        }
        Map<String, Long> names = rules.stream().collect(Collectors.groupingBy(RuleDefinition::name, Collectors.counting()));
        names.forEach((name, count) -> {
            if (count > 1) {
                throw new RuleFormatException(source + ": the rule name '" + name + "' is used " + count + " times");
            }
        });
        return rules;
    }

    public static String format(RuleDefinition rule) {
        try {
            return YAML.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a rule as YAML", e);
        }
    }

    public static String formatMany(List<RuleDefinition> rules) {
        ObjectNode root = YAML.createObjectNode();
        ArrayNode list = root.putArray("rules");
        rules.forEach(rule -> list.add(YAML.valueToTree(rule)));
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write rules as YAML", e);
        }
    }

    private static void check(RuleDefinition rule, String source, int index) {
        List<String> problems = rule.problems();
        if (!problems.isEmpty()) {
            String which = rule.name() == null ? "rule " + index : "rule '" + rule.name() + "'";
            throw new RuleFormatException(source + ", " + which + ": " + String.join("; ", problems));
        }
    }

    private static String describe(JsonProcessingException e, String source) {
        JsonLocation location = e.getLocation();
        String line = location == null || location.getLineNr() < 1 ? "" : ", line " + location.getLineNr();
        return source + line + ": " + fieldMessage(e);
    }

    private static String fieldMessage(JsonProcessingException e) {
        String field = "";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + (ref.getIndex() + 1) + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[") + ": ";
        }
        return field + e.getOriginalMessage().lines().findFirst().orElse("");
    }
}
