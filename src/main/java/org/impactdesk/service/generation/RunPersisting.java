package org.impactdesk.service.generation;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.AnnualSummary;
import org.impactdesk.domain.ImpactSummary;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.PeerMentor;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.PeriodicSummary;
import org.impactdesk.domain.SummaryLifecycle;
import org.impactdesk.domain.Uuid7;
import org.impactdesk.engine.Fingerprint;
import org.impactdesk.engine.PeriodMetrics;
import org.impactdesk.engine.PeriodicFigures;
import org.impactdesk.engine.SummaryContent;
import org.impactdesk.engine.SummaryEngine;
import org.impactdesk.service.generation.GenerationReport.Outcome;
import org.impactdesk.service.generation.GenerationService.MentorStep;
import org.impactdesk.service.generation.GenerationService.RunParticipant;
import org.impactdesk.store.AlertDao;
import org.impactdesk.store.DatabaseException;
import org.impactdesk.store.SummaryWriteDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
/**
 * Persisting: writes a computed mentor's rows (annual, impact, personal periodic) under the
 * rules of METRICS.md (frozen rows, unchanged content, thresholds snapshotted once), and the
 * failure lifecycle (status failed/error, backoff, an alert after the last retry). Touches the
 * store through {@link SummaryWriteDao}.
 */
abstract class RunPersisting extends RunNotifying {
    private static final Logger LOG = LoggerFactory.getLogger(RunPersisting.class);

    RunPersisting(OrganizationSettings org, GenerationRequest req, List<Period> closed, GenerationReport report,
                List<GenerationListener.Ready> committedReady, List<RunParticipant> participants,
                Map<String, ActivityTypeName> activityTypes, Settings settings, SummaryWriteDao out) {
        super(org, req, closed, report, committedReady, participants, activityTypes, settings, out);
    }

    /** Writes one computed mentor (on the run's thread, which holds the connection). */
    void write(Computed c) {
        PeerMentor m = c.mentor();
        processed.add(m.id());
        chunkTotals.addAll(c.totals());
        chunkMonths.addAll(c.months());
        totalsByMentor.put(m.id(), c.totals());
        if (c.failure() != null) {
            fail(m, c.failure());
            return;
        }
        try {
            for (int i = 0; i < c.periods().size(); i++) {
                Period p = c.periods().get(i);
                switch (p) {
                    case Period.Year y -> {
                        if (impactOn) {
                            writeAnnual(m, c.metrics().get(i), c.annual().get(i));
                            writeImpact(m, c.metrics().get(i), c.impact().get(i));
                        }
                    }
                    case Period.Half hf -> {
                        if (impactOn) {
                            writeImpact(m, c.metrics().get(i), c.impact().get(i));
                        }
                        writePersonalPeriodic(m, c.prepared(), hf, c.sessions().get(i));
                    }
                    case Period.Quarter q -> writePersonalPeriodic(m, c.prepared(), q, c.sessions().get(i));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot write summaries of " + m.id() + ": " + e.getMessage(), e);
        } catch (GenerationRefusedException e) {
            throw e; // an open period refuses the whole run, it is no failure of this mentor
        } catch (RuntimeException e) {
            fail(m, e);
        }
    }

    void fail(PeerMentor m, RuntimeException e) {
        String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warn("Summary generation failed for peer mentor {}: {}", m.id(), msg);
        report.error(m.id() + ": " + msg);
        if (!impactOn) {
            report.count("periodic_summaries", Outcome.FAILED);
            return;
        }
        for (Period p : closed) {
            if (p instanceof Period.Year y) {
                SummaryWriteDao.AnnualState s = annualStates.get(m.id() + '|' + y.year());
                if (s != null && (s.sharedCount() > 0 || ("ready".equals(s.status()) && !req.force()))) {
                    report.count("annual_summaries", Outcome.FROZEN);
                    continue;
                }
                admit(SummaryLifecycle.ANNUAL, s == null ? null : s.status(), "failed", y,
                        "annual summary " + y.year() + " of " + m.id());
                int retries = (s != null && "failed".equals(s.status()) ? s.retryCount() : 0) + 1;
                java.util.UUID id = s == null ? Uuid7.next() : s.id();
                Instant next = nextRetry(retries, "annual summary " + y.year() + " of " + m.id(), msg,
                        AlertDao.ANNUAL, id, m, y);
                out.markAnnualFailed(s == null ? null : s.id(), id, m.userId(), m.id(), org.id(),
                        m.primaryLocalAssociationId(), y.year(), truncate(msg), now, retries, next);
                report.count("annual_summaries", Outcome.FAILED);
            }
            if (p instanceof Period.Year || p instanceof Period.Half) {
                String type = SummaryContent.impactPeriodType(p);
                Integer half = p instanceof Period.Half hf ? hf.half() : null;
                SummaryWriteDao.ImpactState s = impactStates.get(SummaryWriteDao.impactKey(m.userId(), type, p.year(), half));
                if (s != null && s.shareCount() > 0) {
                    report.count("impact_summaries", Outcome.FROZEN);
                    continue;
                }
                admit(SummaryLifecycle.IMPACT, s == null ? null : s.status(), "error", p,
                        "impact summary " + p + " of " + m.id());
                int retries = (s != null && "error".equals(s.status()) ? s.retryCount() : 0) + 1;
                java.util.UUID id = s == null ? Uuid7.next() : s.id();
                Instant next = nextRetry(retries, "impact summary " + p + " of " + m.id(), msg, AlertDao.IMPACT, id, m, p);
                out.markImpactFailed(s == null ? null : s.id(), id, m.userId(), m.id(), org.id(), type,
                        p.year(), half, truncate(msg), now, retries, next);
                report.count("impact_summaries", Outcome.FAILED);
            }
        }
    }

    /**
     * The next retry after {@code retries} failed attempts, or null and an alert naming the
     * summary ({@code table}, {@code id}) when none is left; a summary that fails again after its
     * alert (a retry now) updates its open alert instead of raising another.
     */
    Instant nextRetry(int retries, String what, String msg, String table, java.util.UUID id, PeerMentor m, Period p) {
        if (retries > GenerationService.MAX_RETRIES) {
            out.alert(new AlertDao.Raise(org.id(), table, id, m.id(), p.toString(), "Generation of the " + what
                    + " failed " + retries + " times (" + GenerationService.MAX_RETRIES + " retries exhausted): " + msg), now);
            return null;
        }
        return now.plus(GenerationService.RETRY_BASE.multipliedBy(1L << (retries - 1)));
    }

    void writeImpact(PeerMentor m, PeriodMetrics metrics, SummaryContent.Impact c) throws SQLException {
        Period p = metrics.period();
        String type = SummaryContent.impactPeriodType(p);
        Integer half = p instanceof Period.Half hf ? hf.half() : null;
        SummaryWriteDao.ImpactState s = impactStates.get(SummaryWriteDao.impactKey(m.userId(), type, p.year(), half));
        if (c == null) {
            report.count("impact_summaries", Outcome.FROZEN);
            return;
        }
        if (s != null && "ready".equals(s.status()) && s.contentHash() != null && s.contentHash() == c.contentHash()) {
            report.count("impact_summaries", Outcome.UNCHANGED);
            return;
        }
        admit(SummaryLifecycle.IMPACT, s == null ? null : s.status(), "ready", p, "impact summary " + p + " of " + m.id());
        java.util.UUID id = s == null ? Uuid7.next() : s.id();
        ImpactSummary row = new ImpactSummary(id, m.userId(), type, p.year(), half, "ready",
                null, metrics.activities(), metrics.hours(), metrics.contacts(), metrics.assignmentsCompleted(),
                c.metricsJson(), c.milestones(), c.headline(), s != null && s.notificationSent(), 0, now,
                s == null ? now : s.createdAt(), now, org.id(), m.id());
        out.saveImpact(row, s == null, 0, null, c.contentHash());
        report.count("impact_summaries", s == null ? Outcome.CREATED : Outcome.UPDATED);
        if (s == null || !s.notificationSent()) {
            queue("impact_summaries", row.id(), m.userId(), "notification.impact_ready", s == null);
        }
    }

    void writePersonalPeriodic(PeerMentor m, SummaryEngine.Prepared prepared, Period p, long[] sm) throws SQLException {
        long[] prior = engine.sessionsAndMinutes(prepared, p.priorYear());
        boolean priorData = prior[0] > 0 || m.knownStartedBy(p.priorYear().lastDate());
        PeriodicFigures f = PeriodicFigures.of(sm[0], sm[1], prior[0], prior[1], priorData, thresholds(p));
        writePeriodic(m.userId(), null, p, f, m.id(), "periodic_summaries");
    }

    void writePeriodic(String userId, String coordinatorId, Period p, PeriodicFigures f, String peerMentorId,
                               String reportTable) throws SQLException {
        boolean quarterly = p instanceof Period.Quarter;
        String type = quarterly ? "quarterly" : "half_year";
        Integer quarter = p instanceof Period.Quarter q ? q.quarter() : null;
        Integer half = p instanceof Period.Half hf ? hf.half() : null;
        SummaryWriteDao.PeriodicState s = periodicStates.get(
                SummaryWriteDao.periodicKey(userId, type, p.year(), quarter, half, coordinatorId));
        if (s != null && coordinatorId == null) { // a personal row keeps the thresholds it was first generated with
            f = f.withThresholds(new OrganizationSettings.OutlierThresholds(s.underactive(), s.overloaded()));
        }
        long hash = Fingerprint.of(f.sessions(), f.hours(), f.yoyDeltaSessions(), f.yoyDeltaHours(), f.yoyDeltaPercent(),
                f.priorSessions(), f.priorHours(), f.outlierStatus(), f.thresholds().underactive(), f.thresholds().overloaded());
        if (s != null && s.contentHash() != null && s.contentHash() == hash) {
            report.count(reportTable, Outcome.UNCHANGED);
            return;
        }
        GenerationService.requireClosedByRealClock(p, org, clock, "periodic summary " + p + " of " + userId);
        java.util.UUID id = s == null ? Uuid7.next() : s.id();
        PeriodicSummary row = new PeriodicSummary(id, userId, org.id(), coordinatorId, type,
                p.year(), quarter, half, p.startInstant(org.zone()), p.endInstant(org.zone()), f.sessions(), f.hours(),
                f.yoyDeltaSessions(), f.yoyDeltaHours(), f.yoyDeltaPercent(), f.priorSessions(), f.priorHours(),
                f.outlierStatus(), f.thresholds().underactive(), f.thresholds().overloaded(), now,
                null, peerMentorId);
        out.savePeriodic(row, s == null, hash);
        if (s == null) {
            queue("periodic_summaries", id, userId, coordinatorId == null ? "notification.periodic_ready"
                    : "notification.team_ready", true);
        }
        report.count(reportTable, s == null ? Outcome.CREATED : Outcome.UPDATED);
    }

    /**
     * The per-mentor outlier thresholds of a periodic period: the organisation's settings when the
     * period is generated for the first time, snapshotted then and used for every later run.
     */
    OrganizationSettings.OutlierThresholds thresholds(Period p) {
        boolean quarterly = p instanceof Period.Quarter;
        String type = quarterly ? "quarterly" : "half_year";
        int n = p instanceof Period.Quarter q ? q.quarter() : ((Period.Half) p).half();
        String key = SummaryWriteDao.thresholdKey(type, p.year(), n);
        OrganizationSettings.OutlierThresholds t = thresholdSnapshots.get(key);
        if (t == null) {
            t = org.thresholds(quarterly);
            thresholdSnapshots.put(key, t);
            out.saveThresholdSnapshot(org.id(), type, p.year(), n, t);
        }
        return t;
    }

    void writeAnnual(PeerMentor m, PeriodMetrics metrics, SummaryContent.Annual c) throws SQLException {
        int y = metrics.period().year();
        SummaryWriteDao.AnnualState s = annualStates.get(m.id() + '|' + y);
        if (c == null) {
            report.count("annual_summaries", Outcome.FROZEN);
            return;
        }
        BigDecimal rank = metrics.activities() > 0 ? cohorts.get(y).rankOf(metrics.hours()) : null;
        String status = c.sufficient() ? "ready" : "insufficient";
        if (s != null && status.equals(s.status()) && s.contentHash() != null && s.contentHash() == c.contentHash()) {
            report.count("annual_summaries", Outcome.UNCHANGED);
            return;
        }
        admit(SummaryLifecycle.ANNUAL, s == null ? null : s.status(), status, metrics.period(),
                "annual summary " + y + " of " + m.id());
        java.util.UUID id = s == null ? Uuid7.next() : s.id();
        boolean becomesReady = "ready".equals(status) && (s == null || !"ready".equals(s.status()));
        AnnualSummary row = new AnnualSummary(id, m.userId(), m.id(), org.id(),
                m.primaryLocalAssociationId(), y, status, "complete", null, c.sufficient(), metrics.activities(),
                metrics.hours(), metrics.contacts(), metrics.contacts(), metrics.eventsAttended(), metrics.travelKm(),
                c.activityBreakdown(), c.activityTypeBreakdown(), c.monthlyDistribution(), metrics.busiestMonth(),
                metrics.streaks().longestDays(), c.activityStreaks(), rank, c.topContacts(), c.impactMetrics(),
                c.milestones(), c.achievementsEarned(), c.slideData(), c.payloadJson(), null, null, null, 0,
                now, null, s == null ? now : s.createdAt(), now);
        out.saveAnnual(row, s == null, 0, null, c.contentHash());
        report.count("annual_summaries", s == null ? Outcome.CREATED : Outcome.UPDATED);
        if (becomesReady) {
            if (!reviewRequired) { // under review it is queued when an admin releases it (ReleaseDao.release)
                queue("annual_summaries", row.id(), m.userId(), "notification.annual_ready", s == null);
            }
            GenerationListener.Ready ready = new GenerationListener.Ready(m.userId(), org.id(), y, now);
            chunkReady.add(ready);
            for (MentorStep step : steps) {
                try {
                    step.annualReady(ready);
                } catch (RuntimeException e) {
                    LOG.warn("A generation listener failed for the annual summary of {}: {}", m.id(), e.toString());
                }
            }
        }
    }

    /**
     * The one gate before a summary's status is stored: its period is closed by the real clock
     * ({@link GenerationService#requireClosedByRealClock}) and the seeds allow the change
     * ({@link SummaryLifecycle}; regenerating a ready annual summary needs the admin's --force).
     */
    void admit(SummaryLifecycle lifecycle, String from, String to, Period p, String what) {
        GenerationService.requireClosedByRealClock(p, org, clock, what);
        lifecycle.requireRun(from, to, req.force(), what);
    }

    String truncate(String s) {
        return s.length() > 4000 ? s.substring(0, 4000) : s;
    }
}
