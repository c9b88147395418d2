package org.khareetaty.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import org.khareetaty.core.CoreServices;
import org.khareetaty.common.DataFolder;
import org.khareetaty.security.AccessDeniedException;
import org.khareetaty.security.Principal;
import org.khareetaty.store.Database;
import org.khareetaty.store.DatabaseFileEncryption;

/**
 * What a sub-command needs: the core services for the chosen data folder (opened on first use,
 * closed when the command ends) and a way to print text or JSON.
 */
public final class CliSession implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CliSession.class);

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final DataFolder folder;
    private final PrintWriter out;
    private final String requestedUser;
    private CoreServices services;
    private Principal principal;
    private char[] databasePassword;

    public CliSession(DataFolder folder, PrintWriter out, String requestedUser) {
        this.folder = folder;
        this.out = out;
        this.requestedUser = requestedUser;
    }

    /**
     * Who runs this command. Until the first account exists every command runs as the bootstrap administrator;
     * after that the account comes from --user or $KHAREETATY_USER and its password from $KHAREETATY_PASSWORD
     * or a prompt on the console. Sign-in failures count towards lockout like in the window.
     */
    public Principal principal() {
        if (principal == null) {
            if (!services().users().hasAccounts()) {
                principal = Principal.BOOTSTRAP;
            } else {
                String user = requestedUser != null ? requestedUser : System.getenv("KHAREETATY_USER");
                if (user == null || user.isBlank()) {
                    throw new AccessDeniedException("This workstation has accounts: name one with --user or KHAREETATY_USER.");
                }
                principal = services().users().signIn(user, password("Password for " + user + ": ", "KHAREETATY_PASSWORD"));
            }
        }
        return principal;
    }

    /** A secret from an environment variable, or typed at the console without echo. */
    public char[] password(String prompt, String environmentVariable) {
        String fromEnv = System.getenv(environmentVariable);
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new AccessDeniedException("No console to ask for the password: set " + environmentVariable + ".");
        }
        char[] typed = console.readPassword(prompt);
        if (typed == null) {
            throw new AccessDeniedException("No password given.");
        }
        return typed;
    }

    /** Closes the core services early (e.g. before a restore replaces the database file). */
    public void closeServices() {
        if (services != null) {
            services.close();
            services = null;
        }
    }

    public DataFolder folder() {
        return folder;
    }

    public CoreServices services() {
        if (services == null) {
            // Steps of an upgrade at start (ADR 0103) go to stderr with the log, never into --json output.
            services = CoreServices.openUpgrading(folder, databasePassword(), step -> LOG.warn("{}", step));
        }
        return services;
    }

    /**
     * The file password of an encrypted database (H2 CIPHER=AES, ADR 0102) from $KHAREETATY_DB_PASSWORD or the
     * console, asked once per command; null when the database is not encrypted.
     */
    public char[] databasePassword() {
        if (databasePassword == null && DatabaseFileEncryption.isEncrypted(folder)) {
            databasePassword = password("File password of the encrypted database: ", "KHAREETATY_DB_PASSWORD");
        }
        return databasePassword;
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
        closeServices();
    }
}
