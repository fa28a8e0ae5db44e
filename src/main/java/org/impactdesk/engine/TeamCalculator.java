package org.impactdesk.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.impactdesk.domain.Coordinator;
import org.impactdesk.domain.OrganizationSettings.OutlierThresholds;
import org.impactdesk.domain.PeerMentor;
import org.impactdesk.domain.Period;
/**
 * Coordinator team rows (METRICS.md): the roster is the distinct peer mentors who belong to any
 * of the coordinator's associations and get a summary for the period; the activities are those
 * recorded in the coordinator's associations; thresholds are multiplied by the roster size.
 */
public final class TeamCalculator {

    /** A computed team row. */
    public record TeamRow(Coordinator coordinator, Period period, int rosterSize, PeriodicFigures figures) {
    }

    /** Counted sessions and minutes per (key, year, quarter): by association or by mentor. */
    public static final class QuarterTotals {
        /** key -> (year * 4 + quarter - 1) -> {sessions, minutes} */
        private final Map<String, Map<Integer, long[]>> totals = new HashMap<>();

        public void add(String key, int year, int quarter, long sessions, long minutes) {
            long[] t = totals.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(year * 4 + quarter - 1, k -> new long[2]);
            t[0] += sessions;
            t[1] += minutes;
        }

        /** {sessions, minutes} of a key in a period (sum of its quarters). */
        public long[] in(String key, Period p) {
            long[] sum = new long[2];
            Map<Integer, long[]> byQuarter = totals.get(key);
            if (byQuarter == null) {
                return sum;
            }
            int first = (p.firstDate().getMonthValue() - 1) / 3 + 1;
            int last = (p.lastDate().getMonthValue() - 1) / 3 + 1;
            for (int q = first; q <= last; q++) {
                long[] t = byQuarter.get(p.year() * 4 + q - 1);
                if (t != null) {
                    sum[0] += t[0];
                    sum[1] += t[1];
                }
            }
            return sum;
        }
    }

    /** Who gets a summary for a period (METRICS.md): active and started by its end, or activity in it. */
    public static boolean getsSummary(PeerMentor m, Period p, long sessionsInPeriod) {
        return (m.isActive() && m.startedBy(p.lastDate())) || sessionsInPeriod > 0;
    }

    /**
     * @param mentors        peer mentors of the coordinator's organisation
     * @param byMentor       counted sessions per mentor id (for "gets a summary")
     * @param byAssociation  counted sessions and minutes per recorded association
     * @param thresholds     the organisation's per-mentor thresholds for this period kind
     */
    public static List<TeamRow> teamRows(List<Coordinator> coordinators, List<PeerMentor> mentors, Period p,
                                         QuarterTotals byMentor, QuarterTotals byAssociation,
                                         OutlierThresholds thresholds) {
        List<TeamRow> rows = new ArrayList<>();
        Period prior = p.priorYear();
        for (Coordinator c : coordinators) {
            List<PeerMentor> roster = new ArrayList<>();
            for (PeerMentor m : mentors) {
                if (!m.organizationId().equals(c.organizationId())) {
                    continue;
                }
                boolean member = false;
                for (String la : m.localAssociationIds()) {
                    if (c.localAssociationIds().contains(la)) {
                        member = true;
                        break;
                    }
                }
                // getsSummary, reading the mentor's sessions only when they decide it
                if (member && ((m.isActive() && m.startedBy(p.lastDate())) || byMentor.in(m.id(), p)[0] > 0)) {
                    roster.add(m);
                }
            }
            if (roster.isEmpty()) {
                continue;
            }
            long sessions = 0;
            long minutes = 0;
            long priorSessions = 0;
            long priorMinutes = 0;
            for (String la : c.localAssociationIds()) {
                long[] cur = byAssociation.in(la, p);
                long[] pr = byAssociation.in(la, prior);
                sessions += cur[0];
                minutes += cur[1];
                priorSessions += pr[0];
                priorMinutes += pr[1];
            }
            boolean priorData = priorSessions > 0
                    || roster.stream().anyMatch(m -> m.knownStartedBy(prior.lastDate()));
            OutlierThresholds t = thresholds.times(roster.size());
            rows.add(new TeamRow(c, p, roster.size(),
                    PeriodicFigures.of(sessions, minutes, priorSessions, priorMinutes, priorData, t)));
        }
        return rows;
    }
}
