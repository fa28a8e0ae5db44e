package org.impactdesk.service.alerts;

/** The acting user may not see or retry generation failures (not an administrator): CLI exit 3. */
public final class AlertsRefusedException extends RuntimeException {
    public AlertsRefusedException(String message) {
        super(message);
    }
}
