package org.impactdesk.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.impactdesk.service.generation.GenerationService;
import org.impactdesk.service.generation.LogNotificationSender;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.Test;

@MigratedH2
class DemoLoaderTest {
    @Test
    void anEmptyDatabaseGetsTheDemoAndTheSummariesOfItsClosedPeriodsOnce(Database db) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        String before = System.getProperty("impactdesk.home");
        System.setProperty("impactdesk.home", Path.of("").toAbsolutePath().toString());
        try {
            DemoLoader loader = new DemoLoader(db, new GenerationService(db, new LogNotificationSender(), List.of(), clock,
                    Locale.ENGLISH), clock);
            assertThat(DemoLoader.demoBundle()).isEqualTo(Path.of("data/demo").toAbsolutePath());
            assertThat(loader.databaseIsEmpty()).isTrue();

            List<String> steps = new java.util.ArrayList<>();
            DemoLoader.Outcome first = loader.loadIfEmpty(new org.impactdesk.domain.SyncGateway.Progress() {
                @Override
                public void update(long done, long total, String message) {
                    steps.add(done + "/" + total + " " + message);
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
            // the import counts rows; the generation then says each organisation and its mentors written, of how many
            List<String> generation = steps.subList(steps.indexOf("0/-1 Generating summaries"), steps.size());
            assertThat(generation).contains("0/-1 Generating summaries: Fjordlys likepersonforening (demo) (1 of 2)",
                    "0/-1 Generating summaries: Nordsjø likepersonsnettverk UK (demo) (2 of 2)");
            assertThat(generation).anyMatch(s -> s.matches("1/\\d+ Generating summaries: Fjordlys likepersonforening \\(demo\\) "
                    + "\\(1 of 2\\), 1 of \\d+ peer mentors"));
            assertThat(generation).anyMatch(s -> s.matches("(\\d+)/\\1 Generating summaries: Nordsjø .*\\(2 of 2\\), "
                    + "(\\d+) of \\2 peer mentors"));
            assertThat(generation.get(generation.size() - 1)).isEqualTo("1/1 Summaries generated");
            assertThat(first.loaded()).isTrue();
            assertThat(first.imported().written()).isTrue();
            assertThat(first.imported().files().get("activities.csv").inserted()).isEqualTo(28_554);
            assertThat(first.generated().created()).isPositive();
            assertThat(loader.databaseIsEmpty()).isFalse();

            long[] counts = db.jdbi().withHandle(h -> new long[] {
                    h.createQuery("SELECT COUNT(*) FROM annual_summaries WHERE year = 2025").mapTo(Long.class).one(),
                    h.createQuery("SELECT COUNT(*) FROM annual_summaries WHERE year = 2026").mapTo(Long.class).one(),
                    h.createQuery("SELECT COUNT(*) FROM periodic_summaries WHERE year = 2026 AND quarter = 3").mapTo(Long.class).one(),
                    h.createQuery("SELECT COUNT(*) FROM periodic_summaries WHERE year = 2026 AND quarter = 4").mapTo(Long.class).one(),
                    h.createQuery("SELECT COUNT(*) FROM periodic_summaries WHERE coordinator_id IS NOT NULL").mapTo(Long.class).one(),
                    h.createQuery("SELECT COUNT(*) FROM impact_summaries WHERE organization_id = 'org-nordsjo'").mapTo(Long.class).one(),
                    h.createQuery("SELECT COUNT(*) FROM periodic_summaries WHERE organisation_id = 'org-nordsjo'").mapTo(Long.class).one()});
            assertThat(counts[0]).as("annual 2025").isGreaterThan(80);
            assertThat(counts[1]).as("2026 is open: no annual").isZero();
            assertThat(counts[2]).as("2026 Q3 is closed on 1 December").isPositive();
            assertThat(counts[3]).as("2026 Q4 is open").isZero();
            assertThat(counts[4]).as("team rows").isPositive();
            assertThat(counts[5]).as("impact summaries off in Nordsjø").isZero();
            assertThat(counts[6]).as("periodic summaries still run in Nordsjø").isPositive();

            DemoLoader.Outcome second = loader.loadIfEmpty(null);
            assertThat(second.loaded()).isFalse();
            assertThat(second.reason()).contains("already holds data");
        } finally {
            if (before == null) {
                System.clearProperty("impactdesk.home");
            } else {
                System.setProperty("impactdesk.home", before);
            }
        }
    }
}
