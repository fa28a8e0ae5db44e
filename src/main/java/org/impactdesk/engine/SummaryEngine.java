package org.impactdesk.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.MentorHistory;
import org.impactdesk.domain.Period;
/**
 * The summary engine as plain functions: a mentor's history and a period in, every metric out.
 * Prepare a mentor once ({@link #prepare}) and compute as many periods as needed from it.
 */
public final class SummaryEngine {
    private final ZoneId zone;

    public SummaryEngine(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Per-mentor facts that do not depend on the period: milestones, first dates per contact. */
    public Prepared prepare(MentorHistory h) {
        List<CountedActivity> acts = h.activities();
        long[] days = new long[acts.size()];
        Map<String, LocalDate> firstWith = new HashMap<>();
        for (int i = 0; i < days.length; i++) {
            CountedActivity a = acts.get(i);
            days[i] = a.localDate().toEpochDay();
            if (a.contactId() != null) {
                firstWith.putIfAbsent(a.contactId(), a.localDate()); // chronological: first wins
            }
        }
        return new Prepared(h, days, firstWith, Milestone.allTime(h, zone));
    }

    public PeriodMetrics compute(MentorHistory h, Period p) {
        return compute(prepare(h), p);
    }

    /** Sessions and minutes in a period, without the rest (YoY, presence). */
    public long[] sessionsAndMinutes(Prepared m, Period p) {
        int lo = m.lowerBound(p.firstDate());
        int hi = m.lowerBound(p.lastDate().plusDays(1));
        long minutes = 0;
        for (int i = lo; i < hi; i++) {
            minutes += m.history.activities().get(i).minutes();
        }
        return new long[] {hi - lo, minutes};
    }

    public PeriodMetrics compute(Prepared m, Period p) {
        MentorHistory h = m.history;
        int lo = m.lowerBound(p.firstDate());
        int hi = m.lowerBound(p.lastDate().plusDays(1));
        List<CountedActivity> in = h.activities().subList(lo, hi);

        int firstMonth = p.firstDate().getMonthValue();
        int monthCount = p.lastDate().getMonthValue() - firstMonth + 1;
        int[] monthActs = new int[monthCount];
        long[] monthMinutes = new long[monthCount];
        long minutes = 0;
        BigDecimal travel = null;
        Map<String, long[]> types = new HashMap<>();     // key -> {count, minutes}
        Map<String, int[]> contactCounts = new HashMap<>();
        List<LocalDate> dates = new ArrayList<>();
        LocalDate prevDate = null;
        for (CountedActivity a : in) {
            minutes += a.minutes();
            int mi = a.localDate().getMonthValue() - firstMonth;
            monthActs[mi]++;
            monthMinutes[mi] += a.minutes();
            long[] t = types.computeIfAbsent(a.typeKey(), k -> new long[2]);
            t[0]++;
            t[1] += a.minutes();
            if (a.contactId() != null) {
                contactCounts.computeIfAbsent(a.contactId(), k -> new int[1])[0]++;
            }
            if (a.travelKm() != null) {
                travel = travel == null ? a.travelKm() : travel.add(a.travelKm());
            }
            if (!a.localDate().equals(prevDate)) {
                dates.add(a.localDate());
                prevDate = a.localDate();
            }
        }
        int n = in.size();
        if (travel != null) {
            travel = travel.setScale(2, java.math.RoundingMode.HALF_UP); // kilometres: 2 decimals, half-up
        }

        List<PeriodMetrics.TypeStat> typeStats = new ArrayList<>(types.size());
        types.forEach((k, v) -> typeStats.add(new PeriodMetrics.TypeStat(k, (int) v[0], v[1], Hours.fromMinutes(v[1]))));
        typeStats.sort(Comparator.comparingInt(PeriodMetrics.TypeStat::count).reversed()
                .thenComparing(PeriodMetrics.TypeStat::typeKey));
        String topType = typeStats.isEmpty() ? null : typeStats.get(0).typeKey();

        List<PeriodMetrics.MonthStat> monthly = new ArrayList<>(monthCount);
        Integer busiest = null;
        int busiestCount = 0;
        for (int i = 0; i < monthCount; i++) {
            monthly.add(new PeriodMetrics.MonthStat(firstMonth + i, monthActs[i], Hours.fromMinutes(monthMinutes[i])));
            if (monthActs[i] > busiestCount) { // strictly more: the earliest month wins ties
                busiestCount = monthActs[i];
                busiest = firstMonth + i;
            }
        }

        List<PeriodMetrics.ContactStat> contacts = new ArrayList<>(contactCounts.size());
        contactCounts.forEach((k, v) -> contacts.add(new PeriodMetrics.ContactStat(k, v[0])));
        contacts.sort(Comparator.comparingInt(PeriodMetrics.ContactStat::interactions).reversed()
                .thenComparing(PeriodMetrics.ContactStat::contactId));
        List<PeriodMetrics.ContactStat> top = List.copyOf(contacts.subList(0, Math.min(5, contacts.size())));

        int newContacts = 0;
        for (String c : contactCounts.keySet()) {
            if (p.contains(m.firstWith.get(c))) {
                newContacts++;
            }
        }

        int events = 0;
        for (MentorHistory.EventRef e : h.eventsAttended()) {
            if (p.contains(local(e.startsAt()))) {
                events++;
            }
        }
        int assignments = 0;
        for (Instant c : h.assignmentsCompletedAt()) {
            if (p.contains(local(c))) {
                assignments++;
            }
        }
        List<Milestone> milestones = m.milestones.stream().filter(ms -> p.contains(ms.localDate())).toList();
        List<MentorHistory.Award> awards = h.awards().stream().filter(a -> p.contains(local(a.awardedAt())))
                .sorted(Comparator.comparing(MentorHistory.Award::awardedAt).thenComparing(MentorHistory.Award::achievementId))
                .toList();

        return new PeriodMetrics(p, n, minutes, Hours.fromMinutes(minutes), contactCounts.size(), events, travel,
                List.copyOf(typeStats), List.copyOf(monthly), busiest, topType, top,
                Streaks.of(dates, p.lastDate()), Hours.average(minutes, n),
                newContacts, contactCounts.size() - newContacts, assignments, milestones, awards);
    }

    private LocalDate local(Instant i) {
        return LocalDate.ofInstant(i, zone);
    }

    /** A mentor prepared for many period computations. */
    public static final class Prepared {
        final MentorHistory history;
        private final long[] days;
        final Map<String, LocalDate> firstWith;
        final List<Milestone> milestones;

        Prepared(MentorHistory history, long[] days, Map<String, LocalDate> firstWith, List<Milestone> milestones) {
            this.history = history;
            this.days = days;
            this.firstWith = firstWith;
            this.milestones = milestones;
        }

        public MentorHistory history() {
            return history;
        }

        public List<Milestone> milestones() {
            return milestones;
        }

        /** Index of the first activity on or after {@code date}. */
        int lowerBound(LocalDate date) {
            long d = date.toEpochDay();
            int lo = 0;
            int hi = days.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (days[mid] < d) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Distinct years with at least one counted activity. */
        public Set<Integer> activeYears() {
            Set<Integer> ys = new HashSet<>();
            for (CountedActivity a : history.activities()) {
                ys.add(a.localDate().getYear());
            }
            return ys;
        }
    }
}
