package org.impactdesk.service.funder;

/** No organisation with that id. */
public final class FunderNotFoundException extends RuntimeException {
    public FunderNotFoundException(String message) {
        super(message);
    }
}
