package org.impactdesk.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.Json;
import org.impactdesk.domain.MentorHistory;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.Period;
/**
 * Turns metrics into the stored shapes of the three tables: the JSON columns with the seeds' key
 * names and the Wrapped slide payload. Pure: the same inputs give the same text (and hash).
 */
public final class SummaryContent {
    private final SummaryText text;
    private final Map<String, ActivityTypeName> types;

    public SummaryContent(SummaryText text, Map<String, ActivityTypeName> types) {
        this.text = text;
        this.types = types;
    }

    public SummaryText text() {
        return text;
    }

    private ActivityTypeName type(String key) {
        return types.getOrDefault(key, ActivityTypeName.unknown(key));
    }

    /** The computed columns of an annual summary (everything but ids, lifecycle, sharing, timestamps). */
    public record Annual(PeriodMetrics metrics, BigDecimal percentileRank, boolean sufficient,
                         String activityBreakdown, String activityTypeBreakdown, String monthlyDistribution,
                         String activityStreaks, String topContacts, String impactMetrics, String milestones,
                         String achievementsEarned, String slideData, String payloadJson, long contentHash) {
    }

    /** The computed columns of an impact summary. */
    public record Impact(PeriodMetrics metrics, String metricsJson, String milestones, String headline, long contentHash) {
    }

    public Annual annual(PeriodMetrics m, OrganizationSettings org, BigDecimal percentile, boolean preview) {
        Map<String, Object> breakdown = new LinkedHashMap<>();
        m.typeBreakdown().stream().map(PeriodMetrics.TypeStat::typeKey).sorted()
                .forEach(k -> breakdown.put(k, m.typeBreakdown().stream().filter(t -> t.typeKey().equals(k)).findFirst().get().count()));
        List<Map<String, Object>> typeRows = new ArrayList<>();
        for (PeriodMetrics.TypeStat t : m.typeBreakdown()) {
            typeRows.add(ordered("activity_type_id", t.typeKey(), "activity_type_name", type(t.typeKey()).name(),
                    "count", t.count(), "hours", t.hours()));
        }
        List<Map<String, Object>> monthly = monthly(m);
        Streaks s = m.streaks();
        Map<String, Object> streaks = ordered("longest_streak_days", s.longestDays(),
                "longest_streak_start", s.longestStart() == null ? null : s.longestStart().toString(),
                "longest_streak_end", s.longestEnd() == null ? null : s.longestEnd().toString(),
                "current_streak_days", s.currentDays(), "total_active_weeks", s.activeWeeks());
        List<Map<String, Object>> top = new ArrayList<>();
        for (int i = 0; i < m.topContacts().size(); i++) {
            PeriodMetrics.ContactStat c = m.topContacts().get(i);
            top.add(ordered("contact_id", c.contactId(), "label", text.contactLabel(i + 1), "interactions", c.interactions()));
        }
        Map<String, Object> impact = impactMetrics(m, org);
        List<Map<String, Object>> milestones = milestones(m);
        List<Map<String, Object>> awards = new ArrayList<>();
        for (MentorHistory.Award a : m.awards()) {
            awards.add(ordered("achievement_id", a.achievementId(), "key", a.key(), "awarded_at", a.awardedAt().toString()));
        }
        boolean sufficient = m.dataSufficient();
        Map<String, Object> payload = SlidePayload.build(m, percentile, impact, sufficient, preview, type -> type(type));
        String slides = Json.write(payload.get("slides"));
        Annual a = new Annual(m, percentile, sufficient, Json.write(breakdown), Json.write(typeRows), Json.write(monthly),
                Json.write(streaks), Json.write(top), Json.write(impact), Json.write(milestones), Json.write(awards),
                slides, Json.write(payload), 0);
        long hash = Fingerprint.of(m.activities(), m.hours(), m.contacts(), m.eventsAttended(), m.travelKm(),
                m.busiestMonth(), s.longestDays(), percentile, sufficient, a.activityBreakdown, a.activityTypeBreakdown,
                a.monthlyDistribution, a.activityStreaks, a.topContacts, a.impactMetrics, a.milestones,
                a.achievementsEarned, a.payloadJson);
        return new Annual(m, percentile, sufficient, a.activityBreakdown, a.activityTypeBreakdown, a.monthlyDistribution,
                a.activityStreaks, a.topContacts, a.impactMetrics, a.milestones, a.achievementsEarned, slides,
                a.payloadJson, hash);
    }

    public Impact impact(PeriodMetrics m) {
        Map<String, Object> breakdown = new LinkedHashMap<>();
        m.typeBreakdown().stream().map(PeriodMetrics.TypeStat::typeKey).sorted()
                .forEach(k -> breakdown.put(k, m.typeBreakdown().stream().filter(t -> t.typeKey().equals(k)).findFirst().get().count()));
        Map<String, Object> metrics = ordered(
                "activity_type_breakdown", breakdown,
                "top_activity_type", m.topActivityType(),
                "longest_streak_days", m.streaks().longestDays(),
                "most_active_month", m.busiestMonth(),
                "avg_session_duration_minutes", m.avgSessionMinutes(),
                "new_contacts_vs_returning", ordered("new", m.newContacts(), "returning", m.returningContacts()));
        String metricsJson = Json.write(metrics);
        String milestones = Json.write(milestones(m));
        String headline = text.headline(m.period(), m.hours(), m.contacts());
        long hash = Fingerprint.of(m.activities(), m.hours(), m.contacts(), m.assignmentsCompleted(), metricsJson,
                milestones, headline);
        return new Impact(m, metricsJson, milestones, headline, hash);
    }

    public static Map<String, Object> impactMetrics(PeriodMetrics m, OrganizationSettings org) {
        return ordered(
                "monetary_equivalent", Hours.money(m.hours(), org.effectiveHourlyRate()),
                "social_hours_value", Hours.money(m.hours(), org.effectiveSocialValueMultiplier()),
                "cost_savings", Hours.money(BigDecimal.valueOf(m.contacts()), org.effectiveCostSavingPerContact()),
                "currency", org.effectiveCurrency());
    }

    static List<Map<String, Object>> monthly(PeriodMetrics m) {
        List<Map<String, Object>> monthly = new ArrayList<>();
        for (PeriodMetrics.MonthStat ms : m.monthly()) {
            monthly.add(ordered("month", ms.month(), "activities", ms.activities(), "hours", ms.hours()));
        }
        return monthly;
    }

    private List<Map<String, Object>> milestones(PeriodMetrics m) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Milestone ms : m.milestones()) {
            out.add(ordered("milestone_key", ms.key(), "label", text.milestoneLabel(ms.key()),
                    "achieved_at", ms.achievedAt().toString(), "threshold_value", ms.thresholdValue()));
        }
        return out;
    }

    /** A map in the order the keys are given: key, value, key, value... */
    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Which table rows a period gives: used by the impact period type. */
    public static String impactPeriodType(Period p) {
        return p instanceof Period.Year ? "annual" : "half_year";
    }
}
