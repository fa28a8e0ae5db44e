package org.impactdesk.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.impactdesk.access.Actor;
import org.impactdesk.achievement.AwardEvaluator;
import org.impactdesk.demo.DemoDataGenerator;
import org.impactdesk.demo.DemoSpec;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.AchievementDraft;
import org.impactdesk.domain.Award;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.MentorFacts;
import org.impactdesk.domain.RepeatPeriod;
import org.impactdesk.domain.TriggerType;
import org.impactdesk.service.generation.GenerationRequest;
import org.impactdesk.service.generation.GenerationService;
import org.impactdesk.service.importing.BundleImporter;
import org.impactdesk.store.AchievementDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor's preview ("who would earn this") reads the stored quarter and month totals for
 * activity and hours counts, the stored runs of days and contacts per month for streak and
 * distinct-contacts badges, the events alone for events attended, and the activities only for
 * the rest ({@link PreviewEarnings}); on a synced and generated demo bundle it must give every
 * mentor the windows the evaluator gives from the activities, and its counts must be what saving
 * the badge awards, also for mentors whose activities changed after the generation (stale inputs).
 */
@MigratedH2
class PreviewMatchesAwardsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-16T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    /** The badges tried: every trigger, each counting window, with and without an activity type. */
    static List<AchievementDraft> drafts(String org, String suffix) {
        return List.of(
                draft(org, "count_life" + suffix, "activity_count", "150", "", false, ""),
                draft(org, "count_year" + suffix, "activity_count", "70", "{\"period\": \"calendar_year\"}", false, ""),
                draft(org, "count_month" + suffix, "activity_count", "6", "", true, "monthly"),
                draft(org, "count_quarter" + suffix, "activity_count", "15", "", true, "quarterly"),
                draft(org, "count_half" + suffix, "activity_count", "30", "", true, "half_yearly"),
                draft(org, "hours_life" + suffix, "hours_total", "120", "", false, ""),
                draft(org, "hours_yearly" + suffix, "hours_total", "40", "", true, "yearly"),
                draft(org, "hours_month" + suffix, "hours_total", "6", "", true, "monthly"),
                draft(org, "typed_count" + suffix, "activity_count", "20", "{\"activity_type\": \"home_visit\"}", false, ""),
                draft(org, "contacts" + suffix, "contacts_count", "8", "", false, ""),
                draft(org, "contacts_year" + suffix, "contacts_count", "5", "{\"period\": \"calendar_year\"}", false, ""),
                draft(org, "contacts_month" + suffix, "contacts_count", "2", "", true, "monthly"),
                draft(org, "contacts_quarter" + suffix, "contacts_count", "4", "", true, "quarterly"),
                draft(org, "contacts_typed" + suffix, "contacts_count", "3", "{\"activity_type\": \"home_visit\"}", false, ""),
                draft(org, "streak" + suffix, "streak_days", "3", "", false, ""),
                draft(org, "streak_year" + suffix, "streak_days", "2", "{\"period\": \"calendar_year\"}", false, ""),
                draft(org, "streak_half" + suffix, "streak_days", "2", "", true, "half_yearly"),
                draft(org, "streak_month" + suffix, "streak_days", "2", "", true, "monthly"),
                draft(org, "streak_typed" + suffix, "streak_days", "2", "{\"activity_type\": \"home_visit\"}", false, ""),
                draft(org, "events" + suffix, "events_attended", "2", "", false, ""),
                draft(org, "annual" + suffix, "annual_summary", "", "", true, "yearly"));
    }

    static AchievementDraft draft(String org, String key, String trigger, String threshold, String metadata, boolean repeatable,
                                  String period) {
        return new AchievementDraft(null, org, key, "Badge " + key, "What " + key + " is for.", "badges/" + key + ".png",
                "special", trigger, threshold, metadata, "5", repeatable, period, true, "", "100");
    }

    @Test
    void thePreviewGivesWhatTheEvaluatorGivesAndWhatSavingAwards(Database db) throws Exception {
        Path bundle = tmp.resolve("bundle");
        DemoDataGenerator.write(DemoSpec.bench(8_000, 3, 7), bundle);
        assertThat(new BundleImporter(db, CLOCK).importBundle(bundle, ImportOptions.allOrNothing(),
                Actor.localOperator(), null).written()).isTrue();
        new GenerationService(db, n -> { }, List.of(), CLOCK, Locale.ENGLISH).generate(new GenerationRequest(
                Set.of(2023, 2024, 2025), GenerationRequest.Selection.ALL, null, LocalDate.of(2026, 1, 16), false),
                Actor.localOperator());
        AchievementService service = new StoredAchievementService(db.jdbi(), CLOCK);
        String org = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT organization_id FROM peer_mentors GROUP BY organization_id ORDER BY COUNT(*) DESC, organization_id")
                .mapTo(String.class).first());

        compare(db, service, org, "");

        // two mentors' activities change after the generation, as a sync leaves them (the totals
        // stored for them are now out of date, their years marked stale): one crosses every count
        List<String> pms = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM peer_mentors WHERE organization_id = :org ORDER BY id").bind("org", org)
                .mapTo(String.class).list());
        db.jdbi().useTransaction(h -> {
            var add = h.prepareBatch("""
                    INSERT INTO activities (id, organization_id, local_association_id, peer_mentor_id, activity_type,
                        started_at, duration_minutes, contact_id, approval_status)
                    SELECT ?, organization_id, primary_local_association_id, id, 'home_visit', ?, 95, NULL, 'approved'
                    FROM peer_mentors WHERE id = ?""");
            for (int i = 0; i < 200; i++) {
                add.add("late-" + i, OffsetDateTime.of(2025, 1 + i % 12, 1 + i % 28, 10, 0, 0, 0, ZoneOffset.UTC), pms.get(0));
            }
            add.execute();
            h.execute("DELETE FROM activities WHERE peer_mentor_id = ? AND started_at >= TIMESTAMP WITH TIME ZONE "
                    + "'2025-01-01 00:00:00+00'", pms.get(1));
            h.execute("INSERT INTO stale_summary_inputs (peer_mentor_id, year) VALUES (?, 2025), (?, 2025)", pms.get(0), pms.get(1));
        });
        compare(db, service, org, "_after");

        // months stored before V103 carry no runs of days: such a mentor is read from their activities
        db.jdbi().useHandle(h -> h.execute("""
                UPDATE summary_mentor_months SET first_run = NULL, last_run = NULL, longest_run = NULL
                WHERE peer_mentor_id = ?""", pms.get(2)));
        compare(db, service, org, "_old_months");
    }

    /**
     * For every draft: the preview's earnings equal the evaluator's over every mentor's activities
     * (and the badges told by totals do not read the activities of the unchanged mentors), and
     * saving awards what the preview counted, to as many mentors.
     */
    private static void compare(Database db, AchievementService service, String org, String suffix) {
        for (AchievementDraft d : drafts(org, suffix)) {
            Achievement a = d.withId(new UUID(0, 0)).toAchievement(CLOCK.instant(), CLOCK.instant());
            db.jdbi().useExtension(AchievementDao.class, dao -> {
                ZoneId zone = AchievementEvaluation.zoneOf(dao, org);
                AtomicBoolean readAll = new AtomicBoolean();
                Map<String, List<String>> preview = byUser(PreviewEarnings.of(dao, a, org, zone, () -> {
                    readAll.set(true);
                    return dao.facts(org, zone, null);
                }));
                AwardEvaluator evaluator = new AwardEvaluator(zone);
                Map<String, List<String>> evaluated = new TreeMap<>();
                for (MentorFacts f : dao.facts(org, zone, null)) {
                    evaluated.put(f.userId(), evaluator.earned(a, f).stream().map(Award::periodKey).toList());
                }
                assertThat(preview).as(d.key()).isEqualTo(evaluated);
                assertThat(evaluated.values().stream().filter(k -> !k.isEmpty()).count()).as(d.key() + " has earners")
                        .isPositive();
                boolean activitiesOnly = a.metadata().activityType() != null
                        || (a.triggerType() == TriggerType.HOURS_TOTAL && a.repeatPeriod() == RepeatPeriod.MONTHLY);
                assertThat(readAll.get()).as(d.key() + " read every activity").isEqualTo(activitiesOnly);
            });
            AchievementService.Preview p = service.preview(Actor.localOperator(), d, service.catalog(Actor.localOperator(), org));
            AchievementService.Saved saved = service.save(Actor.localOperator(), d);
            long holders = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(DISTINCT user_id) FROM user_achievements WHERE achievement_id = :id")
                    .bind("id", saved.achievement().id()).mapTo(Long.class).one());
            assertThat(p.newAwards()).as(d.key() + " awards").isEqualTo(saved.awarded());
            assertThat((long) p.earners()).as(d.key() + " earners").isEqualTo(holders);
        }
    }

    private static Map<String, List<String>> byUser(List<PreviewEarnings.Earning> earnings) {
        Map<String, List<String>> m = new TreeMap<>();
        earnings.forEach(e -> m.put(e.userId(), new ArrayList<>(e.earnedKeys())));
        return m;
    }
}
