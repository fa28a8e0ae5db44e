package org.impactdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.Award;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.MentorChoice;
import org.impactdesk.domain.MentorFacts;
import org.impactdesk.domain.MentorHistory;
import org.impactdesk.domain.Points;
import org.impactdesk.domain.RepeatPeriod;
import org.impactdesk.domain.TriggerMetadata;
import org.impactdesk.domain.TriggerType;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The achievement catalog ({@code achievements}) and awards ({@code user_achievements}), as a Jdbi
 * SqlObject returning records. Reads of people's data take the {@link Scope} and filter in SQL
 * ({@link Scope#SQL_MENTOR_FILTER}); the evaluator's per-organisation reads run with the rights
 * the service checked before it got here.
 */
@RegisterRowMapper(AchievementDao.AchievementMapper.class)
@RegisterRowMapper(AchievementDao.StoredAwardMapper.class)
public interface AchievementDao extends SqlObject {
    String COLUMNS = """
            id, organization_id, key, name, name_nb, description, icon_url, category, trigger_type, trigger_threshold,
            trigger_metadata, points, is_repeatable, repeat_period, is_active, requires_module, sort_order,
            created_at, updated_at""";
    String ORDER = " ORDER BY category, sort_order, key, organization_id NULLS FIRST";

    /** An award as stored, with its row id. */
    record StoredAward(UUID id, Award award) {
    }

    /** An organisation by name. */
    record OrganizationRef(String id, String name) {
    }


    // ---------------------------------------------------------------- catalog

    @SqlQuery("SELECT " + COLUMNS + " FROM achievements" + ORDER)
    List<Achievement> all();

    /** The badges of one tenant: the platform's and the organisation's own. */
    @SqlQuery("SELECT " + COLUMNS + " FROM achievements WHERE organization_id IS NULL OR organization_id = :org" + ORDER)
    List<Achievement> forTenant(@Bind("org") String organizationId);

    /** The platform badges only. */
    @SqlQuery("SELECT " + COLUMNS + " FROM achievements WHERE organization_id IS NULL" + ORDER)
    List<Achievement> platform();

    @SqlQuery("SELECT " + COLUMNS + " FROM achievements WHERE id = :id")
    Optional<Achievement> find(@Bind("id") UUID id);

    /** Keys of an owner's badges (null = the platform rows) other than {@code exceptId}. */
    default java.util.Set<String> keysOfOwner(String organizationId, UUID exceptId) {
        List<Achievement> rows = organizationId == null ? platform()
                : forTenant(organizationId).stream().filter(a -> organizationId.equals(a.organizationId())).toList();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Achievement a : rows) {
            if (exceptId == null || !exceptId.equals(a.id())) {
                keys.add(a.key());
            }
        }
        return keys;
    }

    @SqlUpdate("""
            INSERT INTO achievements (id, organization_id, key, name, description, icon_url, category, trigger_type,
                trigger_threshold, trigger_metadata, points, is_repeatable, repeat_period, is_active, requires_module,
                sort_order, created_at, updated_at)
            VALUES (:id, :org, :key, :name, :description, :icon, :category, :trigger, :threshold, :metadata, :points,
                :repeatable, :repeatPeriod, :active, :module, :sortOrder, :createdAt, :updatedAt)""")
    void insertRow(@Bind("id") UUID id, @Bind("org") String organizationId, @Bind("key") String key,
                   @Bind("name") String name, @Bind("description") String description, @Bind("icon") String iconUrl,
                   @Bind("category") String category, @Bind("trigger") String trigger, @Bind("threshold") Integer threshold,
                   @Bind("metadata") String metadata, @Bind("points") int points, @Bind("repeatable") boolean repeatable,
                   @Bind("repeatPeriod") String repeatPeriod, @Bind("active") boolean active, @Bind("module") String module,
                   @Bind("sortOrder") int sortOrder, @Bind("createdAt") OffsetDateTime createdAt,
                   @Bind("updatedAt") OffsetDateTime updatedAt);

    @SqlUpdate("""
            UPDATE achievements SET organization_id = :org, key = :key, name = :name, description = :description,
                icon_url = :icon, category = :category, trigger_type = :trigger, trigger_threshold = :threshold,
                trigger_metadata = :metadata, points = :points, is_repeatable = :repeatable, repeat_period = :repeatPeriod,
                is_active = :active, requires_module = :module, sort_order = :sortOrder, created_at = :createdAt,
                updated_at = :updatedAt
            WHERE id = :id""")
    int updateRow(@Bind("id") UUID id, @Bind("org") String organizationId, @Bind("key") String key,
                  @Bind("name") String name, @Bind("description") String description, @Bind("icon") String iconUrl,
                  @Bind("category") String category, @Bind("trigger") String trigger, @Bind("threshold") Integer threshold,
                  @Bind("metadata") String metadata, @Bind("points") int points, @Bind("repeatable") boolean repeatable,
                  @Bind("repeatPeriod") String repeatPeriod, @Bind("active") boolean active, @Bind("module") String module,
                  @Bind("sortOrder") int sortOrder, @Bind("createdAt") OffsetDateTime createdAt,
                  @Bind("updatedAt") OffsetDateTime updatedAt);

    /** Inserts {@code a} (which carries its id and timestamps). */
    default void insert(Achievement a) {
        insertRow(a.id(), a.organizationId(), a.key(), a.name(), a.description(), a.iconUrl(), a.category(),
                a.triggerType().code(), a.threshold(), a.metadata().toJson(), a.points(), a.repeatable(),
                a.repeatPeriod() == null ? null : a.repeatPeriod().code(), a.active(), a.requiresModule(), a.sortOrder(),
                utc(a.createdAt()), utc(a.updatedAt()));
        setNameNb(a.id(), a.nameNb());
    }

    /** The Norwegian name (V88), null for none; written beside the row's other columns in the same transaction. */
    @SqlUpdate("UPDATE achievements SET name_nb = :nameNb WHERE id = :id")
    int setNameNb(@Bind("id") UUID id, @Bind("nameNb") String nameNb);

    /** Writes every column of {@code a} over the row with its id; false when there is none. */
    default boolean update(Achievement a) {
        return updateRow(a.id(), a.organizationId(), a.key(), a.name(), a.description(), a.iconUrl(), a.category(),
                a.triggerType().code(), a.threshold(), a.metadata().toJson(), a.points(), a.repeatable(),
                a.repeatPeriod() == null ? null : a.repeatPeriod().code(), a.active(), a.requiresModule(), a.sortOrder(),
                utc(a.createdAt()), utc(a.updatedAt())) == 1 && setNameNb(a.id(), a.nameNb()) == 1;
    }

    @SqlUpdate("UPDATE achievements SET is_active = :active, updated_at = :now WHERE id = :id")
    int setActive(@Bind("id") UUID id, @Bind("active") boolean active, @Bind("now") OffsetDateTime now);

    @SqlBatch("UPDATE achievements SET sort_order = :sortOrder, updated_at = :now WHERE id = :id")
    void setSortOrders(@Bind("id") List<UUID> ids, @Bind("sortOrder") List<Integer> sortOrders,
                       @Bind("now") OffsetDateTime now);

    /** Deletes a badge without awards (the undo of a create); false when awards hold it or it is gone. */
    @SqlUpdate("DELETE FROM achievements WHERE id = :id AND NOT EXISTS (SELECT 1 FROM user_achievements ua WHERE ua.achievement_id = :id)")
    int deleteUnawarded(@Bind("id") UUID id);

    // ---------------------------------------------------------------- organisations and modules

    @SqlQuery("SELECT id, name FROM organizations ORDER BY name, id")
    @RegisterConstructorMapper(OrganizationRef.class)
    List<OrganizationRef> organizations();

    /** Enabled modules by organisation id. */
    default Map<String, java.util.Set<String>> modulesByOrganization() {
        Map<String, java.util.Set<String>> m = new HashMap<>();
        getHandle().createQuery("SELECT organization_id, module FROM organization_modules ORDER BY organization_id, module")
                .map((rs, ctx) -> {
                    m.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>()).add(rs.getString(2));
                    return 0;
                }).list();
        return m;
    }

    @SqlQuery("SELECT id FROM activity_types ORDER BY id")
    List<String> activityTypes();

    @SqlQuery("SELECT time_zone FROM organizations WHERE id = :org")
    Optional<String> timeZone(@Bind("org") String organizationId);

    // ---------------------------------------------------------------- awards

    String AWARD_COLUMNS = "ua.id, ua.achievement_id, ua.user_id, ua.period_key, ua.awarded_at, ua.awarded_by";

    /** The awards held by users of an organisation. */
    @SqlQuery("SELECT " + AWARD_COLUMNS + " FROM user_achievements ua JOIN users u ON u.id = ua.user_id "
            + "WHERE u.organization_id = :org ORDER BY ua.awarded_at, ua.id")
    List<StoredAward> awardsInOrganization(@Bind("org") String organizationId);

    /** The period keys of one badge's awards held by users of an organisation: user id -> keys. */
    default Map<String, List<String>> heldOfBadge(String organizationId, UUID achievementId) {
        Map<String, List<String>> held = new HashMap<>();
        getHandle().createQuery("SELECT ua.user_id, ua.period_key FROM user_achievements ua JOIN users u ON u.id = ua.user_id "
                        + "WHERE u.organization_id = :org AND ua.achievement_id = :id")
                .bind("org", organizationId).bind("id", achievementId)
                .map((rs, ctx) -> held.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        return held;
    }

    /** The awards held by the given users (one indexed query per chunk of users). */
    default List<StoredAward> awardsOfUsers(java.util.Collection<String> userIds) {
        List<StoredAward> out = new ArrayList<>();
        for (List<String> chunk : SummaryInputDao.chunks(userIds, 500)) {
            out.addAll(awardsOfUserChunk(chunk));
        }
        return out;
    }

    @SqlQuery("SELECT " + AWARD_COLUMNS + " FROM user_achievements ua WHERE ua.user_id IN (<users>) ORDER BY ua.awarded_at, ua.id")
    List<StoredAward> awardsOfUserChunk(@BindList("users") List<String> userIds);

    /**
     * The years whose annual summary is ready, with the moment it became ready (generated_at), by
     * user: of the whole organisation ({@code userIds} null) or of the given users.
     */
    default Map<String, Map<Integer, Instant>> readyAnnualYears(String organizationId, java.util.Collection<String> userIds) {
        Map<String, Map<Integer, Instant>> ready = new HashMap<>();
        List<List<String>> chunks = userIds == null ? java.util.Collections.singletonList(null)
                : SummaryInputDao.chunks(userIds, 500);
        for (List<String> chunk : chunks) {
            var q = getHandle().createQuery("SELECT user_id, year, generated_at FROM annual_summaries "
                    + "WHERE organization_id = :org AND status = 'ready'" + (chunk == null ? "" : " AND user_id IN (<users>)"))
                    .bind("org", organizationId);
            if (chunk != null) {
                q.bindList("users", chunk);
            }
            q.map((rs, ctx) -> ready.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getInt(2), instant(rs, 3)))
                    .list();
        }
        return ready;
    }

    /** The awards of one badge, of peer mentors in the scope. */
    @SqlQuery("SELECT " + AWARD_COLUMNS + " FROM user_achievements ua JOIN peer_mentors pm ON pm.user_id = ua.user_id "
            + "WHERE ua.achievement_id = :id AND " + Scope.SQL_MENTOR_FILTER + " ORDER BY ua.awarded_at, ua.id")
    List<StoredAward> awardsOf(@Bind("id") UUID achievementId, @BindMethods("scope") Scope scope);

    /** The awards of peer mentors in the scope, of every badge. */
    @SqlQuery("SELECT " + AWARD_COLUMNS + " FROM user_achievements ua JOIN peer_mentors pm ON pm.user_id = ua.user_id "
            + "WHERE " + Scope.SQL_MENTOR_FILTER + " ORDER BY ua.awarded_at, ua.id")
    List<StoredAward> awardsInScope(@BindMethods("scope") Scope scope);

    /**
     * How many awards of each badge the peer mentors in the scope hold, counted in the database
     * (the catalog's "awarded" column; reading every award to count them took seconds on 170,000).
     * The mentors in scope drive the join, so the scope filter runs once a mentor, and each finds
     * its awards through the index on user_id.
     */
    default Map<UUID, Integer> awardCountsInScope(Scope scope) {
        Map<UUID, Integer> counts = new HashMap<>();
        getHandle().createQuery("SELECT ua.achievement_id, COUNT(*) FROM peer_mentors pm "
                        + "JOIN user_achievements ua ON ua.user_id = pm.user_id WHERE " + Scope.SQL_MENTOR_FILTER
                        + " GROUP BY ua.achievement_id")
                .bindMethods("scope", scope)
                .map((rs, ctx) -> counts.put(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list();
        return counts;
    }

    @SqlBatch("""
            INSERT INTO user_achievements (id, user_id, achievement_id, period_key, awarded_at, awarded_by)
            SELECT :id, :userId, :achievementId, :periodKey, :awardedAt, :awardedBy
            WHERE NOT EXISTS (SELECT 1 FROM user_achievements x WHERE x.user_id = :userId
                AND x.achievement_id = :achievementId AND x.period_key = :periodKey)""")
    int[] insertAwardRows(@Bind("id") List<UUID> ids, @Bind("userId") List<String> userIds,
                          @Bind("achievementId") List<UUID> achievementIds, @Bind("periodKey") List<String> periodKeys,
                          @Bind("awardedAt") List<OffsetDateTime> awardedAt, @Bind("awardedBy") List<String> awardedBy);

    /** Inserts the awards (skipping any whose window is already held); the rows written, with their new ids. */
    default List<StoredAward> insertAwards(List<Award> awards) {
        if (awards.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        List<String> users = new ArrayList<>();
        List<UUID> achievements = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<OffsetDateTime> at = new ArrayList<>();
        List<String> by = new ArrayList<>();
        for (Award a : awards) {
            ids.add(org.impactdesk.domain.Uuid7.next()); // time-ordered: appended to the primary key, not scattered
            users.add(a.userId());
            achievements.add(a.achievementId());
            keys.add(a.periodKey());
            at.add(utc(a.awardedAt()));
            by.add(a.awardedBy());
        }
        int[] counts = insertAwardRows(ids, users, achievements, keys, at, by);
        List<StoredAward> written = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                written.add(new StoredAward(ids.get(i), awards.get(i)));
            }
        }
        return written;
    }

    /** An evaluator's award taken back (issue 14 item 6), with why, for the withdrawal log. */
    record Withdrawal(StoredAward award, String reason) {
    }

    /**
     * Withdraws the awards: each is logged in {@code award_withdrawals} (the award as it was, when,
     * why) and its {@code user_achievements} row deleted, in the caller's transaction. Returns how
     * many rows were deleted.
     */
    default int withdraw(List<Withdrawal> withdrawals) {
        if (withdrawals.isEmpty()) {
            return 0;
        }
        var log = getHandle().prepareBatch("""
                INSERT INTO award_withdrawals (award_id, user_id, achievement_id, period_key, awarded_at, reason)
                VALUES (?, ?, ?, ?, ?, ?)""");
        for (Withdrawal w : withdrawals) {
            Award a = w.award().award();
            log.add(w.award().id(), a.userId(), a.achievementId(), a.periodKey(), utc(a.awardedAt()), w.reason());
        }
        log.execute();
        int deleted = 0;
        for (List<UUID> chunk : SummaryInputDao.chunks(withdrawals.stream().map(w -> w.award().id()).toList(), 500)) {
            deleted += deleteAwardRows(chunk);
        }
        return deleted;
    }

    /** Moves each award (by row id) to a new {@code awarded_at}: annual badges dated by the rule of issue 14 item 6. */
    default void redate(Map<UUID, Instant> awardedAt) {
        if (awardedAt.isEmpty()) {
            return;
        }
        var batch = getHandle().prepareBatch("UPDATE user_achievements SET awarded_at = ? WHERE id = ?");
        awardedAt.forEach((id, at) -> batch.add(utc(at), id));
        batch.execute();
    }

    /**
     * The awards each user's frozen (ready, so also shared) annual summaries list in
     * {@code achievements_earned}, as {@link #listedKey} strings by user: of the organisation
     * ({@code userIds} null) or of the given users. What such a summary lists is never withdrawn.
     */
    default Map<String, java.util.Set<String>> listedInFrozenSummaries(String organizationId, java.util.Collection<String> userIds) {
        Map<String, java.util.Set<String>> out = new HashMap<>();
        List<List<String>> chunks = userIds == null ? java.util.Collections.singletonList(null)
                : SummaryInputDao.chunks(userIds, 500);
        for (List<String> chunk : chunks) {
            var q = getHandle().createQuery("SELECT user_id, achievements_earned FROM annual_summaries "
                    + "WHERE organization_id = :org AND status = 'ready' AND achievements_earned IS NOT NULL "
                    + "AND achievements_earned <> '[]'" + (chunk == null ? "" : " AND user_id IN (<users>)"))
                    .bind("org", organizationId);
            if (chunk != null) {
                q.bindList("users", chunk);
            }
            q.map((rs, ctx) -> {
                java.util.Set<String> keys = out.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>());
                for (var item : org.impactdesk.domain.SummaryJson.awards(rs.getString(2))) {
                    if (item.achievementId() != null && item.awardedAt() != null) {
                        keys.add(item.achievementId() + "|" + item.awardedAt());
                    }
                }
                return 0;
            }).list();
        }
        return out;
    }

    /** How {@link #listedInFrozenSummaries} names an award: its badge and its moment. */
    static String listedKey(Award a) {
        return a.achievementId() + "|" + a.awardedAt();
    }

    @SqlUpdate("DELETE FROM user_achievements WHERE id IN (<ids>)")
    int deleteAwardRows(@BindList("ids") List<UUID> ids);

    default int deleteAwards(List<UUID> ids) {
        return ids.isEmpty() ? 0 : deleteAwardRows(ids);
    }

    /**
     * Points per peer mentor in the scope: the sum over their awards of badges that are active and
     * pass their organisation's module gate (inactive badges keep their awards, but are not surfaced).
     */
    @SqlQuery("""
            SELECT ua.user_id, COALESCE(SUM(a.points), 0) AS points, COUNT(*) AS awards
            FROM user_achievements ua JOIN achievements a ON a.id = ua.achievement_id
            JOIN peer_mentors pm ON pm.user_id = ua.user_id
            WHERE a.is_active AND (a.requires_module IS NULL OR EXISTS (SELECT 1 FROM organization_modules om
                  WHERE om.organization_id = pm.organization_id AND om.module = a.requires_module))
              AND (a.organization_id IS NULL OR a.organization_id = pm.organization_id)
              AND """ + " " + Scope.SQL_MENTOR_FILTER + " GROUP BY ua.user_id ORDER BY ua.user_id")
    @RegisterConstructorMapper(Points.class)
    List<Points> points(@BindMethods("scope") Scope scope);

    // ---------------------------------------------------------------- people and facts

    @SqlQuery("SELECT pm.id AS peer_mentor_id, pm.user_id, u.display_name, pm.organization_id, la.name AS association_name "
            + "FROM peer_mentors pm JOIN users u ON u.id = pm.user_id "
            + "LEFT JOIN local_associations la ON la.id = pm.primary_local_association_id WHERE " + Scope.SQL_MENTOR_FILTER
            + " ORDER BY u.display_name, pm.id")
    @RegisterConstructorMapper(MentorChoice.class)
    List<MentorChoice> mentorsInScope(@BindMethods("scope") Scope scope);

    /**
     * The evaluator's facts for every peer mentor of an organisation (only the given user ids when
     * {@code onlyUsers} is not null): approved activities with local dates in {@code zone}, events
     * attended, and the years whose annual summary is ready.
     */
    default List<MentorFacts> facts(String organizationId, ZoneId zone, java.util.Set<String> onlyUsers) {
        return facts(organizationId, zone, onlyUsers, true);
    }

    /**
     * As {@link #facts(String, ZoneId, java.util.Set)}; without the activities when {@code activities}
     * is false (for a badge of events attended or annual summaries, which reads none).
     */
    default List<MentorFacts> facts(String organizationId, ZoneId zone, java.util.Set<String> onlyUsers, boolean activities) {
        SummaryInputDao in = new SummaryInputDao(getHandle());
        Map<String, String> names = displayNames(organizationId);
        Map<String, Map<Integer, Instant>> ready = new HashMap<>();
        getHandle().createQuery("SELECT user_id, year, generated_at FROM annual_summaries "
                        + "WHERE organization_id = :org AND status = 'ready'")
                .bind("org", organizationId)
                .map((rs, ctx) -> ready.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getInt(2), instant(rs, 3))).list();
        Map<String, List<MentorHistory.EventRef>> events = in.eventsAttended(organizationId);
        List<org.impactdesk.domain.PeerMentor> mentors = in.mentors(organizationId).stream()
                .filter(m -> onlyUsers == null || onlyUsers.contains(m.userId())).toList();
        Map<String, List<CountedActivity>> acts = new HashMap<>();
        if (activities) {
            in.streamActivities(organizationId, onlyUsers == null ? null : mentors.stream().map(m -> m.id()).toList(), zone,
                    (pm, list) -> acts.put(pm, list));
        }
        List<MentorFacts> out = new ArrayList<>(mentors.size());
        for (var m : mentors) {
            List<MentorFacts.AttendedEvent> ev = events.getOrDefault(m.userId(), List.of()).stream()
                    .map(e -> new MentorFacts.AttendedEvent(e.eventId(), e.startsAt())).toList();
            out.add(new MentorFacts(m.userId(), m.id(), organizationId, names.getOrDefault(m.userId(), m.userId()),
                    acts.getOrDefault(m.id(), List.of()), ev, ready.getOrDefault(m.userId(), Map.of())));
        }
        return out;
    }

    /** The display names of an organisation's users, by user id. */
    default Map<String, String> displayNames(String organizationId) {
        Map<String, String> names = new HashMap<>();
        getHandle().createQuery("SELECT id, display_name FROM users WHERE organization_id = :org")
                .bind("org", organizationId)
                .map((rs, ctx) -> names.put(rs.getString(1), rs.getString(2))).list();
        return names;
    }

    // ---------------------------------------------------------------- mapping

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(java.time.ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    final class AchievementMapper implements RowMapper<Achievement> {
        @Override
        public Achievement map(ResultSet rs, StatementContext ctx) throws SQLException {
            int threshold = rs.getInt("trigger_threshold");
            Integer t = rs.wasNull() ? null : threshold;
            String rp = rs.getString("repeat_period");
            return new Achievement(rs.getObject("id", UUID.class), rs.getString("organization_id"), rs.getString("key"),
                    rs.getString("name"), rs.getString("name_nb"), rs.getString("description"), rs.getString("icon_url"),
                    rs.getString("category"), TriggerType.fromCode(rs.getString("trigger_type")), t,
                    TriggerMetadata.parse(rs.getString("trigger_metadata")).metadata(), rs.getInt("points"),
                    rs.getBoolean("is_repeatable"), rp == null ? null : RepeatPeriod.fromCode(rp), rs.getBoolean("is_active"),
                    rs.getString("requires_module"), rs.getInt("sort_order"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                    rs.getObject("updated_at", OffsetDateTime.class).toInstant());
        }
    }

    final class StoredAwardMapper implements RowMapper<StoredAward> {
        @Override
        public StoredAward map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new StoredAward(rs.getObject("id", UUID.class), new Award(rs.getObject("achievement_id", UUID.class),
                    rs.getString("user_id"), rs.getString("period_key"), instant(rs, 5), rs.getString("awarded_by")));
        }
    }
}
