package org.impactdesk.service.digest;

/** An opt-in to the digest that is not this user's to make. */
public final class DigestRefusedException extends RuntimeException {
    public DigestRefusedException(String message) {
        super(message);
    }
}
