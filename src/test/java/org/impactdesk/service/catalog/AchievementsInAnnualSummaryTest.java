package org.impactdesk.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.impactdesk.access.Actor;
import org.impactdesk.cli.CliRun;
import org.impactdesk.domain.Json;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.store.AchievementDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.Test;

/**
 * The worked example with the seeded catalog: `generate` evaluates the badges first, so the annual
 * row's achievements_earned holds the 2025 awards; the annual badge follows when the summary is ready.
 */
@MigratedH2
class AchievementsInAnnualSummaryTest {
    /** What the command printed; it must succeed. */
    String cli(String db, String... args) {
        CliRun.Result r = CliRun.onDatabase(db, args);
        assertThat(r.code()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void generateAwardsFirstAndTheAnnualRowListsTheYearsAwards(FreshDatabases fresh) throws Exception {
        String db = fresh.target("example-db", ExampleBundleFixture::load);
        cli(db, "generate", "--year", "2025", "--period", "all", "--as-of", "2026-01-10", "--json");
        JsonNode mira = Json.MAPPER.readTree(cli(db, "show", "annual", "--mentor", "pm-1", "--year", "2025", "--json"));
        List<String> earned = new ArrayList<>();
        mira.get("achievements_earned").forEach(n -> earned.add(n.get("key").asText() + "@" + n.get("awarded_at").asText()));
        assertThat(earned).contains("ten_activities@2025-01-28T17:00:00Z", "ten_hours@2025-02-11T09:00:00Z",
                "first_event@2025-03-20T16:00:00Z");
        assertThat(earned).as("first_activity was 2024's").noneMatch(e -> e.startsWith("first_activity@"));
        assertThat(earned).as("the annual badge is awarded as the summary becomes ready, after its content").noneMatch(e -> e.startsWith("annual_wrapped"));

        try (Database d = Database.open(db, null)) {
            AchievementDao dao = d.jdbi().onDemand(AchievementDao.class);
            {
                var annual = dao.platform().stream().filter(a -> a.key().equals("annual_wrapped")).findFirst().orElseThrow();
                assertThat(dao.awardsOf(annual.id(), Actor.localOperator().scope()))
                        .extracting(s -> s.award().userId() + "|" + s.award().periodKey())
                        .containsExactlyInAnyOrder("user-mira|2025", "user-jonas|2025"); // Sofie's is insufficient
            }
            int before = dao.awardsInScope(Actor.localOperator().scope()).size();
            assertThat(new AchievementEvaluation(d.jdbi()).evaluate(Actor.localOperator(), null).awarded()).isZero();
            assertThat(dao.awardsInScope(Actor.localOperator().scope())).hasSize(before);
        }
        // a second generate changes nothing (same awards, same rows)
        String again = cli(db, "generate", "--year", "2025", "--period", "all", "--as-of", "2026-01-10", "--json");
        assertThat(Json.MAPPER.readTree(again).get("updated").asInt()).isZero();
    }

    @Test
    void beforeARegenerationOnlyTheMentorsASyncMarkedStaleAreEvaluated(FreshDatabases fresh) throws Exception {
        String db = fresh.target("example-db", ExampleBundleFixture::load);
        cli(db, "generate", "--year", "2025", "--period", "all", "--as-of", "2026-01-10", "--json");
        try (Database d = Database.open(db, null)) {
            AchievementDao dao = d.jdbi().onDemand(AchievementDao.class);
            var ten = dao.platform().stream().filter(a -> a.key().equals("ten_activities")).findFirst().orElseThrow();
            List<String> holders = dao.awardsOf(ten.id(), Actor.localOperator().scope()).stream()
                    .map(s -> s.award().userId()).toList();
            assertThat(holders).contains("user-mira");
            d.jdbi().useHandle(h -> {
                h.execute("DELETE FROM user_achievements WHERE achievement_id = ?", ten.id());
                h.execute("DELETE FROM stale_summary_inputs");
            });
            AchievementEvaluation evaluation = new AchievementEvaluation(d.jdbi());
            evaluation.beforeGeneration(Actor.localOperator(), null);
            assertThat(dao.awardsOf(ten.id(), Actor.localOperator().scope())).as("nothing stale: nobody evaluated").isEmpty();
            d.jdbi().useHandle(h -> h.execute("INSERT INTO stale_summary_inputs (peer_mentor_id, year) VALUES ('pm-1', 2025)"));
            evaluation.beforeGeneration(Actor.localOperator(), null);
            assertThat(dao.awardsOf(ten.id(), Actor.localOperator().scope())).extracting(s -> s.award().userId())
                    .containsExactly("user-mira");
            // the full evaluation still evaluates everyone
            evaluation.evaluate(Actor.localOperator(), null);
            assertThat(dao.awardsOf(ten.id(), Actor.localOperator().scope())).extracting(s -> s.award().userId())
                    .containsExactlyInAnyOrderElementsOf(holders);
        }
    }
}
