package org.khareetaty.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of the application and of the components it is built from, read from the build. */
public final class AppInfo {

    private final Properties build;

    private AppInfo(Properties build) {
        this.build = build;
    }

    public static AppInfo load() {
        Properties properties = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("/org/khareetaty/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read build.properties", e);
        }
        return new AppInfo(properties);
    }

    public String name() {
        return "Khareetaty Workstation";
    }

    public String version() {
        return build.getProperty("app.version", "development");
    }

    public String license() {
        return "GPL-3.0-or-later";
    }

    /** Component name to version, for the About box and {@code doctor}. */
    public Map<String, String> componentVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("Khareetaty", version());
        versions.put("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        for (String key : build.stringPropertyNames().stream().sorted().toList()) {
            if (key.startsWith("component.")) {
                versions.put(key.substring("component.".length()), build.getProperty(key));
            }
        }
        return versions;
    }
}
