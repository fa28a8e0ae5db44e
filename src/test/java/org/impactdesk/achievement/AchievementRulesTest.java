package org.impactdesk.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.AchievementDraft;
import org.impactdesk.domain.CountPeriod;
import org.impactdesk.domain.Problem.Field;
import org.impactdesk.domain.Problem.Severity;
import org.impactdesk.domain.Problem;
import org.impactdesk.domain.RepeatPeriod;
import org.impactdesk.domain.TriggerMetadata;
import org.impactdesk.domain.TriggerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
class AchievementRulesTest {
    static final AchievementDraft OK = new AchievementDraft(null, "org-1", "ten_visits", "Ten visits", "Ten home visits.",
            "badges/ten_visits.png", "activities", "activity_count", "10", "{\"activity_type\": \"home_visit\"}", "25",
            false, "", true, "", "10");
    static final AchievementRules.Context CTX = new AchievementRules.Context(Set.of("first_activity"),
            Set.of("home_visit", "phone_support"), Set.of("achievements-gamification"));

    static List<Problem> validate(AchievementDraft d) {
        return AchievementRules.validate(d, CTX);
    }

    static AchievementDraft with(String field, String value) {
        AchievementDraft d = OK;
        return switch (field) {
            case "key" -> new AchievementDraft(d.id(), d.organizationId(), value, d.name(), d.description(), d.iconUrl(), d.category(), d.triggerType(), d.threshold(), d.metadata(), d.points(), d.repeatable(), d.repeatPeriod(), d.active(), d.requiresModule(), d.sortOrder());
            case "name" -> new AchievementDraft(d.id(), d.organizationId(), d.key(), value, d.description(), d.iconUrl(), d.category(), d.triggerType(), d.threshold(), d.metadata(), d.points(), d.repeatable(), d.repeatPeriod(), d.active(), d.requiresModule(), d.sortOrder());
            case "description" -> new AchievementDraft(d.id(), d.organizationId(), d.key(), d.name(), value, d.iconUrl(), d.category(), d.triggerType(), d.threshold(), d.metadata(), d.points(), d.repeatable(), d.repeatPeriod(), d.active(), d.requiresModule(), d.sortOrder());
            case "icon" -> new AchievementDraft(d.id(), d.organizationId(), d.key(), d.name(), d.description(), value, d.category(), d.triggerType(), d.threshold(), d.metadata(), d.points(), d.repeatable(), d.repeatPeriod(), d.active(), d.requiresModule(), d.sortOrder());
            case "category" -> new AchievementDraft(d.id(), d.organizationId(), d.key(), d.name(), d.description(), d.iconUrl(), value, d.triggerType(), d.threshold(), d.metadata(), d.points(), d.repeatable(), d.repeatPeriod(), d.active(), d.requiresModule(), d.sortOrder());
            case "trigger" -> new AchievementDraft(d.id(), d.organizationId(), d.key(), d.name(), d.description(), d.iconUrl(), d.category(), value, d.threshold(), d.metadata(), d.points(), d.repeatable(), d.repeatPeriod(), d.active(), d.requiresModule(), d.sortOrder());
            case "threshold" -> new AchievementDraft(d.id(), d.organizationId(), d.key(), d.name(), d.description(), d.iconUrl(), d.category(), d.triggerType(), value, d.metadata(), d.points(), d.repeatable(), d.repeatPeriod(), d.active(), d.requiresModule(), d.sortOrder());
            case "metadata" -> new AchievementDraft(d.id(), d.organizationId(), d.key(), d.name(), d.description(), d.iconUrl(), d.category(), d.triggerType(), d.threshold(), value, d.points(), d.repeatable(), d.repeatPeriod(), d.active(), d.requiresModule(), d.sortOrder());
            case "points" -> new AchievementDraft(d.id(), d.organizationId(), d.key(), d.name(), d.description(), d.iconUrl(), d.category(), d.triggerType(), d.threshold(), d.metadata(), value, d.repeatable(), d.repeatPeriod(), d.active(), d.requiresModule(), d.sortOrder());
            case "repeatPeriod" -> new AchievementDraft(d.id(), d.organizationId(), d.key(), d.name(), d.description(), d.iconUrl(), d.category(), d.triggerType(), d.threshold(), d.metadata(), d.points(), d.repeatable(), value, d.active(), d.requiresModule(), d.sortOrder());
            case "module" -> new AchievementDraft(d.id(), d.organizationId(), d.key(), d.name(), d.description(), d.iconUrl(), d.category(), d.triggerType(), d.threshold(), d.metadata(), d.points(), d.repeatable(), d.repeatPeriod(), d.active(), value, d.sortOrder());
            case "sort" -> new AchievementDraft(d.id(), d.organizationId(), d.key(), d.name(), d.description(), d.iconUrl(), d.category(), d.triggerType(), d.threshold(), d.metadata(), d.points(), d.repeatable(), d.repeatPeriod(), d.active(), d.requiresModule(), value);
            default -> throw new IllegalArgumentException(field);
        };
    }

    @Test
    void theNorwegianNameIsOptionalAndAsLongAsTheEnglishOneAtMost() {
        AchievementDraft d = OK;
        AchievementDraft nb = new AchievementDraft(d.id(), d.organizationId(), d.key(), d.name(), "Besøksvenn", d.description(),
                d.iconUrl(), d.category(), d.triggerType(), d.threshold(), d.metadata(), d.points(), d.repeatable(),
                d.repeatPeriod(), d.active(), d.requiresModule(), d.sortOrder());
        assertThat(validate(nb)).isEmpty();
        assertThat(validate(OK)).as("none: Norwegian screens show the English name").isEmpty();
        assertThat(nb.toAchievement(java.time.Instant.EPOCH, java.time.Instant.EPOCH).nameNb()).isEqualTo("Besøksvenn");
        assertThat(OK.toAchievement(java.time.Instant.EPOCH, java.time.Instant.EPOCH).nameNb()).isNull();
        AchievementDraft tooLong = new AchievementDraft(d.id(), d.organizationId(), d.key(), d.name(), "x".repeat(201),
                d.description(), d.iconUrl(), d.category(), d.triggerType(), d.threshold(), d.metadata(), d.points(),
                d.repeatable(), d.repeatPeriod(), d.active(), d.requiresModule(), d.sortOrder());
        assertThat(codes(validate(tooLong))).containsExactly("NAME_NB:ERROR:too_long");
    }

    static AchievementDraft repeatable(AchievementDraft d, boolean r, String period) {
        return new AchievementDraft(d.id(), d.organizationId(), d.key(), d.name(), d.description(), d.iconUrl(), d.category(),
                d.triggerType(), d.threshold(), d.metadata(), d.points(), r, period, d.active(), d.requiresModule(), d.sortOrder());
    }

    static List<String> codes(List<Problem> p) {
        return p.stream().map(x -> x.field() + ":" + x.severity() + ":" + x.code()).toList();
    }

    @Test
    void aValidDraftHasNoProblemAndBecomesAnAchievement() {
        assertThat(validate(OK)).isEmpty();
        Achievement a = OK.withId(java.util.UUID.randomUUID()).toAchievement(java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        assertThat(a.threshold()).isEqualTo(10);
        assertThat(a.metadata()).isEqualTo(new TriggerMetadata("home_visit", CountPeriod.LIFETIME));
        assertThat(a.triggerType()).isEqualTo(TriggerType.ACTIVITY_COUNT);
        AchievementDraft back = AchievementDraft.of(a);
        assertThat(back.metadata()).isEqualTo("{\"activity_type\":\"home_visit\"}");
        assertThat(back.withId(null)).isEqualTo(with("metadata", "{\"activity_type\":\"home_visit\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ten", "1abc", "a", "ten-visits", "ten visits", "ten.visits", "æøå_badge",
            "a1234567890123456789012345678901234567890123456789012345678901234"})
    void aKeyNotMatchingTheFormatIsAnError(String key) {
        assertThat(codes(validate(with("key", key)))).containsExactly("KEY:ERROR:key_format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "first_activity_2", "a_1", "z9"})
    void keysInTheFormatPass(String key) {
        assertThat(validate(with("key", key))).isEmpty();
    }

    @Test
    void aKeyIsUniquePerOwnerAndPlatformKeysAmongPlatformRows() {
        assertThat(codes(validate(with("key", "first_activity")))).containsExactly("KEY:ERROR:key_taken");
        assertThat(codes(validate(with("key", "first_activity").withOwner(null)))).containsExactly("KEY:ERROR:key_taken_platform");
        assertThat(codes(validate(with("key", "")))).containsExactly("KEY:ERROR:key_required");
    }

    @Test
    void everyProblemIsReturnedAtOnceWithItsSeverity() {
        AchievementDraft bad = new AchievementDraft(null, "org-1", "Bad Key", " ", "", "http://example.org/x.png", "nope",
                "activity_count", "", "{\"period\": \"weekly\", \"colour\": 1}", "-5", false, "monthly", true, "Bad Module!", "x");
        assertThat(codes(validate(bad))).containsExactly(
                "KEY:ERROR:key_format",
                "NAME:ERROR:name_required",
                "DESCRIPTION:ERROR:description_required",
                "ICON_URL:WARNING:icon_url_format",
                "CATEGORY:ERROR:category_unknown",
                "THRESHOLD:ERROR:threshold_required",
                "METADATA:ERROR:metadata_period_unknown",
                "METADATA:WARNING:metadata_key_unknown",
                "POINTS:ERROR:points_negative",
                "REPEAT_PERIOD:ERROR:repeat_period_needs_repeatable",
                "REQUIRES_MODULE:ERROR:module_format",
                "SORT_ORDER:ERROR:not_a_whole_number");
        assertThat(AchievementRules.hasErrors(validate(bad))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"activity_count", "hours_total", "contacts_count", "streak_days", "events_attended"})
    void countTriggersNeedAPositiveWholeThreshold(String trigger) {
        AchievementDraft d = with("trigger", trigger);
        AchievementDraft noThreshold = new AchievementDraft(null, "org-1", d.key(), d.name(), d.description(), d.iconUrl(),
                d.category(), trigger, "", "", d.points(), false, "", true, "", "10");
        assertThat(codes(validate(noThreshold))).containsExactly("THRESHOLD:ERROR:threshold_required");
        assertThat(codes(validate(with("threshold", "ten")))).containsExactly("THRESHOLD:ERROR:not_a_whole_number");
        assertThat(codes(validate(with("threshold", "0")))).containsExactly("THRESHOLD:ERROR:threshold_positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"manual", "annual_summary"})
    void nonCountTriggersNeedNoThresholdAndIgnoreOneWithAWarning(String trigger) {
        AchievementDraft d = repeatable(with("trigger", trigger), true, "yearly");
        AchievementDraft none = new AchievementDraft(null, "org-1", d.key(), d.name(), d.description(), d.iconUrl(),
                d.category(), trigger, "", "", d.points(), true, "yearly", true, "", "10");
        assertThat(validate(none)).isEmpty();
        assertThat(codes(validate(d))).containsExactly("THRESHOLD:WARNING:threshold_ignored", "METADATA:WARNING:metadata_ignored");
        assertThat(AchievementRules.hasErrors(validate(d))).isFalse();
        Achievement a = d.withId(java.util.UUID.randomUUID()).toAchievement(java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        assertThat(a.threshold()).isNull();
        assertThat(a.metadata()).isEqualTo(TriggerMetadata.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cdn.example.org/badges/ten.png", "badges/ten.png", "badges/tiers/ten.svg", ""})
    void iconsThatAreHttpsOrBadgeAssetsPass(String icon) {
        assertThat(validate(with("icon", icon))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org/ten.png", "badges/ten.gif", "icons/ten.png", "ten.png", "https://",
            "badges/../secret.png", "file:///etc/passwd"})
    void otherIconsAreOnlyAWarning(String icon) {
        List<Problem> p = validate(with("icon", icon));
        assertThat(codes(p)).containsExactly("ICON_URL:WARNING:icon_url_format");
        assertThat(AchievementRules.hasErrors(p)).isFalse();
    }

    @Test
    void pointsAreAWholeNumberOfAtLeastZero() {
        assertThat(validate(with("points", "0"))).isEmpty();
        assertThat(codes(validate(with("points", "-1")))).containsExactly("POINTS:ERROR:points_negative");
        assertThat(codes(validate(with("points", "2.5")))).containsExactly("POINTS:ERROR:not_a_whole_number");
        assertThat(codes(validate(with("points", "")))).containsExactly("POINTS:ERROR:points_required");
    }

    @Test
    void nameAndDescriptionMustNotBeEmptyNorTooLong() {
        assertThat(codes(validate(with("name", "   ")))).containsExactly("NAME:ERROR:name_required");
        assertThat(codes(validate(with("name", "x".repeat(201))))).containsExactly("NAME:ERROR:too_long");
        assertThat(codes(validate(with("description", "")))).containsExactly("DESCRIPTION:ERROR:description_required");
    }

    @Test
    void repeatPeriodOnlyWhenRepeatableAndThenRequired() {
        assertThat(codes(validate(with("repeatPeriod", "monthly")))).containsExactly("REPEAT_PERIOD:ERROR:repeat_period_needs_repeatable");
        assertThat(codes(validate(repeatable(OK, true, "")))).containsExactly("REPEAT_PERIOD:ERROR:repeat_period_required");
        assertThat(codes(validate(repeatable(OK, true, "weekly")))).containsExactly("REPEAT_PERIOD:ERROR:repeat_period_unknown");
        for (RepeatPeriod p : RepeatPeriod.values()) {
            assertThat(validate(repeatable(OK, true, p.code()))).isEmpty();
        }
    }

    @Test
    void annualSummaryBadgesAreYearly() {
        AchievementDraft annual = new AchievementDraft(null, "org-1", "wrapped", "Wrapped", "Your year.", "", "annual",
                "annual_summary", "", "", "50", true, "monthly", true, "", "10");
        assertThat(codes(validate(annual))).containsExactly("REPEAT_PERIOD:ERROR:annual_yearly_only");
        assertThat(codes(validate(repeatable(annual, false, "")))).containsExactly("REPEAT_PERIOD:WARNING:annual_once_per_year");
    }

    @Test
    void metadataIsAJsonObjectWithKnownKeys() {
        assertThat(codes(validate(with("metadata", "{not json")))).containsExactly("METADATA:ERROR:metadata_not_json");
        assertThat(codes(validate(with("metadata", "[1]")))).containsExactly("METADATA:ERROR:metadata_not_object");
        assertThat(codes(validate(with("metadata", "{\"activity_type\": 3}")))).containsExactly("METADATA:ERROR:metadata_activity_type_text");
        assertThat(codes(validate(with("metadata", "{\"activity_type\": \"karaoke\"}")))).containsExactly("METADATA:WARNING:activity_type_unknown");
        assertThat(validate(with("metadata", "{\"period\": \"calendar_year\"}"))).isEmpty();
        assertThat(TriggerMetadata.parse("{\"period\": \"calendar_year\"}").metadata().period()).isEqualTo(CountPeriod.CALENDAR_YEAR);
        assertThat(TriggerMetadata.parse(null).metadata()).isEqualTo(TriggerMetadata.NONE);
        AchievementDraft events = with("trigger", "events_attended");
        assertThat(codes(validate(events))).containsExactly("METADATA:WARNING:metadata_activity_type_ignored");
    }

    @Test
    void aModuleNoOrganisationHasIsAWarning() {
        assertThat(validate(with("module", "achievements-gamification"))).isEmpty();
        assertThat(codes(validate(with("module", "certification-training")))).containsExactly("REQUIRES_MODULE:WARNING:module_not_enabled");
        assertThat(codes(validate(with("module", "Has Space")))).containsExactly("REQUIRES_MODULE:ERROR:module_format");
    }

    @Test
    void severityOfEachRuleIsAsInSeed001() {
        assertThat(validate(with("key", "X")).get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(validate(with("icon", "ftp://x")).get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(validate(with("icon", "ftp://x")).get(0).field()).isEqualTo(Field.ICON_URL);
    }

    // ---- business rules

    static final Actor GLOBAL = new Actor("u-g", "Gina Global", null, Set.of(Role.GLOBAL_ADMIN), null);
    static final Actor ORG_ADMIN = new Actor("u-a", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    static final Actor COORDINATOR = new Actor("u-k", "Kim", "org-1", Set.of(Role.COORDINATOR), null);

    @Test
    void platformBadgesOnlyByAGlobalAdminOrgBadgesByTheirAdmin() {
        assertThat(AchievementRules.editRefusal(GLOBAL, null)).isEmpty();
        assertThat(AchievementRules.editRefusal(Actor.localOperator(), null)).isEmpty();
        assertThat(AchievementRules.editRefusal(GLOBAL, "org-1")).isEmpty();
        assertThat(AchievementRules.editRefusal(ORG_ADMIN, null)).contains("platform_badge_global_admin_only");
        assertThat(AchievementRules.editRefusal(ORG_ADMIN, "org-1")).isEmpty();
        assertThat(AchievementRules.editRefusal(ORG_ADMIN, "org-2")).contains("other_organization");
        assertThat(AchievementRules.editRefusal(COORDINATOR, "org-1")).contains("admins_only");
    }

    @Test
    void moduleGateActiveAndTenant() {
        Achievement gated = OK.withId(java.util.UUID.randomUUID()).withOwner(null).toAchievement(java.time.Instant.EPOCH,
                java.time.Instant.EPOCH);
        gated = new Achievement(gated.id(), null, gated.key(), gated.name(), gated.description(), gated.iconUrl(),
                gated.category(), gated.triggerType(), gated.threshold(), gated.metadata(), gated.points(), false, null, true,
                "certification-training", 10, gated.createdAt(), gated.updatedAt());
        assertThat(AchievementRules.moduleGate(gated, Set.of())).isFalse();
        assertThat(AchievementRules.moduleGate(gated, Set.of("certification-training"))).isTrue();
        assertThat(AchievementRules.evaluable(gated, "org-9", Set.of("certification-training"))).isTrue();
        assertThat(AchievementRules.evaluable(gated.withActive(false), "org-9", Set.of("certification-training"))).isFalse();
        Achievement own = OK.withId(java.util.UUID.randomUUID()).toAchievement(java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        assertThat(AchievementRules.evaluable(own, "org-1", Set.of())).isTrue();
        assertThat(AchievementRules.evaluable(own, "org-2", Set.of())).isFalse();
    }
}
