package org.impactdesk.ui.shell;

import org.impactdesk.domain.Period;

/**
 * A request to show a screen, optionally with what to show there. Every field but
 * {@code screen} may be null (= "keep what the screen shows"). Screens read the fields that
 * apply to them and ignore the rest:
 * <ul>
 *   <li>{@code period}: the quarter or half to show (Home, Team)</li>
 *   <li>{@code status}: the outlier filter (Team: the Home tiles "Underactive" and "Overloaded")</li>
 *   <li>{@code peerMentorId} and {@code year}: a mentor (Mentor, Wrapped)</li>
 *   <li>{@code intent}: {@link Intent#IMPORT} asks Sync to open the bundle chooser (Shortcut+O)</li>
 *   <li>{@code mentors}: only these peer mentors, under a label (Team: Home's "since the last sync" lists)</li>
 * </ul>
 */
public record NavigationRequest(ScreenId screen, Period period, StatusFilter status, String peerMentorId, Integer year,
                                Intent intent, MentorSet mentors) {

    /** Some peer mentors by id, and what the list is called ("Newly underactive"). */
    public record MentorSet(String label, java.util.Set<String> peerMentorIds) {
        public MentorSet {
            peerMentorIds = java.util.Set.copyOf(peerMentorIds);
        }
    }

    public NavigationRequest(ScreenId screen, Period period, StatusFilter status, String peerMentorId, Integer year,
                             Intent intent) {
        this(screen, period, status, peerMentorId, year, intent, null);
    }

    /** The outlier-status filter a request can carry (Team's filter values). */
    public enum StatusFilter { ALL, UNDERACTIVE, NORMAL, OVERLOADED }

    public enum Intent { SHOW, IMPORT }

    public NavigationRequest {
        if (screen == null) {
            throw new IllegalArgumentException("a navigation request names its screen");
        }
        if (intent == null) {
            intent = Intent.SHOW;
        }
    }

    public static NavigationRequest to(ScreenId screen) {
        return new NavigationRequest(screen, null, null, null, null, Intent.SHOW);
    }

    public NavigationRequest withPeriod(Period p) {
        return new NavigationRequest(screen, p, status, peerMentorId, year, intent, mentors);
    }

    public NavigationRequest withStatus(StatusFilter s) {
        return new NavigationRequest(screen, period, s, peerMentorId, year, intent, mentors);
    }

    public NavigationRequest withMentor(String peerMentorId, Integer year) {
        return new NavigationRequest(screen, period, status, peerMentorId, year, intent, mentors);
    }

    public NavigationRequest withIntent(Intent i) {
        return new NavigationRequest(screen, period, status, peerMentorId, year, i, mentors);
    }

    public NavigationRequest withMentors(MentorSet m) {
        return new NavigationRequest(screen, period, status, peerMentorId, year, intent, m);
    }
}
