package org.khareetaty.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Password rules after NIST SP 800-63B: 8 to 64 characters, no composition rules, and not one of the
 * 30,000 most common passwords (bundled list) nor the username itself.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    public static PasswordPolicy bundled() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/org/khareetaty/security/common-passwords.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the common password list", e);
        }
        return new PasswordPolicy(Set.copyOf(words));
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public Optional<String> problem(String username, char[] password) {
        int length = new String(password).codePointCount(0, password.length);
        if (length < MIN_LENGTH) {
            return Optional.of("The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("The password may have at most " + MAX_LENGTH + " characters.");
        }
        String lower = new String(password).toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("This password is one of the most common passwords; choose another.");
        }
        if (lower.equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not be the username.");
        }
        return Optional.empty();
    }
}
