package org.impactdesk.service.release;

/** A release, hold or preview mark the acting user may not make, or one the summary's state forbids: CLI exit 3. */
public final class ReleaseRefusedException extends RuntimeException {
    public ReleaseRefusedException(String message) {
        super(message);
    }
}
