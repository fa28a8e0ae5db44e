package org.impactdesk.service.settings;

/** The acting user may not read or change an organisation's settings. */
public final class SettingsRefusedException extends RuntimeException {
    public SettingsRefusedException(String message) {
        super(message);
    }
}
