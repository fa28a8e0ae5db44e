package org.impactdesk.store;

import java.util.List;
import org.impactdesk.access.Scope;
import org.jdbi.v3.core.Jdbi;

/** What the Wrapped previewer lists: mentors and their summary years, in the actor's scope. */
public final class WrappedDao {

    /** {@code associationName}: the mentor's primary local association (tells two of the same name apart). */
    public record MentorRow(String peerMentorId, String displayName, String associationName) {
    }

    private final Jdbi jdbi;

    public WrappedDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<MentorRow> mentors(Scope scope) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT pm.id, u.display_name, la.name AS association_name
                        FROM peer_mentors pm JOIN users u ON u.id = pm.user_id
                          LEFT JOIN local_associations la ON la.id = pm.primary_local_association_id
                        WHERE """ + Scope.SQL_SUMMARY_FILTER + " ORDER BY u.display_name, pm.id")
                .bindMethods("scope", scope)
                .map((rs, ctx) -> new MentorRow(rs.getString("id"), rs.getString("display_name"),
                        rs.getString("association_name")))
                .list());
    }

    public List<Integer> summaryYears(String peerMentorId, Scope scope) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.year FROM annual_summaries s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                        WHERE s.peer_mentor_id = :pm AND """ + Scope.SQL_SUMMARY_FILTER + " AND "
                    + Scope.SQL_ANNUAL_RELEASED_FOR_SELF + " ORDER BY s.year DESC")
                .bind("pm", peerMentorId)
                .bindMethods("scope", scope)
                .mapTo(Integer.class)
                .list());
    }
}
