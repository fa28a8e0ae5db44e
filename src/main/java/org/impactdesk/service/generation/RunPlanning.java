package org.impactdesk.service.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.PeerMentor;
import org.impactdesk.domain.Period;
import org.impactdesk.engine.TeamCalculator;
import org.impactdesk.service.generation.GenerationReport.Outcome;
import org.impactdesk.service.generation.GenerationService.RunParticipant;
import org.impactdesk.store.SummaryWriteDao;
/**
 * Planning, pure (no SQL, no JavaFX): which mentors a run must process (stale inputs, missing
 * rows, retries that are due, {@code --force}), the stored states of a mentor's rows, and the
 * counts of the mentors it leaves untouched.
 */
abstract class RunPlanning extends RunState {

    RunPlanning(OrganizationSettings org, GenerationRequest req, List<Period> closed, GenerationReport report,
                List<GenerationListener.Ready> committedReady, List<RunParticipant> participants,
                Map<String, ActivityTypeName> activityTypes, Settings settings) {
        super(org, req, closed, report, committedReady, participants, activityTypes, settings);
    }

    boolean needsProcessing(PeerMentor m, Set<Integer> staleYears, TeamCalculator.QuarterTotals oldByMentor,
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

    boolean dueRetry(Object state) {
        if (state instanceof SummaryWriteDao.AnnualState a) {
            return "failed".equals(a.status()) && a.nextRetryAt() != null && !a.nextRetryAt().isAfter(now);
        }
        if (state instanceof SummaryWriteDao.ImpactState i) {
            return "error".equals(i.status()) && i.nextRetryAt() != null && !i.nextRetryAt().isAfter(now);
        }
        return false;
    }

    /** The stored states of the rows this mentor gets for a period (null where missing). */
    List<Object> states(PeerMentor m, Period p) {
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

    void countUntouched(PeerMentor m) {
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
}
