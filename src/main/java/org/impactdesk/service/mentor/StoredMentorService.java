package org.impactdesk.service.mentor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.MentorOverview.Kind;
import org.impactdesk.domain.MentorOverview.Source;
import org.impactdesk.domain.MentorOverview.SummaryEntry;
import org.impactdesk.domain.MentorOverview.YoyPoint;
import org.impactdesk.domain.MentorOverview;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.domain.StoredSummaries.Annual;
import org.impactdesk.domain.StoredSummaries.MonthFigure;
import org.impactdesk.domain.StoredSummaries.Periodic;
import org.impactdesk.domain.StoredSummaries;
import org.impactdesk.store.MentorSummaryReader;
/**
 * {@link MentorService} over the stored summaries: reads one mentor's rows with the signed-in
 * user's scope and lays them side by side (this year against last, by month from the annual
 * {@code monthly_distribution}, by quarter from the quarterly periodic rows, whose prior-year
 * figures come with them). It computes no metric: every number is a stored one, except the open
 * quarter's, which has no periodic row yet and is the sum of its stored (or previewed) months so far,
 * marked partial like the open month.
 */
public final class StoredMentorService implements MentorService {
    private final MentorSummaryReader reader;
    private final OpenYearPreview preview;

    public StoredMentorService(MentorSummaryReader reader, OpenYearPreview preview) {
        this.reader = reader;
        this.preview = preview;
    }

    @Override
    public List<MentorRef> mentorsInScope(Actor actor) {
        return reader.mentorsInScope(actor.scope());
    }

    @Override
    public int defaultYear(Actor actor, String peerMentorId, LocalDate today) {
        TreeSet<Integer> years = new TreeSet<>();
        reader.annualSummaries(actor.scope(), peerMentorId).forEach(a -> years.add(a.year()));
        reader.periodicSummaries(actor.scope(), peerMentorId).forEach(p -> years.add(p.year()));
        return years.isEmpty() ? today.getYear() : years.last();
    }

    @Override
    public MentorOverview overview(Actor actor, String peerMentorId, int year, LocalDate today) {
        var scope = actor.scope();
        MentorRef mentor = reader.mentor(scope, peerMentorId)
                .orElseThrow(() -> new MentorNotFoundException(peerMentorId));
        List<Annual> annuals = reader.annualSummaries(scope, peerMentorId);
        List<Periodic> periodics = reader.periodicSummaries(scope, peerMentorId);

        boolean open = year >= today.getYear();
        Optional<Annual> storedThis = annuals.stream().filter(a -> a.year() == year).findFirst();
        Optional<Annual> last = annuals.stream().filter(a -> a.year() == year - 1).findFirst();
        Optional<Annual> thisYear = storedThis;
        Source source;
        if (!open) {
            source = storedThis.isPresent() ? Source.STORED : Source.MISSING;
        } else {
            Optional<Annual> previewed = preview.preview(actor, peerMentorId, year);
            if (previewed.isPresent()) {
                thisYear = previewed;
                source = Source.PREVIEW;
            } else {
                source = Source.STORED_OPEN_YEAR;
            }
        }

        // the open period (month and quarter holding today) of the open year: its figures are partial
        int openMonth = year == today.getYear() ? today.getMonthValue() : 0;
        int openQuarter = openMonth == 0 ? 0 : (openMonth - 1) / 3 + 1;

        List<YoyPoint> months = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) {
            Optional<MonthFigure> now = month(thisYear, m);
            Optional<MonthFigure> before = month(last, m);
            months.add(new YoyPoint(m,
                    now.map(MonthFigure::sessions).orElse(null), before.map(MonthFigure::sessions).orElse(null),
                    now.map(MonthFigure::hours).orElse(null), before.map(MonthFigure::hours).orElse(null),
                    m == openMonth));
        }

        List<YoyPoint> quarters = new ArrayList<>(4);
        for (int q = 1; q <= 4; q++) {
            int quarter = q;
            Optional<Periodic> now = periodics.stream().filter(p -> p.isQuarter(year, quarter)).findFirst();
            Optional<Periodic> before = periodics.stream().filter(p -> p.isQuarter(year - 1, quarter)).findFirst();
            // the row of this year carries the prior year's figures as the engine stored them;
            // without it (or without prior data on it), last year's own row
            Integer lastSessions = now.map(Periodic::priorYearSessions)
                    .orElse(before.map(Periodic::sessions).orElse(null));
            var lastHours = now.map(Periodic::priorYearHours)
                    .orElse(before.map(Periodic::hours).orElse(null));
            Integer thisSessions = now.map(Periodic::sessions).orElse(null);
            BigDecimal thisHours = now.map(Periodic::hours).orElse(null);
            if (q == openQuarter && now.isEmpty()) {
                // no periodic row exists for a quarter still running: its months so far, summed
                List<MonthFigure> soFar = monthsSoFar(thisYear, q, openMonth);
                if (!soFar.isEmpty()) {
                    thisSessions = sessions(soFar);
                    thisHours = hours(soFar);
                }
                // ... set against the same months of last year, not last year's whole quarter
                if (last.isPresent()) {
                    List<MonthFigure> sameMonths = monthsSoFar(last, q, openMonth);
                    lastSessions = sessions(sameMonths);
                    lastHours = hours(sameMonths);
                }
            }
            quarters.add(new YoyPoint(q, thisSessions, lastSessions, thisHours, lastHours, q == openQuarter));
        }

        List<SummaryEntry> entries = new ArrayList<>();
        for (Annual a : annuals) {
            entries.add(new SummaryEntry(Kind.ANNUAL, a.year(), Integer.toString(a.year()), a.status(),
                    a.totalActivities(), a.totalHours(), a.generatedAt()));
        }
        for (StoredSummaries.Impact i : reader.impactSummaries(scope, peerMentorId)) {
            String period = i.halfIndex() == null ? Integer.toString(i.year()) : i.year() + "-H" + i.halfIndex();
            entries.add(new SummaryEntry(Kind.IMPACT, i.year(), period, i.status(), i.activities(), i.hours(),
                    i.generatedAt()));
        }
        for (Periodic p : periodics) {
            String period = p.quarter() != null ? p.year() + "-Q" + p.quarter() : p.year() + "-H" + p.half();
            entries.add(new SummaryEntry(Kind.PERIODIC, p.year(), period, p.outlierStatus(), p.sessions(), p.hours(),
                    p.generatedAt()));
        }
        entries.sort(Comparator.comparing(SummaryEntry::year).reversed()
                .thenComparing(SummaryEntry::kind)
                .thenComparing(SummaryEntry::period));

        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        annuals.forEach(a -> years.add(a.year()));
        periodics.forEach(p -> years.add(p.year()));
        years.add(today.getYear());
        years.add(year);

        return new MentorOverview(mentor, year, open, source, last.isPresent(), months, quarters, entries,
                thisYear.map(Annual::milestones).orElse(List.of()),
                named(thisYear.map(Annual::awards).orElse(List.of()), year),
                List.copyOf(years));
    }

    /** The shown year's awards with their catalog names (stored and previewed awards carry ids and keys only). */
    private List<StoredSummaries.AwardItem> named(List<StoredSummaries.AwardItem> awards, int year) {
        List<String> unnamed = awards.stream().filter(a -> a.name() == null && a.achievementId() != null)
                .map(StoredSummaries.AwardItem::achievementId).toList();
        if (unnamed.isEmpty()) {
            return awards;
        }
        Map<String, String> names = reader.achievementNames(unnamed);
        Map<String, String> namesNb = reader.achievementNamesNb(unnamed);
        // an annual badge in year Y's list is the one for Y (dated on Y's last moment, AwardEvaluator.endOfYear)
        java.util.Set<String> annual = reader.annualAchievements(unnamed);
        return awards.stream().map(a -> a.name() != null || !names.containsKey(a.achievementId()) ? a
                : new StoredSummaries.AwardItem(a.achievementId(), a.key(), names.get(a.achievementId()),
                        namesNb.get(a.achievementId()), a.awardedAt(), annual.contains(a.achievementId()) ? year : null))
                .toList();
    }

    /** The figures of quarter {@code quarter}'s months up to {@code openMonth} (those with a figure). */
    private static List<MonthFigure> monthsSoFar(Optional<Annual> annual, int quarter, int openMonth) {
        int first = (quarter - 1) * 3 + 1;
        List<MonthFigure> out = new ArrayList<>(3);
        for (int m = first; m <= openMonth; m++) {
            month(annual, m).ifPresent(out::add);
        }
        return out;
    }

    private static int sessions(List<MonthFigure> months) {
        return months.stream().mapToInt(MonthFigure::sessions).sum();
    }

    private static BigDecimal hours(List<MonthFigure> months) {
        return months.stream().map(MonthFigure::hours).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Optional<MonthFigure> month(Optional<Annual> annual, int month) {
        return annual.flatMap(a -> a.months().stream().filter(f -> f.month() == month).findFirst());
    }
}
