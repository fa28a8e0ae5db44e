package org.impactdesk.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.Award;
import org.impactdesk.domain.Category;
import org.impactdesk.domain.CountPeriod;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.MentorFacts;
import org.impactdesk.domain.RepeatPeriod;
import org.impactdesk.domain.TriggerMetadata;
import org.impactdesk.domain.TriggerType;
import org.junit.jupiter.api.Test;
class AwardEvaluatorTest {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final AwardEvaluator EVAL = new AwardEvaluator(OSLO);
    static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    static Achievement badge(TriggerType type, Integer threshold, TriggerMetadata md, boolean repeatable, RepeatPeriod period) {
        return new Achievement(ID, null, "b", "B", "d", null, Category.ACTIVITIES.code(), type, threshold, md, 10, repeatable, period,
                true, null, 10, Instant.EPOCH, Instant.EPOCH);
    }

    static Achievement once(TriggerType type, int threshold) {
        return badge(type, threshold, TriggerMetadata.NONE, false, null);
    }

    static int seq;

    static CountedActivity act(String startedAt, int minutes, String type, String contact) {
        Instant at = Instant.parse(startedAt);
        return new CountedActivity(String.format("a-%03d", seq++), "la-1", type, at, LocalDate.ofInstant(at, OSLO), minutes,
                contact, null);
    }

    static CountedActivity act(String startedAt) {
        return act(startedAt, 60, "cafe_meeting", null);
    }

    static MentorFacts facts(List<CountedActivity> acts) {
        return new MentorFacts("user-1", "pm-1", "org-1", "Mira", acts, List.of(), Map.of());
    }

    static List<String> keysAndTimes(List<Award> awards) {
        return awards.stream().map(a -> a.periodKey() + "@" + a.awardedAt()).toList();
    }

    @Test
    void activityCountIsAwardedOnceAtTheCrossingActivity() {
        List<CountedActivity> acts = new ArrayList<>();
        for (int d = 1; d <= 12; d++) {
            acts.add(act(String.format("2025-03-%02dT10:00:00Z", d)));
        }
        assertThat(keysAndTimes(EVAL.earned(once(TriggerType.ACTIVITY_COUNT, 10), facts(acts))))
                .containsExactly("once@2025-03-10T10:00:00Z");
        assertThat(EVAL.earned(once(TriggerType.ACTIVITY_COUNT, 13), facts(acts))).isEmpty();
        assertThat(keysAndTimes(EVAL.earned(once(TriggerType.ACTIVITY_COUNT, 1), facts(acts))))
                .containsExactly("once@2025-03-01T10:00:00Z");
    }

    @Test
    void activitiesCountInOrderOfStartedAtThenIdWhateverOrderTheyCome() {
        CountedActivity late = act("2025-05-01T10:00:00Z");
        CountedActivity early = act("2025-04-01T10:00:00Z");
        assertThat(keysAndTimes(EVAL.earned(once(TriggerType.ACTIVITY_COUNT, 1), facts(List.of(late, early)))))
                .containsExactly("once@2025-04-01T10:00:00Z");
    }

    @Test
    void hoursTotalComparesMinutesWithThresholdTimesSixty() {
        List<CountedActivity> acts = List.of(act("2025-01-01T10:00:00Z", 590, "x", null),
                act("2025-01-02T10:00:00Z", 9, "x", null), act("2025-01-03T10:00:00Z", 1, "x", null),
                act("2025-01-04T10:00:00Z", 1, "x", null));
        assertThat(keysAndTimes(EVAL.earned(once(TriggerType.HOURS_TOTAL, 10), facts(acts))))
                .containsExactly("once@2025-01-03T10:00:00Z");
    }

    @Test
    void contactsCountDistinctNonNullContacts() {
        List<CountedActivity> acts = List.of(act("2025-01-01T10:00:00Z", 30, "x", "c-1"),
                act("2025-01-02T10:00:00Z", 30, "x", "c-1"), act("2025-01-03T10:00:00Z", 30, "x", null),
                act("2025-01-04T10:00:00Z", 30, "x", "c-2"), act("2025-01-05T10:00:00Z", 30, "x", "c-3"));
        assertThat(keysAndTimes(EVAL.earned(once(TriggerType.CONTACTS_COUNT, 3), facts(acts))))
                .containsExactly("once@2025-01-05T10:00:00Z");
        assertThat(EVAL.earned(once(TriggerType.CONTACTS_COUNT, 4), facts(acts))).isEmpty();
    }

    @Test
    void streakDaysAreConsecutiveLocalDates() {
        // 2025-03-04, 05, (two on 06), gap, 08: a run of 3 reached by the first activity of the 6th
        List<CountedActivity> acts = List.of(act("2025-03-04T10:00:00Z"), act("2025-03-05T10:00:00Z"),
                act("2025-03-06T08:00:00Z"), act("2025-03-06T18:00:00Z"), act("2025-03-08T10:00:00Z"));
        assertThat(keysAndTimes(EVAL.earned(once(TriggerType.STREAK_DAYS, 3), facts(acts))))
                .containsExactly("once@2025-03-06T08:00:00Z");
        assertThat(EVAL.earned(once(TriggerType.STREAK_DAYS, 4), facts(acts))).isEmpty();
        // two activities on one day are not a streak of two
        assertThat(EVAL.earned(once(TriggerType.STREAK_DAYS, 2), facts(List.of(act("2025-03-04T08:00:00Z"),
                act("2025-03-04T09:00:00Z"))))).isEmpty();
    }

    @Test
    void streakDaysUseTheOsloDateNotTheUtcDate() {
        // 23:30Z on the 1st is 00:30 on the 2nd in Oslo (winter): the 2nd and 3rd are consecutive
        List<CountedActivity> acts = List.of(act("2025-02-01T23:30:00Z"), act("2025-02-03T10:00:00Z"));
        assertThat(EVAL.earned(once(TriggerType.STREAK_DAYS, 2), facts(acts))).hasSize(1);
        assertThat(new AwardEvaluator(ZoneId.of("UTC")).earned(once(TriggerType.STREAK_DAYS, 2),
                new MentorFacts("u", "pm", "o", "n", List.of(
                        new CountedActivity("x1", "la", "t", Instant.parse("2025-02-01T23:30:00Z"), LocalDate.of(2025, 2, 1), 5, null, null),
                        new CountedActivity("x2", "la", "t", Instant.parse("2025-02-03T10:00:00Z"), LocalDate.of(2025, 2, 3), 5, null, null)),
                        List.of(), Map.of()))).isEmpty();
    }

    @Test
    void eventsAttendedCountDistinctEventsAtTheirStart() {
        MentorFacts f = new MentorFacts("user-1", "pm-1", "org-1", "Mira", List.of(), List.of(
                new MentorFacts.AttendedEvent("ev-2", Instant.parse("2025-10-09T14:30:00Z")),
                new MentorFacts.AttendedEvent("ev-1", Instant.parse("2025-03-20T16:00:00Z")),
                new MentorFacts.AttendedEvent("ev-1", Instant.parse("2025-03-20T16:00:00Z"))), Map.of());
        assertThat(keysAndTimes(EVAL.earned(once(TriggerType.EVENTS_ATTENDED, 1), f))).containsExactly("once@2025-03-20T16:00:00Z");
        assertThat(keysAndTimes(EVAL.earned(once(TriggerType.EVENTS_ATTENDED, 2), f))).containsExactly("once@2025-10-09T14:30:00Z");
        assertThat(EVAL.earned(once(TriggerType.EVENTS_ATTENDED, 3), f)).isEmpty();
    }

    @Test
    void annualSummaryGivesOneAwardPerReadyYearOnTheLastMomentOfThatYearInTheZone() {
        // issue 14 item 6: not when the summary became ready (in January), which put it in the next year
        MentorFacts f = new MentorFacts("user-1", "pm-1", "org-1", "Mira", List.of(), List.of(),
                Map.of(2025, Instant.parse("2026-01-02T07:00:00Z"), 2024, Instant.parse("2025-01-03T07:00:00Z")));
        Achievement annual = badge(TriggerType.ANNUAL_SUMMARY, null, TriggerMetadata.NONE, true, RepeatPeriod.YEARLY);
        assertThat(keysAndTimes(EVAL.earned(annual, f)))
                .containsExactly("2024@2024-12-31T22:59:59.999999Z", "2025@2025-12-31T22:59:59.999999Z");
        assertThat(keysAndTimes(new AwardEvaluator(ZoneId.of("Pacific/Kiritimati")).earned(annual, f)))
                .containsExactly("2024@2024-12-31T09:59:59.999999Z", "2025@2025-12-31T09:59:59.999999Z");
        assertThat(AwardEvaluator.endOfYear(2025, OSLO).atZone(OSLO).toLocalDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        // once per user and year, even when (wrongly) marked one-time
        Achievement oneTime = badge(TriggerType.ANNUAL_SUMMARY, null, TriggerMetadata.NONE, false, null);
        List<Award> earned = EVAL.earned(oneTime, f);
        assertThat(AwardEvaluator.notYetHeld(oneTime, earned, List.of("2024"))).extracting(Award::periodKey).containsExactly("2025");
    }

    @Test
    void whatTheRulesNoLongerGiveIsNamedForWithdrawal() {
        Achievement ten = once(TriggerType.ACTIVITY_COUNT, 3);
        List<CountedActivity> three = List.of(act("2025-03-01T10:00:00Z"), act("2025-03-02T10:00:00Z"), act("2025-03-03T10:00:00Z"));
        // a one-time badge holds while any window still earns it, whatever its date
        assertThat(AwardEvaluator.noLongerEarned(ten, EVAL.earned(ten, facts(three)), List.of("once"))).isEmpty();
        assertThat(AwardEvaluator.noLongerEarned(ten, EVAL.earned(ten, facts(three.subList(0, 2))), List.of("once")))
                .containsExactly("once");
        // a repeatable one loses only the windows it no longer earns
        Achievement monthly = badge(TriggerType.ACTIVITY_COUNT, 2, TriggerMetadata.NONE, true, RepeatPeriod.MONTHLY);
        List<CountedActivity> acts = List.of(act("2025-03-01T10:00:00Z"), act("2025-03-02T10:00:00Z"), act("2025-04-01T10:00:00Z"));
        assertThat(AwardEvaluator.noLongerEarned(monthly, EVAL.earned(monthly, facts(acts)), List.of("2025-03", "2025-04")))
                .containsExactly("2025-04");
        // annual: the years whose summary is no longer ready; manual: never
        Achievement annual = badge(TriggerType.ANNUAL_SUMMARY, null, TriggerMetadata.NONE, true, RepeatPeriod.YEARLY);
        MentorFacts ready2025 = new MentorFacts("user-1", "pm-1", "org-1", "Mira", List.of(), List.of(),
                Map.of(2025, Instant.parse("2026-01-02T07:00:00Z")));
        assertThat(AwardEvaluator.noLongerEarned(annual, EVAL.earned(annual, ready2025), List.of("2024", "2025")))
                .containsExactly("2024");
        Achievement manual = badge(TriggerType.MANUAL, null, TriggerMetadata.NONE, false, null);
        assertThat(AwardEvaluator.noLongerEarned(manual, List.of(), List.of("once"))).isEmpty();
        assertThat(AwardEvaluator.noLongerEarned(ten, List.of(), List.of())).isEmpty();
    }

    @Test
    void manualBadgesAreNeverAwardedByTheEvaluator() {
        assertThat(EVAL.earned(badge(TriggerType.MANUAL, null, TriggerMetadata.NONE, false, null),
                facts(List.of(act("2025-01-01T10:00:00Z"))))).isEmpty();
    }

    @Test
    void activityTypeNarrowsTheCountedActivities() {
        List<CountedActivity> acts = List.of(act("2025-01-01T10:00:00Z", 60, "home_visit", "c-1"),
                act("2025-01-02T10:00:00Z", 60, "phone_support", "c-2"), act("2025-01-03T10:00:00Z", 60, "home_visit", "c-3"));
        TriggerMetadata visits = new TriggerMetadata("home_visit", CountPeriod.LIFETIME);
        assertThat(keysAndTimes(EVAL.earned(badge(TriggerType.ACTIVITY_COUNT, 2, visits, false, null), facts(acts))))
                .containsExactly("once@2025-01-03T10:00:00Z");
        assertThat(keysAndTimes(EVAL.earned(badge(TriggerType.HOURS_TOTAL, 2, visits, false, null), facts(acts))))
                .containsExactly("once@2025-01-03T10:00:00Z");
        assertThat(keysAndTimes(EVAL.earned(badge(TriggerType.CONTACTS_COUNT, 2, visits, false, null), facts(acts))))
                .containsExactly("once@2025-01-03T10:00:00Z");
        assertThat(EVAL.earned(badge(TriggerType.STREAK_DAYS, 2, visits, false, null), facts(acts))).isEmpty();
    }

    @Test
    void calendarYearCountsWithinOneYearAndAOneTimeBadgeGoesToTheFirstYearThatReachesIt() {
        // 2 in 2024, 3 in 2025 (one of them the New Year activity 2024-12-31T23:30Z = 2025 in Oslo)
        List<CountedActivity> acts = List.of(act("2024-05-01T10:00:00Z"), act("2024-06-01T10:00:00Z"),
                act("2024-12-31T23:30:00Z"), act("2025-02-01T10:00:00Z"), act("2025-03-01T10:00:00Z"));
        TriggerMetadata year = new TriggerMetadata(null, CountPeriod.CALENDAR_YEAR);
        assertThat(keysAndTimes(EVAL.earned(badge(TriggerType.ACTIVITY_COUNT, 3, year, false, null), facts(acts))))
                .containsExactly("once@2025-03-01T10:00:00Z");
        // lifetime reaches 3 already with the New Year activity
        assertThat(keysAndTimes(EVAL.earned(once(TriggerType.ACTIVITY_COUNT, 3), facts(acts))))
                .containsExactly("once@2024-12-31T23:30:00Z");
        assertThat(keysAndTimes(EVAL.earned(badge(TriggerType.ACTIVITY_COUNT, 2, year, false, null), facts(acts))))
                .containsExactly("once@2024-06-01T10:00:00Z");
    }

    @Test
    void yearlyRepeatsAcrossTheYearEndInOsloTime() {
        // 2024-12-31T23:30Z is 2025 in Oslo: the first award window is 2024 (one activity), then 2025
        List<CountedActivity> acts = List.of(act("2024-06-01T10:00:00Z"), act("2024-12-31T23:30:00Z"),
                act("2025-01-05T10:00:00Z"));
        Achievement yearly = badge(TriggerType.ACTIVITY_COUNT, 1, TriggerMetadata.NONE, true, RepeatPeriod.YEARLY);
        assertThat(keysAndTimes(EVAL.earned(yearly, facts(acts))))
                .containsExactly("2024@2024-06-01T10:00:00Z", "2025@2024-12-31T23:30:00Z");
        Achievement twoAYear = badge(TriggerType.ACTIVITY_COUNT, 2, TriggerMetadata.NONE, true, RepeatPeriod.YEARLY);
        assertThat(keysAndTimes(EVAL.earned(twoAYear, facts(acts)))).containsExactly("2025@2025-01-05T10:00:00Z");
    }

    @Test
    void halfYearlyQuarterlyAndMonthlyWindowsResetTheCount() {
        List<CountedActivity> acts = List.of(act("2025-01-10T10:00:00Z"), act("2025-01-20T10:00:00Z"),
                act("2025-03-31T21:30:00Z"), // 23:30 on 31 March in Oslo (summer time): still Q1
                act("2025-03-31T22:30:00Z"), // 00:30 on 1 April in Oslo: Q2
                act("2025-06-10T10:00:00Z"), act("2025-07-01T10:00:00Z"), act("2025-07-02T10:00:00Z"));
        assertThat(keysAndTimes(EVAL.earned(badge(TriggerType.ACTIVITY_COUNT, 2, TriggerMetadata.NONE, true,
                RepeatPeriod.MONTHLY), facts(acts))))
                .containsExactly("2025-01@2025-01-20T10:00:00Z", "2025-07@2025-07-02T10:00:00Z");
        assertThat(keysAndTimes(EVAL.earned(badge(TriggerType.ACTIVITY_COUNT, 2, TriggerMetadata.NONE, true,
                RepeatPeriod.QUARTERLY), facts(acts))))
                .containsExactly("2025-Q1@2025-01-20T10:00:00Z", "2025-Q2@2025-06-10T10:00:00Z",
                        "2025-Q3@2025-07-02T10:00:00Z");
        assertThat(keysAndTimes(EVAL.earned(badge(TriggerType.ACTIVITY_COUNT, 3, TriggerMetadata.NONE, true,
                RepeatPeriod.HALF_YEARLY), facts(acts))))
                .containsExactly("2025-H1@2025-03-31T21:30:00Z");
    }

    @Test
    void repeatingStreaksAreCutAtTheWindowBoundary() {
        // 30 and 31 December, 1 January (Oslo): a lifetime streak of 3, but 2 in each year
        List<CountedActivity> acts = List.of(act("2024-12-30T10:00:00Z"), act("2024-12-31T10:00:00Z"),
                act("2025-01-01T10:00:00Z"));
        assertThat(EVAL.earned(once(TriggerType.STREAK_DAYS, 3), facts(acts))).hasSize(1);
        assertThat(EVAL.earned(badge(TriggerType.STREAK_DAYS, 3, TriggerMetadata.NONE, true, RepeatPeriod.YEARLY), facts(acts)))
                .isEmpty();
        assertThat(keysAndTimes(EVAL.earned(badge(TriggerType.STREAK_DAYS, 2, TriggerMetadata.NONE, true, RepeatPeriod.YEARLY),
                facts(acts)))).containsExactly("2024@2024-12-31T10:00:00Z");
    }

    @Test
    void heldWindowsAreNotAwardedAgain() {
        List<CountedActivity> acts = List.of(act("2025-01-10T10:00:00Z"), act("2025-02-10T10:00:00Z"));
        Achievement monthly = badge(TriggerType.ACTIVITY_COUNT, 1, TriggerMetadata.NONE, true, RepeatPeriod.MONTHLY);
        List<Award> earned = EVAL.earned(monthly, facts(acts));
        assertThat(AwardEvaluator.notYetHeld(monthly, earned, List.of())).hasSize(2);
        assertThat(AwardEvaluator.notYetHeld(monthly, earned, List.of("2025-01"))).extracting(Award::periodKey)
                .containsExactly("2025-02");
        assertThat(AwardEvaluator.notYetHeld(monthly, earned, List.of("2025-01", "2025-02"))).isEmpty();
        // a one-time badge held in any window is never awarded again
        Achievement oneTime = once(TriggerType.ACTIVITY_COUNT, 1);
        assertThat(AwardEvaluator.notYetHeld(oneTime, EVAL.earned(oneTime, facts(acts)), List.of("once"))).isEmpty();
        assertThat(AwardEvaluator.notYetHeld(oneTime, EVAL.earned(oneTime, facts(acts)), List.of("2024"))).isEmpty();
        // newAwards over mentors with held keys
        assertThat(EVAL.newAwards(monthly, List.of(facts(acts)), Map.of("user-1", List.of("2025-01")))).hasSize(1);
    }

    @Test
    void nothingCountedNothingEarned() {
        for (TriggerType t : TriggerType.values()) {
            assertThat(EVAL.earned(badge(t, t.isCount() ? 1 : null, TriggerMetadata.NONE, false, null), facts(List.of())))
                    .as(t.code()).isEmpty();
        }
    }
}
