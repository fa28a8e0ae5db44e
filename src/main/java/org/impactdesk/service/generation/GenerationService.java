package org.impactdesk.service.generation;

import org.impactdesk.service.changes.StoredChangeWatch;
import org.impactdesk.store.DataChanges;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.AnnualSummary;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.MentorHistory;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.PeerMentor;
import org.impactdesk.domain.Period;
import org.impactdesk.engine.Hours;
import org.impactdesk.engine.Percentile;
import org.impactdesk.engine.PeriodMetrics;
import org.impactdesk.engine.SummaryContent;
import org.impactdesk.engine.SummaryEngine;
import org.impactdesk.engine.SummaryText;
import org.impactdesk.service.delivery.OutboxDispatcher;
import org.impactdesk.store.AlertDao;
import org.impactdesk.store.OrganizationLocks;
import org.impactdesk.store.Database;
import org.impactdesk.store.OrganizationDao;
import org.impactdesk.store.SummaryInputDao;
import org.impactdesk.store.SummaryReadDao;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
/**
 * Runs the engine over the database: per organisation, one read of the activities (a scan of the
 * table in storage order, or indexed reads of the few mentors a sync marked stale) into compact
 * columns, every summary computed in Java mentor by mentor, written with JDBC batches under the
 * rules of METRICS.md (closed periods only, the organisation switch, freeze, lifecycle with
 * retries, one notification per ready summary). {@link RunParticipant}s (the badge evaluation)
 * see each mentor's history from the same read. A run commits per chunk of mentors: a failure
 * or a kill keeps what was committed, never half a mentor, and the rerun resumes from the stored
 * states.
 *
 * <p>This class is the entry point (access rules, the organisations, the listeners, the
 * dispatch of due notifications, the preview); each organisation's run is an
 * {@link OrganizationRun}, split by responsibility: {@link RunState} (what the run knows),
 * {@link RunPlanning} and {@link RunComputing} (pure), {@link RunNotifying} and
 * {@link RunPersisting} (the writes), {@link OrganizationRun} (reads, chunks, commits).
 */
public final class GenerationService {
    private static final Logger LOG = LoggerFactory.getLogger(GenerationService.class);
    /** Backoff of a failed summary: 5 min, 10 min, 20 min; after the 3rd retry an alert. */
    static final Duration RETRY_BASE = Duration.ofMinutes(5);
    static final int MAX_RETRIES = 3;

    private final Database database;
    private final NotificationSender sender;
    private final List<GenerationListener> listeners;
    private final Clock clock;
    private final Locale locale;
    private Consumer<PeerMentor> beforeCompute = m -> { };

    public GenerationService(Database database, NotificationSender sender, List<GenerationListener> listeners,
                             Clock clock, Locale locale) {
        this.database = database;
        this.sender = sender;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        this.locale = locale;
    }

    /** For tests of the failure lifecycle: runs before each mentor's computation and may throw. */
    void setBeforeCompute(Consumer<PeerMentor> hook) {
        this.beforeCompute = hook;
    }

    // ------------------------------------------------------------------ official generation

    public GenerationReport generate(GenerationRequest req, Actor actor) {
        return generate(req, actor, null);
    }

    /**
     * A run the user may stop (the window's regeneration after an import): {@code cancel} is asked
     * before each organisation and at each mentor. Each organisation then commits once, at its end:
     * a stop rolls the organisation being written back as a whole (its summaries stay as they
     * were), keeps the organisations done before it, and ends the run with
     * {@link GenerationReport#cancelled()} saying which were done and which were left. It also hears
     * which organisation starts and how many mentors are written (the first run's progress bar).
     */
    public GenerationReport generate(GenerationRequest req, Actor actor, GenerationProgress cancel) {
        // one run at a time in this process: the window's retries of failed summaries (issue 14)
        // wait for a regeneration after an import instead of contending for its rows' locks
        try {
            runLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Generation interrupted before it started", e);
        }
        // a stop (window close, SIGTERM, Ctrl+C) cancels the run: the chunk being written rolls
        // back, the committed ones stay, and the database is closed only after that
        try (Database.Work work = database.beginWork()) {
            return generateWhileOpen(req, actor, cancel);
        } finally {
            runLock.unlock();
        }
    }

    private final java.util.concurrent.locks.ReentrantLock runLock = new java.util.concurrent.locks.ReentrantLock(true);

    private GenerationReport generateWhileOpen(GenerationRequest req, Actor actor, GenerationProgress cancel) {
        if (!actor.isAdmin()) {
            throw new GenerationRefusedException("Only an administrator (or the local operator) may generate summaries.");
        }
        OrganizationDao orgs = new OrganizationDao(database.jdbi());
        List<OrganizationSettings> targets;
        if (req.organizationId() != null) {
            targets = List.of(orgs.find(req.organizationId()).orElseThrow(() ->
                    new IllegalArgumentException("No organisation with id " + req.organizationId())));
        } else {
            targets = orgs.all();
        }
        if (!actor.isGlobalAdmin()) {
            targets = targets.stream().filter(o -> o.id().equals(actor.organizationId())).toList();
            if (targets.isEmpty()) {
                throw new GenerationRefusedException("An organisation administrator generates only for their own organisation.");
            }
        }
        // A listener that takes part in each organisation's run (the badge evaluation) does its
        // work there, on the run's one read of the activities; the others are told before the run.
        List<RunParticipant> participants = new ArrayList<>();
        for (GenerationListener l : listeners) {
            if (l instanceof RunParticipant p) {
                participants.add(p);
                continue;
            }
            try {
                l.beforeGeneration(actor, req.organizationId());
            } catch (RuntimeException e) {
                LOG.warn("A generation listener failed before the run: {}", e.toString());
            }
        }
        for (OrganizationSettings org : targets) {
            requireAsOfNotAfterToday(req.asOf(), org, clock);
        }
        GenerationReport report = new GenerationReport();
        List<GenerationListener.Ready> afterCommit = new ArrayList<>();
        boolean anyClosed = false;
        int number = 0;
        try {
            for (OrganizationSettings org : targets) {
                number++;
                database.checkNotStopping();
                if (cancel != null && cancel.getAsBoolean()) {
                    report.cancelledBefore(org.id(), org.name());
                    continue; // this one and the rest are left as they were
                }
                LocalDate today = req.asOf() != null ? req.asOf() : realToday(org, clock);
                List<Period> closed = new ArrayList<>();
                for (int y : new TreeSet<>(req.years())) {
                    for (Period p : req.periods(y)) {
                        if (p.isClosedOn(today) && isClosedByRealClock(p, org, clock)) {
                            closed.add(p);
                        } else if (!report.openPeriods().contains(p.toString())) {
                            report.openPeriod(p.toString());
                        }
                    }
                }
                if (closed.isEmpty()) {
                    for (RunParticipant p : participants) { // no run here: the participant's own evaluation
                        try {
                            ((GenerationListener) p).beforeGeneration(actor, org.id());
                        } catch (RuntimeException e) {
                            LOG.warn("A generation listener failed before the run: {}", e.toString());
                        }
                    }
                    continue;
                }
                anyClosed = true;
                if (cancel != null) {
                    cancel.organisation(org.name(), number, targets.size());
                }
                GenerationReport.Counts before = report.counts();
                int writtenBefore = report.created() + report.updated();
                try {
                    database.jdbi().useHandle(h -> {
                        // a team database: one import or generation of the organisation at a time, across its chunks
                        try (OrganizationLocks.Held lock = OrganizationLocks.lockSession(h.getConnection(), org.id(),
                                holder -> LOG.info("Waiting for the import or generation that {} is running", holder))) {
                            generateOrganization(h, org, req, closed, report, afterCommit, participants, actor, cancel);
                        } catch (java.sql.SQLException e) {
                            throw new org.impactdesk.store.DatabaseException("Cannot take the lock of organisation " + org.id()
                                    + ": " + e.getMessage(), e);
                        }
                    });
                } catch (OrganizationRun.CancelledByUser e) {
                    report.restore(before); // rolled back: what it had counted was not written
                    report.cancelledBefore(org.id(), org.name());
                    continue;
                }
                report.done(org.id(), org.name());
                if (report.created() + report.updated() > writtenBefore) {
                    // other desktops on a team database see that the summaries changed, and by whom (V98)
                    new DataChanges(database).record(DataChanges.What.GENERATION, StoredChangeWatch.nameOf(actor), clock.instant());
                }
            }
        } finally {
            // told about what was committed, even when a later chunk or organisation failed
            List<GenerationListener> told = listeners.stream().filter(l -> !(l instanceof RunParticipant)).toList();
            if (!afterCommit.isEmpty()) {
                for (GenerationListener l : told) {
                    try {
                        l.annualSummariesReady(List.copyOf(afterCommit));
                    } catch (RuntimeException e) {
                        LOG.warn("A generation listener failed: {}", e.toString());
                    }
                }
            }
        }
        if (!anyClosed && !targets.isEmpty() && !report.cancelled()) {
            throw new GenerationRefusedException("Not generated: " + String.join(", ", report.openPeriods())
                    + " not closed yet (official summaries only for periods whose last day is before today, "
                    + "in the organisation's time zone; use --as-of to set today).");
        }
        dispatchDue();
        return report;
    }

    /** One organisation's run, in the handle's transactions (one per chunk). */
    private void generateOrganization(Handle h, OrganizationSettings org, GenerationRequest req, List<Period> closed,
                                      GenerationReport report, List<GenerationListener.Ready> afterCommit,
                                      List<RunParticipant> participants, Actor actor,
                                      GenerationProgress cancel) {
        h.begin();
        try {
            SummaryInputDao in = new SummaryInputDao(h);
            new OrganizationRun(org, req, closed, report, afterCommit, participants, in.activityTypes(),
                    new RunState.Settings(clock, locale, sender, beforeCompute, chunk, cancel), h, in, database).run();
            // an alert whose summary this run generated fine is resolved: closed with who and when
            AlertDao.closeResolved(h, org.id(), clock.instant(), actorName(actor));
            h.commit();
        } catch (RuntimeException | Error e) {
            h.rollback();
            throw e;
        }
    }

    /** Who an alert is closed by: the acting user's id, or {@value #LOCAL_OPERATOR} (no --as, the window's retries). */
    public static String actorName(Actor actor) {
        return actor.isLocalOperator() ? LOCAL_OPERATOR : actor.userId();
    }

    public static final String LOCAL_OPERATOR = "local-operator";

    // ------------------------------------------------------------------ open periods (issue 14)

    /** Today in the organisation's zone by the real clock (the service's clock, never {@code --as-of}). */
    static LocalDate realToday(OrganizationSettings org, Clock clock) {
        return LocalDate.now(clock.withZone(org.zone()));
    }

    static boolean isClosedByRealClock(Period p, OrganizationSettings org, Clock clock) {
        return p.isClosedOn(realToday(org, clock));
    }

    /**
     * Refuses a date taken as today that lies after the organisation's real today: it would let a
     * run store an official summary of a period that is still open (CLI.md: a usage error, exit 2).
     */
    static void requireAsOfNotAfterToday(LocalDate asOf, OrganizationSettings org, Clock clock) {
        LocalDate today = realToday(org, clock);
        if (asOf != null && asOf.isAfter(today)) {
            throw new AsOfAfterTodayException("--as-of " + asOf + " lies after today (" + today + " in "
                    + org.zone().getId() + ", the time zone of organisation " + org.id() + "): official summaries are "
                    + "only for periods that are closed by the real clock, so the date taken as today may only be today "
                    + "or earlier.");
        }
    }

    /**
     * The one check every path to a stored summary passes (annual, impact and periodic, ready,
     * insufficient or updated): its period is closed by the real clock in the organisation's zone,
     * whatever date the request takes as today. A run that reaches it for an open period is
     * refused as a whole and rolls back.
     */
    static void requireClosedByRealClock(Period p, OrganizationSettings org, Clock clock, String what) {
        if (!isClosedByRealClock(p, org, clock)) {
            throw new GenerationRefusedException("Refused to store the " + what + ": the period " + p
                    + " is not closed yet (today is " + realToday(org, clock) + " in " + org.zone().getId()
                    + "); official summaries are only for closed periods.");
        }
    }

    /**
     * A {@link GenerationListener} that takes part in each organisation's run, inside its
     * transaction, instead of being told before it: it sees the history of every mentor the run
     * processes (from the run's one read of the activities) before the mentor's summaries are
     * computed, and each annual summary that becomes ready. The badge evaluation is one.
     */
    public interface RunParticipant {
        /**
         * Opens this organisation's part of a run on its handle (its transaction); {@code userIds}:
         * the users of the mentors it will be shown, null when the run processes every mentor.
         * Null when it has nothing to do there.
         */
        MentorStep open(Handle h, OrganizationSettings org, Collection<String> userIds);
    }

    /** One organisation's part of a {@link RunParticipant}. */
    public interface MentorStep {
        /**
         * Called once per processed mentor (and per mentor with stale inputs the run does not
         * regenerate) before its summaries are computed; returns what it adds to the mentor's
         * awards (new awards, written at the next {@link #flush}).
         */
        List<MentorHistory.Award> evaluate(MentorHistory history);

        /**
         * The awards the last {@link #evaluate} of this user took out of their history (withdrawn,
         * or stored under another date), so the summaries computed next do not list them.
         */
        default List<MentorHistory.Award> withdrawn(String userId) {
            return List.of();
        }

        /** An annual summary of this organisation became ready in this run (written before the next flush). */
        void annualReady(GenerationListener.Ready ready);

        /**
         * Writes what is pending for these users ({@code null}: everyone), in the run's
         * transaction, before each commit. {@link #evaluate} may run on another thread than the
         * other methods, ahead of the writes.
         */
        void flush(Collection<String> userIds);

        /** After the organisation's last commit. */
        default void finish() {
        }
    }

    /**
     * Sends due outbox notifications (one by one, each marked sent right after it is sent); a
     * failing sender is logged and retried later. Returns how many were sent.
     */
    public int dispatchNotifications() {
        try (Database.Work work = database.beginWork()) {
            return dispatchDue();
        }
    }

    private int dispatchDue() {
        return new OutboxDispatcher(database, sender, clock).dispatchDue();
    }

    /**
     * Mentors per commit: a run commits after each chunk of mentors (their summaries, outbox rows,
     * awards, totals and stale marks together), so no transaction holds the whole organisation and
     * a rerun after a failure or a kill resumes from the stored states.
     */
    static final int CHUNK = 400;
    /** Mentors the worker may compute ahead of the writes. */
    static final int WORKER_AHEAD = 32;
    private int chunk = CHUNK;

    /** For tests of the chunked commits: mentors per commit. */
    void setChunkSize(int mentors) {
        if (mentors < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, was " + mentors);
        }
        this.chunk = mentors;
    }

    // ------------------------------------------------------------------ preview

    /** A Wrapped preview: computed, never stored, never notified, never shared. */
    public record Preview(AnnualSummary summary, String payloadJson) {
    }

    /**
     * Computes the annual summary of an open (or closed) year for the previewer, with
     * {@code preview: true} in the payload. Nothing is written.
     */
    /**
     * The cohort a preview ranks the mentor in: as a generation run does for the mentors it does not
     * read again (RunComputing.cohorts), the other mentors' hours of the year come from the totals
     * the last generation stored, and this mentor's from the activities just read. Reading every
     * activity of the organisation for it (about 600,000 for a year on the 5,000-mentor benchmark
     * database) held the Mentor screen's first visit for seconds. An organisation never generated
     * has no stored totals: then the activities are summed as before.
     */
    private static List<BigDecimal> previewCohort(SummaryReadDao read, SummaryInputDao in, OrganizationSettings org,
                                                  PeerMentor m, Period.Year y, PeriodMetrics metrics) {
        Map<String, long[]> stored = in.storedYearTotals(org.id(), y.year());
        if (stored.isEmpty()) {
            return read.cohortMinutes(org.id(), y.startInstant(org.zone()), y.endInstant(org.zone())).stream()
                    .map(Hours::fromMinutes).toList();
        }
        List<BigDecimal> cohort = new ArrayList<>(stored.size() + 1);
        stored.forEach((mentor, t) -> {
            if (!mentor.equals(m.id()) && t[0] > 0) {
                cohort.add(Hours.fromMinutes(t[1]));
            }
        });
        if (metrics.activities() > 0) {
            cohort.add(metrics.hours());
        }
        return cohort;
    }

    public Preview previewAnnual(String peerMentorId, int year, Actor actor) {
        return preview(peerMentorId, year, actor, true);
    }

    /**
     * As {@link #previewAnnual}, without the percentile rank (null in the summary and its payload):
     * for the Mentor screen, which shows the year's totals, months, milestones and badges and no rank,
     * so the organisation's cohort is not read. Every other figure is the same as previewAnnual's.
     */
    public Preview previewAnnualWithoutRank(String peerMentorId, int year, Actor actor) {
        return preview(peerMentorId, year, actor, false);
    }

    private Preview preview(String peerMentorId, int year, Actor actor, boolean ranked) {
        SummaryReadDao read = new SummaryReadDao(database.jdbi());
        PeerMentor m = read.visibleMentor(actor.scope(), peerMentorId)
                .orElseThrow(() -> new SummaryNotFoundException("No peer mentor " + peerMentorId + " in your scope."));
        OrganizationSettings org = new OrganizationDao(database.jdbi()).find(m.organizationId()).orElseThrow();
        return database.jdbi().withHandle(h -> {
            SummaryInputDao in = new SummaryInputDao(h);
            List<CountedActivity> acts = new ArrayList<>();
            in.streamActivities(org.id(), List.of(m.id()), org.zone(), (id, list) -> acts.addAll(list));
            // this mentor's events, assignments and awards only (the organisation's are a scan each)
            SummaryInputDao.MentorEvents events = in.eventsOf(org.id(), List.of(m.userId()), List.of(m.id()));
            MentorHistory history = new MentorHistory(m, acts, events.attended().getOrDefault(m.userId(), List.of()),
                    events.organized().getOrDefault(m.userId(), List.of()),
                    events.assignments().getOrDefault(m.id(), List.of()),
                    in.awards(org.id(), List.of(m.userId())).getOrDefault(m.userId(), List.of()));
            Period.Year y = new Period.Year(year);
            PeriodMetrics metrics = new SummaryEngine(org.zone()).compute(history, y);
            BigDecimal rank = ranked && metrics.activities() > 0
                    ? new Percentile(previewCohort(read, in, org, m, y, metrics)).rankOf(metrics.hours()) : null;
            SummaryContent c = new SummaryContent(new SummaryText(locale), in.activityTypes());
            SummaryContent.Annual a = c.annual(metrics, org, rank, true);
            Instant now = clock.instant();
            AnnualSummary s = new AnnualSummary(null, m.userId(), m.id(), org.id(), m.primaryLocalAssociationId(), year,
                    "pending", "pending", null, a.sufficient(), metrics.activities(), metrics.hours(), metrics.contacts(),
                    metrics.contacts(), metrics.eventsAttended(), metrics.travelKm(), a.activityBreakdown(),
                    a.activityTypeBreakdown(), a.monthlyDistribution(), metrics.busiestMonth(), metrics.streaks().longestDays(),
                    a.activityStreaks(), rank, a.topContacts(), a.impactMetrics(), a.milestones(), a.achievementsEarned(),
                    a.slideData(), a.payloadJson(), null, null, null, 0, null, null, now, now);
            return new Preview(s, a.payloadJson());
        });
    }

}
