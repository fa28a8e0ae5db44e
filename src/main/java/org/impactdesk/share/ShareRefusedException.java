package org.impactdesk.share;

/** A share the rules refuse (not ready, preview, encouragement, no access): CLI exit 3. */
public final class ShareRefusedException extends RuntimeException {
    public ShareRefusedException(String message) {
        super(message);
    }
}
