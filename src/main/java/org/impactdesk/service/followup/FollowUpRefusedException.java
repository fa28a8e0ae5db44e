package org.impactdesk.service.followup;

/** A follow-up that cannot be saved or deleted; the message says what and why. */
public final class FollowUpRefusedException extends RuntimeException {
    public FollowUpRefusedException(String message) {
        super(message);
    }
}
