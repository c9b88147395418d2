package org.khareetaty.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import org.khareetaty.core.CoreServices;
import org.khareetaty.common.DataFolder;
import org.khareetaty.store.Database;

/**
 * What a sub-command needs: the core services for the chosen data folder (opened on first use,
 * closed when the command ends) and a way to print text or JSON.
 */
public final class CliSession implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final DataFolder folder;
    private final PrintWriter out;
    private CoreServices services;

    public CliSession(DataFolder folder, PrintWriter out) {
        this.folder = folder;
        this.out = out;
    }

    public DataFolder folder() {
        return folder;
    }

    public CoreServices services() {
        if (services == null) {
            services = CoreServices.open(folder);
        }
        return services;
    }

    public Database database() {
        return services().database();
    }

    public PrintWriter out() {
        return out;
    }

    public void printJson(Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
            out.flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON output", e);
        }
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
        }
    }
}
