package org.khareetaty.common.settings;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A typed setting: its key, default, how to parse it from text and what values are allowed.
 * A bad value is rejected with a message naming the key, the value and what is allowed.
 */
public final class SettingKey<T> {

    private final String key;
    private final T defaultValue;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final Predicate<T> allowed;
    private final String allowedDescription;

    private SettingKey(String key, T defaultValue, Function<String, T> parser, Function<T, String> formatter,
            Predicate<T> allowed, String allowedDescription) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.formatter = formatter;
        this.allowed = allowed;
        this.allowedDescription = allowedDescription;
    }

    public static SettingKey<Integer> integer(String key, int defaultValue, int min, int max) {
        return new SettingKey<>(key, defaultValue, Integer::valueOf, String::valueOf,
                v -> v >= min && v <= max, "a whole number from " + min + " to " + max);
    }

    public static SettingKey<Double> decimal(String key, double defaultValue, double min, double max) {
        return new SettingKey<>(key, defaultValue, Double::valueOf, String::valueOf,
                v -> v >= min && v <= max, "a number from " + min + " to " + max);
    }

    public static SettingKey<Boolean> bool(String key, boolean defaultValue) {
        return new SettingKey<>(key, defaultValue, SettingKey::parseBoolean, String::valueOf, v -> true, "true or false");
    }

    public static SettingKey<String> text(String key, String defaultValue, int maxLength) {
        return new SettingKey<>(key, defaultValue, s -> s, s -> s, v -> v.length() <= maxLength,
                "text of at most " + maxLength + " characters");
    }

    public static SettingKey<String> oneOf(String key, String defaultValue, List<String> choices) {
        return new SettingKey<>(key, defaultValue, s -> s, s -> s, choices::contains, "one of " + String.join(", ", choices));
    }

    public static SettingKey<ZoneId> zone(String key, ZoneId defaultValue) {
        return new SettingKey<>(key, defaultValue, ZoneId::of, ZoneId::getId, v -> true, "a time zone such as Asia/Kuwait");
    }

    public static SettingKey<LocalTime> timeOfDay(String key, LocalTime defaultValue) {
        return new SettingKey<>(key, defaultValue, LocalTime::parse, LocalTime::toString, v -> true, "a time such as 06:30");
    }

    private static Boolean parseBoolean(String text) {
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException(text);
    }

    public String key() {
        return key;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String allowedDescription() {
        return allowedDescription;
    }

    /** Parses and validates; throws {@link InvalidSettingException} naming key, value and what is allowed. */
    public T parse(String text) {
        T value;
        try {
            value = parser.apply(Objects.requireNonNull(text).strip());
        } catch (RuntimeException e) {
            throw new InvalidSettingException(key, text, allowedDescription);
        }
        validate(value);
        return value;
    }

    public void validate(T value) {
        if (value == null || !allowed.test(value)) {
            throw new InvalidSettingException(key, String.valueOf(value), allowedDescription);
        }
    }

    public String format(T value) {
        return formatter.apply(value);
    }

    @Override
    public String toString() {
        return key;
    }
}
