package org.khareetaty.common.secrets;

import java.util.Optional;

/**
 * Where credentials (e.g. the Twilio auth token) are kept, never in plain text in settings or logs.
 * The first implementation is {@link AesGcmSecretStore}; an OS-keystore implementation can replace it
 * without callers changing. Implementations must never log secret values.
 */
public interface SecretStore {

    Optional<String> get(String name);

    void put(String name, String value);

    void remove(String name);

    default boolean contains(String name) {
        return get(name).isPresent();
    }
}
