package org.impactdesk.store;

import java.util.List;
import java.util.Optional;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.Membership;
import org.impactdesk.domain.MentorStanding;
import org.impactdesk.domain.StoredLine;
import org.impactdesk.domain.StoredPeriod;
/**
 * The Team screen's reads of stored periodic summaries (implemented by {@code store.TeamDao}).
 * Every method that reads people's data takes the acting user's {@link Scope} and filters in SQL.
 * A period is given as {@code period_type} ('quarterly' or 'half_year'), year and the quarter or
 * half number.
 */
public interface TeamReader {

    /** Personal rows of the period for peer mentors in scope, with the mentor's name, ordered by name. */
    List<StoredLine> mentorLines(Scope scope, String periodType, int year, int number);

    /** Coordinator team rows of the period in scope (a coordinator: their own), with the coordinator's name. */
    List<StoredLine> teamLines(Scope scope, String periodType, int year, int number);

    /** The local association memberships of every peer mentor in scope, ordered by association name. */
    List<Membership> mentorMemberships(Scope scope);

    /** The local associations of the coordinators who have a team row of the period in scope. */
    List<Membership> coordinatorAssociations(Scope scope, String periodType, int year, int number);

    /** The profile status and start date of every peer mentor in scope (paused is shown as paused). */
    List<MentorStanding> mentorStandings(Scope scope);

    /** Periods with personal or team rows in scope (each once). */
    List<StoredPeriod> periods(Scope scope);

    /** An organisation's time zone as stored (NULL or blank: the platform default). */
    Optional<String> timeZone(String organizationId);
}
