package org.impactdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.impactdesk.domain.Coordinator;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.PeerMentor;
import org.impactdesk.domain.Period;
import org.junit.jupiter.api.Test;
/** Team rows: roster, activities by recorded association, thresholds x roster, prior-data rule. */
class TeamCalculatorTest {
    static final Period.Quarter Q1 = new Period.Quarter(2025, 1);
    static final OrganizationSettings.OutlierThresholds QUARTERLY = OrganizationSettings.DEFAULT_QUARTERLY;

    static PeerMentor pm(String id, String org, String status, String startedOn, String... las) {
        return new PeerMentor(id, "user-" + id, org, las[0], status, startedOn == null ? null : LocalDate.parse(startedOn),
                Set.of(las));
    }

    final Coordinator kim = new Coordinator("user-kim", "org-1", Set.of("la-1", "la-2"));

    @Test
    void rosterActivitiesThresholdsAndPriorData() {
        List<PeerMentor> mentors = List.of(
                pm("m1", "org-1", "active", "2025-01-01", "la-1"),        // roster (active, started in the period)
                pm("m2", "org-1", "active", null, "la-3"),                // not a member; records activities in la-1
                pm("m3", "org-1", "paused", "2020-01-01", "la-2"),        // paused, no activity: not in the roster
                pm("m4", "org-1", "active", "2025-04-01", "la-2"),        // starts after Q1, no activity: not in the roster
                pm("m5", "org-1", "inactive", null, "la-3", "la-2"),      // inactive but active in Q1 (secondary la-2)
                pm("x1", "org-2", "active", null, "la-1"));               // other organisation
        TeamCalculator.QuarterTotals byMentor = new TeamCalculator.QuarterTotals();
        TeamCalculator.QuarterTotals byAssoc = new TeamCalculator.QuarterTotals();
        byMentor.add("m1", 2025, 1, 2, 120);
        byAssoc.add("la-1", 2025, 1, 2, 120);
        byMentor.add("m2", 2025, 1, 3, 30);
        byAssoc.add("la-1", 2025, 1, 3, 30);   // m2's activities recorded in la-1 count for kim
        byMentor.add("m5", 2025, 1, 1, 45);
        byAssoc.add("la-3", 2025, 1, 1, 45);   // recorded in la-3: not kim's
        byAssoc.add("la-2", 2025, 2, 9, 900);  // Q2: another period
        List<TeamCalculator.TeamRow> rows = TeamCalculator.teamRows(List.of(kim), mentors, Q1, byMentor, byAssoc, QUARTERLY);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.rosterSize()).isEqualTo(2); // m1, m5
            PeriodicFigures f = r.figures();
            assertThat(f.sessions()).isEqualTo(5);
            assertThat(f.hours()).isEqualByComparingTo("2.50");
            assertThat(f.thresholds()).isEqualTo(new OrganizationSettings.OutlierThresholds(6, 80));
            assertThat(f.outlierStatus()).isEqualTo("underactive"); // 5 < 6
            // prior data: no activity in Q1 2024 in la-1/la-2, and no roster member known to have started by 2024-03-31
            assertThat(f.priorSessions()).isNull();
            assertThat(f.yoyDeltaSessions()).isNull();
            assertThat(f.yoyDeltaHours()).isNull();
            assertThat(f.yoyDeltaPercent()).isNull();
            assertThat(f.priorHours()).isNull();
        });
    }

    @Test
    void priorDataFromARosterMembersStartOrAnActivityInThePriorPeriod() {
        TeamCalculator.QuarterTotals byMentor = new TeamCalculator.QuarterTotals();
        TeamCalculator.QuarterTotals byAssoc = new TeamCalculator.QuarterTotals();
        byMentor.add("m1", 2025, 1, 4, 240);
        byAssoc.add("la-2", 2025, 1, 4, 240);
        // started 2024-03-31 = the prior period's last day: a real 0
        List<PeerMentor> started = List.of(pm("m1", "org-1", "active", "2024-03-31", "la-2"));
        PeriodicFigures f = TeamCalculator.teamRows(List.of(kim), started, Q1, byMentor, byAssoc, QUARTERLY).get(0).figures();
        assertThat(f.priorSessions()).isZero();
        assertThat(f.priorHours()).isEqualByComparingTo("0.00");
        assertThat(f.yoyDeltaSessions()).isEqualTo(4);
        assertThat(f.yoyDeltaHours()).isEqualByComparingTo("4.00");
        assertThat(f.yoyDeltaPercent()).isNull(); // prior 0
        // started the day after: no prior data
        List<PeerMentor> late = List.of(pm("m1", "org-1", "active", "2024-04-01", "la-2"));
        assertThat(TeamCalculator.teamRows(List.of(kim), late, Q1, byMentor, byAssoc, QUARTERLY).get(0).figures().priorSessions())
                .isNull();
        // an activity recorded in la-1 in Q1 2024 (by anyone): prior data
        byAssoc.add("la-1", 2024, 1, 2, 60);
        PeriodicFigures g = TeamCalculator.teamRows(List.of(kim), late, Q1, byMentor, byAssoc, QUARTERLY).get(0).figures();
        assertThat(g.priorSessions()).isEqualTo(2);
        assertThat(g.yoyDeltaSessions()).isEqualTo(2);
        assertThat(g.yoyDeltaPercent()).isEqualByComparingTo("100.00");
        assertThat(g.yoyDeltaHours()).isEqualByComparingTo("3.00");
    }

    @Test
    void noTeamRowForAnEmptyRoster() {
        TeamCalculator.QuarterTotals byAssoc = new TeamCalculator.QuarterTotals();
        byAssoc.add("la-1", 2025, 1, 10, 600); // activities, but nobody of kim's associations gets a summary
        List<PeerMentor> mentors = List.of(pm("m1", "org-1", "paused", null, "la-1"), pm("m2", "org-1", "active", null, "la-9"));
        assertThat(TeamCalculator.teamRows(List.of(kim), mentors, Q1, new TeamCalculator.QuarterTotals(), byAssoc, QUARTERLY))
                .isEmpty();
    }

    @Test
    void aHalfSumsItsQuarters() {
        TeamCalculator.QuarterTotals byAssoc = new TeamCalculator.QuarterTotals();
        byAssoc.add("la-1", 2025, 3, 2, 20);
        byAssoc.add("la-1", 2025, 4, 3, 30);
        byAssoc.add("la-1", 2025, 2, 7, 70);
        assertThat(byAssoc.in("la-1", new Period.Half(2025, 2))).containsExactly(5, 50);
        assertThat(byAssoc.in("la-1", new Period.Half(2025, 1))).containsExactly(7, 70);
        assertThat(byAssoc.in("la-1", new Period.Quarter(2025, 4))).containsExactly(3, 30);
        List<PeerMentor> mentors = List.of(pm("m1", "org-1", "active", null, "la-1"), pm("m2", "org-1", "active", null, "la-2"),
                pm("m3", "org-1", "active", null, "la-1", "la-2"));
        TeamCalculator.TeamRow r = TeamCalculator.teamRows(List.of(kim), mentors, new Period.Half(2025, 2),
                new TeamCalculator.QuarterTotals(), byAssoc, OrganizationSettings.DEFAULT_HALF_YEAR).get(0);
        assertThat(r.rosterSize()).isEqualTo(3); // distinct mentors, m3 counted once
        assertThat(r.figures().thresholds()).isEqualTo(new OrganizationSettings.OutlierThresholds(18, 240));
    }

    @Test
    void whoGetsASummary() {
        Period.Year y = new Period.Year(2025);
        assertThat(TeamCalculator.getsSummary(pm("a", "o", "active", null, "l"), y, 0)).isTrue();
        assertThat(TeamCalculator.getsSummary(pm("a", "o", "active", "2025-12-31", "l"), y, 0)).isTrue();
        assertThat(TeamCalculator.getsSummary(pm("a", "o", "active", "2026-01-01", "l"), y, 0)).isFalse();
        assertThat(TeamCalculator.getsSummary(pm("a", "o", "paused", "2020-01-01", "l"), y, 0)).isFalse();
        assertThat(TeamCalculator.getsSummary(pm("a", "o", "inactive", null, "l"), y, 1)).isTrue();
        assertThat(TeamCalculator.getsSummary(pm("a", "o", "active", "2026-01-01", "l"), y, 2)).isTrue();
    }
}
