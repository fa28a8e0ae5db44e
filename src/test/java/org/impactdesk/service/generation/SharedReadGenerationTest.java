package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.impactdesk.access.Actor;
import org.impactdesk.demo.DemoDataGenerator;
import org.impactdesk.demo.DemoSpec;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.service.catalog.AchievementEvaluation;
import org.impactdesk.service.importing.BundleImporter;
import org.impactdesk.store.Database;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
/**
 * Generation evaluates the badges from its own one read of the activities (the achievement
 * evaluation as a {@link GenerationService.RunParticipant}) and commits per chunk of mentors.
 * Checked against the separate flow it replaced (the evaluation's own scan before the run, the
 * annual badges after it) on a synced demo bundle with the seeded catalog: the same summaries,
 * awards and notifications; a run killed mid-way keeps what it committed and the rerun ends
 * where one clean run ends; a regeneration touches only what a change affects.
 */
@MigratedH2
class SharedReadGenerationTest {
    @TempDir
    static Path tmp;
    static Path bundle;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-16T08:00:00Z"), ZoneOffset.UTC);
    static final GenerationRequest REQUEST = new GenerationRequest(Set.of(2023, 2024, 2025), GenerationRequest.Selection.ALL,
            null, java.time.LocalDate.of(2026, 1, 16), false);

    @BeforeAll
    static void bundle() throws Exception {
        bundle = tmp.resolve("bundle");
        DemoDataGenerator.write(DemoSpec.bench(12_000, 3, 7), bundle);
    }

    /** A freshly synced database of the bundle. */
    static Database synced(FreshDatabases fresh, String name) {
        Database db = fresh.open(name);
        var r = new BundleImporter(db, Clock.systemUTC()).importBundle(bundle, ImportOptions.allOrNothing(),
                Actor.localOperator(), null);
        assertThat(r.written()).as("the demo bundle syncs").isTrue();
        return db;
    }

    /** The flow before: the evaluation told before the run (its own scan) and after it (annual badges). */
    static final class SeparateScan implements GenerationListener {
        final AchievementEvaluation evaluation;

        SeparateScan(AchievementEvaluation evaluation) {
            this.evaluation = evaluation;
        }

        @Override
        public void beforeGeneration(Actor actor, String organizationId) {
            evaluation.beforeGeneration(actor, organizationId);
        }

        @Override
        public void annualSummaryReady(String userId, String organizationId, int year, Instant readyAt) {
            evaluation.annualSummaryReady(userId, organizationId, year, readyAt);
        }

        @Override
        public void annualSummariesReady(List<Ready> ready) {
            evaluation.annualSummariesReady(ready);
        }
    }

    static GenerationService shared(Database db, List<NotificationSender.Notification> sent) {
        return new GenerationService(db, sent::add, List.of(new AchievementEvaluation(db.jdbi())), CLOCK, Locale.ENGLISH);
    }

    static GenerationService separate(Database db, List<NotificationSender.Notification> sent) {
        return new GenerationService(db, sent::add, List.of(new SeparateScan(new AchievementEvaluation(db.jdbi()))), CLOCK,
                Locale.ENGLISH);
    }

    /** Every stored row of what generation writes, without the generated ids, sorted. */
    static Map<String, List<String>> snapshot(Database db) {
        Map<String, List<String>> out = new TreeMap<>();
        Map<String, String> queries = Map.of(
                "annual_summaries", "SELECT * FROM annual_summaries",
                "impact_summaries", "SELECT * FROM impact_summaries",
                "periodic_summaries", "SELECT * FROM periodic_summaries",
                "user_achievements", "SELECT user_id, achievement_id, period_key, awarded_at, awarded_by FROM user_achievements",
                "notification_outbox", "SELECT summary_table, user_id, message_key, attempts, sent_at, last_error FROM notification_outbox",
                "summary_mentor_totals", "SELECT * FROM summary_mentor_totals",
                "stale_summary_inputs", "SELECT * FROM stale_summary_inputs",
                "alerts", "SELECT kind, message FROM alerts");
        db.jdbi().useHandle(h -> queries.forEach((table, sql) -> {
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> r : h.createQuery(sql).mapToMap().list()) {
                Map<String, Object> row = new TreeMap<>(r);
                row.remove("id");
                rows.add(row.toString());
            }
            rows.sort(null);
            out.put(table, rows);
        }));
        return out;
    }

    static List<String> rewritten(Database db, String sql, Instant at) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).bind("at", at.atOffset(ZoneOffset.UTC)).mapTo(String.class).list());
    }

    static int count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void oneSharedReadGivesTheSameSummariesAwardsAndNotificationsAsTheSeparateBadgeScan(FreshDatabases fresh) throws Exception {
        try (Database a = synced(fresh, "shared"); Database b = synced(fresh, "separate")) {
            List<NotificationSender.Notification> sentA = new ArrayList<>();
            List<NotificationSender.Notification> sentB = new ArrayList<>();
            GenerationService sharedRun = shared(a, sentA);
            sharedRun.setChunkSize(7);
            GenerationReport ra = sharedRun.generate(REQUEST, Actor.localOperator());
            GenerationReport rb = separate(b, sentB).generate(REQUEST, Actor.localOperator());
            assertThat(ra.toMap()).isEqualTo(rb.toMap());
            Map<String, List<String>> sa = snapshot(a);
            assertThat(sa.get("annual_summaries")).isNotEmpty();
            assertThat(sa.get("user_achievements")).as("the run awards badges").hasSizeGreaterThan(10);
            assertThat(count(a, "SELECT COUNT(*) FROM annual_summaries WHERE achievements_earned LIKE '%\"key\"%'"))
                    .as("annual rows list the awards of their year").isPositive();
            assertThat(sa).isEqualTo(snapshot(b));
            assertThat(sentA).hasSameSizeAs(sentB);

            // a change of some activities, marked stale as the sync does, and the regeneration
            for (Database d : List.of(a, b)) {
                d.jdbi().useHandle(h -> {
                    List<String> pms = h.createQuery("SELECT id FROM peer_mentors ORDER BY id LIMIT 3").mapTo(String.class).list();
                    for (String pm : pms) {
                        h.execute("UPDATE activities SET duration_minutes = LEAST(1440, duration_minutes + 600) "
                                + "WHERE peer_mentor_id = ? AND approval_status = 'approved'", pm);
                        for (int y = 2023; y <= 2025; y++) {
                            h.execute("MERGE INTO stale_summary_inputs s USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS INT))) AS v(m, y) "
                + "ON s.peer_mentor_id = v.m AND s.year = v.y WHEN NOT MATCHED THEN INSERT (peer_mentor_id, year) VALUES (v.m, v.y)",
                                    pm, y);
                        }
                    }
                });
            }
            GenerationReport ia = sharedRun.generate(REQUEST, Actor.localOperator());
            GenerationReport ib = separate(b, sentB).generate(REQUEST, Actor.localOperator());
            assertThat(ia.mentorsRead()).isEqualTo(3);
            assertThat(ia.toMap()).isEqualTo(ib.toMap());
            assertThat(snapshot(a)).isEqualTo(snapshot(b));
        }
    }

    /** Stands for a kill: nothing in generation catches it. */
    static final class Killed extends Error {
        Killed() {
            super("killed mid-run");
        }
    }

    @Test
    void aRunKilledMidWayKeepsItsCommittedChunksAndTheRerunEndsWhereOneCleanRunEnds(FreshDatabases fresh) throws Exception {
        try (Database a = synced(fresh, "killed"); Database b = synced(fresh, "clean")) {
            List<NotificationSender.Notification> sentA = new ArrayList<>();
            List<NotificationSender.Notification> sentB = new ArrayList<>();
            GenerationService killed = shared(a, sentA);
            killed.setChunkSize(5);
            List<String> order = new ArrayList<>();
            killed.setBeforeCompute(m -> {
                order.add(m.id());
                if (order.size() == 13) {
                    throw new Killed();
                }
            });
            assertThatThrownBy(() -> killed.generate(REQUEST, Actor.localOperator())).isInstanceOf(Killed.class);
            // two chunks of five mentors were committed, the third rolled back: no mentor is half-written
            assertThat(count(a, "SELECT COUNT(DISTINCT peer_mentor_id) FROM summary_mentor_totals")).isEqualTo(10);
            assertThat(count(a, "SELECT COUNT(DISTINCT peer_mentor_id) FROM periodic_summaries WHERE coordinator_id IS NULL"))
                    .isEqualTo(10);
            assertThat(count(a, """
                    SELECT COUNT(*) FROM peer_mentors pm WHERE EXISTS (SELECT 1 FROM periodic_summaries p WHERE p.peer_mentor_id = pm.id)
                      AND NOT EXISTS (SELECT 1 FROM summary_mentor_totals t WHERE t.peer_mentor_id = pm.id)""")).isZero();
            assertThat(count(a, "SELECT COUNT(*) FROM periodic_summaries WHERE coordinator_id IS NOT NULL"))
                    .as("team rows come last").isZero();
            List<String> committed = order.subList(0, 10);
            List<String> awarded = a.jdbi().withHandle(h -> h.createQuery("""
                    SELECT DISTINCT pm.id FROM user_achievements ua JOIN peer_mentors pm ON pm.user_id = ua.user_id""")
                    .mapTo(String.class).list());
            assertThat(awarded).as("awards are committed with their mentor's chunk, never ahead of it")
                    .isNotEmpty().isSubsetOf(committed);

            killed.setBeforeCompute(m -> { });
            killed.generate(REQUEST, Actor.localOperator());
            separate(b, sentB).generate(REQUEST, Actor.localOperator());
            assertThat(snapshot(a)).isEqualTo(snapshot(b));
            assertThat(count(a, "SELECT COUNT(*) FROM notification_outbox")).isPositive();
            assertThat(sentA).as("what was committed is not notified again; what was rolled back is notified by the rerun")
                    .hasSizeGreaterThanOrEqualTo(sentB.size());
            Set<String> once = new HashSet<>();
            a.jdbi().useHandle(h -> h.createQuery("SELECT summary_table || '|' || summary_id FROM notification_outbox")
                    .mapTo(String.class).forEach(k -> assertThat(once.add(k)).as("one outbox row per summary: " + k).isTrue()));
        }
    }

    @Test
    void aRegenerationTouchesOnlyTheChangedMentorsRowsAndAwards(FreshDatabases fresh) throws Exception {
        try (Database a = synced(fresh, "regen")) {
            List<NotificationSender.Notification> sent = new ArrayList<>();
            shared(a, sent).generate(REQUEST, Actor.localOperator());
            List<String> pms = a.jdbi().withHandle(h -> h.createQuery("""
                    SELECT pm.id FROM peer_mentors pm WHERE EXISTS (SELECT 1 FROM user_achievements ua WHERE ua.user_id = pm.user_id)
                    ORDER BY pm.id LIMIT 2""").mapTo(String.class).list());
            String changed = pms.get(0);
            String other = pms.get(1);
            String changedUser = a.jdbi().withHandle(h -> h.createQuery("SELECT user_id FROM peer_mentors WHERE id = ?")
                    .bind(0, changed).mapTo(String.class).one());
            String otherUser = a.jdbi().withHandle(h -> h.createQuery("SELECT user_id FROM peer_mentors WHERE id = ?")
                    .bind(0, other).mapTo(String.class).one());
            int changedAwards = count(a, "SELECT COUNT(*) FROM user_achievements WHERE user_id = '" + changedUser + "'");
            int otherAwards = count(a, "SELECT COUNT(*) FROM user_achievements WHERE user_id = '" + otherUser + "'");
            // 1. awards: only the users of mentors with stale inputs are evaluated again
            a.jdbi().useHandle(h -> {
                h.execute("DELETE FROM user_achievements WHERE user_id IN (?, ?)", changedUser, otherUser);
                h.execute("INSERT INTO stale_summary_inputs (peer_mentor_id, year) VALUES (?, 2025)", changed);
            });
            GenerationReport first = shared(a, sent).generate(REQUEST, Actor.localOperator());
            assertThat(first.mentorsRead()).isEqualTo(1);
            assertThat(first.updated()).as("same inputs, same rows").isZero();
            assertThat(count(a, "SELECT COUNT(*) FROM user_achievements WHERE user_id = '" + changedUser + "'"))
                    .as("the stale mentor is evaluated again").isEqualTo(changedAwards);
            assertThat(otherAwards).isPositive();
            assertThat(count(a, "SELECT COUNT(*) FROM user_achievements WHERE user_id = '" + otherUser + "'"))
                    .as("a mentor whose inputs did not change is not evaluated").isZero();

            // 2. rows: a changed activity rewrites only that mentor's rows (and team rows)
            a.jdbi().useHandle(h -> {
                h.execute("UPDATE activities SET duration_minutes = LEAST(1440, duration_minutes + 30) WHERE peer_mentor_id = ?", changed);
                h.execute("INSERT INTO stale_summary_inputs (peer_mentor_id, year) VALUES (?, 2025)", changed);
            });
            Clock later = Clock.fixed(CLOCK.instant().plusSeconds(3600), ZoneOffset.UTC);
            GenerationService again = new GenerationService(a, sent::add, List.of(new AchievementEvaluation(a.jdbi())), later,
                    Locale.ENGLISH);
            GenerationReport r = again.generate(REQUEST, Actor.localOperator());
            assertThat(r.mentorsRead()).isEqualTo(1);
            assertThat(r.updated()).isPositive();
            Instant at = later.instant();
            assertThat(rewritten(a, "SELECT DISTINCT peer_mentor_id FROM annual_summaries WHERE updated_at = :at", at))
                    .as("ready annual rows stay frozen; others of that mentor only").isSubsetOf(List.of(changed));
            assertThat(rewritten(a, "SELECT DISTINCT peer_mentor_id FROM impact_summaries WHERE updated_at = :at", at))
                    .containsExactly(changed);
            assertThat(rewritten(a, "SELECT DISTINCT peer_mentor_id FROM periodic_summaries WHERE generated_at = :at "
                    + "AND coordinator_id IS NULL", at)).containsExactly(changed);
            assertThat(count(a, "SELECT COUNT(*) FROM stale_summary_inputs")).isZero();
        }
    }
}
