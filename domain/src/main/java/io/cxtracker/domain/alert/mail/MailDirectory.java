package io.cxtracker.domain.alert.mail;

import io.cxtracker.domain.alert.Audience;
import java.util.List;

/**
 * Who is in an audience today, with an e-mail address: the leads of a department (members of its department group
 * who hold the department-lead role) or the holders of a realm role. People live in the identity provider, so
 * infrastructure answers this from there; enabled people without an address are left out.
 */
public interface MailDirectory {

    /**
     * @throws DirectoryUnavailableException when the directory cannot answer now (the caller tries again later)
     */
    List<Recipient> members(Audience audience);

    /** The directory did not answer (down, refused the credentials, timed out). */
    class DirectoryUnavailableException extends RuntimeException {
        public DirectoryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
