package org.impactdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.impactdesk.domain.AnnualSummary;
import org.impactdesk.domain.ImpactSummary;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.PeriodicSummary;
import org.jdbi.v3.core.Handle;

/**
 * Batch writes of generation (JDBC batches inside the caller's transaction) and the state of the
 * rows already stored, which decides insert, update, unchanged or frozen.
 */
public final class SummaryWriteDao implements AutoCloseable {
    private static final int BATCH = 1000;

    private final Handle h;
    private final List<PreparedStatement> open = new ArrayList<>();
    private PreparedStatement annualInsert;
    private PreparedStatement annualUpdate;
    private PreparedStatement impactInsert;
    private PreparedStatement impactUpdate;
    private PreparedStatement periodicInsert;
    private PreparedStatement periodicUpdate;
    private PreparedStatement outboxMerge;
    private PreparedStatement outboxInsert;
    private final Map<PreparedStatement, Integer> pending = new HashMap<>();

    public SummaryWriteDao(Handle h) {
        this.h = h;
    }

    private Connection c() {
        return h.getConnection();
    }

    // ---- state of stored rows

    /** What generation needs to know about a stored annual row. */
    public record AnnualState(UUID id, String peerMentorId, int year, String status, int sharedCount, Long contentHash,
                              int retryCount, Instant nextRetryAt, Instant generatedAt, Instant createdAt) {
    }

    public record ImpactState(UUID id, String userId, String periodType, int year, Integer halfIndex, String status,
                              int shareCount, Long contentHash, int retryCount, Instant nextRetryAt,
                              boolean notificationSent, Instant createdAt) {
        public String key() {
            return impactKey(userId, periodType, year, halfIndex);
        }
    }

    public record PeriodicState(UUID id, String userId, String periodType, int year, Integer quarter, Integer half,
                                String coordinatorId, Long contentHash, int underactive, int overloaded) {
        public String key() {
            return periodicKey(userId, periodType, year, quarter, half, coordinatorId);
        }
    }

    public static String impactKey(String userId, String periodType, int year, Integer half) {
        return userId + '|' + periodType + '|' + year + '|' + half;
    }

    public static String periodicKey(String userId, String periodType, int year, Integer quarter, Integer half, String coordinatorId) {
        return userId + '|' + periodType + '|' + year + '|' + quarter + '|' + half + '|' + coordinatorId;
    }

    public Map<String, AnnualState> annualStates(String organizationId, Collection<Integer> years) {
        Map<String, AnnualState> m = new HashMap<>();
        h.createQuery("""
                SELECT id, peer_mentor_id, year, status, shared_count, content_hash, retry_count, next_retry_at,
                       generated_at, created_at
                FROM annual_summaries USE INDEX (idx_annual_summaries_organization_year)
                WHERE organization_id = :org AND year IN (<years>)""")
                .bind("org", organizationId).bindList("years", new ArrayList<>(years))
                .map((rs, ctx) -> new AnnualState(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getInt(5), (Long) rs.getObject(6), rs.getInt(7), SummaryInputDao.instant(rs, 8),
                        SummaryInputDao.instant(rs, 9), SummaryInputDao.instant(rs, 10)))
                .forEach(s -> m.put(s.peerMentorId() + '|' + s.year(), s));
        return m;
    }

    public Map<String, ImpactState> impactStates(String organizationId, Collection<Integer> years) {
        Map<String, ImpactState> m = new HashMap<>();
        h.createQuery("""
                SELECT id, user_id, period_type, year, half_index, status, share_count, content_hash, retry_count,
                       next_retry_at, notification_sent, created_at
                FROM impact_summaries USE INDEX (idx_impact_summaries_org) WHERE organization_id = :org AND year IN (<years>)""")
                .bind("org", organizationId).bindList("years", new ArrayList<>(years))
                .map((rs, ctx) -> new ImpactState(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        (Integer) rs.getObject(5), rs.getString(6), rs.getInt(7), (Long) rs.getObject(8), rs.getInt(9),
                        SummaryInputDao.instant(rs, 10), rs.getBoolean(11), SummaryInputDao.instant(rs, 12)))
                .forEach(s -> m.put(s.key(), s));
        return m;
    }

    public Map<String, PeriodicState> periodicStates(String organizationId, Collection<Integer> years) {
        Map<String, PeriodicState> m = new HashMap<>();
        h.createQuery("""
                SELECT id, user_id, period_type, year, quarter, half, coordinator_id, content_hash,
                       underactive_threshold_sessions, overloaded_threshold_sessions
                FROM periodic_summaries USE INDEX (idx_periodic_summary_outlier_status)
                WHERE organisation_id = :org AND year IN (<years>)""")
                .bind("org", organizationId).bindList("years", new ArrayList<>(years))
                .map((rs, ctx) -> new PeriodicState(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7), (Long) rs.getObject(8),
                        rs.getInt(9), rs.getInt(10)))
                .forEach(s -> m.put(s.key(), s));
        return m;
    }

    // ---- outlier thresholds snapshotted per period

    /** Snapshots of an organisation's years, by {@link #thresholdKey}. */
    public Map<String, OrganizationSettings.OutlierThresholds> thresholdSnapshots(String organizationId, Collection<Integer> years) {
        Map<String, OrganizationSettings.OutlierThresholds> m = new HashMap<>();
        h.createQuery("""
                SELECT period_type, year, period_number, underactive_sessions, overloaded_sessions
                FROM summary_threshold_snapshots WHERE organization_id = :org AND year IN (<years>)""")
                .bind("org", organizationId).bindList("years", new ArrayList<>(years))
                .map((rs, ctx) -> { m.put(thresholdKey(rs.getString(1), rs.getInt(2), rs.getInt(3)),
                        new OrganizationSettings.OutlierThresholds(rs.getInt(4), rs.getInt(5))); return 0; })
                .list();
        return m;
    }

    public static String thresholdKey(String periodType, int year, int periodNumber) {
        return periodType + '|' + year + '|' + periodNumber;
    }

    /** Records the thresholds of a period generated for the first time. */
    public void saveThresholdSnapshot(String organizationId, String periodType, int year, int periodNumber,
                                      OrganizationSettings.OutlierThresholds t) {
        h.createUpdate("""
                INSERT INTO summary_threshold_snapshots (organization_id, period_type, year, period_number,
                    underactive_sessions, overloaded_sessions) VALUES (:org, :type, :year, :n, :u, :o)""")
                .bind("org", organizationId).bind("type", periodType).bind("year", year).bind("n", periodNumber)
                .bind("u", t.underactive()).bind("o", t.overloaded()).execute();
    }

    // ---- annual

    private static final String ANNUAL_COLS = """
            user_id, peer_mentor_id, organization_id, local_association_id, year, status, generation_status,
            generation_error, data_sufficiency, total_activities, total_hours, total_contacts_supported, contacts_supported,
            total_events_attended, total_travel_km, activity_breakdown, activity_type_breakdown, monthly_distribution,
            busiest_month, longest_streak_days, activity_streaks, percentile_rank, top_contacts, impact_metrics, milestones,
            achievements_earned, slide_data, payload_json, generated_at, updated_at, retry_count, next_retry_at, content_hash""";

    /**
     * Inserts a new annual row (its notification not sent: it is queued in the outbox and sent
     * after the commit) or updates the computed columns of an existing one (by id).
     */
    public void saveAnnual(AnnualSummary a, boolean insert, int retryCount, Instant nextRetryAt, Long contentHash)
            throws SQLException {
        PreparedStatement ps;
        if (insert) {
            if (annualInsert == null) {
                annualInsert = prepare("INSERT INTO annual_summaries (" + ANNUAL_COLS
                        + ", created_at, shared_count, notification_sent_at, id) VALUES (" + "?, ".repeat(36) + "?)");
            }
            ps = annualInsert;
        } else {
            if (annualUpdate == null) {
                // never once shared, even when a share lands between reading the state and this write
                annualUpdate = prepare("UPDATE annual_summaries SET " + ANNUAL_COLS.replace("\n", " ").replaceAll(",\\s*", " = ?, ")
                        + " = ? WHERE id = ? AND shared_count = 0");
            }
            ps = annualUpdate;
        }
        int i = 1;
        ps.setString(i++, a.userId());
        ps.setString(i++, a.peerMentorId());
        ps.setString(i++, a.organizationId());
        ps.setString(i++, a.localAssociationId());
        ps.setInt(i++, a.year());
        ps.setString(i++, a.status());
        ps.setString(i++, a.generationStatus());
        ps.setString(i++, a.generationError());
        ps.setBoolean(i++, a.dataSufficiency());
        ps.setInt(i++, a.totalActivities());
        ps.setBigDecimal(i++, a.totalHours());
        ps.setInt(i++, a.totalContactsSupported());
        ps.setInt(i++, a.contactsSupported());
        ps.setInt(i++, a.totalEventsAttended());
        ps.setBigDecimal(i++, a.totalTravelKm());
        ps.setString(i++, a.activityBreakdown());
        ps.setString(i++, a.activityTypeBreakdown());
        ps.setString(i++, a.monthlyDistribution());
        setInt(ps, i++, a.busiestMonth());
        setInt(ps, i++, a.longestStreakDays());
        ps.setString(i++, a.activityStreaks());
        ps.setBigDecimal(i++, a.percentileRank());
        ps.setString(i++, a.topContacts());
        ps.setString(i++, a.impactMetrics());
        ps.setString(i++, a.milestones());
        ps.setString(i++, a.achievementsEarned());
        ps.setString(i++, a.slideData());
        ps.setString(i++, a.payloadJson());
        setInstant(ps, i++, a.generatedAt());
        setInstant(ps, i++, a.updatedAt());
        ps.setInt(i++, retryCount);
        setInstant(ps, i++, nextRetryAt);
        setLong(ps, i++, contentHash);
        if (insert) {
            setInstant(ps, i++, a.createdAt());
            ps.setInt(i++, 0);
            setInstant(ps, i++, null);
        }
        ps.setObject(i, a.id());
        add(ps);
    }

    // ---- impact

    private static final String IMPACT_COLS = """
            user_id, period_type, year, half_index, total_hours, contacts_helped, activities_count, assignments_completed,
            milestones, metrics_json, headline, status, error_message, generated_at, updated_at, organization_id,
            peer_mentor_id, retry_count, next_retry_at, content_hash""";

    public void saveImpact(ImpactSummary s, boolean insert, int retryCount, Instant nextRetryAt, Long contentHash) throws SQLException {
        PreparedStatement ps;
        if (insert) {
            if (impactInsert == null) {
                impactInsert = prepare("INSERT INTO impact_summaries (" + IMPACT_COLS + ", created_at, notification_sent, share_count, id) VALUES ("
                        + "?, ".repeat(23) + "?)");
            }
            ps = impactInsert;
        } else {
            if (impactUpdate == null) {
                impactUpdate = prepare("UPDATE impact_summaries SET " + IMPACT_COLS.replace("\n", " ").replaceAll(",\\s*", " = ?, ")
                        + " = ? WHERE id = ?");
            }
            ps = impactUpdate;
        }
        int i = 1;
        ps.setString(i++, s.userId());
        ps.setString(i++, s.periodType());
        ps.setInt(i++, s.year());
        setInt(ps, i++, s.halfIndex());
        ps.setBigDecimal(i++, s.totalHours());
        ps.setInt(i++, s.contactsHelped());
        ps.setInt(i++, s.activitiesCount());
        ps.setInt(i++, s.assignmentsCompleted());
        ps.setString(i++, s.milestones());
        ps.setString(i++, s.metricsJson());
        ps.setString(i++, s.headline());
        ps.setString(i++, s.status());
        ps.setString(i++, s.errorMessage());
        setInstant(ps, i++, s.generatedAt());
        setInstant(ps, i++, s.updatedAt());
        ps.setString(i++, s.organizationId());
        ps.setString(i++, s.peerMentorId());
        ps.setInt(i++, retryCount);
        setInstant(ps, i++, nextRetryAt);
        setLong(ps, i++, contentHash);
        if (insert) {
            setInstant(ps, i++, s.createdAt());
            ps.setBoolean(i++, s.notificationSent());
            ps.setInt(i++, 0);
        }
        ps.setObject(i, s.id());
        add(ps);
    }

    // ---- periodic

    private static final String PERIODIC_COLS = """
            user_id, organisation_id, coordinator_id, period_type, year, quarter, half, period_start, period_end,
            total_sessions, total_hours, yoy_delta_sessions, yoy_delta_hours, yoy_delta_percent, prior_year_total_sessions,
            prior_year_total_hours, outlier_status, underactive_threshold_sessions, overloaded_threshold_sessions,
            generated_at, peer_mentor_id, content_hash""";

    public void savePeriodic(PeriodicSummary s, boolean insert, long contentHash) throws SQLException {
        PreparedStatement ps;
        if (insert) {
            if (periodicInsert == null) {
                periodicInsert = prepare("INSERT INTO periodic_summaries (" + PERIODIC_COLS + ", notification_sent_at, id) VALUES ("
                        + "?, ".repeat(23) + "?)");
            }
            ps = periodicInsert;
        } else {
            if (periodicUpdate == null) {
                periodicUpdate = prepare("UPDATE periodic_summaries SET " + PERIODIC_COLS.replace("\n", " ").replaceAll(",\\s*", " = ?, ")
                        + " = ? WHERE id = ?");
            }
            ps = periodicUpdate;
        }
        int i = 1;
        ps.setString(i++, s.userId());
        ps.setString(i++, s.organisationId());
        ps.setString(i++, s.coordinatorId());
        ps.setString(i++, s.periodType());
        ps.setInt(i++, s.year());
        setInt(ps, i++, s.quarter());
        setInt(ps, i++, s.half());
        setInstant(ps, i++, s.periodStart());
        setInstant(ps, i++, s.periodEnd());
        ps.setInt(i++, s.totalSessions());
        ps.setBigDecimal(i++, s.totalHours());
        setInt(ps, i++, s.yoyDeltaSessions());
        ps.setBigDecimal(i++, s.yoyDeltaHours());
        ps.setBigDecimal(i++, s.yoyDeltaPercent());
        setInt(ps, i++, s.priorYearTotalSessions());
        ps.setBigDecimal(i++, s.priorYearTotalHours());
        ps.setString(i++, s.outlierStatus());
        ps.setInt(i++, s.underactiveThresholdSessions());
        ps.setInt(i++, s.overloadedThresholdSessions());
        setInstant(ps, i++, s.generatedAt());
        ps.setString(i++, s.peerMentorId());
        ps.setLong(i++, contentHash);
        if (insert) {
            setInstant(ps, i++, s.notificationSentAt());
        }
        ps.setObject(i, s.id());
        add(ps);
    }

    // ---- failures (lifecycle: failed / error, with the retry bookkeeping)

    /** Marks an annual summary failed, keeping generation_error; inserts a failed row when none exists. */
    public void markAnnualFailed(UUID existingId, UUID newId, String userId, String peerMentorId, String organizationId,
                                 String localAssociationId, int year, String error, Instant now, int retries, Instant nextRetryAt) {
        h.createUpdate(existingId == null ? """
                INSERT INTO annual_summaries (id, user_id, peer_mentor_id, organization_id, local_association_id, year,
                    status, generation_status, generation_error, data_sufficiency, total_activities, total_hours,
                    total_contacts_supported, contacts_supported, total_events_attended, activity_breakdown,
                    monthly_distribution, created_at, updated_at, retry_count, next_retry_at)
                VALUES (:id, :user, :pm, :org, :la, :year, 'failed', 'failed', :err, FALSE, 0, 0, 0, 0, 0, '{}', '[]',
                    :now, :now, :retries, :next)""" : """
                UPDATE annual_summaries SET status = 'failed', generation_status = 'failed', generation_error = :err,
                    updated_at = :now, retry_count = :retries, next_retry_at = :next WHERE id = :id AND shared_count = 0""")
                .bind("id", existingId == null ? newId : existingId).bind("user", userId).bind("pm", peerMentorId)
                .bind("org", organizationId).bind("la", localAssociationId).bind("year", year)
                .bind("err", error).bind("now", now).bind("retries", retries).bind("next", nextRetryAt)
                .execute();
    }

    /** Marks an impact summary 'error', keeping error_message; inserts an error row when none exists. */
    public void markImpactFailed(UUID existingId, UUID newId, String userId, String peerMentorId, String organizationId,
                                 String periodType, int year, Integer half, String error, Instant now, int retries,
                                 Instant nextRetryAt) {
        h.createUpdate(existingId == null ? """
                INSERT INTO impact_summaries (id, user_id, period_type, year, half_index, total_hours, contacts_helped,
                    activities_count, assignments_completed, status, error_message, generated_at, created_at, updated_at,
                    organization_id, peer_mentor_id, retry_count, next_retry_at)
                VALUES (:id, :user, :type, :year, :half, 0, 0, 0, 0, 'error', :err, :now, :now, :now, :org, :pm,
                    :retries, :next)""" : """
                UPDATE impact_summaries SET status = 'error', error_message = :err, updated_at = :now,
                    retry_count = :retries, next_retry_at = :next WHERE id = :id""")
                .bind("id", existingId == null ? newId : existingId).bind("user", userId).bind("type", periodType)
                .bind("year", year).bind("half", half).bind("err", error).bind("now", now)
                .bind("org", organizationId).bind("pm", peerMentorId).bind("retries", retries).bind("next", nextRetryAt)
                .execute();
    }

    // ---- outbox and alerts

    /** Queues one notification for a summary unless one is queued already (batched with the summaries). */
    public void queueNotification(String table, UUID summaryId, String userId, String messageKey) {
        try {
            if (outboxMerge == null) {
                outboxMerge = prepare("""
                        MERGE INTO notification_outbox o
                        USING (VALUES (CAST(? AS VARCHAR(30)), CAST(? AS UUID), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(100))))
                            AS s(t, id, u, k)
                        ON o.summary_table = s.t AND o.summary_id = s.id
                        WHEN NOT MATCHED THEN INSERT (summary_table, summary_id, user_id, message_key) VALUES (s.t, s.id, s.u, s.k)""");
            }
            outboxMerge.setString(1, table);
            outboxMerge.setObject(2, summaryId);
            outboxMerge.setString(3, userId);
            outboxMerge.setString(4, messageKey);
            add(outboxMerge);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot queue the notification of " + table + " " + summaryId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Queues the notification of a summary this run inserts (so none can be queued yet): a plain
     * insert, batched with the summaries and committed with them; it is sent after the commit.
     */
    public void queueNewNotification(String table, UUID summaryId, String userId, String messageKey) {
        try {
            if (outboxInsert == null) {
                outboxInsert = prepare("""
                        INSERT INTO notification_outbox (summary_table, summary_id, user_id, message_key) VALUES (?, ?, ?, ?)""");
            }
            outboxInsert.setString(1, table);
            outboxInsert.setObject(2, summaryId);
            outboxInsert.setString(3, userId);
            outboxInsert.setString(4, messageKey);
            add(outboxInsert);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot queue the notification of " + table + " " + summaryId + ": " + e.getMessage(), e);
        }
    }

    /** Raises (or updates) the open alert of a summary whose retries are used up, in the run's transaction. */
    public void alert(AlertDao.Raise raise, Instant now) {
        AlertDao.raise(h, raise, now);
    }

    // ---- batching

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = c().prepareStatement(sql);
        open.add(ps);
        return ps;
    }

    private void add(PreparedStatement ps) throws SQLException {
        ps.addBatch();
        int n = pending.merge(ps, 1, Integer::sum);
        if (n >= BATCH) {
            ps.executeBatch();
            pending.put(ps, 0);
        }
    }

    /** Executes every pending batch. */
    public void flush() throws SQLException {
        for (Map.Entry<PreparedStatement, Integer> e : pending.entrySet()) {
            if (e.getValue() > 0) {
                e.getKey().executeBatch();
                e.setValue(0);
            }
        }
    }

    @Override
    public void close() {
        for (PreparedStatement ps : open) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing
            }
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    static void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
        }
    }
}
