package org.impactdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactdesk.engine.Acts.at;
import static org.impactdesk.engine.Acts.dec;
import static org.impactdesk.engine.Acts.history;
import static org.impactdesk.engine.Acts.local;
import static org.impactdesk.engine.Acts.withId;
import static org.impactdesk.engine.Acts.withKm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.MentorHistory;
import org.impactdesk.domain.Period;
import org.junit.jupiter.api.Test;
/** Every per-period metric of METRICS.md against hand-computed values. */
class PeriodMetricsTest {
    final SummaryEngine engine = new SummaryEngine(Acts.OSLO);
    static final Period.Year Y2024 = new Period.Year(2024);
    static final Period.Year Y2025 = new Period.Year(2025);

    PeriodMetrics of(List<CountedActivity> acts, Period p) {
        return engine.compute(history(acts), p);
    }

    @Test
    void anActivityJustBeforeMidnightUtcOnNewYearsEveBelongsToTheNextYearInOslo() {
        // 2024-12-31T23:30Z is 2025-01-01 00:30 in Oslo; 2025-12-31T22:59Z is still 2025 (23:59 local)
        List<CountedActivity> acts = List.of(at("2024-12-31T23:30:00Z", 60, "cafe_meeting", "c-1"),
                at("2024-12-31T22:59:00Z", 30, "cafe_meeting", "c-1"),
                at("2025-12-31T22:59:00Z", 15, "cafe_meeting", "c-2"),
                at("2025-12-31T23:00:00Z", 45, "cafe_meeting", "c-3"));
        PeriodMetrics y25 = of(acts, Y2025);
        assertThat(y25.activities()).isEqualTo(2);
        assertThat(y25.minutes()).isEqualTo(75);
        assertThat(y25.hours()).isEqualByComparingTo("1.25");
        assertThat(y25.monthly().get(0).activities()).isEqualTo(1);
        assertThat(y25.monthly().get(11).activities()).isEqualTo(1);
        PeriodMetrics y24 = of(acts, Y2024);
        assertThat(y24.activities()).isEqualTo(1);
        assertThat(y24.hours()).isEqualByComparingTo("0.50");
        PeriodMetrics q1 = of(acts, new Period.Quarter(2025, 1));
        assertThat(q1.activities()).isEqualTo(1);
        assertThat(of(acts, new Period.Year(2026)).activities()).isEqualTo(1);
    }

    @Test
    void hoursAreTheRoundedTotalOfExactMinutesNotASumOfRoundedParts() {
        // 3 x 10 min = 30 min = 0.50 h (3 x 0.17 would be 0.51)
        List<CountedActivity> acts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            acts.add(local("2025-05-0" + (i + 1) + "T10:00", 10, "phone_support", null));
        }
        PeriodMetrics m = of(acts, Y2025);
        assertThat(m.hours()).isEqualByComparingTo("0.50").hasScaleOf(2);
        assertThat(m.typeBreakdown()).singleElement().satisfies(t -> {
            assertThat(t.count()).isEqualTo(3);
            assertThat(t.hours()).isEqualByComparingTo("0.50");
        });
        // May: 30 minutes
        assertThat(m.monthly().get(4).hours()).isEqualByComparingTo("0.50");
        assertThat(m.monthly().get(3).hours()).isEqualByComparingTo("0.00").hasScaleOf(2);
        // one 10-minute activity: 0.1666.. -> 0.17; 5 x 1 minute = 5 min: 0.0833.. -> 0.08
        assertThat(of(List.of(local("2025-05-01T10:00", 10, "x", null)), Y2025).hours()).isEqualByComparingTo("0.17");
        List<CountedActivity> ones = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ones.add(local("2025-06-0" + (i + 1) + "T10:00", 1, "x", null));
        }
        assertThat(of(ones, Y2025).hours()).isEqualByComparingTo("0.08");
        assertThat(of(ones.subList(0, 1), Y2025).hours()).isEqualByComparingTo("0.02");
    }

    @Test
    void contactsAreDistinctNonNullIds() {
        List<CountedActivity> acts = List.of(local("2025-01-02T10:00", 60, "a", "c-1"), local("2025-01-03T10:00", 60, "a", "c-1"),
                local("2025-01-04T10:00", 60, "a", null), local("2025-01-05T10:00", 60, "a", "c-2"));
        PeriodMetrics m = of(acts, Y2025);
        assertThat(m.activities()).isEqualTo(4);
        assertThat(m.contacts()).isEqualTo(2);
    }

    @Test
    void travelKmIsTheSumOfNonNullValuesAndNullWhenNoActivityHasOne() {
        List<CountedActivity> none = List.of(local("2025-01-02T10:00", 60, "a", null), local("2025-01-03T10:00", 60, "a", null));
        assertThat(of(none, Y2025).travelKm()).isNull();
        List<CountedActivity> some = List.of(withKm(local("2025-01-02T10:00", 60, "a", null), "4.50"),
                local("2025-01-03T10:00", 60, "a", null), withKm(local("2025-02-03T10:00", 60, "a", null), "3.25"),
                withKm(local("2025-02-04T10:00", 60, "a", null), "0.00"));
        assertThat(of(some, Y2025).travelKm()).isEqualByComparingTo("7.75");
        // a zero is a value: 0.00, not NULL
        assertThat(of(List.of(withKm(local("2025-01-02T10:00", 60, "a", null), "0.00")), Y2025).travelKm())
                .isEqualByComparingTo("0.00");
        assertThat(of(List.of(), Y2025).travelKm()).isNull();
        // kilometres are 2 decimals half-up, whatever scale the inputs have
        List<CountedActivity> odd = List.of(withKm(local("2025-01-02T10:00", 60, "a", null), "1.005"),
                withKm(local("2025-01-03T10:00", 60, "a", null), "1"));
        assertThat(of(odd, Y2025).travelKm()).isEqualTo(dec("2.01"));
        assertThat(of(List.of(withKm(local("2025-01-02T10:00", 60, "a", null), "4")), Y2025).travelKm()).isEqualTo(dec("4.00"));
    }

    @Test
    void noActivityGivesNullsAndEmptyCollections() {
        PeriodMetrics m = of(List.of(), Y2025);
        assertThat(m.activities()).isZero();
        assertThat(m.hours()).isEqualByComparingTo("0.00");
        assertThat(m.busiestMonth()).isNull();
        assertThat(m.topActivityType()).isNull();
        assertThat(m.avgSessionMinutes()).isNull();
        assertThat(m.travelKm()).isNull();
        assertThat(m.streaks().longestStart()).isNull();
        assertThat(m.streaks().longestEnd()).isNull();
        assertThat(m.streaks().longestDays()).isZero();
        assertThat(m.streaks().currentDays()).isZero();
        assertThat(m.typeBreakdown()).isEmpty();
        assertThat(m.topContacts()).isEmpty();
        assertThat(m.milestones()).isEmpty();
        assertThat(m.monthly()).hasSize(12).allSatisfy(ms -> assertThat(ms.activities()).isZero());
        assertThat(m.dataSufficient()).isFalse();
    }

    @Test
    void monthlyDistributionHasOneEntryPerMonthOfThePeriodInOrder() {
        List<CountedActivity> acts = List.of(local("2025-04-02T10:00", 30, "a", null), local("2025-06-30T23:59", 45, "a", null),
                local("2025-07-01T00:00", 60, "a", null));
        assertThat(of(acts, Y2025).monthly()).extracting(PeriodMetrics.MonthStat::month)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        PeriodMetrics q2 = of(acts, new Period.Quarter(2025, 2));
        assertThat(q2.monthly()).extracting(PeriodMetrics.MonthStat::month).containsExactly(4, 5, 6);
        assertThat(q2.monthly()).extracting(PeriodMetrics.MonthStat::activities).containsExactly(1, 0, 1);
        assertThat(q2.monthly().get(2).hours()).isEqualByComparingTo("0.75");
        PeriodMetrics h2 = of(acts, new Period.Half(2025, 2));
        assertThat(h2.monthly()).extracting(PeriodMetrics.MonthStat::month).containsExactly(7, 8, 9, 10, 11, 12);
        assertThat(h2.activities()).isEqualTo(1);
        assertThat(of(acts, new Period.Half(2025, 1)).activities()).isEqualTo(2);
    }

    @Test
    void busiestMonthIsTheEarliestOnTies() {
        List<CountedActivity> acts = List.of(local("2025-03-01T10:00", 60, "a", null), local("2025-03-02T10:00", 60, "a", null),
                local("2025-02-01T10:00", 10, "a", null), local("2025-02-02T10:00", 10, "a", null),
                local("2025-11-01T10:00", 600, "a", null));
        assertThat(of(acts, Y2025).busiestMonth()).isEqualTo(2); // Feb and Mar both 2 activities; hours do not count
        List<CountedActivity> more = new ArrayList<>(acts);
        more.add(local("2025-11-02T10:00", 10, "a", null));
        more.add(local("2025-11-03T10:00", 10, "a", null));
        assertThat(of(more, Y2025).busiestMonth()).isEqualTo(11);
        // in a quarter: month number of the year, not the index in the quarter
        assertThat(of(more, new Period.Quarter(2025, 4)).busiestMonth()).isEqualTo(11);
    }

    @Test
    void topActivityTypeIsTheSmallestKeyOnTiesAndTheBreakdownIsCountDescThenKeyAsc() {
        List<CountedActivity> acts = List.of(local("2025-01-01T10:00", 10, "phone_support", null),
                local("2025-01-02T10:00", 10, "phone_support", null), local("2025-01-03T10:00", 100, "cafe_meeting", null),
                local("2025-01-04T10:00", 100, "cafe_meeting", null), local("2025-01-05T10:00", 5, "support_group", null),
                local("2025-01-06T10:00", 5, "Zeta", null));
        PeriodMetrics m = of(acts, Y2025);
        assertThat(m.topActivityType()).isEqualTo("cafe_meeting");
        // plain string order: "Zeta" < "support_group" (upper case first)
        assertThat(m.typeBreakdown()).extracting(PeriodMetrics.TypeStat::typeKey)
                .containsExactly("cafe_meeting", "phone_support", "Zeta", "support_group");
        assertThat(m.typeBreakdown()).extracting(PeriodMetrics.TypeStat::count).containsExactly(2, 2, 1, 1);
        assertThat(m.typeBreakdown().get(0).hours()).isEqualByComparingTo("3.33"); // 200 min
        assertThat(m.typeBreakdown().get(1).hours()).isEqualByComparingTo("0.33"); // 20 min
    }

    @Test
    void topContactsAreAtMostFiveByInteractionsDescThenIdInPlainStringOrder() {
        List<CountedActivity> acts = new ArrayList<>();
        String[][] spec = {{"c-9", "3"}, {"c-10", "3"}, {"c-2", "1"}, {"c-1", "1"}, {"c-3", "2"}, {"c-4", "1"}, {"C-5", "1"}};
        int day = 1;
        for (String[] s : spec) {
            for (int i = 0; i < Integer.parseInt(s[1]); i++) {
                acts.add(local(LocalDate.of(2025, 1, 1).plusDays(day++) + "T10:00", 30, "a", s[0]));
            }
        }
        PeriodMetrics m = of(acts, Y2025);
        assertThat(m.topContacts()).extracting(PeriodMetrics.ContactStat::contactId)
                .containsExactly("c-10", "c-9", "c-3", "C-5", "c-1");
        assertThat(m.topContacts()).extracting(PeriodMetrics.ContactStat::interactions).containsExactly(3, 3, 2, 1, 1);
        assertThat(m.contacts()).isEqualTo(7);
    }

    @Test
    void averageSessionDurationIsTwoDecimalsHalfUp() {
        // 17 minutes / 8 activities = 2.125 -> 2.13 (half-up, not half-even)
        List<CountedActivity> acts = new ArrayList<>();
        int[] mins = {1, 2, 2, 2, 2, 2, 3, 3};
        for (int i = 0; i < mins.length; i++) {
            acts.add(local("2025-02-0" + (i + 1) + "T10:00", mins[i], "a", null));
        }
        assertThat(of(acts, Y2025).avgSessionMinutes()).isEqualByComparingTo("2.13").hasScaleOf(2);
        // 10 + 20 + 25 = 55 / 3 = 18.333 -> 18.33
        assertThat(of(List.of(local("2025-02-01T10:00", 10, "a", null), local("2025-02-02T10:00", 20, "a", null),
                local("2025-02-03T10:00", 25, "a", null)), Y2025).avgSessionMinutes()).isEqualByComparingTo("18.33");
    }

    @Test
    void newContactsAreThoseFirstSeenWithThisMentorInThePeriodOverAllTime() {
        List<CountedActivity> acts = List.of(local("2024-06-01T10:00", 30, "a", "c-old"),
                local("2025-02-01T10:00", 30, "a", "c-old"), local("2025-02-02T10:00", 30, "a", "c-new"),
                local("2025-03-02T10:00", 30, "a", "c-new"), local("2025-08-02T10:00", 30, "a", "c-late"),
                local("2025-03-03T10:00", 30, "a", null));
        PeriodMetrics y = of(acts, Y2025);
        assertThat(y.newContacts()).isEqualTo(2);
        assertThat(y.returningContacts()).isEqualTo(1);
        // H2 2025: c-late is new; nothing returning
        PeriodMetrics h2 = of(acts, new Period.Half(2025, 2));
        assertThat(h2.newContacts()).isEqualTo(1);
        assertThat(h2.returningContacts()).isZero();
        // Q1: c-old returning (2024), c-new new
        PeriodMetrics q1 = of(acts, new Period.Quarter(2025, 1));
        assertThat(q1.newContacts()).isEqualTo(1);
        assertThat(q1.returningContacts()).isEqualTo(1);
        // a later-quarter view of a contact first seen in Q1 is returning
        PeriodMetrics q3 = of(List.of(local("2025-02-02T10:00", 30, "a", "c-x"), local("2025-08-02T10:00", 30, "a", "c-x")),
                new Period.Quarter(2025, 3));
        assertThat(q3.newContacts()).isZero();
        assertThat(q3.returningContacts()).isEqualTo(1);
    }

    @Test
    void eventsAndAssignmentsCountByTheirLocalDate() {
        List<MentorHistory.EventRef> attended = List.of(new MentorHistory.EventRef("ev-1", Instant.parse("2024-12-31T23:30:00Z")),
                new MentorHistory.EventRef("ev-2", Instant.parse("2025-06-01T10:00:00Z")),
                new MentorHistory.EventRef("ev-3", Instant.parse("2024-12-31T22:30:00Z")));
        List<Instant> assignments = List.of(Instant.parse("2025-12-31T23:10:00Z"), Instant.parse("2025-12-31T22:10:00Z"),
                Instant.parse("2024-12-31T23:10:00Z"));
        MentorHistory h = new MentorHistory(Acts.mentor(), List.of(), attended, List.of(), assignments, List.of());
        PeriodMetrics m = engine.compute(h, Y2025);
        assertThat(m.eventsAttended()).isEqualTo(2); // ev-1 (local 2025-01-01) and ev-2
        assertThat(m.assignmentsCompleted()).isEqualTo(2); // 2025-12-31 23:10 local and 2025-01-01 00:10 local
        assertThat(engine.compute(h, Y2024).eventsAttended()).isEqualTo(1);
        assertThat(engine.compute(h, new Period.Half(2025, 1)).eventsAttended()).isEqualTo(2);
    }

    @Test
    void leapDayIsADateLikeAnyOther() {
        List<CountedActivity> acts = Acts.onDates("2024-02-28", "2024-02-29", "2024-03-01");
        PeriodMetrics m = of(acts, Y2024);
        assertThat(m.streaks().longestDays()).isEqualTo(3);
        assertThat(m.streaks().longestStart()).isEqualTo(LocalDate.of(2024, 2, 28));
        assertThat(m.streaks().longestEnd()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(m.monthly().get(1).activities()).isEqualTo(2);
        assertThat(m.monthly().get(2).activities()).isEqualTo(1);
        // Feb 29 late evening UTC is still Feb 29 in Oslo only until 22:59Z
        PeriodMetrics q1 = of(List.of(at("2024-02-29T22:59:00Z", 60, "a", null), at("2024-02-29T23:00:00Z", 60, "a", null)),
                new Period.Quarter(2024, 1));
        assertThat(q1.monthly()).extracting(PeriodMetrics.MonthStat::activities).containsExactly(0, 1, 1);
    }

    @Test
    void dataSufficiencyNeedsFiveActivitiesAndThreeHours() {
        assertThat(of(fiveWith(36, 36, 36, 36, 36), Y2025).dataSufficient()).isTrue(); // 5 and 180 min = 3.00
        assertThat(of(fiveWith(36, 36, 36, 36, 35), Y2025).dataSufficient()).isFalse(); // 179 min = 2.98
        List<CountedActivity> four = fiveWith(60, 60, 60, 60, 60).subList(0, 4); // 4 activities, 4.00 hours
        assertThat(of(four, Y2025).dataSufficient()).isFalse();
        assertThat(of(fiveWith(600, 1, 1, 1, 1), Y2025).dataSufficient()).isTrue();
    }

    private static List<CountedActivity> fiveWith(int... minutes) {
        List<CountedActivity> out = new ArrayList<>();
        for (int i = 0; i < minutes.length; i++) {
            out.add(local("2025-09-1" + i + "T10:00", minutes[i], "a", null));
        }
        return out;
    }

    @Test
    void periodsAreCutAtTheirBoundaries() {
        // a run over the quarter boundary: Q1 sees Mar 30-31, Q2 sees Apr 1-2
        List<CountedActivity> acts = Acts.onDates("2025-03-30", "2025-03-31", "2025-04-01", "2025-04-02", "2025-04-03");
        PeriodMetrics q1 = of(acts, new Period.Quarter(2025, 1));
        assertThat(q1.streaks().longestDays()).isEqualTo(2);
        assertThat(q1.streaks().currentDays()).isEqualTo(2); // ends on Mar 31, the quarter's last date
        PeriodMetrics q2 = of(acts, new Period.Quarter(2025, 2));
        assertThat(q2.streaks().longestDays()).isEqualTo(3);
        assertThat(q2.streaks().longestStart()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(q2.streaks().currentDays()).isZero();
        assertThat(of(acts, Y2025).streaks().longestDays()).isEqualTo(5);
    }

    @Test
    void idOrderDoesNotChangeTotalsOfActivitiesAtTheSameInstant() {
        CountedActivity a = withId(local("2025-01-02T10:00", 30, "b", "c-1"), "z");
        CountedActivity b = withId(local("2025-01-02T10:00", 30, "a", "c-2"), "a");
        PeriodMetrics m = of(List.of(a, b), Y2025);
        assertThat(m.activities()).isEqualTo(2);
        assertThat(m.streaks().longestDays()).isEqualTo(1);
        assertThat(m.topActivityType()).isEqualTo("a");
        assertThat(dec("1.00")).isEqualByComparingTo(m.hours());
    }
}
