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

    /**
     * Issue 19's review gate for annual summary {@code s}: a peer mentor's own sign-in sees a ready
     * annual summary only once it is released, where the organisation needs review (the
     * default); everyone else in scope sees it. Same binding as above.
     */
    public static final String SQL_ANNUAL_RELEASED_FOR_SELF = """
            (:scope.kindName <> 'SELF' OR s.status <> 'ready'
             OR NOT COALESCE((SELECT d.wrapped_review_required FROM organization_delivery d
                              WHERE d.organization_id = s.organization_id), TRUE)
             OR EXISTS (SELECT 1 FROM annual_releases r WHERE r.annual_summary_id = s.id AND r.released_at IS NOT NULL))""";

    public static Scope everything() {
        return new Scope(Kind.EVERYTHING, null, null, null);
    }

    public static Scope organization(String userId, String organizationId) {
        return new Scope(Kind.ORGANIZATION, userId, organizationId, null);
    }

    public static Scope associations(String userId, String organizationId) {
        return new Scope(Kind.ASSOCIATIONS, userId, organizationId, null);
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
