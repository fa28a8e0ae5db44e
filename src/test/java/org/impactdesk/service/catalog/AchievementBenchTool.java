package org.impactdesk.service.catalog;

import java.nio.file.*;
import java.time.*;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.AchievementDraft;
import org.impactdesk.store.Database;
/**
 * A test-scope benchmark tool (not a test): `AchievementBenchTool MENTORS ACTIVITIES_PER_MENTOR` builds one
 * organisation in a new database and times the evaluation (twice) and the preview (twice). See docs/benchmarks.md.
 */
public final class AchievementBenchTool {
    private AchievementBenchTool() {
    }

    public static void main(String[] a) throws Exception {
        Path dir = Files.createTempDirectory("achbench");
        int mentors = Integer.parseInt(a[0]), perMentor = Integer.parseInt(a[1]);
        try (Database db = Database.open(dir.resolve("db"))) {
            db.jdbi().useTransaction(h -> {
                h.execute("INSERT INTO organizations (id, name) VALUES ('org-1', 'Bench')");
                h.execute("INSERT INTO local_associations VALUES ('la-1', 'org-1', 'LA')");
                h.execute("INSERT INTO activity_types (id, name) VALUES ('home_visit', 'Home visit'), ('phone_support', 'Phone')");
                var u = h.prepareBatch("INSERT INTO users (id, organization_id, display_name) VALUES (?, 'org-1', ?)");
                var p = h.prepareBatch("INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status) VALUES (?, ?, 'org-1', 'la-1', 'active')");
                for (int m = 0; m < mentors; m++) { u.add("u-" + m, "Mentor " + m); p.add("pm-" + m, "u-" + m); }
                u.execute(); p.execute();
                var act = h.prepareBatch("INSERT INTO activities (id, organization_id, local_association_id, peer_mentor_id, activity_type, started_at, duration_minutes, contact_id, approval_status) VALUES (?, 'org-1', 'la-1', ?, ?, ?, ?, ?, 'approved')");
                java.util.Random r = new java.util.Random(7);
                Instant start = Instant.parse("2023-01-01T08:00:00Z");
                int n = 0;
                for (int m = 0; m < mentors; m++) {
                    for (int i = 0; i < perMentor; i++) {
                        act.add("a-" + m + "-" + i, "pm-" + m, r.nextBoolean() ? "home_visit" : "phone_support",
                                start.plusSeconds((long) i * 86400L * 1095 / perMentor + r.nextInt(3600)).atOffset(ZoneOffset.UTC), 15 + r.nextInt(120),
                                "c-" + m + "-" + r.nextInt(40));
                        if (++n % 5000 == 0) act.execute();
                    }
                }
                act.execute();
            });
            AchievementEvaluation ev = new AchievementEvaluation(db.jdbi());
            long t0 = System.nanoTime();
            var r1 = ev.evaluate(Actor.localOperator(), null);
            long t1 = System.nanoTime();
            var r2 = ev.evaluate(Actor.localOperator(), null);
            long t2 = System.nanoTime();
            AchievementService s = new StoredAchievementService(db.jdbi(), Clock.systemUTC());
            var cat = s.catalog(Actor.localOperator(), "org-1");
            var d = new AchievementDraft(null, "org-1", "bench_badge", "Bench", "d", "", "activities", "activity_count", "100", "{\"activity_type\": \"home_visit\"}", "5", true, "monthly", true, "", "10");
            s.preview(Actor.localOperator(), d, cat);
            long t3 = System.nanoTime();
            var pv = s.preview(Actor.localOperator(), d, cat);
            long t4 = System.nanoTime();
            System.out.printf("mentors=%d activities=%d first_run_ms=%d awards=%d second_run_ms=%d second_awards=%d preview_ms=%d preview_earners=%d%n",
                mentors, mentors * perMentor, (t1 - t0) / 1_000_000, r1.awarded(), (t2 - t1) / 1_000_000, r2.awarded(), (t4 - t3) / 1_000_000, pv.earners());
        }
    }
}
