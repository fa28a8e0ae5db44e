package org.impactdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactdesk.engine.Acts.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.Json;
import org.impactdesk.domain.MentorHistory;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.Period;
import org.junit.jupiter.api.Test;
/** The Wrapped payload of docs/slide-payload.md as the engine builds it. */
class SlidePayloadTest {
    final SummaryEngine engine = new SummaryEngine(Acts.OSLO);
    final SummaryContent content = new SummaryContent(new SummaryText(Locale.ENGLISH),
            Map.of("cafe_meeting", new ActivityTypeName("cafe_meeting", "Café meeting", "Kafémøte")));
    final OrganizationSettings org = OrganizationSettings.defaults("org-1", "Org");

    PeriodMetrics metrics(List<CountedActivity> acts, List<MentorHistory.Award> awards) {
        MentorHistory h = new MentorHistory(Acts.mentor(), acts, List.of(), List.of(), List.of(), awards);
        return engine.compute(h, new Period.Year(2025));
    }

    static List<CountedActivity> sufficient() {
        List<CountedActivity> out = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            out.add(local("2025-0" + i + "-10T10:00", 40, i % 2 == 0 ? "cafe_meeting" : "phone_support", "c-secret-" + i));
        }
        return out; // 6 activities, 240 min = 4.00 h
    }

    static JsonNode json(String s) {
        return Json.read(s);
    }

    @Test
    void aFullPayloadHasEverySlideInOrder() {
        List<MentorHistory.Award> awards = List.of(new MentorHistory.Award("ach-1", "first_steps", "First steps",
                "Første steg", "badges/first.png", Instant.parse("2025-03-01T10:00:00Z")));
        SummaryContent.Annual a = content.annual(metrics(sufficient(), awards), org, new BigDecimal("55.6"), false);
        JsonNode p = json(a.payloadJson());
        assertThat(p.get("version").asInt()).isEqualTo(1);
        assertThat(p.get("kind").asText()).isEqualTo("wrapped");
        assertThat(p.get("year").asInt()).isEqualTo(2025);
        assertThat(p.get("preview").asBoolean()).isFalse();
        List<String> keys = new ArrayList<>();
        p.get("slides").forEach(s -> keys.add(s.get("key").asText()));
        assertThat(keys).containsExactly("intro", "hours", "activities", "people", "busiest_month", "activity_mix", "streak",
                "percentile", "milestones", "badges", "impact", "closing");
        // slide_data is the slides array alone
        assertThat(json(a.slideData())).isEqualTo(p.get("slides"));
        JsonNode hours = p.get("slides").get(1);
        assertThat(hours.get("title_key").asText()).isEqualTo("wrapped.hours.title");
        assertThat(hours.get("body_key").asText()).isEqualTo("wrapped.hours.body");
        assertThat(hours.get("stats").get("total_hours").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(hours.get("animation").asText()).isEqualTo("count_up");
        JsonNode busiest = p.get("slides").get(4);
        assertThat(busiest.get("stats").get("monthly")).hasSize(12);
        assertThat(busiest.get("animation").asText()).isEqualTo("grow_bars");
        JsonNode mix = p.get("slides").get(5).get("stats").get("breakdown");
        assertThat(mix.get(0).get("activity_type_id").asText()).isEqualTo("cafe_meeting");
        assertThat(mix.get(0).get("activity_type_name_nb").asText()).isEqualTo("Kafémøte");
        assertThat(p.get("slides").get(7).get("stats").get("percentile_rank").decimalValue()).isEqualByComparingTo("55.6");
        JsonNode impact = p.get("slides").get(10).get("stats");
        assertThat(impact.get("monetary_equivalent").decimalValue()).isEqualByComparingTo("1800.00");
        assertThat(impact.get("social_hours_value").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(impact.get("cost_savings").decimalValue()).isEqualByComparingTo("7200.00");
        assertThat(impact.get("currency").asText()).isEqualTo("NOK");
        assertThat(p.get("slides").get(8).get("stats").get("milestones").get(0).get("label_key").asText())
                .isEqualTo("wrapped.milestone.first_activity");
        assertThat(p.get("slides").get(9).get("stats").get("badges").get(0).get("key").asText()).isEqualTo("first_steps");
        assertThat(p.get("slides").get(9).get("stats").get("badges").get(0).get("name_nb").asText()).isEqualTo("Første steg");
    }

    @Test
    void contactsNeverAppearInThePayload() {
        SummaryContent.Annual a = content.annual(metrics(sufficient(), List.of()), org, null, false);
        assertThat(a.payloadJson()).doesNotContain("c-secret").doesNotContain("contact_id");
        // the stored top_contacts column keeps ids for the app, with labels
        assertThat(a.topContacts()).contains("c-secret-1").contains("Contact 1");
    }

    @Test
    void absentDataLeavesItsSlideOut() {
        SummaryContent.Annual a = content.annual(metrics(sufficient(), List.of()), org, null, true);
        JsonNode p = json(a.payloadJson());
        assertThat(p.get("preview").asBoolean()).isTrue();
        List<String> keys = new ArrayList<>();
        p.get("slides").forEach(s -> keys.add(s.get("key").asText()));
        assertThat(keys).doesNotContain("percentile", "badges").contains("milestones"); // first_activity in 2025
    }

    @Test
    void insufficientDataGivesTheEncouragementSequence() {
        SummaryContent.Annual a = content.annual(metrics(sufficient().subList(0, 4), List.of()), org, null, false);
        assertThat(a.sufficient()).isFalse();
        JsonNode p = json(a.payloadJson());
        assertThat(p.get("kind").asText()).isEqualTo("encouragement");
        assertThat(p.get("slides")).hasSize(3);
        assertThat(p.get("slides").get(0).get("title_key").asText()).isEqualTo("wrapped.encouragement.intro.title");
        JsonNode progress = p.get("slides").get(1);
        assertThat(progress.get("key").asText()).isEqualTo("progress");
        assertThat(progress.get("animation").asText()).isEqualTo("grow_bars");
        assertThat(progress.get("stats").get("total_activities").asInt()).isEqualTo(4);
        assertThat(progress.get("stats").get("total_hours").decimalValue()).isEqualByComparingTo("2.67");
        assertThat(progress.get("stats").get("needed_activities").asInt()).isEqualTo(5);
        assertThat(progress.get("stats").get("needed_hours").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(p.get("slides").get(2).get("title_key").asText()).isEqualTo("wrapped.encouragement.closing.title");
    }

    @Test
    void everyTextKeyIsInBothBundles() {
        List<String> payloads = List.of(
                content.annual(metrics(sufficient(), List.of(new MentorHistory.Award("a", "k", "n", null,
                        Instant.parse("2025-03-01T10:00:00Z")))), org, BigDecimal.TEN, false).payloadJson(),
                content.annual(metrics(List.of(), List.of()), org, null, false).payloadJson());
        for (Locale l : List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"))) {
            ResourceBundle b = ResourceBundle.getBundle("i18n.messages", l);
            for (String payload : payloads) {
                for (JsonNode s : json(payload).get("slides")) {
                    assertThat(b.containsKey(s.get("title_key").asText())).as(s.get("title_key") + " in " + l).isTrue();
                    assertThat(b.containsKey(s.get("body_key").asText())).as(s.get("body_key") + " in " + l).isTrue();
                    JsonNode ms = s.get("stats").get("milestones");
                    if (ms != null) {
                        ms.forEach(m -> assertThat(b.containsKey(m.get("label_key").asText())).isTrue());
                    }
                }
            }
        }
    }

    @Test
    void impactMetricsUseOrganisationSettingsEachFallingBackOnItsOwn() {
        PeriodMetrics m = metrics(sufficient(), List.of()); // 4.00 h, 6 contacts
        OrganizationSettings custom = new OrganizationSettings("o", "O", null, new BigDecimal("333.33"), "SEK", null,
                new BigDecimal("100.50"), null, null, null, null, null);
        Map<String, Object> im = SummaryContent.impactMetrics(m, custom);
        assertThat((BigDecimal) im.get("monetary_equivalent")).isEqualByComparingTo("1333.32");
        assertThat((BigDecimal) im.get("social_hours_value")).isEqualByComparingTo("6.00");
        assertThat((BigDecimal) im.get("cost_savings")).isEqualByComparingTo("603.00");
        assertThat(im.get("currency")).isEqualTo("SEK");
        assertThat(im.keySet()).containsExactly("monetary_equivalent", "social_hours_value", "cost_savings", "currency");
    }

    @Test
    void theImpactMetricsJsonHasTheSeedsKeys() {
        SummaryContent.Impact i = content.impact(metrics(sufficient(), List.of()));
        JsonNode m = json(i.metricsJson());
        List<String> keys = new ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("activity_type_breakdown", "top_activity_type", "longest_streak_days",
                "most_active_month", "avg_session_duration_minutes", "new_contacts_vs_returning");
        assertThat(m.get("activity_type_breakdown").get("cafe_meeting").asInt()).isEqualTo(3);
        assertThat(m.get("top_activity_type").asText()).isEqualTo("cafe_meeting");
        assertThat(m.get("most_active_month").asInt()).isEqualTo(1);
        assertThat(m.get("avg_session_duration_minutes").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(m.get("new_contacts_vs_returning").get("new").asInt()).isEqualTo(6);
        assertThat(i.headline()).isEqualTo("You gave 4 hours to 6 people in 2025");
        // no activity: nulls, not zeros
        JsonNode empty = json(content.impact(metrics(List.of(), List.of())).metricsJson());
        assertThat(empty.get("top_activity_type").isNull()).isTrue();
        assertThat(empty.get("most_active_month").isNull()).isTrue();
        assertThat(empty.get("avg_session_duration_minutes").isNull()).isTrue();
        assertThat(empty.get("activity_type_breakdown")).isEmpty();
    }
}
