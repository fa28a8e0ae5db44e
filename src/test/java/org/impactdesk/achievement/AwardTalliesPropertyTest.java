package org.impactdesk.achievement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
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

/**
 * {@link AwardEvaluator#earnedKeys} (the editor's preview from stored month or quarter totals)
 * gives the windows {@link AwardEvaluator#earned} gives from the activities themselves, for every
 * count and hours badge the totals can tell, whatever the activities; and {@link MonthFigures#earnedKeys}
 * (from the runs of days and contacts stored per month) does the same for distinct-contacts and streak badges.
 */
class AwardTalliesPropertyTest {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final Instant START = Instant.parse("2023-12-20T00:00:00Z");

    record Rule(TriggerType type, int threshold, CountPeriod period, RepeatPeriod repeat) {
    }

    @Provide
    Arbitrary<Rule> rules() {
        return Combinators.combine(Arbitraries.of(TriggerType.ACTIVITY_COUNT, TriggerType.HOURS_TOTAL),
                Arbitraries.integers().between(1, 25), Arbitraries.of(CountPeriod.values()),
                Arbitraries.of(RepeatPeriod.values()).injectNull(0.4)).as(Rule::new);
    }

    static Achievement badge(Rule r) {
        return new Achievement(UUID.randomUUID(), null, "b", "B", "d", null, Category.ACTIVITIES.code(), r.type(), r.threshold(),
                new TriggerMetadata(null, r.period()), 10, r.repeat() != null, r.repeat(), true, null, 10, Instant.EPOCH,
                Instant.EPOCH);
    }

    @Property(tries = 400)
    void talliesGiveTheWindowsTheActivitiesGive(@ForAll("rules") Rule rule,
            @ForAll @Size(max = 120) List<@IntRange(min = 0, max = 900 * 24) Integer> hourOffsets,
            @ForAll @IntRange(min = 15, max = 240) int minutes) {
        Achievement a = badge(rule);
        List<CountedActivity> acts = new ArrayList<>();
        for (int i = 0; i < hourOffsets.size(); i++) {
            Instant at = START.plusSeconds(hourOffsets.get(i) * 3600L);
            acts.add(new CountedActivity("a-" + i, "la-" + (i % 2), "home_visit", at, LocalDate.ofInstant(at, OSLO),
                    minutes + i % 7, null, null));
        }
        List<String> fromActivities = new AwardEvaluator(OSLO).earned(a, new MentorFacts("u", "pm", "org", "M", acts, List.of(),
                Map.of())).stream().map(Award::periodKey).toList();
        // what generation stores: per association and local month (or quarter), the sessions and minutes
        boolean months = AwardEvaluator.tallyGrain(a) == AwardEvaluator.TallyGrain.MONTH;
        Map<String, long[]> sums = new HashMap<>();
        for (CountedActivity c : acts) {
            LocalDate d = c.localDate();
            LocalDate from = months ? d.withDayOfMonth(1) : LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
            long[] s = sums.computeIfAbsent(c.localAssociationId() + "|" + from, k -> new long[2]);
            s[0]++;
            s[1] += c.minutes();
        }
        List<AwardEvaluator.Tally> tallies = new ArrayList<>();
        sums.forEach((k, s) -> tallies.add(new AwardEvaluator.Tally(LocalDate.parse(k.substring(k.indexOf('|') + 1)), s[0], s[1])));
        assertThat(AwardEvaluator.earnedKeys(a, tallies)).isEqualTo(fromActivities);
    }

    @Provide
    Arbitrary<Rule> figureRules() {
        return Combinators.combine(Arbitraries.of(TriggerType.CONTACTS_COUNT, TriggerType.STREAK_DAYS),
                Arbitraries.integers().between(1, 9), Arbitraries.of(CountPeriod.values()),
                Arbitraries.of(RepeatPeriod.values()).injectNull(0.4)).as(Rule::new);
    }

    /**
     * {@link MonthFigures#earnedKeys} (the preview of a distinct-contacts or streak badge from what
     * generation stores per month) gives the windows the evaluator gives from the activities. The
     * activities are dense (up to 150 in 110 days, or spread over up to 880 days) from 20 December, so
     * runs of days cross the ends of months, quarters, halves and years; a few contacts come back.
     */
    @Property(tries = 800)
    void monthFiguresGiveTheWindowsTheActivitiesGive(@ForAll("figureRules") Rule rule,
            @ForAll @Size(max = 150) List<@IntRange(min = 0, max = 110 * 24) Integer> hourOffsets,
            @ForAll @IntRange(min = 1, max = 8) int spread,
            @ForAll @Size(min = 1, max = 150) List<@IntRange(min = 0, max = 9) Integer> contacts) {
        Achievement a = badge(rule);
        List<CountedActivity> acts = new ArrayList<>();
        for (int i = 0; i < hourOffsets.size(); i++) {
            Instant at = START.plusSeconds(hourOffsets.get(i) * 3600L * (spread <= 2 ? 1 : spread));
            int c = contacts.get(i % contacts.size());
            acts.add(new CountedActivity("a-" + i, "la-0", "home_visit", at, LocalDate.ofInstant(at, OSLO), 30,
                    c >= 7 ? null : "c-" + c, null));
        }
        acts.sort(CountedActivity.CHRONOLOGICAL);
        List<String> fromActivities = new AwardEvaluator(OSLO).earned(a, new MentorFacts("u", "pm", "org", "M", acts, List.of(),
                Map.of())).stream().map(Award::periodKey).toList();
        assertThat(MonthFigures.earnedKeys(a, MonthFigures.of(acts))).isEqualTo(fromActivities);
    }

    @Test
    void aRunAcrossTheEndOfAMonthCountsWithinAWindowAndIsCutAtItsEdge() {
        List<CountedActivity> acts = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2024, 3, 29); d.isBefore(LocalDate.of(2024, 4, 4)); d = d.plusDays(1)) {
            Instant at = d.atTime(12, 0).atZone(OSLO).toInstant();
            acts.add(new CountedActivity("a-" + d, "la-0", "home_visit", at, d, 30, d.getDayOfMonth() % 2 == 0 ? "c-9" : "c-1",
                    null));
        }
        List<MonthFigures.Month> runs = MonthFigures.of(acts);
        // contacts as numbers into the mentor's contacts in id order: c-1 is 0, c-9 is 1
        assertThat(runs).containsExactly(new MonthFigures.Month(2024, 3, 0, 3, 3, "0,1"),
                new MonthFigures.Month(2024, 4, 3, 0, 3, "0,1"));
        // six days in a row, 29 March to 3 April: a half-year or a year holds them all, a quarter cuts them
        assertThat(MonthFigures.earnedKeys(badge(new Rule(TriggerType.STREAK_DAYS, 6, CountPeriod.LIFETIME, RepeatPeriod.HALF_YEARLY)),
                runs)).containsExactly("2024-H1");
        assertThat(MonthFigures.earnedKeys(badge(new Rule(TriggerType.STREAK_DAYS, 4, CountPeriod.LIFETIME, RepeatPeriod.QUARTERLY)),
                runs)).isEmpty();
        assertThat(MonthFigures.earnedKeys(badge(new Rule(TriggerType.STREAK_DAYS, 6, CountPeriod.LIFETIME, null)), runs))
                .containsExactly(RepeatPeriod.ONCE);
        // two people in March and April: a quarter of each sees both, a month of two people earns it
        assertThat(MonthFigures.earnedKeys(badge(new Rule(TriggerType.CONTACTS_COUNT, 2, CountPeriod.LIFETIME, RepeatPeriod.MONTHLY)),
                runs)).containsExactly("2024-03", "2024-04");
        assertThat(MonthFigures.earnedKeys(badge(new Rule(TriggerType.CONTACTS_COUNT, 3, CountPeriod.LIFETIME, null)), runs))
                .isEmpty();
    }

    @Test
    void onlyCountsOfEveryTypeAreToldByTallies() {
        assertThat(AwardEvaluator.tallyGrain(badge(new Rule(TriggerType.ACTIVITY_COUNT, 3, CountPeriod.LIFETIME, null))))
                .isEqualTo(AwardEvaluator.TallyGrain.QUARTER);
        assertThat(AwardEvaluator.tallyGrain(badge(new Rule(TriggerType.HOURS_TOTAL, 3, CountPeriod.LIFETIME,
                RepeatPeriod.MONTHLY)))).isEqualTo(AwardEvaluator.TallyGrain.MONTH);
        for (TriggerType t : List.of(TriggerType.CONTACTS_COUNT, TriggerType.STREAK_DAYS, TriggerType.EVENTS_ATTENDED)) {
            assertThat(AwardEvaluator.tallyGrain(badge(new Rule(t, 3, CountPeriod.LIFETIME, null)))).as(t.code()).isNull();
        }
        Achievement typed = new Achievement(UUID.randomUUID(), null, "b", "B", "d", null, Category.ACTIVITIES.code(),
                TriggerType.ACTIVITY_COUNT, 3, new TriggerMetadata("home_visit", CountPeriod.LIFETIME), 10, false, null, true,
                null, 10, Instant.EPOCH, Instant.EPOCH);
        assertThat(AwardEvaluator.tallyGrain(typed)).isNull();
        assertThatThrownBy(() -> AwardEvaluator.earnedKeys(typed, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not told by tallies");
        // contacts and streaks of every type are told by the month figures; of one type, or other kinds, not
        assertThat(MonthFigures.tells(badge(new Rule(TriggerType.CONTACTS_COUNT, 3, CountPeriod.CALENDAR_YEAR, null)))).isTrue();
        assertThat(MonthFigures.tells(badge(new Rule(TriggerType.STREAK_DAYS, 3, CountPeriod.LIFETIME, RepeatPeriod.MONTHLY))))
                .isTrue();
        assertThat(MonthFigures.tells(badge(new Rule(TriggerType.ACTIVITY_COUNT, 3, CountPeriod.LIFETIME, null)))).isFalse();
        Achievement typedStreak = new Achievement(UUID.randomUUID(), null, "b", "B", "d", null, Category.ACTIVITIES.code(),
                TriggerType.STREAK_DAYS, 3, new TriggerMetadata("home_visit", CountPeriod.LIFETIME), 10, false, null, true,
                null, 10, Instant.EPOCH, Instant.EPOCH);
        assertThat(MonthFigures.tells(typedStreak)).isFalse();
        assertThatThrownBy(() -> MonthFigures.earnedKeys(typedStreak, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not told by month figures");
    }
}
