package org.impactdesk.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.FollowUp;
import org.impactdesk.domain.MentorPeriodStatus;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.domain.MentorStanding;
import org.impactdesk.domain.MonthlySessions;
import org.impactdesk.domain.OutlierStatus;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.PeriodRow;
import org.impactdesk.domain.Uuid7;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Follow-up notes ({@code follow_up_notes}) and the stored rows the Team side panel shows beside
 * them. Every note query filters on the author (the signed-in user) and on the mentor being in
 * the user's {@link Scope}: nobody reads or changes another user's notes, and nobody writes a note
 * on a mentor outside their scope.
 */
public final class FollowUpDao {
    private static final String NOTE_COLUMNS = """
            n.id, n.peer_mentor_id, n.period_type, n.year, n.period_number, n.followed_up_on, n.note,
            n.created_at, n.updated_at""";

    private final Jdbi jdbi;
    /** Where a saved or deleted note is logged for the author's other windows (V105); null: not logged. */
    private final DataChanges changes;

    public FollowUpDao(Jdbi jdbi) {
        this(jdbi, null);
    }

    /** A note saved or deleted is logged in {@code changes} in its transaction, for the author's windows elsewhere. */
    public FollowUpDao(Jdbi jdbi, DataChanges changes) {
        this.jdbi = jdbi;
        this.changes = changes;
    }

    /** 'quarterly' or 'half_year'. */
    public static String type(Period p) {
        return switch (p) {
            case Period.Quarter q -> "quarterly";
            case Period.Half h -> "half_year";
            case Period.Year y -> throw new IllegalArgumentException("Follow-ups are per quarter or half, not " + y);
        };
    }

    public static int number(Period p) {
        return p instanceof Period.Quarter q ? q.quarter() : ((Period.Half) p).half();
    }

    static Period period(String type, int year, int number) {
        return "quarterly".equals(type) ? new Period.Quarter(year, number) : new Period.Half(year, number);
    }

    private static final RowMapper<FollowUp> NOTE = (rs, ctx) -> new FollowUp(rs.getString("id"),
            rs.getString("peer_mentor_id"), period(rs.getString("period_type"), rs.getInt("year"), rs.getInt("period_number")),
            rs.getObject("followed_up_on", LocalDate.class), rs.getString("note"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant());

    /** The author's notes of these periods on mentors in scope. */
    public List<FollowUp> notesOf(String authorId, Scope scope, List<Period> periods) {
        if (periods.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            where.append(i == 0 ? "" : " OR ").append("(n.period_type = :t").append(i).append(" AND n.year = :y").append(i)
                    .append(" AND n.period_number = :n").append(i).append(')');
        }
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT " + NOTE_COLUMNS + """

                    FROM follow_up_notes n JOIN peer_mentors pm ON pm.id = n.peer_mentor_id
                    WHERE n.author_user_id = :author AND (""" + where + ") AND " + Scope.SQL_MENTOR_FILTER
                    + " ORDER BY n.year, n.period_number, n.peer_mentor_id")
                    .bind("author", authorId).bindMethods("scope", scope);
            for (int i = 0; i < periods.size(); i++) {
                Period p = periods.get(i);
                q.bind("t" + i, type(p)).bind("y" + i, p.year()).bind("n" + i, number(p));
            }
            return q.map(NOTE).list();
        });
    }

    /** The author's notes on one mentor in scope, of one period type, newest period first. */
    public List<FollowUp> notesOfMentor(String authorId, Scope scope, String peerMentorId, String periodType) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + NOTE_COLUMNS + """

                FROM follow_up_notes n JOIN peer_mentors pm ON pm.id = n.peer_mentor_id
                WHERE n.author_user_id = :author AND n.peer_mentor_id = :pm AND n.period_type = :type AND"""
                + " " + Scope.SQL_MENTOR_FILTER + " ORDER BY n.year DESC, n.period_number DESC")
                .bind("author", authorId).bind("pm", peerMentorId).bind("type", periodType)
                .bindMethods("scope", scope).map(NOTE).list());
    }

    /** A mentor's profile status and start date, when the mentor is in scope. */
    public Optional<MentorStanding> standing(Scope scope, String peerMentorId) {
        return jdbi.withHandle(h -> findStanding(h, scope, peerMentorId));
    }

    private static Optional<MentorStanding> findStanding(Handle h, Scope scope, String peerMentorId) {
        return h.createQuery("SELECT pm.id, pm.status, pm.started_on FROM peer_mentors pm WHERE pm.id = :pm AND "
                        + Scope.SQL_MENTOR_FILTER)
                .bind("pm", peerMentorId).bindMethods("scope", scope)
                .map((rs, ctx) -> new MentorStanding(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                .findOne();
    }

    /** A mentor's stored personal rows of one period type (in scope), oldest first. */
    public List<PeriodRow> rows(Scope scope, String peerMentorId, String periodType) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT s.period_type, s.year, COALESCE(s.quarter, s.half) AS n, s.total_sessions, s.outlier_status,
                       s.underactive_threshold_sessions, s.overloaded_threshold_sessions
                FROM periodic_summaries s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                WHERE s.coordinator_id IS NULL AND s.peer_mentor_id = :pm AND s.period_type = :type AND"""
                + " " + Scope.SQL_MENTOR_FILTER + " ORDER BY s.year, n")
                .bind("pm", peerMentorId).bind("type", periodType).bindMethods("scope", scope)
                .map((rs, ctx) -> new PeriodRow(period(rs.getString(1), rs.getInt(2), rs.getInt(3)), rs.getInt(4),
                        OutlierStatus.fromCode(rs.getString(5)), rs.getInt(6), rs.getInt(7)))
                .list());
    }

    /**
     * Creates or replaces the author's note on a mentor for a period; empty when the mentor is not
     * in scope (nothing is written then).
     */
    public Optional<FollowUp> save(String authorId, Scope scope, String peerMentorId, Period period, LocalDate on,
                                   String note, Instant now) {
        return save(authorId, authorId, scope, peerMentorId, period, on, note, now);
    }

    /** As above; {@code authorName}: who the change log names (the note's change is told to the author's windows only). */
    public Optional<FollowUp> save(String authorId, String authorName, Scope scope, String peerMentorId, Period period,
                                   LocalDate on, String note, Instant now) {
        return jdbi.inTransaction(h -> {
            if (findStanding(h, scope, peerMentorId).isEmpty()) {
                return Optional.<FollowUp>empty();
            }
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            int updated = h.createUpdate("""
                    UPDATE follow_up_notes SET followed_up_on = :on, note = :note, updated_at = :at
                    WHERE author_user_id = :author AND peer_mentor_id = :pm AND period_type = :type AND year = :year
                      AND period_number = :n""")
                    .bind("on", on).bind("note", note).bind("at", at).bind("author", authorId).bind("pm", peerMentorId)
                    .bind("type", type(period)).bind("year", period.year()).bind("n", number(period)).execute();
            if (updated == 0) {
                h.createUpdate("""
                        INSERT INTO follow_up_notes (id, author_user_id, peer_mentor_id, period_type, year, period_number,
                            followed_up_on, note, created_at, updated_at)
                        VALUES (:id, :author, :pm, :type, :year, :n, :on, :note, :at, :at)""")
                        .bind("id", Uuid7.next()).bind("author", authorId).bind("pm", peerMentorId)
                        .bind("type", type(period)).bind("year", period.year()).bind("n", number(period))
                        .bind("on", on).bind("note", note).bind("at", at).execute();
            }
            if (changes != null) {
                changes.recordIn(h, DataChanges.What.FOLLOW_UP, authorName, authorId, now);
            }
            return h.createQuery("SELECT " + NOTE_COLUMNS + """

                    FROM follow_up_notes n WHERE n.author_user_id = :author AND n.peer_mentor_id = :pm
                      AND n.period_type = :type AND n.year = :year AND n.period_number = :n""")
                    .bind("author", authorId).bind("pm", peerMentorId).bind("type", type(period))
                    .bind("year", period.year()).bind("n", number(period)).map(NOTE).findOne();
        });
    }

    /**
     * Every mentor in scope's stored sessions per month from {@code first} for twelve months: one
     * query (the Team sparklines of a period); when it finds nothing, whether any month is stored at all.
     * A coordinator's months are looked up from their mentors ({@link Scope#mentorIdsOnceSql}), not
     * found by testing the four kinds' predicate on each mentor of the organisation (3,751 on the
     * benchmark database, for 238).
     */
    public MonthlySessions monthlySessions(Scope scope, YearMonth first) {
        YearMonth last = first.plusMonths(MonthlySessions.MONTHS - 1);
        int from = first.getYear() * 12 + first.getMonthValue() - 1;
        String rows = scope.looksUpMentors()
                ? "(" + scope.mentorIdsOnceSql() + ") k (id) JOIN summary_mentor_months m ON m.peer_mentor_id = k.id"
                + " WHERE 1 = 1"
                : "summary_mentor_months m JOIN peer_mentors pm ON pm.id = m.peer_mentor_id WHERE "
                + scope.mentorRowsSql("m.peer_mentor_id");
        return jdbi.withHandle(h -> {
            Map<String, int[]> by = new HashMap<>();
            h.createQuery("SELECT m.peer_mentor_id, m.year, m.month, m.sessions FROM " + rows + """

                      AND m.year BETWEEN :y1 AND :y2 AND m.year * 12 + m.month - 1 BETWEEN :from AND :to""")
                    .bind("y1", first.getYear()).bind("y2", last.getYear()).bind("from", from)
                    .bind("to", from + MonthlySessions.MONTHS - 1).bindMethods("scope", scope)
                    .map((rs, ctx) -> {
                        int index = rs.getInt(2) * 12 + rs.getInt(3) - 1 - from;
                        by.computeIfAbsent(rs.getString(1), k -> new int[MonthlySessions.MONTHS])[index] = rs.getInt(4);
                        return 0;
                    }).list();
            boolean stored = !by.isEmpty() || h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM summary_mentor_months LIMIT 1)")
                    .mapTo(Integer.class).one() > 0;
            return new MonthlySessions(first, by, stored);
        });
    }

    /**
     * The stored statuses of every mentor in scope in two periods of one kind (for what changed between
     * them). The scope is written for its kind and the years are named on their own: a coordinator's
     * rows are looked up mentor by mentor and period ({@link HomeDao#mentorRows}) instead of walking
     * every personal row of the period kind (42,896 on the benchmark database) and testing the one
     * predicate of the four kinds on each, or reading every stored row of their mentors (3,032).
     */
    public List<MentorPeriodStatus> statuses(Scope scope, Period period, Period before) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT pm.id, pm.user_id, u.display_name, pm.organization_id, pm.status, s.period_type, s.year,
                       COALESCE(s.quarter, s.half) AS n, s.outlier_status
                FROM""" + " " + HomeDao.mentorRows(scope) + """
                  JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                  JOIN users u ON u.id = pm.user_id
                WHERE s.coordinator_id IS NULL AND s.period_type = :type AND s.year IN (:y1, :y0)
                  AND ((s.year = :y1 AND COALESCE(s.quarter, s.half) = :n1) OR (s.year = :y0 AND COALESCE(s.quarter, s.half) = :n0))
                  AND""" + " " + (scope.looksUpMentors() ? "1 = 1" : scope.mentorRowsSql("s.peer_mentor_id"))
                + " ORDER BY u.display_name, pm.id")
                .bind("type", type(period)).bind("y1", period.year()).bind("n1", number(period))
                .bind("y0", before.year()).bind("n0", number(before)).bindMethods("scope", scope)
                .map((rs, ctx) -> new MentorPeriodStatus(
                        new MentorRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), rs.getString(5),
                        period(rs.getString(6), rs.getInt(7), rs.getInt(8)), OutlierStatus.fromCode(rs.getString(9))))
                .list());
    }

    /** When the last import that wrote something finished. */
    public Optional<Instant> lastImport() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT MAX(COALESCE(finished_at, started_at)) FROM import_log WHERE outcome = 'imported'""")
                .mapTo(Instant.class).findOne());
    }

    /** Deletes the author's note with this id; false when there is none of theirs. */
    public boolean delete(String authorId, String noteId) {
        return delete(authorId, authorId, noteId, Instant.now());
    }

    /** As above; {@code authorName} and {@code now}: what the change log says (told to the author's windows only). */
    public boolean delete(String authorId, String authorName, String noteId, Instant now) {
        UUID id;
        try {
            id = UUID.fromString(noteId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return jdbi.inTransaction(h -> {
            boolean deleted = h.createUpdate("DELETE FROM follow_up_notes WHERE id = :id AND author_user_id = :author")
                    .bind("id", id).bind("author", authorId).execute() == 1;
            if (deleted && changes != null) {
                changes.recordIn(h, DataChanges.What.FOLLOW_UP, authorName, authorId, now);
            }
            return deleted;
        });
    }
}
