package io.cxtracker.domain.alert.mail;

/** Hands one rendered mail to the mail server (infrastructure implements it over SMTP, with timeouts). */
public interface MailTransport {

    /**
     * Returns once the server accepted the mail.
     *
     * @throws MailNotSentException when it did not (refused, unreachable, timed out)
     */
    void send(MailMessage message);

    /** The server did not accept the mail; the message says why, without credentials. */
    class MailNotSentException extends RuntimeException {
        public MailNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
