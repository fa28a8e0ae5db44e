package org.impactdesk.achievement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.Award;
import org.impactdesk.domain.CountPeriod;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.MentorFacts;
import org.impactdesk.domain.RepeatPeriod;
import org.impactdesk.domain.TriggerType;
/**
 * What a badge's trigger earns a mentor, as a pure function of their facts (METRICS.md
 * "Achievements"). Activities are taken in order of {@code started_at}, then id; events by
 * {@code starts_at}, then id. A threshold is crossed when the running value reaches it (>=); the
 * award's {@code awarded_at} is the crossing activity's {@code started_at} (an event's
 * {@code starts_at}; for an annual summary, the last moment of its year: {@link #endOfYear}).
 *
 * <p>What is counted: {@code activity_count} activities, {@code hours_total} minutes against
 * threshold x 60, {@code contacts_count} distinct non-null contacts, {@code streak_days} the run
 * of consecutive local dates with a counted activity, {@code events_attended} distinct events.
 * {@code trigger_metadata.activity_type} narrows the activities. The counting window is all time
 * ({@code lifetime}), each calendar year ({@code calendar_year}: a one-time badge is earned in the
 * first year that reaches the threshold), or, for a repeatable badge, each repeat window (the
 * badge "resets" when a window starts, so the count starts again; streaks are cut at the window's
 * boundaries). All dates are local dates in the organisation's zone.
 *
 * <p>Not thread-safe: it keeps the steps of the last mentor evaluated for the next badge.
 */
public final class AwardEvaluator {
    private final ZoneId zone;
    private MentorFacts memoFacts;
    private final java.util.Map<String, List<Step>> memo = new java.util.HashMap<>();

    public AwardEvaluator(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Every award the rules give {@code f} for {@code a}, ignoring what is already stored and
     * whether the badge is active or gated (the caller checks {@link AchievementRules#evaluable}):
     * at most one for a one-time badge, one per window for a repeatable one.
     */
    public List<Award> earned(Achievement a, MentorFacts f) {
        return switch (a.triggerType()) {
            case MANUAL -> List.of();
            case ANNUAL_SUMMARY -> {
                List<Award> out = new ArrayList<>();
                f.readyAnnualYears().keySet().stream().sorted().forEach(year ->
                        out.add(new Award(a.id(), f.userId(), Integer.toString(year), endOfYear(year, zone), null)));
                yield out;
            }
            default -> crossings(a, f);
        };
    }

    /**
     * When an {@code annual_summary} badge of {@code year} is dated (METRICS.md, issue 14 item 6):
     * the last moment of that year in the organisation's zone (to the microsecond the database
     * keeps), so it belongs to that year and never to the next year's {@code achievements_earned},
     * whenever the summary became ready.
     */
    public static Instant endOfYear(int year, ZoneId zone) {
        return LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant().minusNanos(1_000);
    }

    /**
     * The held windows ({@code heldKeys}, of awards the evaluator made) whose rule no longer holds:
     * what {@link #earned} gives no more (issue 14 item 6). A one-time badge holds as long as the
     * rules still earn it in some window (its award keeps its date); a repeatable or
     * {@code annual_summary} badge loses the windows it no longer earns; a {@code manual} badge
     * is never taken back. The caller keeps what a frozen annual summary lists.
     */
    public static Set<String> noLongerEarned(Achievement a, List<Award> earned, Collection<String> heldKeys) {
        if (heldKeys.isEmpty() || a.triggerType() == TriggerType.MANUAL) {
            return Set.of();
        }
        if (!a.repeatable() && a.triggerType() != TriggerType.ANNUAL_SUMMARY) {
            return earned.isEmpty() ? Set.copyOf(heldKeys) : Set.of();
        }
        Set<String> gone = new java.util.TreeSet<>(heldKeys);
        earned.forEach(w -> gone.remove(w.periodKey()));
        return gone;
    }

    /** Why a held window of {@code a} is withdrawn, for the withdrawal log. */
    public static String withdrawalReason(Achievement a, String periodKey) {
        String rule = switch (a.triggerType()) {
            case ANNUAL_SUMMARY -> "no ready annual summary of " + periodKey;
            case HOURS_TOTAL -> "fewer than " + a.threshold() + " counted hours";
            case STREAK_DAYS -> "no run of " + a.threshold() + " days in a row";
            case CONTACTS_COUNT -> "fewer than " + a.threshold() + " people supported";
            case EVENTS_ATTENDED -> "fewer than " + a.threshold() + " events attended";
            default -> "fewer than " + a.threshold() + " counted activities";
        };
        return a.key() + " (" + periodKey + "): " + rule + " after the activities changed";
    }

    /**
     * The awards of {@code earned} not yet held: none for a one-time badge the user holds in any
     * window, else those whose window has no award yet. Running the evaluator twice awards nothing new.
     */
    public static List<Award> notYetHeld(Achievement a, List<Award> earned, Collection<String> heldPeriodKeys) {
        if (heldPeriodKeys.isEmpty()) {
            return earned;
        }
        Set<String> fresh = new HashSet<>(notYetHeldKeys(a, earned.stream().map(Award::periodKey).toList(), heldPeriodKeys));
        return earned.stream().filter(w -> fresh.contains(w.periodKey())).toList();
    }

    /** {@link #notYetHeld} of the earned windows' period keys. */
    public static List<String> notYetHeldKeys(Achievement a, List<String> earnedKeys, Collection<String> heldPeriodKeys) {
        if (heldPeriodKeys.isEmpty()) {
            return earnedKeys;
        }
        if (!a.repeatable() && a.triggerType() != TriggerType.ANNUAL_SUMMARY) {
            return List.of();
        }
        Set<String> held = new HashSet<>(heldPeriodKeys);
        return earnedKeys.stream().filter(k -> !held.contains(k)).toList();
    }

    /**
     * A mentor's counted sessions and minutes in one local month or quarter ({@code from}: its first
     * day), as generation stores them beside the summaries: what {@link #earnedKeys} reads instead of
     * the activities when {@link #tallyGrain} allows.
     */
    public record Tally(LocalDate from, long sessions, long minutes) {
    }

    /** How fine the tallies of a badge must be: quarters, or months (a monthly badge). */
    public enum TallyGrain { QUARTER, MONTH }

    /**
     * The grain of tallies from which {@link #earnedKeys} tells exactly the windows {@link #earned}
     * gives, or null when the badge needs the activities themselves: only activity and hours counts
     * of every activity type reach a threshold by a sum (distinct contacts, streaks and one type's
     * activities do not), and each window (lifetime, a calendar year, a repeat window) is a union of
     * whole months or quarters.
     */
    public static TallyGrain tallyGrain(Achievement a) {
        if (a.threshold() == null || a.metadata().activityType() != null
                || (a.triggerType() != TriggerType.ACTIVITY_COUNT && a.triggerType() != TriggerType.HOURS_TOTAL)) {
            return null;
        }
        return a.repeatable() && a.repeatPeriod() == RepeatPeriod.MONTHLY ? TallyGrain.MONTH : TallyGrain.QUARTER;
    }

    /**
     * The period keys of the awards {@link #earned} gives a mentor whose counted activities add up to
     * {@code tallies} (of {@link #tallyGrain}'s grain or finer): a window is reached when its sum
     * reaches the threshold, as the running value of {@link #earned} does at some activity of it,
     * since counts and minutes only grow. A one-time badge gives {@link RepeatPeriod#ONCE} when some
     * window reaches it.
     */
    public static List<String> earnedKeys(Achievement a, Collection<Tally> tallies) {
        if (tallyGrain(a) == null) {
            throw new IllegalArgumentException("not told by tallies: " + a.key());
        }
        boolean hours = a.triggerType() == TriggerType.HOURS_TOTAL;
        long target = hours ? a.threshold() * 60L : a.threshold();
        Map<String, Long> byWindow = new java.util.TreeMap<>();
        for (Tally t : tallies) {
            byWindow.merge(windowOf(a, t.from()), hours ? t.minutes() : t.sessions(), Long::sum);
        }
        boolean repeating = a.repeatable() && a.repeatPeriod() != null;
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Long> w : byWindow.entrySet()) {
            if (w.getValue() >= target) {
                if (!repeating) {
                    return List.of(RepeatPeriod.ONCE);
                }
                out.add(w.getKey());
            }
        }
        return out;
    }

    /** One step of the running value: a counted activity or an attended event. */
    private record Step(Instant at, LocalDate date, int minutes, String contactId) {
    }

    private List<Award> crossings(Achievement a, MentorFacts f) {
        if (a.threshold() == null) {
            return List.of();
        }
        List<Step> steps = steps(a, f);
        boolean repeating = a.repeatable() && a.repeatPeriod() != null;
        long target = a.triggerType() == TriggerType.HOURS_TOTAL ? a.threshold() * 60L : a.threshold();
        List<Award> out = new ArrayList<>();
        String window = null;
        boolean crossed = false;
        long value = 0;
        Set<String> contacts = new HashSet<>();
        LocalDate lastDate = null;
        for (Step s : steps) {
            String w = windowOf(a, s.date());
            if (!w.equals(window)) { // windows follow each other in time: a new one starts from zero
                window = w;
                crossed = false;
                value = 0;
                contacts.clear();
                lastDate = null;
            }
            if (crossed) {
                continue;
            }
            switch (a.triggerType()) {
                case ACTIVITY_COUNT, EVENTS_ATTENDED -> value++;
                case HOURS_TOTAL -> value += s.minutes();
                case CONTACTS_COUNT -> {
                    if (s.contactId() != null) {
                        contacts.add(s.contactId());
                    }
                    value = contacts.size();
                }
                case STREAK_DAYS -> {
                    if (lastDate == null || !s.date().equals(lastDate)) {
                        value = lastDate != null && s.date().equals(lastDate.plusDays(1)) ? value + 1 : 1;
                        lastDate = s.date();
                    }
                }
                default -> throw new IllegalStateException("not a count trigger: " + a.triggerType());
            }
            if (value >= target) {
                crossed = true;
                out.add(new Award(a.id(), f.userId(), repeating ? w : RepeatPeriod.ONCE, s.at(), null));
                if (!repeating) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The steps a badge counts for a mentor: the attended events, or the counted activities (of
     * one type when the badge names one). The same for every badge of the same kind, so they are
     * built once per mentor (the last mentor's are kept) instead of once per badge.
     */
    private List<Step> steps(Achievement a, MentorFacts f) {
        if (f != memoFacts) {
            memoFacts = f;
            memo.clear();
        }
        boolean eventsKind = a.triggerType() == TriggerType.EVENTS_ATTENDED;
        String type = eventsKind ? null : a.metadata().activityType();
        String key = eventsKind ? "events" : type == null ? "activities" : "type:" + type;
        List<Step> cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        List<Step> steps = new ArrayList<>();
        if (eventsKind) {
            Set<String> seen = new HashSet<>();
            f.events().stream()
                    .sorted(Comparator.comparing(MentorFacts.AttendedEvent::startsAt).thenComparing(MentorFacts.AttendedEvent::eventId))
                    .filter(e -> seen.add(e.eventId()))
                    .forEach(e -> steps.add(new Step(e.startsAt(), LocalDate.ofInstant(e.startsAt(), zone), 0, null)));
        } else {
            for (CountedActivity act : f.activities()) { // already chronological
                if (type == null || type.equals(act.typeKey())) {
                    steps.add(new Step(act.startedAt(), act.localDate() != null ? act.localDate()
                            : LocalDate.ofInstant(act.startedAt(), zone), act.minutes(), act.contactId()));
                }
            }
        }
        memo.put(key, steps);
        return steps;
    }

    /** The key of the counting window of {@code a} holding {@code date} (a repeat window, a year, or all time). */
    static String windowOf(Achievement a, LocalDate date) {
        if (a.repeatable() && a.repeatPeriod() != null) {
            return a.repeatPeriod().key(date);
        }
        return a.metadata().period() == CountPeriod.CALENDAR_YEAR ? Integer.toString(date.getYear()) : "lifetime";
    }

    /** The awards of one badge for many mentors, keyed by user, minus those held ({@code held}: user -> keys). */
    public List<Award> newAwards(Achievement a, Collection<MentorFacts> mentors, Map<String, ? extends Collection<String>> held) {
        List<Award> out = new ArrayList<>();
        for (MentorFacts f : mentors) {
            Collection<String> keys = held.get(f.userId());
            out.addAll(notYetHeld(a, earned(a, f), keys == null ? List.of() : keys));
        }
        return out;
    }
}
