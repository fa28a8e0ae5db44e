package org.impactdesk.service.generation;

/** The summary or mentor does not exist in the caller's scope: CLI exit 4. */
public final class SummaryNotFoundException extends RuntimeException {
    public SummaryNotFoundException(String message) {
        super(message);
    }
}
