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
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.RepeatPeriod;
import org.impactdesk.domain.TriggerType;

/**
 * What the distinct-contacts and streak badges need of a mentor's counted activities, kept per local
 * month by generation beside the month's sessions, so that the editor's preview answers from them
 * instead of reading every activity; {@link #earnedKeys} gives exactly the windows
 * {@link AwardEvaluator#earned} gives from the activities (every counting window is a union of whole
 * months, and streaks are cut at a window's edges). Only badges over activities of every type are
 * told this way ({@link #tells}); a badge of one activity type still reads the activities.
 */
public final class MonthFigures {
    /**
     * One local month of a mentor with a counted activity: the days in a row with one from the 1st
     * ({@code firstRun}, 0 when none on the 1st), those ending on the month's last day
     * ({@code lastRun}), the longest run inside the month, and the contacts named that month as
     * numbers into the mentor's contacts in id order, joined by commas ("0,3,7"; empty for none).
     */
    public record Month(int year, int month, int firstRun, int lastRun, int longestRun, String contacts) {
    }

    private MonthFigures() {
    }

    /** Whether {@link #earnedKeys} tells this badge: distinct contacts or a streak, of every activity type. */
    public static boolean tells(Achievement a) {
        return a.threshold() != null && a.metadata().activityType() == null
                && (a.triggerType() == TriggerType.CONTACTS_COUNT || a.triggerType() == TriggerType.STREAK_DAYS);
    }

    /** The figures of each local month with a counted activity among {@code activities} (one mentor's). */
    public static List<Month> of(Collection<CountedActivity> activities) {
        Map<String, Integer> numbers = new HashMap<>();
        for (String id : new TreeSet<>(activities.stream().map(CountedActivity::contactId)
                .filter(java.util.Objects::nonNull).toList())) {
            numbers.put(id, numbers.size());
        }
        Map<YearMonth, boolean[]> days = new TreeMap<>();
        Map<YearMonth, Set<Integer>> contacts = new HashMap<>();
        for (CountedActivity a : activities) {
            YearMonth ym = YearMonth.from(a.localDate());
            days.computeIfAbsent(ym, k -> new boolean[k.lengthOfMonth() + 1])[a.localDate().getDayOfMonth()] = true;
            Set<Integer> named = contacts.computeIfAbsent(ym, k -> new TreeSet<>());
            if (a.contactId() != null) {
                named.add(numbers.get(a.contactId()));
            }
        }
        List<Month> out = new ArrayList<>(days.size());
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
            StringJoiner named = new StringJoiner(",");
            contacts.get(ym).forEach(n -> named.add(Integer.toString(n)));
            out.add(new Month(ym.getYear(), ym.getMonthValue(), first, end, longest, named.toString()));
        });
        return out;
    }

    /**
     * The period keys of the awards {@link AwardEvaluator#earned} gives for {@code a} ({@link #tells})
     * to a mentor whose counted activities have these month figures: a window is reached when its
     * distinct contacts, or its longest run of days within the window, reach the threshold; a one-time
     * badge gives {@code once} when some window does.
     */
    public static List<String> earnedKeys(Achievement a, Collection<Month> months) {
        if (!tells(a)) {
            throw new IllegalArgumentException("not told by month figures: " + a.key());
        }
        Map<String, Integer> byWindow = a.triggerType() == TriggerType.CONTACTS_COUNT ? contactsByWindow(a, months)
                : longestRunByWindow(a, months);
        boolean repeating = a.repeatable() && a.repeatPeriod() != null;
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> w : byWindow.entrySet()) {
            if (w.getValue() >= a.threshold()) {
                if (!repeating) {
                    return List.of(RepeatPeriod.ONCE);
                }
                out.add(w.getKey());
            }
        }
        return out;
    }

    private static Map<String, Integer> contactsByWindow(Achievement a, Collection<Month> months) {
        Map<String, Set<String>> seen = new HashMap<>();
        for (Month m : months) {
            if (!m.contacts().isEmpty()) {
                seen.computeIfAbsent(AwardEvaluator.windowOf(a, LocalDate.of(m.year(), m.month(), 1)), k -> new HashSet<>())
                        .addAll(List.of(m.contacts().split(",")));
            }
        }
        Map<String, Integer> out = new TreeMap<>();
        seen.forEach((w, s) -> out.put(w, s.size()));
        return out;
    }

    /** The longest run of days in a row inside each window: runs meet across the end of a month within a window. */
    private static Map<String, Integer> longestRunByWindow(Achievement a, Collection<Month> months) {
        TreeSet<Month> ordered = new TreeSet<>(Comparator.comparingInt(Month::year).thenComparingInt(Month::month));
        ordered.addAll(months);
        Map<String, Integer> out = new TreeMap<>();
        String window = null;
        YearMonth previous = null;
        int carry = 0; // the run ending on the last day of the previous month, within this window
        for (Month r : ordered) {
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
}
