package org.khareetaty.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khareetaty.store.Database;

/**
 * Named mapping profiles: the shipped ones (Philadelphia export, origin system CSV) and those analysts
 * saved (table {@code mapping_profile}, JSON). A saved profile with a shipped name replaces it.
 */
public final class ProfileStore {

    static final List<String> SHIPPED = List.of("philadelphia", "origin-system");
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Database database;

    public ProfileStore(Database database) {
        this.database = database;
    }

    /** Every profile by name: shipped first, then saved ones (which win on equal names). */
    public Map<String, MappingProfile> all() {
        Map<String, MappingProfile> profiles = new LinkedHashMap<>();
        for (String name : SHIPPED) {
            profiles.put(name, shipped(name));
        }
        database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT name, definition FROM mapping_profile ORDER BY name");
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    profiles.put(rs.getString(1), fromJson(rs.getString(2)).withName(rs.getString(1)));
                }
            }
            return null;
        });
        return profiles;
    }

    public List<String> names() {
        return new ArrayList<>(all().keySet());
    }

    public Optional<MappingProfile> find(String name) {
        return Optional.ofNullable(all().get(name));
    }

    public MappingProfile get(String name) {
        return find(name).orElseThrow(() -> new ImportException(
                "No mapping profile named '" + name + "'. Known profiles: " + String.join(", ", names())));
    }

    public void save(MappingProfile profile) {
        if (profile.name() == null || profile.name().isBlank()) {
            throw new ImportException("A profile needs a name");
        }
        String definition = toJson(profile);
        database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "MERGE INTO mapping_profile (name, definition, updated_at) KEY (name) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                statement.setString(1, profile.name().strip());
                statement.setString(2, definition);
                return statement.executeUpdate();
            }
        });
    }

    public boolean delete(String name) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM mapping_profile WHERE name = ?")) {
                statement.setString(1, name);
                return statement.executeUpdate() > 0;
            }
        });
    }

    static MappingProfile shipped(String name) {
        try (InputStream in = ProfileStore.class.getResourceAsStream("profiles/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("Shipped profile " + name + " is missing from the application");
            }
            return JSON.readValue(in, MappingProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a mapping from a JSON file (the CLI's {@code --mapping FILE}). */
    public static MappingProfile readFile(Path file) {
        try {
            MappingProfile profile = JSON.readValue(Files.readString(file), MappingProfile.class);
            return profile.name() == null ? profile.withName(file.getFileName().toString()) : profile;
        } catch (JsonProcessingException e) {
            throw new ImportException(file.getFileName() + ": not a valid mapping (JSON): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ImportException(file.getFileName() + ": cannot read the mapping: " + e.getMessage(), e);
        }
    }

    public static String toJson(MappingProfile profile) {
        try {
            return JSON.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a mapping as JSON", e);
        }
    }

    public static MappingProfile fromJson(String json) {
        try {
            return JSON.readValue(json, MappingProfile.class);
        } catch (JsonProcessingException e) {
            throw new ImportException("A stored mapping is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
