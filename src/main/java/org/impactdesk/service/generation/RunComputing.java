package org.impactdesk.service.generation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.impactdesk.achievement.MonthFigures;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.MentorHistory;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.PeerMentor;
import org.impactdesk.domain.Period;
import org.impactdesk.engine.Hours;
import org.impactdesk.engine.Percentile;
import org.impactdesk.engine.PeriodMetrics;
import org.impactdesk.engine.SummaryContent;
import org.impactdesk.engine.SummaryEngine;
import org.impactdesk.engine.TeamCalculator;
import org.impactdesk.service.generation.GenerationService.MentorStep;
import org.impactdesk.service.generation.GenerationService.RunParticipant;
import org.impactdesk.store.ActivityColumns;
import org.impactdesk.store.SummaryInputDao;
import org.impactdesk.store.SummaryWriteDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
/**
 * Computing, pure (no SQL, no JavaFX): a mentor's history, the participants' evaluation (the
 * badges), the totals, every period's metrics and the annual and impact contents, and the
 * cohort of each year. Runs on the run's worker thread; the writes come after, in
 * {@link RunPersisting}.
 */
abstract class RunComputing extends RunPlanning {
    private static final Logger LOG = LoggerFactory.getLogger(RunComputing.class);

    RunComputing(OrganizationSettings org, GenerationRequest req, List<Period> closed, GenerationReport report,
                List<GenerationListener.Ready> committedReady, List<RunParticipant> participants,
                Map<String, ActivityTypeName> activityTypes, Settings settings) {
        super(org, req, closed, report, committedReady, participants, activityTypes, settings);
    }

    /**
     * The cohort of each year (hours of every mentor of the organisation with activities that
     * year), known before any mentor is processed: processed mentors from this run's read,
     * the others from their stored totals. So each annual row is written with its mentor.
     */
    Map<Integer, Percentile> cohorts(Set<String> toProcess, ActivityColumns acts,
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

    MentorHistory history(PeerMentor m, List<CountedActivity> acts) {
        return new MentorHistory(m, acts, attended.getOrDefault(m.userId(), List.of()),
                organized.getOrDefault(m.userId(), List.of()), assignments.getOrDefault(m.id(), List.of()),
                awards.getOrDefault(m.userId(), List.of()));
    }

    /** The participants' evaluation of a mentor; returns the history with the awards they added. */
    MentorHistory evaluateParticipants(MentorHistory history) {
        List<MentorHistory.Award> added = new ArrayList<>();
        List<MentorHistory.Award> removed = new ArrayList<>();
        for (MentorStep step : steps) {
            try {
                added.addAll(step.evaluate(history));
                removed.addAll(step.withdrawn(history.mentor().userId()));
            } catch (RuntimeException e) {
                LOG.warn("A generation listener failed for peer mentor {}: {}", history.mentor().id(), e.toString());
            }
        }
        if (added.isEmpty() && removed.isEmpty()) {
            return history;
        }
        List<MentorHistory.Award> all = new ArrayList<>(history.awards());
        for (MentorHistory.Award r : removed) { // withdrawn (issue 14 item 6): the badge and the moment name it
            all.removeIf(x -> x.achievementId().equals(r.achievementId()) && x.awardedAt().equals(r.awardedAt()));
        }
        all.addAll(added);
        return new MentorHistory(history.mentor(), history.activities(), history.eventsAttended(),
                history.eventsOrganized(), history.assignmentsCompletedAt(), all);
    }

    /**
     * Everything about one mentor that does not touch the database: the participants'
     * evaluation, the totals, every period's metrics and the annual and impact contents
     * (null where the stored row is frozen). A failing computation is kept for the write.
     */
    record Computed(PeerMentor mentor, List<SummaryInputDao.MentorTotal> totals, List<SummaryInputDao.MentorMonth> months,
                    SummaryEngine.Prepared prepared,
                            List<Period> periods, List<long[]> sessions, List<PeriodMetrics> metrics,
                            List<SummaryContent.Annual> annual, List<SummaryContent.Impact> impact, RuntimeException failure) {
    }

    /** Computes one mentor; runs on the run's worker thread (see {@link OrganizationRun#processAll}). */
    Computed compute(PeerMentor m, List<CountedActivity> acts) {
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
        // bookkeeping months: counted sessions per local year and month over all time (the Team sparklines),
        // with the runs of days in a row and the contacts of each month (the badge preview: MonthFigures)
        Map<Integer, int[]> byMonth = new HashMap<>();
        for (CountedActivity a : history.activities()) {
            byMonth.computeIfAbsent(a.localDate().getYear() * 12 + a.localDate().getMonthValue() - 1, k -> new int[1])[0]++;
        }
        Map<Integer, MonthFigures.Month> figures = new HashMap<>();
        MonthFigures.of(history.activities()).forEach(f -> figures.put(f.year() * 12 + f.month() - 1, f));
        List<SummaryInputDao.MentorMonth> months = new ArrayList<>(byMonth.size());
        byMonth.forEach((k, v) -> {
            MonthFigures.Month f = figures.get(k);
            months.add(new SummaryInputDao.MentorMonth(m.id(), k / 12, k % 12 + 1, v[0], f.firstRun(), f.lastRun(),
                    f.longestRun(), f.contacts()));
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
            return new Computed(m, rows, months, prepared, periods, sessions, metrics, annual, impact, null);
        } catch (RuntimeException e) {
            return new Computed(m, rows, months, null, List.of(), List.of(), List.of(), List.of(), List.of(), e);
        }
    }

    /** The content of a mentor's impact row, or null when the stored row is frozen (worker thread). */
    SummaryContent.Impact impactContent(PeerMentor m, PeriodMetrics metrics) {
        Period p = metrics.period();
        Integer half = p instanceof Period.Half hf ? hf.half() : null;
        SummaryWriteDao.ImpactState s = impactStates.get(SummaryWriteDao.impactKey(m.userId(),
                SummaryContent.impactPeriodType(p), p.year(), half));
        return s != null && s.shareCount() > 0 ? null : content.impact(metrics);
    }

    /** The content of a mentor's annual row, or null when the stored row is frozen (worker thread). */
    SummaryContent.Annual annualContent(PeerMentor m, PeriodMetrics metrics) {
        int y = metrics.period().year();
        SummaryWriteDao.AnnualState s = annualStates.get(m.id() + '|' + y);
        if (s != null && (s.sharedCount() > 0 || ("ready".equals(s.status()) && !req.force()))) {
            return null;
        }
        BigDecimal rank = metrics.activities() > 0 ? cohorts.get(y).rankOf(metrics.hours()) : null;
        return content.annual(metrics, org, rank, false);
    }
}
