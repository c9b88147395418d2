package org.khareetaty.common.settings;

/** A setting value that is not allowed; the message names the key, the value and what is allowed. */
public final class InvalidSettingException extends IllegalArgumentException {
    public InvalidSettingException(String key, String value, String allowed) {
        super("Setting '" + key + "' cannot be '" + value + "': it must be " + allowed + ".");
    }
}
