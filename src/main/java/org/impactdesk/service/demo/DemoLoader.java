package org.impactdesk.service.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.domain.ReportYears;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.service.generation.GenerationProgress;
import org.impactdesk.service.generation.GenerationRefusedException;
import org.impactdesk.service.generation.GenerationReport;
import org.impactdesk.service.generation.GenerationRequest;
import org.impactdesk.service.generation.GenerationService;
import org.impactdesk.service.importing.BundleImporter;
import org.impactdesk.store.Database;

/**
 * Opens an empty database on the demo: imports {@code data/demo} (beside the installation, from
 * the {@code impactdesk.home} property that {@code bin/impact-desk} sets, else the working
 * folder) as the local operator, all or nothing, then generates the summaries of every closed
 * period the demo covers. A database that holds any organisation or activity is left alone.
 */
public final class DemoLoader {

    /** What happened: loaded or why not, the import's report and generation's (null when nothing was closed). */
    public record Outcome(boolean loaded, String reason, ImportReport imported, GenerationReport generated) {
    }

    private final Database database;
    private final GenerationService generation;
    private final Clock clock;

    public DemoLoader(Database database, GenerationService generation, Clock clock) {
        this.database = database;
        this.generation = generation;
        this.clock = clock;
    }

    /** {@code <impactdesk.home>/data/demo}, else {@code ./data/demo}. */
    public static Path demoBundle() {
        String home = System.getProperty("impactdesk.home");
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of("").toAbsolutePath();
        return base.resolve("data").resolve("demo");
    }

    /** True when the database holds no organisation and no activity (a new file). */
    public boolean databaseIsEmpty() {
        return database.jdbi().withHandle(h -> h.createQuery(
                "SELECT (SELECT COUNT(*) FROM organizations) + (SELECT COUNT(*) FROM activities)").mapTo(Long.class).one()) == 0;
    }

    /** Loads {@link #demoBundle()} when the database is empty; see {@link #load(Path, SyncGateway.Progress)}. */
    public Outcome loadIfEmpty(SyncGateway.Progress progress) throws Exception {
        if (!databaseIsEmpty()) {
            return new Outcome(false, "The database already holds data.", null, null);
        }
        Path bundle = demoBundle();
        if (!Files.isDirectory(bundle)) {
            return new Outcome(false, "No demo bundle at " + bundle + ".", null, null);
        }
        return load(bundle, progress);
    }

    /**
     * Imports the bundle (all or nothing; a refused demo is a broken installation and throws) and
     * generates every closed period from the first to the last year holding an activity.
     */
    public Outcome load(Path bundle, SyncGateway.Progress progress) throws Exception {
        ImportReport report = new BundleImporter(database, clock)
                .importBundle(bundle, ImportOptions.allOrNothing(), Actor.localOperator(), progress);
        if (!report.written()) {
            throw new IllegalStateException("The demo bundle " + bundle + " was refused: " + report.errors());
        }
        Set<Integer> years = activityYears();
        if (years.isEmpty()) {
            return new Outcome(true, "Demo imported; it holds no activities.", report, null);
        }
        if (progress != null) {
            progress.step(0, -1, "generatingSummaries"); // until the first organisation starts: an indeterminate bar
        }
        GenerationReport generated;
        try {
            generated = generation.generate(new GenerationRequest(years, GenerationRequest.Selection.ALL, null, null, false),
                    Actor.localOperator(), progress == null ? null : steps(progress));
        } catch (GenerationRefusedException e) {
            return new Outcome(true, "Demo imported; no period is closed yet.", report, null);
        }
        if (progress != null) {
            progress.step(1, 1, "summariesGenerated");
        }
        return new Outcome(true, "Demo imported and summaries generated.", report, generated);
    }

    /**
     * The generation's own steps on the import's bar: each organisation's peer mentors written, of
     * how many. The first run's generation is not stopped halfway (the window has no Cancel for it).
     */
    private static GenerationProgress steps(SyncGateway.Progress progress) {
        return new GenerationProgress() {
            private String name = "";
            private int number;
            private int count;

            @Override
            public boolean getAsBoolean() {
                return false;
            }

            @Override
            public void organisation(String organisation, int n, int of) {
                name = organisation;
                number = n;
                count = of;
                progress.step(0, -1, "generatingSummariesOf", name, number, count);
            }

            @Override
            public void mentorsWritten(int done, int total) {
                progress.step(done, total, "generatingSummariesMentors", name, number, count, done, total);
            }
        };
    }

    private Set<Integer> activityYears() {
        return database.jdbi().withHandle(h -> {
            Set<Integer> ys = new TreeSet<>();
            var row = h.createQuery("SELECT MIN(started_at), MAX(started_at) FROM activities")
                    .map((rs, ctx) -> new OffsetDateTime[] {rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)})
                    .one();
            if (row[0] != null) {
                // a day either side covers every organisation's time zone
                for (int y = row[0].minusDays(1).getYear(); y <= row[1].plusDays(1).getYear(); y++) {
                    if (ReportYears.contains(y)) {
                        ys.add(y);
                    }
                }
            }
            return ys;
        });
    }
}
