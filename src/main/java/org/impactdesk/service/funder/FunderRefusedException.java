package org.impactdesk.service.funder;

/** The actor may not see or change this organisation's funder report. */
public final class FunderRefusedException extends RuntimeException {
    public FunderRefusedException(String message) {
        super(message);
    }
}
