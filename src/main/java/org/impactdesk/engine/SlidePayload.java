package org.impactdesk.engine;

import static org.impactdesk.engine.SummaryContent.ordered;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.MentorHistory;
/**
 * The Wrapped slide payload of docs/slide-payload.md: an ordered list of slides with message
 * keys, text arguments, the stats they show and an animation hint. Contacts never appear.
 */
public final class SlidePayload {
    public static final int VERSION = 1;

    private SlidePayload() {
    }

    static Map<String, Object> build(PeriodMetrics m, BigDecimal percentile, Map<String, Object> impact,
                                     boolean sufficient, boolean preview, Function<String, ActivityTypeName> types) {
        int year = m.period().year();
        List<Map<String, Object>> slides = new ArrayList<>();
        if (!sufficient) {
            slides.add(slide("intro", "wrapped.encouragement.intro", ordered("year", year), ordered("year", year), "fade"));
            slides.add(slide("progress", "wrapped.progress",
                    ordered("total_activities", m.activities(), "total_hours", m.hours(),
                            "needed_activities", PeriodMetrics.SUFFICIENT_ACTIVITIES, "needed_hours", PeriodMetrics.SUFFICIENT_HOURS),
                    ordered("total_activities", m.activities(), "total_hours", m.hours(),
                            "needed_activities", PeriodMetrics.SUFFICIENT_ACTIVITIES, "needed_hours", PeriodMetrics.SUFFICIENT_HOURS),
                    "grow_bars"));
            slides.add(slide("closing", "wrapped.encouragement.closing", ordered("year", year), ordered("year", year), "fade"));
            return payload("encouragement", year, preview, slides);
        }
        slides.add(slide("intro", "wrapped.intro", ordered("year", year), ordered("year", year), "fade"));
        slides.add(slide("hours", "wrapped.hours", ordered("hours", m.hours()), ordered("total_hours", m.hours()), "count_up"));
        slides.add(slide("activities", "wrapped.activities", ordered("activities", m.activities()),
                ordered("total_activities", m.activities()), "count_up"));
        slides.add(slide("people", "wrapped.people", ordered("contacts", m.contacts()),
                ordered("contacts_supported", m.contacts()), "count_up"));
        if (m.activities() > 0) {
            int busiestCount = m.monthly().stream().filter(ms -> ms.month() == m.busiestMonth()).findFirst()
                    .map(PeriodMetrics.MonthStat::activities).orElse(0);
            slides.add(slide("busiest_month", "wrapped.busiest_month",
                    ordered("month", m.busiestMonth(), "activities", busiestCount),
                    ordered("busiest_month", m.busiestMonth(), "monthly", SummaryContent.monthly(m)), "grow_bars"));
            List<Map<String, Object>> mix = new ArrayList<>();
            for (PeriodMetrics.TypeStat t : m.typeBreakdown()) {
                ActivityTypeName n = types.apply(t.typeKey());
                mix.add(ordered("activity_type_id", t.typeKey(), "activity_type_name", n.name(),
                        "activity_type_name_nb", n.nameNb(), "count", t.count(), "hours", t.hours()));
            }
            slides.add(slide("activity_mix", "wrapped.activity_mix", ordered("top_activity_type", m.topActivityType()),
                    ordered("breakdown", mix), "grow_segments"));
            Streaks s = m.streaks();
            slides.add(slide("streak", "wrapped.streak",
                    ordered("longest_streak_days", s.longestDays(), "longest_streak_start", str(s.longestStart()),
                            "longest_streak_end", str(s.longestEnd()), "total_active_weeks", s.activeWeeks()),
                    ordered("longest_streak_days", s.longestDays(), "longest_streak_start", str(s.longestStart()),
                            "longest_streak_end", str(s.longestEnd()), "total_active_weeks", s.activeWeeks()),
                    "count_up"));
        }
        if (percentile != null) {
            slides.add(slide("percentile", "wrapped.percentile",
                    ordered("top_percent", BigDecimal.valueOf(100).subtract(percentile), "percentile_rank", percentile),
                    ordered("percentile_rank", percentile), "count_up"));
        }
        if (!m.milestones().isEmpty()) {
            List<Map<String, Object>> ms = new ArrayList<>();
            for (Milestone x : m.milestones()) {
                ms.add(ordered("milestone_key", x.key(), "label_key", SummaryText.milestoneLabelKey(x.key()),
                        "achieved_at", x.achievedAt().toString(), "threshold_value", x.thresholdValue()));
            }
            slides.add(slide("milestones", "wrapped.milestones", ordered("count", ms.size()), ordered("milestones", ms), "stagger"));
        }
        if (!m.awards().isEmpty()) {
            List<Map<String, Object>> badges = new ArrayList<>();
            for (MentorHistory.Award a : m.awards()) {
                badges.add(ordered("key", a.key(), "name", a.name(), "name_nb", a.nameNb(), "icon_url", a.iconUrl(),
                        "awarded_at", a.awardedAt().toString()));
            }
            slides.add(slide("badges", "wrapped.badges", ordered("count", badges.size()), ordered("badges", badges), "pop"));
        }
        slides.add(slide("impact", "wrapped.impact",
                ordered("monetary_equivalent", impact.get("monetary_equivalent"), "currency", impact.get("currency")),
                impact, "count_up"));
        slides.add(slide("closing", "wrapped.closing",
                ordered("year", year, "hours", m.hours(), "activities", m.activities()),
                ordered("year", year, "total_hours", m.hours(), "total_activities", m.activities()), "fade"));
        return payload("wrapped", year, preview, slides);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Map<String, Object> payload(String kind, int year, boolean preview, List<Map<String, Object>> slides) {
        return ordered("version", VERSION, "kind", kind, "year", year, "preview", preview, "slides", slides);
    }

    private static Map<String, Object> slide(String key, String textKey, Map<String, Object> args,
                                             Map<String, Object> stats, String animation) {
        return ordered("key", key, "title_key", textKey + ".title", "body_key", textKey + ".body",
                "args", args, "stats", stats, "animation", animation);
    }
}
