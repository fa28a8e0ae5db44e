package org.impactdesk.service.generation;

/**
 * The date a request takes as today lies after the organisation's real today: a usage error
 * (CLI exit 2), so no run can store an official summary of an open period.
 */
public final class AsOfAfterTodayException extends RuntimeException {
    public AsOfAfterTodayException(String message) {
        super(message);
    }
}
