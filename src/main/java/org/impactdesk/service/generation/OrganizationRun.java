package org.impactdesk.service.generation;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.Coordinator;
import org.impactdesk.service.delivery.OutboxDispatcher;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.PeerMentor;
import org.impactdesk.domain.Period;
import org.impactdesk.engine.TeamCalculator;
import org.impactdesk.service.generation.GenerationService.MentorStep;
import org.impactdesk.service.generation.GenerationService.RunParticipant;
import org.impactdesk.store.ActivityColumns;
import org.impactdesk.store.Database;
import org.impactdesk.store.DatabaseException;
import org.impactdesk.store.ReleaseDao;
import org.impactdesk.store.SummaryInputDao;
import org.impactdesk.store.SummaryWriteDao;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
/**
 * One organisation's run, the orchestration: reads its inputs from the store, plans, lets a
 * worker thread compute the mentors while this thread writes them, one transaction per chunk of
 * mentors and a last one for the team rows, with the stale-input bookkeeping. Touches the store
 * (its handle, {@link SummaryInputDao}).
 */
final class OrganizationRun extends RunPersisting {
    private static final Logger LOG = LoggerFactory.getLogger(OrganizationRun.class);
    final Handle h;
    final SummaryInputDao in;
    /** Asked at each mentor whether a stop has begun. */
    final Database database;
    final OutboxDispatcher dispatcher;

    OrganizationRun(OrganizationSettings org, GenerationRequest req, List<Period> closed, GenerationReport report,
                List<GenerationListener.Ready> committedReady, List<RunParticipant> participants,
                Map<String, ActivityTypeName> activityTypes, Settings settings, Handle h, SummaryInputDao in, Database database) {
        super(org, req, closed, report, committedReady, participants, activityTypes, settings, new SummaryWriteDao(h));
        this.h = h;
        this.in = in;
        this.database = database;
        this.dispatcher = new OutboxDispatcher(database, settings.sender(), settings.clock());
    }

    void run() {
        try (out) {
            reviewRequired = ReleaseDao.reviewRequired(h, org.id());
            in.mentors(org.id()).forEach(m -> mentors.put(m.id(), m));
            annualStates = out.annualStates(org.id(), years);
            impactStates = out.impactStates(org.id(), years);
            periodicStates = out.periodicStates(org.id(), years);
            thresholdSnapshots = out.thresholdSnapshots(org.id(), years);
            totalsByMentor = in.totalsByMentor(org.id());
            // a mentor whose user lost the peer_mentor role is in no cohort and on no roster (issue 14)
            totalsByMentor.keySet().retainAll(mentors.keySet());
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
            checkNotCancelled(); // the last moment a cancel rolls the organisation back: after this it commits
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
     * chunk's users; null: everyone's), totals and stale marks; then sends the notifications the
     * chunk queued, now that they are committed (a kill before they are marked sent leaves them
     * queued for the next run, never lost and never sent twice).
     */
    void commitChunk(Collection<String> users) throws SQLException {
        out.flush();
        for (MentorStep step : steps) {
            try {
                step.flush(users);
            } catch (RuntimeException e) {
                LOG.warn("A generation listener failed writing its part of the run of {}: {}", org.id(), e.toString());
            }
        }
        if (cancel != null && users != null) {
            // a run the user may cancel: the chunk is written, the organisation commits once at its end
            // (commitChunk(null)), so a cancel rolls all of it back; what is ready and queued waits for that commit
            return;
        }
        h.commit();
        committedReady.addAll(chunkReady);
        chunkReady.clear();
        List<NotificationSender.Notification> committed = List.copyOf(chunkQueued);
        chunkQueued.clear();
        dispatcher.dispatchQueued(committed);
        h.begin();
    }

    /**
     * Whether the organisation has stored summaries after {@code first} in years this run does not
     * generate: seeks over the gaps between the generated years (most runs generate every later
     * year that has summaries, so there is nothing to re-mark).
     */
    boolean summariesInLaterYearsOutside(int first) {
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
    void staleBookkeeping(List<String> chunk, Map<String, Set<Integer>> stale) {
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

    /** A worker's result in order: a computed mentor, or what stopped the worker. */
    record Next(Computed computed, Throwable stopped) {
    }

    /**
     * Processes {@code toProcess} in order, in chunks with one commit each: a worker thread
     * computes the mentors (the engine, the contents, the badges) while this thread writes the
     * ones computed before (JDBC batches, commits): the run uses both cores. The results are
     * written in the order of {@code toProcess}, so a run writes exactly what a single thread
     * would.
     */
    void processAll(List<String> toProcess, ActivityColumns acts, Map<String, Set<Integer>> stale)
            throws SQLException {
        BlockingQueue<Next> queue = new ArrayBlockingQueue<>(GenerationService.WORKER_AHEAD);
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread worker = Thread.ofPlatform().daemon().name("generation-" + org.id()).start(() -> {
            try {
                for (String pmId : toProcess) {
                    if (cancelled.get() || database.stopRequested() || cancelRequested()) {
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
            for (int from = 0; from < toProcess.size(); from += chunkSize) {
                List<String> chunk = toProcess.subList(from, Math.min(toProcess.size(), from + chunkSize));
                for (int i = 0; i < chunk.size(); i++) {
                    Next next;
                    // the worker ends without a result once a stop has begun: wait for it in steps
                    while ((next = queue.poll(100, TimeUnit.MILLISECONDS)) == null) {
                        database.checkNotStopping();
                        checkNotCancelled();
                    }
                    database.checkNotStopping();
                    checkNotCancelled();
                    if (next.stopped() != null) {
                        throwUnchecked(next.stopped());
                    }
                    write(next.computed());
                    if (cancel != null) {
                        cancel.mentorsWritten(from + i + 1, toProcess.size());
                    }
                }
                in.replaceTotalsOf(org.id(), chunk, chunkTotals, now);
                chunkTotals.clear();
                in.replaceMonthsOf(org.id(), chunk, chunkMonths);
                chunkMonths.clear();
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

    boolean cancelRequested() {
        return cancel != null && cancel.getAsBoolean();
    }

    /** Throws {@link CancelledByUser} once the user asked to stop: the organisation's transaction rolls back. */
    void checkNotCancelled() {
        if (cancelRequested()) {
            throw new CancelledByUser(org.id());
        }
    }

    /** The user stopped the run while this organisation was being written: all of it is rolled back. */
    static final class CancelledByUser extends java.util.concurrent.CancellationException {
        CancelledByUser(String organizationId) {
            super("cancelled while generating " + organizationId + "; its summaries are as they were");
        }
    }

    void writeTeamRows() throws SQLException {
        List<Period> teamPeriods = closed.stream().filter(p -> !(p instanceof Period.Year)).toList();
        if (teamPeriods.isEmpty()) {
            return;
        }
        List<Coordinator> coordinators = in.coordinators(org.id());
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

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void throwUnchecked(Throwable t) throws T {
        throw (T) t;
    }
}
