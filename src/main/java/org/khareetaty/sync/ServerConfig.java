package org.khareetaty.sync;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How to reach the central server. TLS with certificate and host name verification is the default;
 * {@link TlsMode#DISABLED_LOOPBACK_ONLY} exists for a server on the same machine and is refused for any
 * other host. The password is kept in memory only; settings hold it encrypted.
 */
public record ServerConfig(String url, String username, String password, Path caFile, TlsMode tls) {

    /** Transport security towards the server. */
    public enum TlsMode {
        /** TLS, the server certificate must chain to the CA file (or the JVM's trusted CAs) and match the host. */
        VERIFY_FULL,
        /** Plain TCP, allowed only when the server is on this machine (benchmarks, a personal server). */
        DISABLED_LOOPBACK_ONLY
    }

    public ServerConfig {
        validateUrl(url);
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("A server user name is required");
        }
        if (tls == TlsMode.DISABLED_LOOPBACK_ONLY && !isLoopback(host(url))) {
            throw new IllegalArgumentException("TLS can only be turned off for a server on this machine, not "
                    + host(url) + "; give a CA file instead");
        }
    }

    /** Accepts {@code jdbc:postgresql://HOST[:PORT]/DB} only: TLS and credentials are not taken from the URL. */
    public static void validateUrl(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("The server URL must look like jdbc:postgresql://HOST:PORT/DATABASE, not '"
                    + url + "'");
        }
        String rest = url.substring("jdbc:".length());
        if (rest.contains("?") || rest.contains(";")) {
            throw new IllegalArgumentException("The server URL must not carry parameters (TLS and credentials are "
                    + "separate settings): " + url);
        }
        URI uri = URI.create(rest);
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("The server URL needs a host and a database name: " + url);
        }
    }

    public static String host(String url) {
        return URI.create(url.substring("jdbc:".length())).getHost();
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ServerConfig[url=" + url + ", username=" + username + ", caFile=" + caFile + ", tls=" + tls + "]";
    }
}
