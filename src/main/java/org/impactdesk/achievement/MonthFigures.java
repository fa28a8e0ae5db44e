package org.impactdesk.achievement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.TriggerType;

/**
 * What the distinct-contacts and streak badges need of a mentor's counted activities, kept per local
 * month by generation beside the month's sessions, so that the editor's preview answers from them
 * instead of reading every activity; {@link #earnedKeys} gives exactly the windows
 * {@link AwardEvaluator#earned} gives from the activities (every counting window is a union of whole
 * months, and streaks are cut at a window's edges):
 * <ul>
 *   <li>{@link DayRuns}: in one local month, the days in a row with a counted activity from the 1st
 *   ({@code firstRun}, 0 when none on the 1st), those ending on the month's last day ({@code lastRun})
 *   and the longest run inside the month;</li>
 *   <li>{@link ContactYear}: for one contact and local year, the months (bit {@code m - 1} for month
 *   {@code m}) with a counted activity naming them.</li>
 * </ul>
 * Only badges over activities of every type are told this way ({@link #tells}); a badge of one
 * activity type still reads the activities.
 */
public final class MonthFigures {
    /** One local month of a mentor: runs of days in a row with a counted activity. */
    public record DayRuns(int year, int month, int firstRun, int lastRun, int longestRun) {
    }

    /** One contact of a mentor in one local year: bit {@code m - 1} of {@code months} set for each month {@code m} with them. */
    public record ContactYear(String contactId, int year, int months) {
    }

    private MonthFigures() {
    }

    /** Whether {@link #earnedKeys} tells this badge: distinct contacts or a streak, of every activity type. */
    public static boolean tells(Achievement a) {
        return a.threshold() != null && a.metadata().activityType() == null
                && (a.triggerType() == TriggerType.CONTACTS_COUNT || a.triggerType() == TriggerType.STREAK_DAYS);
    }

    /** The day runs of each month with a counted activity (the local dates of {@code activities}). */
    public static List<DayRuns> dayRuns(Collection<CountedActivity> activities) {
        Map<YearMonth, boolean[]> days = new TreeMap<>();
        for (CountedActivity a : activities) {
            LocalDate d = a.localDate();
            days.computeIfAbsent(YearMonth.from(d), k -> new boolean[k.lengthOfMonth() + 1])[d.getDayOfMonth()] = true;
        }
        List<DayRuns> out = new ArrayList<>(days.size());
        days.forEach((ym, on) -> {
            int last = ym.lengthOfMonth();
            int first = 0;
            while (first < last && on[first + 1]) {
                first++;
            }
            int end = 0;
            while (end < last && on[last - end]) {
                end++;
            }
            int longest = 0;
            int run = 0;
            for (int d = 1; d <= last; d++) {
                run = on[d] ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
            out.add(new DayRuns(ym.getYear(), ym.getMonthValue(), first, end, longest));
        });
        return out;
    }

    /** The contacts named by {@code activities}, per local year, with the months they were named in. */
    public static List<ContactYear> contactYears(Collection<CountedActivity> activities) {
        Map<String, Map<Integer, Integer>> masks = new TreeMap<>();
        for (CountedActivity a : activities) {
            if (a.contactId() != null) {
                masks.computeIfAbsent(a.contactId(), k -> new TreeMap<>())
                        .merge(a.localDate().getYear(), 1 << (a.localDate().getMonthValue() - 1), (x, y) -> x | y);
            }
        }
        List<ContactYear> out = new ArrayList<>();
        masks.forEach((contact, years) -> years.forEach((year, months) -> out.add(new ContactYear(contact, year, months))));
        return out;
    }

    /**
     * The period keys of the awards {@link AwardEvaluator#earned} gives for {@code a} ({@link #tells})
     * to a mentor whose counted activities have these month figures: a window is reached when its
     * distinct contacts, or its longest run of days within the window, reach the threshold; a one-time
     * badge gives {@code once} when some window does.
     */
    public static List<String> earnedKeys(Achievement a, Collection<DayRuns> runs, Collection<ContactYear> contacts) {
        if (!tells(a)) {
            throw new IllegalArgumentException("not told by month figures: " + a.key());
        }
        Map<String, Integer> byWindow = a.triggerType() == TriggerType.CONTACTS_COUNT ? contactsByWindow(a, contacts)
                : longestRunByWindow(a, runs);
        boolean repeating = a.repeatable() && a.repeatPeriod() != null;
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> w : byWindow.entrySet()) {
            if (w.getValue() >= a.threshold()) {
                if (!repeating) {
                    return List.of(org.impactdesk.domain.RepeatPeriod.ONCE);
                }
                out.add(w.getKey());
            }
        }
        return out;
    }

    private static Map<String, Integer> contactsByWindow(Achievement a, Collection<ContactYear> contacts) {
        Map<String, Set<String>> seen = new HashMap<>();
        for (ContactYear c : contacts) {
            for (int m = 1; m <= 12; m++) {
                if ((c.months() & (1 << (m - 1))) != 0) {
                    seen.computeIfAbsent(AwardEvaluator.windowOf(a, LocalDate.of(c.year(), m, 1)), k -> new HashSet<>())
                            .add(c.contactId());
                }
            }
        }
        Map<String, Integer> out = new TreeMap<>();
        seen.forEach((w, s) -> out.put(w, s.size()));
        return out;
    }

    /** The longest run of days in a row inside each window: runs meet across the end of a month within a window. */
    private static Map<String, Integer> longestRunByWindow(Achievement a, Collection<DayRuns> runs) {
        Map<String, Integer> out = new TreeMap<>();
        String window = null;
        YearMonth previous = null;
        int carry = 0; // the run ending on the last day of the previous month, within this window
        for (DayRuns r : orderedRuns(runs)) {
            YearMonth ym = YearMonth.of(r.year(), r.month());
            String w = AwardEvaluator.windowOf(a, ym.atDay(1));
            if (!w.equals(window) || previous == null || !previous.plusMonths(1).equals(ym)) {
                carry = 0;
            }
            window = w;
            int best = r.longestRun();
            if (carry > 0 && r.firstRun() > 0) {
                best = Math.max(best, carry + r.firstRun());
            }
            out.merge(w, best, Math::max);
            carry = r.firstRun() == ym.lengthOfMonth() ? carry + r.firstRun() : r.lastRun();
            previous = ym;
        }
        return out;
    }

    private static TreeSet<DayRuns> orderedRuns(Collection<DayRuns> runs) {
        TreeSet<DayRuns> ordered = new TreeSet<>(Comparator.comparingInt(DayRuns::year).thenComparingInt(DayRuns::month));
        ordered.addAll(runs);
        return ordered;
    }
}
