package org.impactdesk.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactdesk.service.catalog.AchievementFixture.ADA;
import static org.impactdesk.service.catalog.AchievementFixture.GINA;
import static org.impactdesk.service.catalog.AchievementFixture.KIM;
import static org.impactdesk.service.catalog.AchievementFixture.ODD;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.impactdesk.access.Actor;
import org.impactdesk.achievement.AchievementRules;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.AchievementDraft;
import org.impactdesk.domain.Award;
import org.impactdesk.domain.Category;
import org.impactdesk.domain.MentorChoice;
import org.impactdesk.domain.Points;
import org.impactdesk.domain.Problem;
import org.impactdesk.domain.RepeatPeriod;
import org.impactdesk.domain.TriggerType;
import org.impactdesk.store.AchievementDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
/** The evaluator, the editor service and the DAO on a migrated H2 file database. */
@MigratedH2
class AchievementServiceTest {
    static final Instant NOW = Instant.parse("2026-01-10T08:00:00Z");

    Database db;
    AchievementService service;
    AchievementEvaluation evaluation;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        AchievementFixture.write(db);
        service = new StoredAchievementService(db.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC));
        evaluation = new AchievementEvaluation(db.jdbi());
    }

    AchievementDao dao() {
        return db.jdbi().onDemand(AchievementDao.class);
    }

    /** user|key|period_key|awarded_at of every award, sorted. */
    List<String> awards() {
        Map<UUID, String> keys = dao().all().stream().collect(Collectors.toMap(Achievement::id, Achievement::key));
        return dao().awardsInScope(Actor.localOperator().scope()).stream()
                .map(s -> s.award().userId() + "|" + keys.get(s.award().achievementId()) + "|" + s.award().periodKey() + "|"
                        + s.award().awardedAt())
                .sorted().toList();
    }

    @Test
    void aNewDatabaseHasTheValidPlatformCatalog() {
        List<Achievement> catalog = dao().platform();
        assertThat(catalog).extracting(Achievement::key).contains("first_activity", "ten_activities", "fifty_activities",
                "hundred_activities", "ten_hours", "fifty_hours", "hundred_hours", "five_contacts", "ten_contacts",
                "twenty_five_contacts", "three_day_streak", "seven_day_streak", "first_event", "annual_wrapped",
                "monthly_regular");
        assertThat(catalog).allSatisfy(a -> {
            assertThat(a.isPlatform()).isTrue();
            assertThat(a.active()).isTrue();
            assertThat(AchievementRules.validate(AchievementDraft.of(a), AchievementRules.Context.none())).as(a.key()).isEmpty();
            assertThat(Category.fromCode(a.category())).isNotNull();
        });
        assertThat(catalog).filteredOn(a -> a.triggerType() == TriggerType.ANNUAL_SUMMARY)
                .singleElement().satisfies(a -> assertThat(a.repeatPeriod()).isEqualTo(RepeatPeriod.YEARLY));
        assertThat(awards()).as("the migration awards nothing").isEmpty();
    }

    @Test
    void evaluationAwardsWhatTheCountedActivitiesEarnAtTheCrossingAndTwiceAwardsNothingNew() {
        AchievementEvaluation.Report first = evaluation.evaluate(Actor.localOperator(), null);
        assertThat(awards()).containsExactly(
                "user-jonas|first_activity|once|2025-02-01T09:00:00Z",
                "user-mira|first_activity|once|2024-12-31T23:30:00Z",
                "user-mira|first_event|once|2025-03-20T16:00:00Z",
                "user-mira|ten_activities|once|2025-07-01T09:00:00Z",
                "user-mira|ten_hours|once|2025-07-01T09:00:00Z",
                "user-mira|three_day_streak|once|2025-03-06T09:00:00Z",
                "user-sofie|first_activity|once|2025-05-01T09:00:00Z",
                "user-sofie|monthly_regular|2025-05|2025-05-04T09:00:00Z",
                "user-sofie|seven_day_streak|once|2025-05-07T09:00:00Z",
                "user-sofie|ten_activities|once|2025-05-10T09:00:00Z",
                "user-sofie|three_day_streak|once|2025-05-03T09:00:00Z");
        assertThat(first.awarded()).isEqualTo(11);
        assertThat(first.byKey()).containsEntry("first_activity", 3).containsEntry("ten_activities", 2);
        AchievementEvaluation.Report second = evaluation.evaluate(Actor.localOperator(), null);
        assertThat(second.awarded()).isZero();
        assertThat(awards()).hasSize(11);
    }

    @Test
    void anOrgAdminEvaluatesOnlyTheirOwnOrganisationAndOthersMayNotEvaluate() {
        assertThat(evaluation.evaluate(ADA, null).awarded()).isEqualTo(6);
        assertThat(awards()).noneMatch(a -> a.startsWith("user-sofie"));
        assertThatThrownBy(() -> evaluation.evaluate(ADA, "org-2")).isInstanceOf(AchievementRefusedException.class);
        assertThatThrownBy(() -> evaluation.evaluate(KIM, null)).isInstanceOf(AchievementRefusedException.class);
    }

    AchievementDraft draft(String org, String key, String trigger, String threshold, String metadata, String module) {
        return new AchievementDraft(null, org, key, "Badge " + key, "What " + key + " is for.", "badges/" + key + ".png",
                "special", trigger, threshold, metadata, "5", false, "", true, module, "100");
    }

    @Test
    void theModuleGateDecidesWhereAPlatformBadgeIsAwarded() {
        AchievementDraft gated = draft(null, "gamified_start", "activity_count", "1", "", AchievementFixture.MODULE);
        AchievementService.Preview preview = service.preview(GINA, gated, service.catalog(GINA, null));
        assertThat(preview.status()).isEqualTo(AchievementService.Preview.Status.COMPUTED);
        assertThat(preview.earners()).isEqualTo(2);
        assertThat(preview.sample()).containsExactly("Jonas Prøvesen", "Mira Eksempel");
        assertThat(preview.gatedOrganizations()).containsExactly("Sørby Friends");
        AchievementService.Saved saved = service.save(GINA, gated);
        assertThat(saved.awarded()).isEqualTo(preview.newAwards()).isEqualTo(2);
        assertThat(awards()).filteredOn(a -> a.contains("gamified_start")).extracting(a -> a.split("\\|")[0])
                .containsExactly("user-jonas", "user-mira");
        // enabling the module for org-2 makes Sofie earn it at the next evaluation
        db.jdbi().useHandle(h -> h.execute("INSERT INTO organization_modules VALUES ('org-2', ?)", AchievementFixture.MODULE));
        evaluation.evaluate(Actor.localOperator(), null);
        assertThat(awards()).filteredOn(a -> a.contains("gamified_start")).hasSize(3);
    }

    /**
     * The preview's sample is the first names in the reader's language: in Norwegian Å comes after
     * Z (so an Åse is not among the first five of seven), in English with A.
     */
    @Test
    void thePreviewsSampleIsTheFirstNamesInTheReadersLanguage() {
        db.jdbi().useHandle(h -> {
            String[][] more = {{"pm-11", "Åse Ødegård"}, {"pm-12", "Zacharias Berg"}, {"pm-13", "Anders Aas"},
                    {"pm-14", "Bodil Bø"}, {"pm-15", "Carl Dahl"}};
            for (String[] m : more) {
                String user = "user-" + m[0];
                h.execute("INSERT INTO users (id, organization_id, display_name) VALUES (?, 'org-1', ?)", user, m[1]);
                h.execute("INSERT INTO user_roles (user_id, role) VALUES (?, 'peer_mentor')", user);
                h.execute("INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status) "
                        + "VALUES (?, ?, 'org-1', 'la-1', 'active')", m[0], user);
                h.execute("INSERT INTO peer_mentor_associations VALUES (?, 'la-1')", m[0]);
                AchievementFixture.activity(h, "a-" + m[0], "org-1", "la-1", m[0], "home_visit", "2025-06-02 09:00:00+00",
                        60, "c-1", "approved");
            }
        });
        AchievementDraft any = draft("org-1", "any_activity", "activity_count", "1", "", "");
        java.text.Collator nb = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("nb"));
        AchievementService.Preview norwegian = service.preview(ADA, any, service.catalog(ADA, "org-1"), nb::compare);
        assertThat(norwegian.earners()).isEqualTo(7);
        assertThat(norwegian.sample()).containsExactly("Anders Aas", "Bodil Bø", "Carl Dahl", "Jonas Prøvesen", "Mira Eksempel");
        java.text.Collator en = java.text.Collator.getInstance(java.util.Locale.ENGLISH);
        AchievementService.Preview english = service.preview(ADA, any, service.catalog(ADA, "org-1"), en::compare);
        assertThat(english.sample()).containsExactly("Anders Aas", "Åse Ødegård", "Bodil Bø", "Carl Dahl", "Jonas Prøvesen");
    }

    @Test
    void thePreviewCountIsWhatSavingAwards() {
        AchievementDraft visits = draft("org-1", "home_visitor", "activity_count", "2",
                "{\"activity_type\": \"home_visit\"}", "");
        AchievementService.Preview preview = service.preview(ADA, visits, service.catalog(ADA, "org-1"));
        assertThat(preview.mentorsInScope()).isEqualTo(2);
        assertThat(preview.earners()).isEqualTo(2);
        assertThat(preview.newAwards()).isEqualTo(2);
        assertThat(preview.alreadyHolding()).isZero();
        AchievementService.Saved saved = service.save(ADA, visits);
        assertThat(saved.awarded()).isEqualTo(2);
        assertThat(awards()).filteredOn(a -> a.contains("home_visitor")).containsExactly(
                "user-jonas|home_visitor|once|2025-02-03T09:00:00Z",
                "user-mira|home_visitor|once|2025-02-11T09:00:00Z");
        // previewing the saved badge again: both hold it, nothing new
        AchievementService.Preview again = service.preview(ADA, AchievementDraft.of(saved.achievement()),
                service.catalog(ADA, "org-1"));
        assertThat(again.earners()).isEqualTo(2);
        assertThat(again.alreadyHolding()).isEqualTo(2);
        assertThat(again.newAwards()).isZero();
    }

    @Test
    void anOrgAdminMayNotChangeAPlatformBadge() {
        Achievement first = dao().platform().stream().filter(a -> a.key().equals("first_activity")).findFirst().orElseThrow();
        AchievementDraft edit = new AchievementDraft(first.id(), null, first.key(), "Renamed", first.description(), "",
                first.category(), first.triggerType().code(), "1", "", "10", false, "", true, "", "10");
        assertThatThrownBy(() -> service.save(ADA, edit)).isInstanceOf(AchievementRefusedException.class)
                .satisfies(e -> assertThat(((AchievementRefusedException) e).problems()).extracting(Problem::code)
                        .contains("platform_badge_global_admin_only"));
        assertThatThrownBy(() -> service.setActive(ADA, first.id(), false)).isInstanceOf(AchievementRefusedException.class);
        assertThatThrownBy(() -> service.save(ADA, edit.withId(null).withKey("my_first")))
                .isInstanceOf(AchievementRefusedException.class);
        assertThat(dao().find(first.id()).orElseThrow().name()).isEqualTo("First step");
        // a global admin may
        service.save(GINA, edit);
        assertThat(dao().find(first.id()).orElseThrow().name()).isEqualTo("Renamed");
        // an org admin of another organisation may not touch org-1's badges
        AchievementService.Saved own = service.save(ADA, draft("org-1", "nordby_star", "manual", "", "", ""));
        assertThatThrownBy(() -> service.setActive(ODD, own.achievement().id(), false)).isInstanceOf(AchievementRefusedException.class);
    }

    @Test
    void keysAreUniquePerOrganisationAndAmongPlatformRows() {
        // an organisation may reuse a platform key; not its own twice
        service.save(ADA, draft("org-1", "first_activity", "activity_count", "1", "", ""));
        assertThatThrownBy(() -> service.save(ADA, draft("org-1", "first_activity", "activity_count", "2", "", "")))
                .isInstanceOf(AchievementRefusedException.class)
                .satisfies(e -> assertThat(((AchievementRefusedException) e).problems()).extracting(Problem::code)
                        .containsExactly("key_taken"));
        assertThatThrownBy(() -> service.save(GINA, draft(null, "first_activity", "activity_count", "2", "", "")))
                .isInstanceOf(AchievementRefusedException.class)
                .satisfies(e -> assertThat(((AchievementRefusedException) e).problems()).extracting(Problem::code)
                        .containsExactly("key_taken_platform"));
        service.save(ODD, draft("org-2", "first_activity", "activity_count", "1", "", ""));
    }

    @Test
    void inactiveBadgesAreNotEvaluatedButKeepTheirAwards() {
        evaluation.evaluate(Actor.localOperator(), null);
        Achievement ten = dao().platform().stream().filter(a -> a.key().equals("ten_activities")).findFirst().orElseThrow();
        AchievementService.Change off = service.setActive(GINA, ten.id(), false);
        assertThat(off.kind()).isEqualTo(AchievementService.Change.Kind.DEACTIVATED);
        assertThat(awards()).filteredOn(a -> a.contains("|ten_activities|")).hasSize(2);
        // a new mentor's tenth activity: not awarded while inactive
        db.jdbi().useHandle(h -> {
            for (int i = 1; i <= 10; i++) {
                AchievementFixture.activity(h, "j-1" + i, "org-1", "la-1", "pm-2", "home_visit",
                        String.format("2025-11-%02d 09:00:00+00", i * 2), 30, null, "approved");
            }
        });
        evaluation.evaluate(Actor.localOperator(), null);
        assertThat(awards()).filteredOn(a -> a.contains("|ten_activities|")).hasSize(2);
        // points of an inactive badge are not surfaced
        assertThat(service.points(ADA)).filteredOn(p -> p.userId().equals("user-mira")).singleElement()
                .satisfies(p -> assertThat(p.points()).isEqualTo(10 + 10 + 25 + 15));
        // reactivating evaluates it at once
        AchievementService.Change on = service.setActive(GINA, ten.id(), true);
        assertThat(on.deleteAwards()).hasSize(1);
        assertThat(awards()).filteredOn(a -> a.startsWith("user-jonas|ten_activities|")).hasSize(1);
        service.undo(GINA, on);
        assertThat(dao().find(ten.id()).orElseThrow().active()).isFalse();
        assertThat(awards()).filteredOn(a -> a.startsWith("user-jonas|ten_activities|")).isEmpty();
    }

    @Test
    void annualSummaryBadgesOncePerUserAndYearWhenTheSummaryBecomesReadyDatedOnTheYearsLastMoment() {
        Instant ready = Instant.parse("2026-01-05T06:00:00Z");
        evaluation.annualSummaryReady("user-mira", "org-1", 2025, ready);
        evaluation.annualSummaryReady("user-mira", "org-1", 2025, ready.plusSeconds(60));
        evaluation.annualSummaryReady("user-mira", "org-1", 2024, ready);
        // issue 14 item 6: the badge belongs to its year (org-1 is in Oslo), not to the day it became ready
        assertThat(awards()).containsExactly("user-mira|annual_wrapped|2024|2024-12-31T22:59:59.999999Z",
                "user-mira|annual_wrapped|2025|2025-12-31T22:59:59.999999Z");
    }

    @Test
    void manualBadgesAreAwardedByHandOncePerWindow() {
        AchievementService.Saved helper = service.save(ADA, draft("org-1", "great_helper", "manual", "", "", ""));
        assertThat(helper.awarded()).isZero();
        AchievementService.Change award = service.awardManually(ADA, helper.achievement().id(), "user-mira");
        assertThat(service.awardsOf(ADA, helper.achievement().id())).singleElement().satisfies(a -> {
            assertThat(a.periodKey()).isEqualTo("once");
            assertThat(a.awardedBy()).isEqualTo("user-ada");
            assertThat(a.awardedAt()).isEqualTo(NOW);
        });
        assertThatThrownBy(() -> service.awardManually(ADA, helper.achievement().id(), "user-mira"))
                .isInstanceOf(AchievementRefusedException.class)
                .satisfies(e -> assertThat(((AchievementRefusedException) e).problems()).extracting(Problem::code)
                        .containsExactly("manual_already_held"));
        assertThatThrownBy(() -> service.awardManually(ADA, helper.achievement().id(), "user-sofie"))
                .satisfies(e -> assertThat(((AchievementRefusedException) e).problems()).extracting(Problem::code)
                        .containsExactly("manual_not_in_scope"));
        Achievement first = dao().platform().stream().filter(a -> a.key().equals("first_activity")).findFirst().orElseThrow();
        assertThatThrownBy(() -> service.awardManually(ADA, first.id(), "user-jonas"))
                .satisfies(e -> assertThat(((AchievementRefusedException) e).problems()).extracting(Problem::code)
                        .containsExactly("manual_only_for_manual"));
        service.undo(ADA, award);
        assertThat(service.awardsOf(ADA, helper.achievement().id())).isEmpty();
        // a repeatable manual badge: one per window of today (2026-01 in Oslo)
        AchievementDraft monthly = new AchievementDraft(null, "org-1", "helper_of_the_month", "Helper of the month", "Chosen.",
                "", "special", "manual", "", "", "20", true, "monthly", true, "", "20");
        AchievementService.Saved m = service.save(ADA, monthly);
        service.awardManually(ADA, m.achievement().id(), "user-jonas");
        assertThat(service.awardsOf(ADA, m.achievement().id())).extracting(Award::periodKey).containsExactly("2026-01");
    }

    @Test
    void reorderWithinACategoryAndUndo() {
        AchievementService.Catalog c = service.catalog(GINA, null);
        List<String> before = c.badges().stream().filter(b -> b.category().equals("activities"))
                .sorted(AchievementService.DISPLAY_ORDER).map(Achievement::key).toList();
        assertThat(before).containsExactly("ten_activities", "fifty_activities", "hundred_activities", "monthly_regular");
        UUID hundred = c.badges().stream().filter(b -> b.key().equals("hundred_activities")).findFirst().orElseThrow().id();
        AchievementService.Change change = service.move(GINA, null, hundred, 0);
        assertThat(order("activities")).containsExactly("hundred_activities", "ten_activities", "fifty_activities",
                "monthly_regular");
        service.move(GINA, null, hundred, 3);
        assertThat(order("activities")).containsExactly("ten_activities", "fifty_activities", "monthly_regular",
                "hundred_activities");
        // an org admin may not move platform badges
        assertThatThrownBy(() -> service.move(ADA, "org-1", hundred, 0)).isInstanceOf(AchievementRefusedException.class);
        // undo the first move only restores what it changed
        service.undo(GINA, change);
        assertThat(dao().find(hundred).orElseThrow().sortOrder()).isEqualTo(30);
    }

    @Test
    void anOrgAdminReordersTheirOwnBadgesAroundPlatformOnes() {
        AchievementService.Saved a = service.save(ADA, new AchievementDraft(null, "org-1", "nordby_visits", "Nordby visits",
                "Visits.", "", "activities", "activity_count", "3", "", "5", false, "", true, "", "50"));
        assertThat(order("org-1", "activities")).containsExactly("ten_activities", "fifty_activities", "hundred_activities",
                "monthly_regular", "nordby_visits");
        service.move(ADA, "org-1", a.achievement().id(), 1);
        assertThat(order("org-1", "activities")).containsExactly("ten_activities", "nordby_visits", "fifty_activities",
                "hundred_activities", "monthly_regular");
        assertThat(dao().find(a.achievement().id()).orElseThrow().sortOrder()).isEqualTo(15);
    }

    @Test
    void undoOfACreateDeletesTheBadgeAndTheAwardsItMade() {
        AchievementService.Saved s = service.save(ADA, draft("org-1", "early_bird", "activity_count", "1", "", ""));
        assertThat(s.awarded()).isEqualTo(2);
        service.undo(ADA, s.undo());
        assertThat(dao().find(s.achievement().id())).isEmpty();
        assertThat(awards()).noneMatch(x -> x.contains("early_bird"));
    }

    @Test
    void undoOfAnUpdateRestoresThePreviousRow() {
        AchievementService.Saved s = service.save(ADA, draft("org-1", "early_bird", "manual", "", "", ""));
        AchievementDraft renamed = new AchievementDraft(s.achievement().id(), "org-1", "early_bird", "Renamed", "New text.",
                "", "special", "manual", "", "", "7", false, "", true, "", "100");
        AchievementService.Saved r = service.save(ADA, renamed);
        assertThat(dao().find(s.achievement().id()).orElseThrow().name()).isEqualTo("Renamed");
        service.undo(ADA, r.undo());
        Achievement back = dao().find(s.achievement().id()).orElseThrow();
        assertThat(back.name()).isEqualTo("Badge early_bird");
        assertThat(back.points()).isEqualTo(5);
    }

    @Test
    void scopedReads() {
        evaluation.evaluate(Actor.localOperator(), null);
        assertThat(service.mentorsInScope(KIM)).extracting(MentorChoice::userId)
                .containsExactly("user-jonas", "user-mira");
        assertThat(service.mentorsInScope(ODD)).extracting(MentorChoice::userId).containsExactly("user-sofie");
        assertThat(service.points(ODD)).extracting(Points::userId).containsExactly("user-sofie");
        assertThat(service.points(ODD).get(0).points()).isEqualTo(10 + 25 + 5 + 15 + 40);
        assertThat(service.catalog(ADA, "org-2").tenantOrganizationId()).isEqualTo("org-1");
        assertThat(service.catalog(ADA, null).organizations()).extracting(AchievementService.Organization::id)
                .containsExactly("org-1");
        assertThatThrownBy(() -> service.catalog(KIM, "org-1")).isInstanceOf(AchievementRefusedException.class);
        Achievement first = dao().platform().stream().filter(a -> a.key().equals("first_activity")).findFirst().orElseThrow();
        assertThat(service.awardsOf(ODD, first.id())).extracting(Award::userId).containsExactly("user-sofie");
        assertThat(service.catalog(ODD, null).awardCounts()).containsEntry(first.id(), 1);
        assertThat(service.catalog(GINA, null).awardCounts()).containsEntry(first.id(), 3);
    }

    List<String> order(String category) {
        return order(null, category);
    }

    List<String> order(String tenant, String category) {
        return service.catalog(GINA, tenant).badges().stream().filter(b -> b.category().equals(category))
                .sorted(AchievementService.DISPLAY_ORDER).map(Achievement::key).toList();
    }
}
