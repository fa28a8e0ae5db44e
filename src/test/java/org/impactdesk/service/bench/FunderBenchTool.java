package org.impactdesk.service.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.time.ZoneOffset;
import org.impactdesk.access.Actor;
import org.impactdesk.demo.DemoDataGenerator;
import org.impactdesk.demo.DemoSpec;
import org.impactdesk.domain.FunderActivity;
import org.impactdesk.domain.FunderReportData;
import org.impactdesk.funder.FunderCounter;
import org.impactdesk.service.funder.StoredFunderReportService;
import org.impactdesk.store.Database;
import org.impactdesk.store.FunderDao;
import org.impactdesk.store.OrganizationDao;

/**
 * The funder half of {@link Benchmark}, for quick iterations (not a unit test):
 * {@code main(dir, activities[, runs])}. Writes the bench bundle and syncs it once into
 * {@code dir/snapshot} (kept), then on a copy of that database times the GROUP BY baseline and the
 * funder report of the last closed year of the largest organisation, first cold (as the bench does),
 * then {@code runs} more times, each printed with its ratio to the GROUP BY.
 */
public final class FunderBenchTool {
    private FunderBenchTool() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long n = Long.parseLong(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path snapshot = dir.resolve("snapshot");
        if (!Files.exists(snapshot.resolve("db.mv.db"))) {
            Path bundle = dir.resolve("bundle");
            DemoDataGenerator.write(DemoSpec.bench(n, Benchmark.YEARS, 42), bundle);
            Files.createDirectories(snapshot);
            try (Database db = Database.open(snapshot.resolve("db"))) {
                new BundleImporterBench().importBundle(db, bundle);
            }
        }
        Path work = dir.resolve("work");
        Benchmark.deleteTree(work);
        Files.createDirectories(work);
        Files.copy(snapshot.resolve("db.mv.db"), work.resolve("db.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long open0 = System.nanoTime();
        try (Database db = Database.open(work.resolve("db"))) {
            System.out.printf("open (and migrate) %.3f s%n", Benchmark.seconds(open0));
            long c0 = cpu.getCurrentThreadCpuTime();
            double groupBy = Benchmark.groupByBaseline(db);
            double groupByCpu = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("GROUP BY %.3f s (cpu %.3f s)%n", groupBy, groupByCpu);
            String org = Benchmark.largestOrganization(db);
            StoredFunderReportService service = new StoredFunderReportService(new OrganizationDao(db.jdbi()),
                    new FunderDao(db.jdbi()), Clock.fixed(Benchmark.AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
            for (int i = 0; i <= runs; i++) {
                long t0 = System.nanoTime();
                long c1 = cpu.getCurrentThreadCpuTime();
                FunderReportData data = service.report(Actor.localOperator(), org, Benchmark.LAST_YEAR);
                double s = Benchmark.seconds(t0);
                double sCpu = (cpu.getCurrentThreadCpuTime() - c1) / 1e9;
                System.out.printf("funder report %s %d (%s): %.3f s  %.2fx  (cpu %.3f s, %.2fx)  %d activities, totals %s%n", org,
                        Benchmark.LAST_YEAR, i == 0 ? "cold" : "run " + i, s, s / groupBy, sCpu, sCpu / groupByCpu,
                        data.report().outcomes().size(), data.report().totals());
            }
            System.out.printf("GROUP BY again %.3f s%n", Benchmark.groupByBaseline(db));
            // where the report's time goes: the bare scan with its filter, the rows read, the counting
            java.time.ZoneId zone = new OrganizationDao(db.jdbi()).find(org).orElseThrow().zone();
            java.time.Instant from = java.time.LocalDate.of(Benchmark.LAST_YEAR, 1, 1).atStartOfDay(zone).toInstant();
            java.time.Instant to = java.time.LocalDate.of(Benchmark.LAST_YEAR + 1, 1, 1).atStartOfDay(zone).toInstant();
            long t0 = System.nanoTime();
            long scanned = db.jdbi().withHandle(h -> h.createQuery("""
                            SELECT COUNT(*) FROM activities WHERE organization_id = :org AND started_at >= :from AND started_at < :to""")
                    .bind("org", org).bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                    .mapTo(Long.class).one());
            System.out.printf("the scan alone (COUNT(*) with the report's filter) %.3f s, %d rows%n", Benchmark.seconds(t0), scanned);
            t0 = System.nanoTime();
            List<FunderActivity> rows = new FunderDao(db.jdbi()).activities(org, from, to);
            System.out.printf("FunderDao.activities %.3f s, %d rows%n", Benchmark.seconds(t0), rows.size());
            FunderReportData data = service.report(Actor.localOperator(), org, Benchmark.LAST_YEAR);
            t0 = System.nanoTime();
            FunderCounter.count(org, Benchmark.LAST_YEAR, true, zone, data.report().rules(), rows);
            System.out.printf("FunderCounter.count %.3f s%n", Benchmark.seconds(t0));
        }
    }
}
