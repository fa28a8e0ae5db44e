package org.impactdesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.impactdesk.domain.Json;
import org.impactdesk.service.Services;
import org.impactdesk.service.bench.Benchmark;
import org.impactdesk.service.bench.BundleImporterBench;
import org.impactdesk.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", description = "Measure sync and generation against the engine's baselines (H2: CSVREAD, GROUP BY; "
        + "with --db jdbc:postgresql://...: COPY, GROUP BY, in scratch databases on that server) and the parse floor.")
public final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    ImpactDeskCommand root;

    @Option(names = "--activities", defaultValue = "1000000", description = "Activities in the generated bundle (default 1000000).")
    long activities;

    @Option(names = "--json", description = "Print the figures as one JSON document.")
    boolean json;

    @Option(names = "--funder-only", description = "Time only the GROUP BY baseline and the funder report, on the "
            + "existing database --db names (a synced bench bundle): no bundle, sync or generation; the other figures are null.")
    boolean funderOnly;

    @Option(names = "--runs", defaultValue = "3", description = "With --funder-only: rounds of GROUP BY then report; "
            + "the medians are printed (default 3).")
    int runs;

    @Override
    public Integer call() throws Exception {
        if (activities < 1 || activities > 50_000_000) {
            throw new CliException(ExitCode.USAGE, "--activities takes 1 to 50000000, not " + activities);
        }
        if (funderOnly) {
            return funderOnly();
        }
        Path work = Files.createTempDirectory("impact-desk-bench");
        String postgres = root.databaseUrl();
        Benchmark.Result r = new Benchmark(activities, work, new BundleImporterBench(),
                db -> new Services(db).generation, msg -> System.err.println("bench: " + msg), postgres).run();
        Map<String, Object> d = r.details();
        if (json) {
            System.out.println(Json.write(r.toJson()));
            return ExitCode.DONE;
        }
        String baseline = postgres == null ? "CSVREAD" : "COPY";
        System.out.printf(Locale.ROOT, "Benchmark: %d activities, %d peer mentors, 3 closed years, on %s (Java %s, max heap %.0f MB)%n",
                r.activities(), r.mentors(), postgres == null ? "H2" : "PostgreSQL " + d.get("server_version"), r.javaVersion(),
                r.maxHeapMb());
        System.out.printf(Locale.ROOT, "  parse floor (FastCSV, no database)  %8.2f s  %,12.0f rows/s%n", r.parseSeconds(),
                r.activities() / r.parseSeconds());
        System.out.printf(Locale.ROOT, "  %-7s baseline (%-10s)         %8.2f s  %,12.0f rows/s%n", baseline,
                postgres == null ? "H2" : "PostgreSQL", r.csvreadSeconds(), r.activities() / r.csvreadSeconds());
        System.out.printf(Locale.ROOT, "  sync (validate + upsert, whole bundle) %5.2f s  %,12.0f rows/s  %.2fx %s (goal <= 0.5x)%n",
                r.syncSeconds(), r.activities() / r.syncSeconds(), r.syncVsCsvread(), baseline);
        System.out.printf(Locale.ROOT, "  GROUP BY baseline                   %8.2f s%n", r.groupBySeconds());
        System.out.printf(Locale.ROOT, "  funder report, one organisation-year %7.2f s  %s activities  %.2fx GROUP BY (goal <= 1x)%n",
                r.funderReportSeconds(), d.get("funder_report_activities"),
                Benchmark.Result.ratio(r.funderReportSeconds(), r.groupBySeconds()));
        System.out.printf(Locale.ROOT, "  generate every summary              %8.2f s  %,d rows written  %.2fx GROUP BY (goal <= 2x)%n",
                r.generateSeconds(), d.get("generate_written"), r.generateVsGroupBy());
        System.out.printf(Locale.ROOT, "  re-sync, %s rows of %s mentors changed %5.2f s%n", d.get("changed_rows"), d.get("changed_mentors"),
                r.resyncSeconds());
        System.out.printf(Locale.ROOT, "  regenerate (affected only)          %8.2f s  %s rows written, %s mentors read  %.3fx generate (goal <= 0.1x)%n",
                r.regenerateSeconds(), d.get("regenerate_written"), d.get("regenerate_mentors_read"),
                r.regenerateSeconds() / r.generateSeconds());
        System.out.printf(Locale.ROOT, "  peak heap %.1f MB in use after a GC (what the run needs); %.1f MB used at most including garbage"
                + " (sampled every 10 ms and before each GC)%n", r.peakHeapMb(), r.peakUsedHeapMb());
        return ExitCode.DONE;
    }

    private int funderOnly() throws Exception {
        if (runs < 1 || runs > 100) {
            throw new CliException(ExitCode.USAGE, "--runs takes 1 to 100, not " + runs);
        }
        Benchmark.Result r;
        try (Database db = root.openExistingDatabase()) {
            try {
                r = Benchmark.funderOnly(db, runs, msg -> System.err.println("bench: " + msg));
            } catch (IllegalStateException e) {
                throw new CliException(ExitCode.NOT_FOUND, e.getMessage() + " (" + root.databaseName() + ")");
            }
        }
        if (json) {
            System.out.println(Json.write(r.toJson()));
            return ExitCode.DONE;
        }
        System.out.printf(Locale.ROOT, "Funder report benchmark: %d activities, %d peer mentors, %d rounds, medians (Java %s)%n",
                r.activities(), r.mentors(), runs, r.javaVersion());
        System.out.printf(Locale.ROOT, "  GROUP BY baseline                   %8.2f s%n", r.groupBySeconds());
        System.out.printf(Locale.ROOT, "  funder report, one organisation-year %7.2f s  %s activities  %.2fx GROUP BY (goal <= 1x)%n",
                r.funderReportSeconds(), r.details().get("funder_report_activities"),
                Benchmark.Result.ratio(r.funderReportSeconds(), r.groupBySeconds()));
        return ExitCode.DONE;
    }
}
