package org.impactdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.Period;
import org.junit.jupiter.api.Test;
/** Streaks over local dates: hand-computed cases and a brute-force property. */
class StreaksTest {
    final SummaryEngine engine = new SummaryEngine(Acts.OSLO);

    static List<LocalDate> dates(String... ds) {
        List<LocalDate> out = new ArrayList<>();
        for (String d : ds) {
            out.add(LocalDate.parse(d));
        }
        return out;
    }

    @Test
    void aRunContinuesOverAMonthEnd() {
        Streaks s = Streaks.of(dates("2025-01-30", "2025-01-31", "2025-02-01", "2025-02-03"), LocalDate.of(2025, 12, 31));
        assertThat(s.longestDays()).isEqualTo(3);
        assertThat(s.longestStart()).isEqualTo(LocalDate.of(2025, 1, 30));
        assertThat(s.longestEnd()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(s.currentDays()).isZero();
    }

    @Test
    void theEarliestOfEquallyLongRunsWins() {
        Streaks s = Streaks.of(dates("2025-05-01", "2025-05-02", "2025-06-10", "2025-06-11", "2025-07-01"),
                LocalDate.of(2025, 12, 31));
        assertThat(s.longestDays()).isEqualTo(2);
        assertThat(s.longestStart()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(s.longestEnd()).isEqualTo(LocalDate.of(2025, 5, 2));
    }

    @Test
    void theCurrentStreakIsTheRunEndingOnThePeriodsLastDate() {
        Streaks s = Streaks.of(dates("2025-12-20", "2025-12-29", "2025-12-30", "2025-12-31"), LocalDate.of(2025, 12, 31));
        assertThat(s.currentDays()).isEqualTo(3);
        assertThat(s.longestDays()).isEqualTo(3);
        assertThat(s.longestStart()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(Streaks.of(dates("2025-12-29", "2025-12-30"), LocalDate.of(2025, 12, 31)).currentDays()).isZero();
    }

    @Test
    void aYearEndCutsTheRun() {
        // 2024-12-30 .. 2025-01-02 every day: 2024 ends with a 2-day current streak, 2025 starts a new one
        List<CountedActivity> acts = Acts.onDates("2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02");
        SummaryEngine.Prepared p = engine.prepare(Acts.history(acts));
        Streaks y24 = engine.compute(p, new Period.Year(2024)).streaks();
        assertThat(y24.longestDays()).isEqualTo(2);
        assertThat(y24.currentDays()).isEqualTo(2);
        Streaks y25 = engine.compute(p, new Period.Year(2025)).streaks();
        assertThat(y25.longestDays()).isEqualTo(2);
        assertThat(y25.longestStart()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(y25.currentDays()).isZero();
    }

    @Test
    void daylightSavingChangesDoNotBreakOrStretchRunsOfLocalDates() {
        // spring forward 2025-03-30 02:00 -> 03:00; fall back 2025-10-26 03:00 -> 02:00
        List<CountedActivity> acts = List.of(
                Acts.local("2025-03-29T23:50", 10, "a", null), // 23:50 Sat
                Acts.local("2025-03-30T00:05", 10, "a", null), // 15 minutes later, next date
                Acts.local("2025-03-31T23:55", 10, "a", null), // 47 h later, still the next date
                Acts.at("2025-10-25T22:30:00Z", 10, "a", null), // 2025-10-26 00:30 CEST
                Acts.at("2025-10-26T22:30:00Z", 10, "a", null), // 2025-10-26 23:30 CET: same date as above
                Acts.at("2025-10-27T00:30:00Z", 10, "a", null)); // 2025-10-27 01:30 CET
        Streaks s = engine.compute(Acts.history(acts), new Period.Year(2025)).streaks();
        assertThat(s.longestDays()).isEqualTo(3);
        assertThat(s.longestStart()).isEqualTo(LocalDate.of(2025, 3, 29));
        assertThat(s.longestEnd()).isEqualTo(LocalDate.of(2025, 3, 31));
        // Oct 26 and 27: a 2-day run; total dates 5
        Streaks q4 = engine.compute(Acts.history(acts), new Period.Quarter(2025, 4)).streaks();
        assertThat(q4.longestDays()).isEqualTo(2);
        assertThat(q4.longestStart()).isEqualTo(LocalDate.of(2025, 10, 26));
    }

    @Test
    void activeWeeksAreIsoWeekBasedYearAndWeek() {
        // 2024-12-30 (Mon) and 2024-12-31 are ISO 2025-W01; 2024-12-29 (Sun) is 2024-W52
        assertThat(Streaks.of(dates("2024-12-29", "2024-12-30", "2024-12-31"), LocalDate.of(2024, 12, 31)).activeWeeks())
                .isEqualTo(2);
        // 2025-01-01 .. 2025-01-05 are all 2025-W01, 2025-01-06 is W02
        assertThat(Streaks.of(dates("2025-01-01", "2025-01-05", "2025-01-06"), LocalDate.of(2025, 12, 31)).activeWeeks())
                .isEqualTo(2);
        // 2021-01-01 is 2020-W53 and 2021-12-31 is 2021-W52 (different week-based years, different weeks)
        assertThat(Streaks.of(dates("2021-01-01", "2021-12-31"), LocalDate.of(2021, 12, 31)).activeWeeks()).isEqualTo(2);
        // same week number in different week-based years are different weeks
        assertThat(Streaks.of(dates("2020-01-06", "2021-01-04"), LocalDate.of(2021, 12, 31)).activeWeeks()).isEqualTo(2);
    }

    @Test
    void severalActivitiesOnOneDateAreOneDate() {
        List<CountedActivity> acts = List.of(Acts.local("2025-04-01T08:00", 10, "a", null),
                Acts.local("2025-04-01T20:00", 10, "a", null), Acts.local("2025-04-02T08:00", 10, "a", null));
        Streaks s = engine.compute(Acts.history(acts), new Period.Year(2025)).streaks();
        assertThat(s.longestDays()).isEqualTo(2);
        assertThat(s.activeWeeks()).isEqualTo(1);
    }

    // ---- property: against a brute force over every date of the period

    @Property(tries = 300)
    void matchesABruteForceOverTheDaysOfTheYear(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 365) Integer> offsets,
                                               @ForAll @IntRange(min = 2019, max = 2026) int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        TreeSet<LocalDate> set = new TreeSet<>();
        for (int o : offsets) {
            LocalDate d = first.plusDays(o);
            if (!d.isAfter(last)) {
                set.add(d);
            }
        }
        Streaks s = Streaks.of(new ArrayList<>(set), last);
        // brute force: walk every date of the year
        int best = 0;
        LocalDate bestStart = null;
        int run = 0;
        Set<String> weeks = new HashSet<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (set.contains(d)) {
                run++;
                weeks.add(d.get(IsoFields.WEEK_BASED_YEAR) + "-" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                if (run > best) {
                    best = run;
                    bestStart = d.minusDays(run - 1);
                }
            } else {
                run = 0;
            }
        }
        assertThat(s.longestDays()).isEqualTo(best);
        assertThat(s.longestStart()).isEqualTo(bestStart);
        assertThat(s.longestEnd()).isEqualTo(bestStart == null ? null : bestStart.plusDays(best - 1));
        assertThat(s.currentDays()).isEqualTo(run);
        assertThat(s.activeWeeks()).isEqualTo(weeks.size());
    }

    @Property(tries = 200)
    void engineStreaksAreTheStreaksOfTheLocalDatesOfItsActivities(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 800 * 24) Integer> hourOffsets) {
        // activities at arbitrary UTC hours over ~2 years: the engine's year streaks equal those of the local dates
        java.time.Instant base = java.time.Instant.parse("2024-01-01T00:00:00Z");
        List<CountedActivity> acts = new ArrayList<>();
        for (int h : hourOffsets) {
            acts.add(Acts.at(base.plusSeconds(h * 3600L).toString(), 10, "a", null));
        }
        SummaryEngine.Prepared p = engine.prepare(Acts.history(acts));
        for (int y = 2024; y <= 2026; y++) {
            Period.Year py = new Period.Year(y);
            TreeSet<LocalDate> local = new TreeSet<>();
            for (CountedActivity a : acts) {
                LocalDate d = LocalDate.ofInstant(a.startedAt(), Acts.OSLO);
                if (py.contains(d)) {
                    local.add(d);
                }
            }
            assertThat(engine.compute(p, py).streaks()).isEqualTo(Streaks.of(new ArrayList<>(local), py.lastDate()));
        }
    }
}
