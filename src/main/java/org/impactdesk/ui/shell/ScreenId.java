package org.impactdesk.ui.shell;

/** The window's screens, in navigation order; {@link #messageKey()} is the label's bundle key. */
public enum ScreenId {
    HOME, SYNC, TEAM, MENTOR, WRAPPED, FUNDER, ACHIEVEMENTS, SETTINGS, ALERTS;

    public String messageKey() {
        return "nav." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
