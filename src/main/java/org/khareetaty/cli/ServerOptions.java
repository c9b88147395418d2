package org.khareetaty.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.khareetaty.sync.ServerConfig;
import org.khareetaty.sync.SyncService;
import picocli.CommandLine.Option;

/**
 * Options naming a central server. Anything not given comes from the saved sync settings. The password
 * is never an argument value on the command line: it is prompted for ({@code --server-password}) or read from
 * the KHAREETATY_SERVER_PASSWORD environment variable.
 */
final class ServerOptions {

    static final String PASSWORD_ENV = "KHAREETATY_SERVER_PASSWORD";

    @Option(names = "--url", paramLabel = "URL", description = "jdbc:postgresql://HOST:PORT/DATABASE")
    String url;

    @Option(names = "--server-user", paramLabel = "NAME", description = "Server user name")
    String user;

    @Option(names = "--server-password", interactive = true, arity = "0", description = "Prompt for the server password "
            + "(or set " + PASSWORD_ENV + ")")
    char[] password;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "PEM file of the CA that signed the server certificate "
            + "(default: the CAs the JVM trusts)")
    Path caFile;

    @Option(names = "--no-tls-loopback", description = "Plain TCP; refused unless the server is on this machine")
    boolean plainLoopback;

    /** The given password, else the environment variable, else null. */
    String password() {
        if (password != null) {
            return new String(password);
        }
        return System.getenv(PASSWORD_ENV);
    }

    ServerConfig.TlsMode tls() {
        return plainLoopback ? ServerConfig.TlsMode.DISABLED_LOOPBACK_ONLY : ServerConfig.TlsMode.VERIFY_FULL;
    }

    /** The server from these options, completed from the saved settings. */
    ServerConfig resolve(SyncService sync) {
        Optional<ServerConfig> saved = sync.serverConfig();
        String resolvedUrl = url != null ? url : saved.map(ServerConfig::url).orElseThrow(() ->
                new IllegalArgumentException("Give the server with --url jdbc:postgresql://HOST:PORT/DATABASE"));
        String resolvedUser = user != null ? user : saved.map(ServerConfig::username).orElseThrow(() ->
                new IllegalArgumentException("Give the server user with --server-user"));
        String resolvedPassword = password() != null ? password() : saved.map(ServerConfig::password).orElse("");
        Path ca = caFile != null ? caFile : saved.map(ServerConfig::caFile).orElse(null);
        ServerConfig.TlsMode mode = plainLoopback ? tls() : saved.filter(s -> url == null).map(ServerConfig::tls)
                .orElse(ServerConfig.TlsMode.VERIFY_FULL);
        return new ServerConfig(resolvedUrl, resolvedUser, resolvedPassword, ca, mode);
    }
}
