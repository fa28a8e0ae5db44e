package org.impactdesk.domain;

/** A slide payload that does not follow docs/slide-payload.md; the message says what and where. */
public final class PayloadException extends RuntimeException {
    public PayloadException(String message) {
        super(message);
    }
}
