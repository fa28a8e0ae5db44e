package org.impactdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.Period;
/** The engine's per-period figures against a brute force over the local dates of random activities. */
class PeriodMetricsPropertyTest {
    static final Instant BASE = Instant.parse("2023-12-31T12:00:00Z");
    final SummaryEngine engine = new SummaryEngine(Acts.OSLO);

    @Provide
    Arbitrary<List<CountedActivity>> activities() {
        Arbitrary<CountedActivity> one = Combinators.combine(
                Arbitraries.longs().between(0, 3L * 366 * 24 * 60), // minute offset over ~3 years
                Arbitraries.integers().between(1, 240),
                Arbitraries.of("cafe_meeting", "phone_support", "support_group"),
                Arbitraries.of("c-1", "c-2", "c-3", "c-10", null),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(6))
                .as((off, min, type, contact, id) -> {
                    Instant at = BASE.plusSeconds(off * 60);
                    return new CountedActivity(id, "la-1", type, at, LocalDate.ofInstant(at, Acts.OSLO), min, contact, null);
                });
        return one.list().ofMaxSize(80);
    }

    @Property(tries = 200)
    void figuresMatchABruteForce(@ForAll("activities") List<CountedActivity> acts) {
        SummaryEngine.Prepared prepared = engine.prepare(Acts.history(acts));
        List<Period> periods = new ArrayList<>();
        for (int y = 2024; y <= 2026; y++) {
            periods.add(new Period.Year(y));
            periods.add(new Period.Half(y, 1));
            periods.add(new Period.Half(y, 2));
            for (int q = 1; q <= 4; q++) {
                periods.add(new Period.Quarter(y, q));
            }
        }
        for (Period p : periods) {
            PeriodMetrics m = engine.compute(prepared, p);
            List<CountedActivity> in = acts.stream()
                    .filter(a -> p.contains(LocalDate.ofInstant(a.startedAt(), Acts.OSLO))).toList();
            long minutes = in.stream().mapToLong(CountedActivity::minutes).sum();
            assertThat(m.activities()).isEqualTo(in.size());
            assertThat(m.minutes()).isEqualTo(minutes);
            assertThat(m.hours()).isEqualTo(Hours.fromMinutes(minutes));
            Set<String> contacts = new HashSet<>();
            in.stream().map(CountedActivity::contactId).filter(c -> c != null).forEach(contacts::add);
            assertThat(m.contacts()).isEqualTo(contacts.size());
            assertThat(m.newContacts() + m.returningContacts()).isEqualTo(contacts.size());
            // new = first activity with the contact over all time is in the period
            int fresh = 0;
            for (String c : contacts) {
                LocalDate first = acts.stream().filter(a -> c.equals(a.contactId())).map(CountedActivity::startedAt).min(Instant::compareTo)
                        .map(i -> LocalDate.ofInstant(i, Acts.OSLO)).orElseThrow();
                if (p.contains(first)) {
                    fresh++;
                }
            }
            assertThat(m.newContacts()).isEqualTo(fresh);
            // months: counts per month in order; busiest = earliest month with the most
            int[] perMonth = new int[13];
            in.forEach(a -> perMonth[LocalDate.ofInstant(a.startedAt(), Acts.OSLO).getMonthValue()]++);
            Integer busiest = null;
            for (PeriodMetrics.MonthStat ms : m.monthly()) {
                assertThat(ms.activities()).isEqualTo(perMonth[ms.month()]);
                if (perMonth[ms.month()] > 0 && (busiest == null || perMonth[ms.month()] > perMonth[busiest])) {
                    busiest = ms.month();
                }
            }
            assertThat(m.monthly()).hasSize(p.lastDate().getMonthValue() - p.firstDate().getMonthValue() + 1);
            assertThat(m.busiestMonth()).isEqualTo(busiest);
            // top type: most activities, smallest key on ties
            Map<String, Integer> types = new HashMap<>();
            in.forEach(a -> types.merge(a.typeKey(), 1, Integer::sum));
            String top = types.entrySet().stream()
                    .min((x, y) -> x.getValue().equals(y.getValue()) ? x.getKey().compareTo(y.getKey()) : y.getValue() - x.getValue())
                    .map(Map.Entry::getKey).orElse(null);
            assertThat(m.topActivityType()).isEqualTo(top);
            assertThat(m.avgSessionMinutes()).isEqualTo(Hours.average(minutes, in.size()));
            assertThat(m.topContacts().size()).isEqualTo(Math.min(5, contacts.size()));
        }
    }
}
