package org.impactdesk.service.catalog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.impactdesk.achievement.AwardEvaluator;
import org.impactdesk.achievement.MonthFigures;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.Award;
import org.impactdesk.domain.MentorFacts;
import org.impactdesk.domain.PeerMentor;
import org.impactdesk.domain.TriggerType;
import org.impactdesk.store.AchievementDao;
import org.impactdesk.store.SummaryInputDao;

/**
 * What a badge would give each peer mentor of one organisation, for the editor's preview, read as
 * cheaply as the rule allows and always equal to what the evaluator gives when the badge is saved:
 * <ul>
 *   <li>activity and hours counts of every type ({@link AwardEvaluator#tallyGrain}): from the
 *   quarter totals (or months) generation stored for each mentor from the same counted activities,
 *   for every mentor whose inputs no sync changed since generation read them ({@code stale_summary_inputs}
 *   against {@code summary_mentor_reads}); the others are evaluated from their own activities (an
 *   indexed read each);</li>
 *   <li>distinct contacts and streaks of every type ({@link MonthFigures#tells}): from the runs of days
 *   and the contacts generation stored in each month's row ({@code summary_mentor_months}), for the
 *   same unchanged mentors; a mentor whose months were
 *   stored before V103 (no runs yet) is evaluated from their own activities, as a changed one;</li>
 *   <li>events attended and annual summaries: from the events and the ready years, no activity read;</li>
 *   <li>the rest (one activity type, hours per month), or when more than a third of the mentors are
 *   changed, or when the organisation has no stored totals (never generated): the evaluator over
 *   every mentor's activities ({@code allFacts}).</li>
 * </ul>
 */
final class PreviewEarnings {
    /** A mentor and the period keys of the awards the badge would give them (empty: none). */
    record Earning(String userId, String displayName, List<String> earnedKeys) {
    }

    private PreviewEarnings() {
    }

    static List<Earning> of(AchievementDao dao, Achievement a, String org, ZoneId zone,
                            Supplier<List<MentorFacts>> allFacts) {
        AwardEvaluator evaluator = new AwardEvaluator(zone);
        if (a.triggerType() == TriggerType.EVENTS_ATTENDED || a.triggerType() == TriggerType.ANNUAL_SUMMARY) {
            return evaluated(evaluator, a, dao.facts(org, zone, null, false));
        }
        if (MonthFigures.tells(a)) {
            return fromMonthFigures(dao, a, org, zone, allFacts);
        }
        AwardEvaluator.TallyGrain grain = AwardEvaluator.tallyGrain(a);
        // the stored months hold sessions only: a monthly hours badge reads the activities
        if (grain == null || (grain == AwardEvaluator.TallyGrain.MONTH && a.triggerType() != TriggerType.ACTIVITY_COUNT)) {
            return evaluated(evaluator, a, allFacts.get());
        }
        SummaryInputDao in = new SummaryInputDao(dao.getHandle());
        List<PeerMentor> mentors = in.mentors(org);
        Set<String> stale = changed(in, org, mentors);
        if (stale.size() * 3L > mentors.size()) {
            return evaluated(evaluator, a, allFacts.get());
        }
        Map<String, List<AwardEvaluator.Tally>> tallies = new java.util.HashMap<>();
        if (grain == AwardEvaluator.TallyGrain.MONTH) {
            in.monthsByMentor(org).forEach((pm, rows) -> rows.forEach(m -> tallies.computeIfAbsent(pm, k -> new ArrayList<>())
                    .add(new AwardEvaluator.Tally(LocalDate.of(m.year(), m.month(), 1), m.sessions(), 0))));
        } else {
            in.totalsByMentor(org).forEach((pm, rows) -> rows.forEach(t -> tallies.computeIfAbsent(pm, k -> new ArrayList<>())
                    .add(new AwardEvaluator.Tally(LocalDate.of(t.year(), (t.quarter() - 1) * 3 + 1, 1), t.sessions(),
                            t.minutes()))));
        }
        if (tallies.isEmpty()) { // never generated (or nothing counted): the activities tell
            return evaluated(evaluator, a, allFacts.get());
        }
        return combined(dao, a, org, zone, mentors, stale,
                m -> AwardEvaluator.earnedKeys(a, tallies.getOrDefault(m.id(), List.of())));
    }

    /**
     * A distinct-contacts or streak badge from the stored month figures of every unchanged mentor whose
     * months carry them; the others from their own activities (all from the activities when they are
     * more than a third, or when nothing is stored).
     */
    private static List<Earning> fromMonthFigures(AchievementDao dao, Achievement a, String org, ZoneId zone,
                                                  Supplier<List<MentorFacts>> allFacts) {
        SummaryInputDao in = new SummaryInputDao(dao.getHandle());
        List<PeerMentor> mentors = in.mentors(org);
        Map<String, List<SummaryInputDao.MentorMonth>> months = in.monthsByMentor(org);
        Set<String> stale = changed(in, org, mentors);
        months.forEach((pm, rows) -> {
            if (rows.stream().anyMatch(r -> r.longestRun() == null)) { // stored before V103: not computed yet
                stale.add(pm);
            }
        });
        stale.retainAll(mentors.stream().map(PeerMentor::id).collect(java.util.stream.Collectors.toSet()));
        if (months.isEmpty() || stale.size() * 3L > mentors.size()) {
            return evaluated(new AwardEvaluator(zone), a, allFacts.get());
        }
        return combined(dao, a, org, zone, mentors, stale, m -> MonthFigures.earnedKeys(a,
                months.getOrDefault(m.id(), List.of()).stream()
                        .map(r -> new MonthFigures.Month(r.year(), r.month(), r.firstRun(), r.lastRun(), r.longestRun(),
                                r.contacts() == null ? "" : r.contacts()))
                        .toList()));
    }

    /** The organisation's mentors whose stored figures may not hold their activities (changed since generation read them). */
    private static Set<String> changed(SummaryInputDao in, String org, List<PeerMentor> mentors) {
        Set<String> stale = in.changedSinceRead(org);
        stale.retainAll(mentors.stream().map(PeerMentor::id).collect(java.util.stream.Collectors.toSet()));
        return stale;
    }

    /** {@code stored} for every mentor but the {@code stale} ones, who are evaluated from their own activities. */
    private static List<Earning> combined(AchievementDao dao, Achievement a, String org, ZoneId zone, List<PeerMentor> mentors,
                                          Set<String> stale, java.util.function.Function<PeerMentor, List<String>> stored) {
        Set<String> staleUsers = new HashSet<>();
        Map<String, String> names = dao.displayNames(org);
        List<Earning> out = new ArrayList<>(mentors.size());
        for (PeerMentor m : mentors) {
            if (stale.contains(m.id())) {
                staleUsers.add(m.userId());
            } else {
                out.add(new Earning(m.userId(), names.getOrDefault(m.userId(), m.userId()), stored.apply(m)));
            }
        }
        if (!staleUsers.isEmpty()) {
            out.addAll(evaluated(new AwardEvaluator(zone), a, dao.facts(org, zone, staleUsers)));
        }
        return out;
    }

    private static List<Earning> evaluated(AwardEvaluator evaluator, Achievement a, List<MentorFacts> facts) {
        List<Earning> out = new ArrayList<>(facts.size());
        for (MentorFacts f : facts) {
            out.add(new Earning(f.userId(), f.displayName(), evaluator.earned(a, f).stream().map(Award::periodKey).toList()));
        }
        return out;
    }
}
