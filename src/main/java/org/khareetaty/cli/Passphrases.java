package org.khareetaty.cli;

import java.io.Console;
import java.util.Arrays;

/** Reads a passphrase from a named environment variable or the console (no echo), never from an argument. */
final class Passphrases {

    private Passphrases() {
    }

    /**
     * The passphrase in {@code variable} when one is named, otherwise typed at the console; {@code confirm} asks twice
     * (when choosing a new one) and refuses two different entries.
     */
    static char[] read(String variable, boolean confirm) {
        if (variable != null) {
            String value = System.getenv(variable);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("The environment variable " + variable + " holds no passphrase.");
            }
            return value.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("No console to ask for the passphrase: name an environment variable "
                    + "that holds it with --passphrase-env VAR.");
        }
        char[] typed = console.readPassword("Passphrase: ");
        if (typed == null || typed.length == 0) {
            throw new IllegalArgumentException("No passphrase given.");
        }
        if (confirm) {
            char[] again = console.readPassword("Repeat the passphrase: ");
            if (!Arrays.equals(typed, again)) {
                throw new IllegalArgumentException("The two passphrases differ.");
            }
        }
        return typed;
    }
}
