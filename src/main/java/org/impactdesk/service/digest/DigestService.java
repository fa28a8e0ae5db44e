package org.impactdesk.service.digest;

import org.impactdesk.access.Actor;

/**
 * A coordinator's opt-in to the digest after each sync (issue 19 item 5), as Home shows it: only
 * coordinators signed in as themselves opt in, and only for themselves.
 */
public interface DigestService {

    /** Whether this user may opt in (a coordinator signed in as themselves). */
    boolean canOptIn(Actor actor);

    /** Whether the user is opted in (false for anyone who cannot opt in). */
    boolean optedIn(Actor actor);

    /**
     * Opts the signed-in coordinator in or out.
     *
     * @throws DigestRefusedException for anyone but a coordinator signed in as themselves
     */
    void setOptedIn(Actor actor, boolean in);
}
