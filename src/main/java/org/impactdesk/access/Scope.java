package org.impactdesk.access;

/**
 * What the acting user may see, handed to every DAO method that reads people's data. The DAO
 * filters in SQL with {@link #SQL_MENTOR_FILTER}-style predicates bound from these fields.
 *
 * <ul>
 *   <li>{@code EVERYTHING}: the local operator (no --as) or a global admin</li>
 *   <li>{@code ORGANIZATION}: an org admin: their organisation</li>
 *   <li>{@code ASSOCIATIONS}: a coordinator: peer mentors who are members of one of the local
 *       associations in {@code coordinator_scopes} for {@code userId}, in their organisation</li>
 *   <li>{@code SELF}: a peer mentor: only their own data ({@code peerMentorId}, {@code userId})</li>
 * </ul>
 * {@code peerMentorId} is also set for an org admin or coordinator who is a peer mentor: their own
 * summaries are always theirs to read ({@link #SQL_SUMMARY_FILTER}).
 */
public record Scope(Kind kind, String userId, String organizationId, String peerMentorId) {

    public enum Kind { EVERYTHING, ORGANIZATION, ASSOCIATIONS, SELF }

    /**
     * The shared predicate for "may this scope see peer mentor {@code pm}": use it in DAO SQL with
     * the alias {@code pm} for a {@code peer_mentors} row and bind the scope with
     * {@code @BindMethods("scope")} (binds :scope.kindName, :scope.userId, :scope.organizationId,
     * :scope.peerMentorId).
     */
    public static final String SQL_MENTOR_FILTER = """
            (:scope.kindName = 'EVERYTHING'
             OR (:scope.kindName = 'ORGANIZATION' AND pm.organization_id = :scope.organizationId)
             OR (:scope.kindName = 'ASSOCIATIONS' AND pm.organization_id = :scope.organizationId
                 AND EXISTS (SELECT 1 FROM peer_mentor_associations pma
                             JOIN coordinator_scopes cs ON cs.local_association_id = pma.local_association_id
                             WHERE pma.peer_mentor_id = pm.id AND cs.user_id = :scope.userId))
             OR (:scope.kindName = 'SELF' AND pm.id = :scope.peerMentorId))""";

    /**
     * Issue 14 item 8: "may this scope read the summaries of peer mentor {@code pm}": the mentors
     * of {@link #SQL_MENTOR_FILTER}, and always the acting user's own peer-mentor row (a
     * coordinator who is also a peer mentor sees their own summaries even when their own
     * associations lie outside their coordinator scope). For the reads of one mentor's summaries
     * (show, the Mentor and Wrapped screens, sharing); rosters, team figures and Home keep
     * {@link #SQL_MENTOR_FILTER}, so the coordinator is not counted on a team that is not theirs.
     */
    public static final String SQL_SUMMARY_FILTER = "(pm.id = :scope.peerMentorId OR " + SQL_MENTOR_FILTER + ")";

    /**
     * The shared predicate for "may this scope see coordinator team row {@code s}" (a
     * {@code periodic_summaries} row with {@code coordinator_id} set): a coordinator their own, an
     * org admin their organisation's, everything all; a peer mentor none. Same binding as above.
     */
    /**
     * The ids of the peer mentors in scope, as a subquery: {@code s.peer_mentor_id IN (...)} lets a
     * query of summary rows look up only those mentors' rows (through the peer_mentor_id index)
     * instead of reading every mentor's row and joining.
     */
    public static final String SQL_MENTOR_IDS = "SELECT pm.id FROM peer_mentors pm WHERE " + SQL_MENTOR_FILTER;

    public static final String SQL_TEAM_ROW_FILTER = """
            (:scope.kindName = 'EVERYTHING'
             OR (:scope.kindName = 'ORGANIZATION' AND s.organisation_id = :scope.organizationId)
             OR (:scope.kindName = 'ASSOCIATIONS' AND s.organisation_id = :scope.organizationId
                 AND s.coordinator_id = :scope.userId))""";

    // "all" and "none" as conditions on a bound :scope parameter, so that every query binds the
    // scope the same way (Jdbi refuses a binding that the statement does not use)
    private static final String EVERYTHING_SQL = ":scope.kindName = 'EVERYTHING'";
    private static final String NOTHING_SQL = ":scope.kindName IS NULL";

    /** A coordinator's mentors: the members of their associations (the organisation is checked by the caller). */
    private static final String ASSOCIATION_MEMBERS = """
            SELECT pma.peer_mentor_id FROM coordinator_scopes cs
              JOIN peer_mentor_associations pma ON pma.local_association_id = cs.local_association_id
             WHERE cs.user_id = :scope.userId""";

    /**
     * The ids of the peer mentors in scope as a subquery written for this scope's kind alone (same
     * binding as {@link #SQL_MENTOR_FILTER}, without :scope.kindName), for
     * {@code s.peer_mentor_id IN (...)}. {@link #SQL_MENTOR_IDS} puts the four kinds in one
     * predicate of bound parameters, which H2 cannot plan around: for a coordinator it reads every
     * mentor of the organisation (3,750 on the benchmark database, to keep 51) and tests the
     * predicate on each. Here a coordinator's list starts from their associations.
     */
    public String mentorIdsSql() {
        return switch (kind) {
            case EVERYTHING -> "SELECT pm.id FROM peer_mentors pm WHERE " + EVERYTHING_SQL;
            case ORGANIZATION -> "SELECT pm.id FROM peer_mentors pm WHERE pm.organization_id = :scope.organizationId";
            case ASSOCIATIONS -> ASSOCIATION_MEMBERS + """

                       AND EXISTS (SELECT 1 FROM peer_mentors pm
                                   WHERE pm.id = pma.peer_mentor_id AND pm.organization_id = :scope.organizationId)""";
            case SELF -> "SELECT pm.id FROM peer_mentors pm WHERE pm.id = :scope.peerMentorId";
        };
    }

    /**
     * The ids of the peer mentors in scope, each once, as a subquery written for this scope's kind
     * (same binding as {@link #mentorIdsSql}), to start a query from as a derived table
     * ({@code FROM (...) m (id) JOIN ... ON x.peer_mentor_id = m.id}) where {@link #looksUpMentors}:
     * H2 then looks up those mentors' rows by an index that leads with the mentor id and holds the
     * period, instead of reading every row of each mentor ({@code IN (subquery)} uses an index's
     * first column only) or walking the organisation's rows of the period. {@link #mentorIdsSql} may
     * name a coordinator's mentor twice (a member of two of their associations).
     */
    public String mentorIdsOnceSql() {
        return switch (kind) {
            case ASSOCIATIONS -> "SELECT pm.id FROM peer_mentors pm WHERE pm.organization_id = :scope.organizationId"
                    + " AND pm.id IN (" + ASSOCIATION_MEMBERS + ")";
            case EVERYTHING, ORGANIZATION, SELF -> mentorIdsSql();
        };
    }

    /**
     * Whether a query of the mentors' rows should start from {@link #mentorIdsOnceSql} and look up each
     * mentor's rows: a coordinator's or a peer mentor's few, not an admin's whole organisation (whose
     * rows of a period the organisation's indexes read in one range).
     */
    public boolean looksUpMentors() {
        return kind == Kind.ASSOCIATIONS || kind == Kind.SELF;
    }

    /**
     * {@link #SQL_MENTOR_FILTER} written for this scope's kind alone, for a query that joins the
     * mentor's {@code peer_mentors} row as {@code pm} to rows whose mentor id is {@code mentorColumn}
     * (e.g. {@code s.peer_mentor_id}): a coordinator's rows are looked up from their associations'
     * members, an admin's by the organisation, a peer mentor's by their id.
     */
    public String mentorRowsSql(String mentorColumn) {
        return switch (kind) {
            case EVERYTHING -> EVERYTHING_SQL;
            case ORGANIZATION -> "pm.organization_id = :scope.organizationId";
            case ASSOCIATIONS -> mentorColumn + " IN (" + ASSOCIATION_MEMBERS + ") AND pm.organization_id = :scope.organizationId";
            case SELF -> mentorColumn + " = :scope.peerMentorId AND pm.id = :scope.peerMentorId";
        };
    }

    /**
     * {@link #mentorRowsSql} and always the acting user's own peer-mentor row: {@link #SQL_SUMMARY_FILTER}
     * written for this scope's kind, for the reads of a mentor's summaries (a coordinator or admin who
     * is also a peer mentor reads their own summaries even outside their scope).
     */
    public String summaryRowsSql(String mentorColumn) {
        String inScope = mentorRowsSql(mentorColumn);
        return peerMentorId == null || kind == Kind.SELF ? inScope : "(pm.id = :scope.peerMentorId OR (" + inScope + "))";
    }

    /**
     * {@link #SQL_TEAM_ROW_FILTER} written for this scope's kind alone (same binding, same alias
     * {@code s}), so that a coordinator's team rows are looked up by their own id.
     */
    public String teamRowsSql() {
        return switch (kind) {
            case EVERYTHING -> EVERYTHING_SQL;
            case ORGANIZATION -> "s.organisation_id = :scope.organizationId";
            case ASSOCIATIONS -> "s.coordinator_id = :scope.userId AND s.organisation_id = :scope.organizationId";
            case SELF -> NOTHING_SQL;
        };
    }

    /**
     * Issue 19's review gate for annual summary {@code s}: the mentor's own sign-in (a peer mentor,
     * or a coordinator or admin reading their own summary) sees a ready annual summary only once it
     * is released, where the organisation needs review (the default); everyone else in scope sees
     * it. Same binding as above.
     */
    public static final String SQL_ANNUAL_RELEASED_FOR_SELF = """
            (:scope.peerMentorId IS NULL OR s.peer_mentor_id <> :scope.peerMentorId OR s.status <> 'ready'
             OR NOT COALESCE((SELECT d.wrapped_review_required FROM organization_delivery d
                              WHERE d.organization_id = s.organization_id), TRUE)
             OR EXISTS (SELECT 1 FROM annual_releases r WHERE r.annual_summary_id = s.id AND r.released_at IS NOT NULL))""";

    public static Scope everything() {
        return new Scope(Kind.EVERYTHING, null, null, null);
    }

    public static Scope organization(String userId, String organizationId) {
        return organization(userId, organizationId, null);
    }

    /** An org admin who is also peer mentor {@code ownPeerMentorId} (null: is none). */
    public static Scope organization(String userId, String organizationId, String ownPeerMentorId) {
        return new Scope(Kind.ORGANIZATION, userId, organizationId, ownPeerMentorId);
    }

    public static Scope associations(String userId, String organizationId) {
        return associations(userId, organizationId, null);
    }

    /** A coordinator who is also peer mentor {@code ownPeerMentorId} (null: is none): see {@link #SQL_SUMMARY_FILTER}. */
    public static Scope associations(String userId, String organizationId, String ownPeerMentorId) {
        return new Scope(Kind.ASSOCIATIONS, userId, organizationId, ownPeerMentorId);
    }

    public static Scope self(String userId, String organizationId, String peerMentorId) {
        return new Scope(Kind.SELF, userId, organizationId, peerMentorId);
    }

    /** For SQL binding: the kind's name. */
    public String kindName() {
        return kind.name();
    }

    public boolean seesEverything() {
        return kind == Kind.EVERYTHING;
    }
}
