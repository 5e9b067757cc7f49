package io.cxtracker.domain.alert.mail;

import java.util.Objects;

/**
 * A person an alert's e-mail goes to, as the directory (Keycloak) knows them when the alert is expanded.
 *
 * @param userName the sign-in name, the key of their preferences
 * @param displayName "first last", or null when the directory has none
 */
public record Recipient(String userName, String address, String displayName) {

    public Recipient {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(address, "address");
    }
}
