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
 * count and hours badge the totals can tell, whatever the activities.
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
    }
}
