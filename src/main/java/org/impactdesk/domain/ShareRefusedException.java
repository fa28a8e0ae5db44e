package org.impactdesk.domain;

/** A share the rules refuse (not ready, preview, encouragement, no access): CLI exit 3. */
public final class ShareRefusedException extends RuntimeException {
    public ShareRefusedException(String message) {
        super(message);
    }
}
