package org.impactdesk.summary;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.PeerMentor;
import org.impactdesk.domain.Period;
import org.impactdesk.store.ActivityColumns;
import org.impactdesk.store.Database;
import org.impactdesk.store.DatabaseException;
import org.impactdesk.store.NotificationOutboxDao;
import org.impactdesk.store.OrganizationDao;
import org.impactdesk.store.SummaryInputDao;
import org.impactdesk.store.SummaryReadDao;
import org.impactdesk.store.SummaryWriteDao;
import org.impactdesk.summary.GenerationReport.Outcome;
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
        // a stop (window close, SIGTERM, Ctrl+C) cancels the run: the chunk being written rolls
        // back, the committed ones stay, and the database is closed only after that
        try (Database.Work work = database.beginWork()) {
            return generateWhileOpen(req, actor);
        }
    }

    private GenerationReport generateWhileOpen(GenerationRequest req, Actor actor) {
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
        GenerationReport report = new GenerationReport();
        List<GenerationListener.Ready> afterCommit = new ArrayList<>();
        boolean anyClosed = false;
        try {
            for (OrganizationSettings org : targets) {
                database.checkNotStopping();
                LocalDate today = req.asOf() != null ? req.asOf() : LocalDate.now(clock.withZone(org.zone()));
                List<Period> closed = new ArrayList<>();
                for (int y : new TreeSet<>(req.years())) {
                    for (Period p : req.periods(y)) {
                        if (p.isClosedOn(today)) {
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
                database.jdbi().useHandle(h -> {
                    h.begin();
                    try {
                        new OrgRun(h, org, req, closed, report, afterCommit, participants).run();
                        h.commit();
                    } catch (RuntimeException | Error e) {
                        h.rollback();
                        throw e;
                    }
                });
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
        if (!anyClosed && !targets.isEmpty()) {
            throw new GenerationRefusedException("Not generated: " + String.join(", ", report.openPeriods())
                    + " not closed yet (official summaries only for periods whose last day is before today, "
                    + "in the organisation's time zone; use --as-of to set today).");
        }
        dispatchDue();
        return report;
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

    /** Sends due outbox notifications; a failing sender is logged and retried later. Returns how many were sent. */
    public int dispatchNotifications() {
        try (Database.Work work = database.beginWork()) {
            return dispatchDue();
        }
    }

    private int dispatchDue() {
        NotificationOutboxDao outbox = new NotificationOutboxDao(database.jdbi());
        Instant now = clock.instant();
        int sent = 0;
        List<NotificationSender.Notification> done = new ArrayList<>();
        for (NotificationSender.Notification n : outbox.due(now)) {
            if (database.stopRequested()) {
                break; // the rest are sent by the next run; what was sent is marked below
            }
            try {
                sender.send(n);
                done.add(n);
            } catch (Exception e) {
                LOG.warn("Notification {} for {} {} not sent, will retry: {}", n.outboxId(), n.summaryTable(), n.summaryId(), e.toString());
                outbox.markFailed(n, e.toString(), now);
            }
            if (done.size() >= MARK_SENT_CHUNK) {
                outbox.markSent(done, clock.instant());
                sent += done.size();
                done.clear();
            }
        }
        outbox.markSent(done, clock.instant());
        return sent + done.size();
    }

    /** Sent notifications are marked in chunks: one transaction per chunk, a crash re-sends at most one chunk. */
    static final int MARK_SENT_CHUNK = 500;

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

    /** One organisation's run: one transaction per chunk of mentors, and a last one for the team rows. */
    private final class OrgRun {
        final Handle h;
        final OrganizationSettings org;
        final GenerationRequest req;
        final List<Period> closed;
        final GenerationReport report;
        final List<GenerationListener.Ready> committedReady;
        final List<GenerationListener.Ready> chunkReady = new ArrayList<>();
        final List<RunParticipant> participants;
        final List<MentorStep> steps = new ArrayList<>();
        final Instant now = clock.instant();
        final boolean impactOn;
        final SummaryEngine engine;
        final SummaryContent content;
        final SummaryInputDao in;
        final SummaryWriteDao out;
        final Set<Integer> years = new TreeSet<>();
        Map<String, SummaryWriteDao.AnnualState> annualStates;
        Map<String, SummaryWriteDao.ImpactState> impactStates;
        Map<String, SummaryWriteDao.PeriodicState> periodicStates;
        Map<String, OrganizationSettings.OutlierThresholds> thresholdSnapshots;
        Map<String, List<MentorHistory.EventRef>> attended;
        Map<String, List<MentorHistory.EventRef>> organized;
        Map<String, List<Instant>> assignments;
        Map<String, List<MentorHistory.Award>> awards;
        Map<Integer, Percentile> cohorts = Map.of();
        final Map<String, PeerMentor> mentors = new LinkedHashMap<>();
        /** The stored totals rows by mentor; a processed mentor's are replaced by what this run computed. */
        Map<String, List<SummaryInputDao.MentorTotal>> totalsByMentor;
        final List<SummaryInputDao.MentorTotal> chunkTotals = new ArrayList<>();
        final Set<String> processed = new HashSet<>();
        /** Whether stored summaries exist after a year, in years this run does not generate (by that year). */
        final Map<Integer, Boolean> laterYearsOutside = new HashMap<>();

        OrgRun(Handle h, OrganizationSettings org, GenerationRequest req, List<Period> closed, GenerationReport report,
               List<GenerationListener.Ready> committedReady, List<RunParticipant> participants) {
            this.h = h;
            this.org = org;
            this.req = req;
            this.closed = closed;
            this.report = report;
            this.committedReady = committedReady;
            this.participants = participants;
            this.impactOn = org.impactSummariesEnabled();
            this.engine = new SummaryEngine(org.zone());
            this.in = new SummaryInputDao(h);
            this.out = new SummaryWriteDao(h);
            this.content = new SummaryContent(new SummaryText(locale), in.activityTypes());
            closed.forEach(p -> years.add(p.year()));
        }

        void run() {
            try (out) {
                in.mentors(org.id()).forEach(m -> mentors.put(m.id(), m));
                annualStates = out.annualStates(org.id(), years);
                impactStates = out.impactStates(org.id(), years);
                periodicStates = out.periodicStates(org.id(), years);
                thresholdSnapshots = out.thresholdSnapshots(org.id(), years);
                totalsByMentor = in.totalsByMentor(org.id());
                TeamCalculator.QuarterTotals oldByMentor = new TeamCalculator.QuarterTotals();
                Map<String, Map<Integer, long[]>> oldYearTotals = new HashMap<>();
                totalsByMentor.forEach((pm, rows) -> rows.forEach(t -> {
                    oldByMentor.add(pm, t.year(), t.quarter(), t.sessions(), t.minutes());
                    long[] yt = oldYearTotals.computeIfAbsent(pm, k -> new HashMap<>()).computeIfAbsent(t.year(), k -> new long[2]);
                    yt[0] += t.sessions();
                    yt[1] += t.minutes();
                }));
                Map<String, Set<Integer>> stale = in.staleInputs(org.id());

                List<String> toProcess = new ArrayList<>();
                for (PeerMentor m : mentors.values()) {
                    if (needsProcessing(m, stale.getOrDefault(m.id(), Set.of()), oldByMentor, oldYearTotals.containsKey(m.id()))) {
                        toProcess.add(m.id());
                    } else {
                        countUntouched(m);
                    }
                }
                boolean all = toProcess.size() == mentors.size();
                // mentors whose inputs changed only in years this run does not generate: the participants
                // (badges) still see them, as they did before the run
                List<String> staleOnly = new ArrayList<>();
                Set<String> toProcessSet = new HashSet<>(toProcess);
                for (String pm : stale.keySet()) {
                    if (mentors.containsKey(pm) && !toProcessSet.contains(pm)) {
                        staleOnly.add(pm);
                    }
                }
                staleOnly.sort(null);
                if (!toProcess.isEmpty() || !staleOnly.isEmpty()) {
                    List<String> users = null;
                    if (!all) {
                        users = new ArrayList<>();
                        for (String pm : toProcess) {
                            users.add(mentors.get(pm).userId());
                        }
                        for (String pm : staleOnly) {
                            users.add(mentors.get(pm).userId());
                        }
                    }
                    for (RunParticipant p : participants) {
                        try {
                            MentorStep step = p.open(h, org, users);
                            if (step != null) {
                                steps.add(step);
                            }
                        } catch (RuntimeException e) {
                            LOG.warn("A generation listener failed to open the run of {}: {}", org.id(), e.toString());
                        }
                    }
                    if (all) {
                        attended = in.eventsAttended(org.id());
                        organized = in.eventsOrganized(org.id());
                        assignments = in.assignmentsCompleted(org.id());
                        awards = in.awards(org.id());
                    } else { // few mentors: their rows only
                        List<String> pms = new ArrayList<>(toProcess);
                        pms.addAll(staleOnly);
                        SummaryInputDao.MentorEvents ev = in.eventsOf(org.id(), users, pms);
                        attended = ev.attended();
                        organized = ev.organized();
                        assignments = ev.assignments();
                        awards = in.awards(org.id(), users);
                    }
                }
                if (!toProcess.isEmpty()) {
                    // one read of the activities for the whole run: a scan of the table when many mentors
                    // are processed, indexed reads of the few otherwise
                    ActivityColumns acts = in.readActivities(org.id(), toProcess.size() * 3 > mentors.size() ? null : toProcess,
                            org.zone());
                    cohorts = cohorts(toProcessSet, acts, oldYearTotals);
                    report.mentorsRead(toProcess.size());
                    processAll(toProcess, acts, stale);
                    if (all) {
                        in.dropTotalsOfFormerMentors(org.id());
                        totalsByMentor.keySet().retainAll(mentors.keySet());
                    }
                }
                if (!staleOnly.isEmpty() && !steps.isEmpty()) {
                    ActivityColumns acts = in.readActivities(org.id(), staleOnly, org.zone());
                    for (String pmId : staleOnly) {
                        evaluateParticipants(history(mentors.get(pmId), acts.of(pmId)));
                    }
                }
                writeTeamRows();
                commitChunk(null);
                for (MentorStep step : steps) {
                    step.finish();
                }
            } catch (SQLException e) {
                throw new DatabaseException("Generation failed writing summaries: " + e.getMessage(), e);
            }
        }

        /**
         * Writes what is pending and commits: the chunk's summaries, outbox rows, awards (of the
         * chunk's users; null: everyone's), totals and stale marks.
         */
        private void commitChunk(Collection<String> users) throws SQLException {
            out.flush();
            for (MentorStep step : steps) {
                try {
                    step.flush(users);
                } catch (RuntimeException e) {
                    LOG.warn("A generation listener failed writing its part of the run of {}: {}", org.id(), e.toString());
                }
            }
            h.commit();
            h.begin();
            committedReady.addAll(chunkReady);
            chunkReady.clear();
        }

        /**
         * The cohort of each year (hours of every mentor of the organisation with activities that
         * year), known before any mentor is processed: processed mentors from this run's read,
         * the others from their stored totals. So each annual row is written with its mentor.
         */
        private Map<Integer, Percentile> cohorts(Set<String> toProcess, ActivityColumns acts,
                                                 Map<String, Map<Integer, long[]>> oldYearTotals) {
            Map<String, Map<Integer, long[]>> fresh = new HashMap<>();
            for (String pm : toProcess) {
                fresh.put(pm, acts.yearTotals(pm));
            }
            Map<Integer, Percentile> out = new HashMap<>();
            for (int y : years) {
                List<BigDecimal> hours = new ArrayList<>();
                for (PeerMentor m : mentors.values()) {
                    Map<Integer, long[]> yt = toProcess.contains(m.id()) ? fresh.get(m.id()) : oldYearTotals.get(m.id());
                    long[] t = yt == null ? null : yt.get(y);
                    if (t != null && t[0] > 0) {
                        hours.add(Hours.fromMinutes(t[1]));
                    }
                }
                out.put(y, new Percentile(hours));
            }
            return out;
        }

        /**
         * Whether the organisation has stored summaries after {@code first} in years this run does not
         * generate: seeks over the gaps between the generated years (most runs generate every later
         * year that has summaries, so there is nothing to re-mark).
         */
        private boolean summariesInLaterYearsOutside(int first) {
            int prev = first;
            for (int y : years) { // sorted
                if (y <= first) {
                    continue;
                }
                if (y > prev + 1 && in.anySummaryYearBetween(org.id(), prev, y)) {
                    return true;
                }
                prev = y;
            }
            return in.anySummaryYearBetween(org.id(), prev, Integer.MAX_VALUE);
        }

        /**
         * The stale marks of a chunk's processed mentors are cleared for the years generated; a
         * changed year also feeds later years (YoY, new contacts, milestones): the mark moves on to
         * the first later year with stored summaries that this run did not regenerate.
         */
        private void staleBookkeeping(List<String> chunk, Map<String, Set<Integer>> stale) {
            if (req.selection() != GenerationRequest.Selection.ALL) {
                return;
            }
            List<String> marked = new ArrayList<>();
            Map<String, Integer> changed = new HashMap<>();
            for (String pmId : chunk) {
                Set<Integer> ys = stale.get(pmId);
                if (ys == null) {
                    continue;
                }
                marked.add(pmId);
                ys.stream().filter(years::contains).min(Integer::compare).ifPresent(y -> changed.put(pmId, y));
            }
            in.clearStale(marked, years);
            if (changed.isEmpty()) {
                return;
            }
            int first = changed.values().stream().min(Integer::compare).orElseThrow();
            if (laterYearsOutside.computeIfAbsent(first, this::summariesInLaterYearsOutside)) {
                in.markStale(in.firstSummaryYearsAfter(changed, years));
            }
        }

        private boolean needsProcessing(PeerMentor m, Set<Integer> staleYears, TeamCalculator.QuarterTotals oldByMentor,
                                        boolean hasTotals) {
            if (req.force()) {
                return true;
            }
            int maxYear = years.stream().mapToInt(Integer::intValue).max().orElseThrow();
            for (int y : staleYears) {
                if (y <= maxYear) {
                    return true; // milestones and new contacts are cumulative; YoY reads the prior year
                }
            }
            boolean anyRow = false;
            for (Period p : closed) {
                boolean expected = TeamCalculator.getsSummary(m, p, oldByMentor.in(m.id(), p)[0]);
                for (Object state : states(m, p)) {
                    if (state != null) {
                        anyRow = true;
                        if (dueRetry(state)) {
                            return true;
                        }
                    } else if (expected) {
                        return true;
                    }
                }
            }
            return !hasTotals && !anyRow;
        }

        private boolean dueRetry(Object state) {
            if (state instanceof SummaryWriteDao.AnnualState a) {
                return "failed".equals(a.status()) && a.nextRetryAt() != null && !a.nextRetryAt().isAfter(now);
            }
            if (state instanceof SummaryWriteDao.ImpactState i) {
                return "error".equals(i.status()) && i.nextRetryAt() != null && !i.nextRetryAt().isAfter(now);
            }
            return false;
        }

        /** The stored states of the rows this mentor gets for a period (null where missing). */
        private List<Object> states(PeerMentor m, Period p) {
            List<Object> s = new ArrayList<>();
            switch (p) {
                case Period.Year y -> {
                    if (impactOn) {
                        s.add(annualStates.get(m.id() + '|' + y.year()));
                        s.add(impactStates.get(SummaryWriteDao.impactKey(m.userId(), "annual", y.year(), null)));
                    }
                }
                case Period.Half hf -> {
                    if (impactOn) {
                        s.add(impactStates.get(SummaryWriteDao.impactKey(m.userId(), "half_year", hf.year(), hf.half())));
                    }
                    s.add(periodicStates.get(SummaryWriteDao.periodicKey(m.userId(), "half_year", hf.year(), null, hf.half(), null)));
                }
                case Period.Quarter q ->
                        s.add(periodicStates.get(SummaryWriteDao.periodicKey(m.userId(), "quarterly", q.year(), q.quarter(), null, null)));
            }
            return s;
        }

        private void countUntouched(PeerMentor m) {
            for (Period p : closed) {
                for (Object state : states(m, p)) {
                    if (state instanceof SummaryWriteDao.AnnualState a) {
                        report.count("annual_summaries", "ready".equals(a.status()) ? Outcome.FROZEN
                                : "failed".equals(a.status()) ? Outcome.SKIPPED : Outcome.UNCHANGED);
                    } else if (state instanceof SummaryWriteDao.ImpactState i) {
                        report.count("impact_summaries", "error".equals(i.status()) ? Outcome.SKIPPED : Outcome.UNCHANGED);
                    } else if (state != null) {
                        report.count("periodic_summaries", Outcome.UNCHANGED);
                    }
                }
            }
        }

        private MentorHistory history(PeerMentor m, List<CountedActivity> acts) {
            return new MentorHistory(m, acts, attended.getOrDefault(m.userId(), List.of()),
                    organized.getOrDefault(m.userId(), List.of()), assignments.getOrDefault(m.id(), List.of()),
                    awards.getOrDefault(m.userId(), List.of()));
        }

        /** The participants' evaluation of a mentor; returns the history with the awards they added. */
        private MentorHistory evaluateParticipants(MentorHistory history) {
            List<MentorHistory.Award> added = new ArrayList<>();
            for (MentorStep step : steps) {
                try {
                    added.addAll(step.evaluate(history));
                } catch (RuntimeException e) {
                    LOG.warn("A generation listener failed for peer mentor {}: {}", history.mentor().id(), e.toString());
                }
            }
            if (added.isEmpty()) {
                return history;
            }
            List<MentorHistory.Award> all = new ArrayList<>(history.awards());
            all.addAll(added);
            return new MentorHistory(history.mentor(), history.activities(), history.eventsAttended(),
                    history.eventsOrganized(), history.assignmentsCompletedAt(), all);
        }

        /**
         * Everything about one mentor that does not touch the database: the participants'
         * evaluation, the totals, every period's metrics and the annual and impact contents
         * (null where the stored row is frozen). A failing computation is kept for the write.
         */
        private record Computed(PeerMentor mentor, List<SummaryInputDao.MentorTotal> totals, SummaryEngine.Prepared prepared,
                                List<Period> periods, List<long[]> sessions, List<PeriodMetrics> metrics,
                                List<SummaryContent.Annual> annual, List<SummaryContent.Impact> impact, RuntimeException failure) {
        }

        /** Computes one mentor; runs on the run's worker thread (see {@link #processAll}). */
        private Computed compute(PeerMentor m, List<CountedActivity> acts) {
            MentorHistory history = evaluateParticipants(history(m, acts));
            // bookkeeping totals: per association, year and quarter, over all time
            Map<String, long[]> totals = new HashMap<>();
            for (CountedActivity a : history.activities()) {
                int y = a.localDate().getYear();
                int q = (a.localDate().getMonthValue() - 1) / 3 + 1;
                long[] t = totals.computeIfAbsent(a.localAssociationId() + '\u0000' + y + '\u0000' + q, k -> new long[2]);
                t[0]++;
                t[1] += a.minutes();
            }
            List<SummaryInputDao.MentorTotal> rows = new ArrayList<>(totals.size());
            totals.forEach((k, v) -> {
                String[] parts = k.split("\u0000");
                rows.add(new SummaryInputDao.MentorTotal(m.id(), parts[0], Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2]), (int) v[0], v[1]));
            });
            // compute every period and its content first, write after: a failing computation leaves no
            // half-written mentor
            List<Period> periods = new ArrayList<>();
            List<long[]> sessions = new ArrayList<>();
            List<PeriodMetrics> metrics = new ArrayList<>();
            List<SummaryContent.Annual> annual = new ArrayList<>();
            List<SummaryContent.Impact> impact = new ArrayList<>();
            try {
                beforeCompute.accept(m);
                SummaryEngine.Prepared prepared = engine.prepare(history);
                for (Period p : closed) {
                    long[] sm = engine.sessionsAndMinutes(prepared, p);
                    if (!TeamCalculator.getsSummary(m, p, sm[0])) {
                        continue;
                    }
                    PeriodMetrics pm = impactOn && !(p instanceof Period.Quarter) ? engine.compute(prepared, p) : null;
                    periods.add(p);
                    sessions.add(sm);
                    metrics.add(pm);
                    annual.add(pm != null && p instanceof Period.Year ? annualContent(m, pm) : null);
                    impact.add(pm != null ? impactContent(m, pm) : null);
                }
                return new Computed(m, rows, prepared, periods, sessions, metrics, annual, impact, null);
            } catch (RuntimeException e) {
                return new Computed(m, rows, null, List.of(), List.of(), List.of(), List.of(), List.of(), e);
            }
        }

        /** Writes one computed mentor (on the run's thread, which holds the connection). */
        private void write(Computed c) {
            PeerMentor m = c.mentor();
            processed.add(m.id());
            chunkTotals.addAll(c.totals());
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
            } catch (RuntimeException e) {
                fail(m, e);
            }
        }

        /** A worker's result in order: a computed mentor, or what stopped the worker. */
        private record Next(Computed computed, Throwable stopped) {
        }

        /**
         * Processes {@code toProcess} in order, in chunks with one commit each: a worker thread
         * computes the mentors (the engine, the contents, the badges) while this thread writes the
         * ones computed before (JDBC batches, commits): the run uses both cores. The results are
         * written in the order of {@code toProcess}, so a run writes exactly what a single thread
         * would.
         */
        private void processAll(List<String> toProcess, ActivityColumns acts, Map<String, Set<Integer>> stale)
                throws SQLException {
            BlockingQueue<Next> queue = new ArrayBlockingQueue<>(WORKER_AHEAD);
            AtomicBoolean cancelled = new AtomicBoolean();
            Thread worker = Thread.ofPlatform().daemon().name("generation-" + org.id()).start(() -> {
                try {
                    for (String pmId : toProcess) {
                        if (cancelled.get() || database.stopRequested()) {
                            return;
                        }
                        Computed c = compute(mentors.get(pmId), acts.of(pmId));
                        while (!queue.offer(new Next(c, null), 100, TimeUnit.MILLISECONDS)) {
                            if (cancelled.get()) {
                                return;
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable t) {
                    try {
                        while (!queue.offer(new Next(null, t), 100, TimeUnit.MILLISECONDS)) {
                            if (cancelled.get()) {
                                return;
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            try {
                for (int from = 0; from < toProcess.size(); from += GenerationService.this.chunk) {
                    List<String> chunk = toProcess.subList(from, Math.min(toProcess.size(), from + GenerationService.this.chunk));
                    for (int i = 0; i < chunk.size(); i++) {
                        database.checkNotStopping();
                        Next next = queue.take();
                        if (next.stopped() != null) {
                            throwUnchecked(next.stopped());
                        }
                        write(next.computed());
                    }
                    in.replaceTotalsOf(org.id(), chunk, chunkTotals);
                    chunkTotals.clear();
                    staleBookkeeping(chunk, stale);
                    commitChunk(chunk.stream().map(pm -> mentors.get(pm).userId()).toList());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Generation interrupted", e);
            } finally {
                cancelled.set(true);
                worker.interrupt();
                try {
                    worker.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        // ---- failures: status failed / error, backoff, alert after the last retry

        private void fail(PeerMentor m, RuntimeException e) {
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
                    int retries = (s != null && "failed".equals(s.status()) ? s.retryCount() : 0) + 1;
                    Instant next = nextRetry(retries, "annual summary " + y.year() + " of " + m.id(), msg);
                    out.markAnnualFailed(s == null ? null : s.id(), Uuid7.next(), m.userId(), m.id(), org.id(),
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
                    int retries = (s != null && "error".equals(s.status()) ? s.retryCount() : 0) + 1;
                    Instant next = nextRetry(retries, "impact summary " + p + " of " + m.id(), msg);
                    out.markImpactFailed(s == null ? null : s.id(), Uuid7.next(), m.userId(), m.id(), org.id(), type,
                            p.year(), half, truncate(msg), now, retries, next);
                    report.count("impact_summaries", Outcome.FAILED);
                }
            }
        }

        /** The next retry after {@code retries} failed attempts, or null (and an alert) when none is left. */
        private Instant nextRetry(int retries, String what, String msg) {
            if (retries > MAX_RETRIES) {
                out.alert("summary_generation_failed", "Generation of the " + what + " failed " + retries
                        + " times (" + MAX_RETRIES + " retries exhausted): " + msg);
                return null;
            }
            return now.plus(RETRY_BASE.multipliedBy(1L << (retries - 1)));
        }

        // ---- impact

        /** The content of a mentor's impact row, or null when the stored row is frozen (worker thread). */
        private SummaryContent.Impact impactContent(PeerMentor m, PeriodMetrics metrics) {
            Period p = metrics.period();
            Integer half = p instanceof Period.Half hf ? hf.half() : null;
            SummaryWriteDao.ImpactState s = impactStates.get(SummaryWriteDao.impactKey(m.userId(),
                    SummaryContent.impactPeriodType(p), p.year(), half));
            return s != null && s.shareCount() > 0 ? null : content.impact(metrics);
        }

        private void writeImpact(PeerMentor m, PeriodMetrics metrics, SummaryContent.Impact c) throws SQLException {
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
            java.util.UUID id = s == null ? Uuid7.next() : s.id();
            Sent sent = s == null ? sendNow("impact_summaries", id, m.userId(), "notification.impact_ready") : null;
            ImpactSummary row = new ImpactSummary(id, m.userId(), type, p.year(), half, "ready",
                    null, metrics.activities(), metrics.hours(), metrics.contacts(), metrics.assignmentsCompleted(),
                    c.metricsJson(), c.milestones(), c.headline(), sent != null && sent.at() != null, 0, now,
                    s == null ? now : s.createdAt(), now, org.id(), m.id());
            out.saveImpact(row, s == null, 0, null, c.contentHash());
            report.count("impact_summaries", s == null ? Outcome.CREATED : Outcome.UPDATED);
            if (s != null && !s.notificationSent()) {
                queue("impact_summaries", row.id(), m.userId(), "notification.impact_ready");
            }
        }

        // ---- periodic personal rows

        private void writePersonalPeriodic(PeerMentor m, SummaryEngine.Prepared prepared, Period p, long[] sm) throws SQLException {
            long[] prior = engine.sessionsAndMinutes(prepared, p.priorYear());
            boolean priorData = prior[0] > 0 || m.knownStartedBy(p.priorYear().lastDate());
            PeriodicFigures f = PeriodicFigures.of(sm[0], sm[1], prior[0], prior[1], priorData, thresholds(p));
            writePeriodic(m.userId(), null, p, f, m.id(), "periodic_summaries");
        }

        private void writePeriodic(String userId, String coordinatorId, Period p, PeriodicFigures f, String peerMentorId,
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
            java.util.UUID id = s == null ? Uuid7.next() : s.id();
            Sent sent = s == null ? sendNow("periodic_summaries", id, userId, coordinatorId == null ? "notification.periodic_ready"
                    : "notification.team_ready") : null;
            PeriodicSummary row = new PeriodicSummary(id, userId, org.id(), coordinatorId, type,
                    p.year(), quarter, half, p.startInstant(org.zone()), p.endInstant(org.zone()), f.sessions(), f.hours(),
                    f.yoyDeltaSessions(), f.yoyDeltaHours(), f.yoyDeltaPercent(), f.priorSessions(), f.priorHours(),
                    f.outlierStatus(), f.thresholds().underactive(), f.thresholds().overloaded(), now,
                    sent == null ? null : sent.at(), peerMentorId);
            out.savePeriodic(row, s == null, hash);
            report.count(reportTable, s == null ? Outcome.CREATED : Outcome.UPDATED);
        }

        /**
         * The per-mentor outlier thresholds of a periodic period: the organisation's settings when the
         * period is generated for the first time, snapshotted then and used for every later run.
         */
        private OrganizationSettings.OutlierThresholds thresholds(Period p) {
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

        // ---- annual: with its mentor, the cohort is known before the pass

        /** The content of a mentor's annual row, or null when the stored row is frozen (worker thread). */
        private SummaryContent.Annual annualContent(PeerMentor m, PeriodMetrics metrics) {
            int y = metrics.period().year();
            SummaryWriteDao.AnnualState s = annualStates.get(m.id() + '|' + y);
            if (s != null && (s.sharedCount() > 0 || ("ready".equals(s.status()) && !req.force()))) {
                return null;
            }
            BigDecimal rank = metrics.activities() > 0 ? cohorts.get(y).rankOf(metrics.hours()) : null;
            return content.annual(metrics, org, rank, false);
        }

        private void writeAnnual(PeerMentor m, PeriodMetrics metrics, SummaryContent.Annual c) throws SQLException {
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
            java.util.UUID id = s == null ? Uuid7.next() : s.id();
            boolean becomesReady = "ready".equals(status) && (s == null || !"ready".equals(s.status()));
            Sent sent = becomesReady && s == null ? sendNow("annual_summaries", id, m.userId(), "notification.annual_ready") : null;
            AnnualSummary row = new AnnualSummary(id, m.userId(), m.id(), org.id(),
                    m.primaryLocalAssociationId(), y, status, "complete", null, c.sufficient(), metrics.activities(),
                    metrics.hours(), metrics.contacts(), metrics.contacts(), metrics.eventsAttended(), metrics.travelKm(),
                    c.activityBreakdown(), c.activityTypeBreakdown(), c.monthlyDistribution(), metrics.busiestMonth(),
                    metrics.streaks().longestDays(), c.activityStreaks(), rank, c.topContacts(), c.impactMetrics(),
                    c.milestones(), c.achievementsEarned(), c.slideData(), c.payloadJson(), null, null, null, 0,
                    now, null, s == null ? now : s.createdAt(), now);
            out.saveAnnual(row, s == null, 0, null, c.contentHash(), sent == null ? null : sent.at());
            report.count("annual_summaries", s == null ? Outcome.CREATED : Outcome.UPDATED);
            if (becomesReady) {
                if (s != null) {
                    queue("annual_summaries", row.id(), m.userId(), "notification.annual_ready");
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

        // ---- team rows from the per-association totals

        private void writeTeamRows() throws SQLException {
            List<Period> teamPeriods = closed.stream().filter(p -> !(p instanceof Period.Year)).toList();
            if (teamPeriods.isEmpty()) {
                return;
            }
            List<TeamCalculator.Coordinator> coordinators = in.coordinators(org.id());
            if (coordinators.isEmpty()) {
                return;
            }
            // the stored totals with the processed mentors' replaced by this run's (what is stored now)
            TeamCalculator.QuarterTotals byMentor = new TeamCalculator.QuarterTotals();
            TeamCalculator.QuarterTotals byAssociation = new TeamCalculator.QuarterTotals();
            totalsByMentor.forEach((pm, rows) -> rows.forEach(t -> {
                byMentor.add(pm, t.year(), t.quarter(), t.sessions(), t.minutes());
                byAssociation.add(t.localAssociationId(), t.year(), t.quarter(), t.sessions(), t.minutes());
            }));
            List<PeerMentor> all = new ArrayList<>(mentors.values());
            for (Period p : teamPeriods) {
                for (TeamCalculator.TeamRow row : TeamCalculator.teamRows(coordinators, all, p, byMentor, byAssociation,
                        thresholds(p))) {
                    String coord = row.coordinator().userId();
                    writePeriodic(coord, coord, p, row.figures(), null, "team_rows");
                }
            }
        }

        private void queue(String table, java.util.UUID id, String userId, String messageKey) {
            if (!impactOn) {
                return; // the organisation switch: no notifications at all
            }
            out.queueNotification(table, id, userId, messageKey);
            report.notificationQueued();
        }

        /**
         * Sends the notification of a summary this run inserts, before the row is written, so the
         * row is inserted with its sent state and never rewritten for it (rewriting every new row
         * after the dispatch was a fifth of the generation time). The attempt is recorded in the
         * outbox with the summary: a failure is logged and retried later by
         * {@link #dispatchNotifications()}, and never rolls the summary back. Null when the
         * organisation switch is off (no notifications at all). Caveat: the send precedes the
         * commit of the mentor's chunk, so a chunk that fails to commit after it has sent may have
         * notified a summary that the rerun then stores (and notifies) again (at most one chunk's).
         */
        private Sent sendNow(String table, java.util.UUID id, String userId, String messageKey) {
            if (!impactOn) {
                return null;
            }
            NotificationSender.Notification n = new NotificationSender.Notification(0, table, id, userId, messageKey);
            Sent sent;
            try {
                sender.send(n);
                sent = new Sent(clock.instant(), null, null);
            } catch (Exception e) {
                LOG.warn("Notification for {} {} not sent, will retry: {}", table, id, e.toString());
                Instant at = clock.instant();
                sent = new Sent(null, e.toString(), at.plus(NotificationOutboxDao.BASE));
            }
            out.recordNotification(table, id, userId, messageKey, sent.at(), sent.error(), sent.nextAttempt());
            report.notificationQueued();
            return sent;
        }

        private String truncate(String s) {
            return s.length() > 4000 ? s.substring(0, 4000) : s;
        }
    }

    // ------------------------------------------------------------------ preview

    /** A Wrapped preview: computed, never stored, never notified, never shared. */
    public record Preview(AnnualSummary summary, String payloadJson) {
    }

    /**
     * Computes the annual summary of an open (or closed) year for the previewer, with
     * {@code preview: true} in the payload. Nothing is written.
     */
    public Preview previewAnnual(String peerMentorId, int year, Actor actor) {
        SummaryReadDao read = new SummaryReadDao(database.jdbi());
        PeerMentor m = read.visibleMentor(actor.scope(), peerMentorId)
                .orElseThrow(() -> new SummaryNotFoundException("No peer mentor " + peerMentorId + " in your scope."));
        OrganizationSettings org = new OrganizationDao(database.jdbi()).find(m.organizationId()).orElseThrow();
        return database.jdbi().withHandle(h -> {
            SummaryInputDao in = new SummaryInputDao(h);
            List<CountedActivity> acts = new ArrayList<>();
            in.streamActivities(org.id(), List.of(m.id()), org.zone(), (id, list) -> acts.addAll(list));
            MentorHistory history = new MentorHistory(m, acts, in.eventsAttended(org.id()).getOrDefault(m.userId(), List.of()),
                    in.eventsOrganized(org.id()).getOrDefault(m.userId(), List.of()),
                    in.assignmentsCompleted(org.id()).getOrDefault(m.id(), List.of()),
                    in.awards(org.id()).getOrDefault(m.userId(), List.of()));
            Period.Year y = new Period.Year(year);
            PeriodMetrics metrics = new SummaryEngine(org.zone()).compute(history, y);
            List<BigDecimal> cohort = read.cohortMinutes(org.id(), y.startInstant(org.zone()),
                    y.endInstant(org.zone())).stream().map(Hours::fromMinutes).toList();
            BigDecimal rank = metrics.activities() > 0 ? new Percentile(cohort).rankOf(metrics.hours()) : null;
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

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void throwUnchecked(Throwable t) throws T {
        throw (T) t;
    }

    /** The outcome of sending a new summary's notification during the run: sent at, or error and next attempt. */
    private record Sent(Instant at, String error, Instant nextAttempt) {
    }

}
