package org.khareetaty.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps a source's category text onto the standard taxonomy (table {@code category}): first the
 * analyst's aliases (table {@code category_alias}, exact text), then the shipped rules (ordered
 * "contains" patterns, English and Arabic), else {@code other}. The original text is always kept beside
 * the code. Thread-safe; results are cached per distinct text.
 */
public final class CategoryMapper {

    /** The code for text no rule recognises. */
    public static final String OTHER = "other";

    private record Rule(String pattern, String code) {
    }

    private final Map<String, String> aliases;
    private final List<Rule> rules;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    CategoryMapper(Map<String, String> aliases, List<Rule> rules) {
        this.aliases = Map.copyOf(aliases);
        this.rules = List.copyOf(rules);
    }

    /** The shipped rules plus the given aliases (normalised source text to code). */
    public static CategoryMapper withAliases(Map<String, String> aliases) {
        Map<String, String> normalised = new java.util.HashMap<>();
        aliases.forEach((text, code) -> normalised.put(normalise(text), code));
        return new CategoryMapper(normalised, shippedRules());
    }

    static List<Rule> shippedRules() {
        try (InputStream in = CategoryMapper.class.getResourceAsStream("category-rules.json")) {
            if (in == null) {
                throw new IllegalStateException("category-rules.json is missing from the application");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Rule> rules = new ArrayList<>();
            for (JsonNode rule : root.path("rules")) {
                rules.add(new Rule(normalise(rule.path("contains").asText()), rule.path("code").asText()));
            }
            return Collections.unmodifiableList(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard code for a source text (never null; empty text is the caller's to reject). */
    public String codeFor(String sourceText) {
        String cached = cache.get(sourceText);
        if (cached != null) {
            return cached;
        }
        String code = lookUp(normalise(sourceText));
        cache.put(sourceText, code);
        return code;
    }

    private String lookUp(String text) {
        String alias = aliases.get(text);
        if (alias != null) {
            return alias;
        }
        for (Rule rule : rules) {
            if (text.contains(rule.pattern())) {
                return rule.code();
            }
        }
        return OTHER;
    }

    static String normalise(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        return lower.replaceAll("\\s+", " ");
    }
}
