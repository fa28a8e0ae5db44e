package org.impactdesk.service.importing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.store.Database;
import org.impactdesk.sync.LargeBundleGenerator;
/**
 * Measures the sync of a large bundle into a new file database (not a unit test):
 * {@code main(bundleDir, dbDir, [activities], [csvread])}. Generates the bundle when missing,
 * imports it, imports it again (resync: all unchanged), and optionally times H2's CSVREAD
 * loading the same activities.csv into a table with the same columns, types and primary key.
 */
public final class SyncBenchTool {
    private SyncBenchTool() {
    }

    public static void main(String[] args) throws Exception {
        Path bundle = Path.of(args[0]);
        Path dbDir = Path.of(args[1]);
        long n = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
        boolean csvread = args.length > 3 && args[3].equals("csvread");
        if (!Files.exists(bundle.resolve("activities.csv"))) {
            LargeBundleGenerator.write(bundle, n, 5000, 42);
        }
        Files.createDirectories(dbDir);
        Path db = dbDir.resolve("bench-" + System.nanoTime());
        try (Database d = Database.open(db)) {
            BundleImporter importer = new BundleImporter(d, Clock.systemUTC());
            long t0 = System.nanoTime();
            ImportReport r = importer.importBundle(bundle, ImportOptions.allOrNothing(), Actor.localOperator(), progress(t0));
            double sync = (System.nanoTime() - t0) / 1e9;
            System.out.printf("sync: %.2f s (%s) errors=%d%n", sync, r, r.errorCount());
            r.errors().stream().limit(5).forEach(p -> System.out.println("  " + ImportReport.describe(p)));
            System.out.printf("sum of heap pool peaks after sync (over-estimates the live heap): %d MB%n", peakHeapMb());
            long t1 = System.nanoTime();
            ImportReport again = importer.importBundle(bundle, ImportOptions.allOrNothing(), Actor.localOperator(), null);
            System.out.printf("resync: %.2f s (%s)%n", (System.nanoTime() - t1) / 1e9, again);
            System.out.printf("sum of heap pool peaks: %d MB%n", peakHeapMb());
            if (csvread) {
                try (Connection c = d.dataSource().getConnection(); Statement st = c.createStatement()) {
                    st.execute("""
                            CREATE TABLE csv_baseline (
                                id VARCHAR(64) PRIMARY KEY, organization_id VARCHAR(64) NOT NULL,
                                local_association_id VARCHAR(64) NOT NULL, peer_mentor_id VARCHAR(64) NOT NULL,
                                activity_type VARCHAR(64) NOT NULL, started_at TIMESTAMP WITH TIME ZONE NOT NULL,
                                duration_minutes INT NOT NULL, contact_id VARCHAR(64), approval_status VARCHAR(10) NOT NULL,
                                travel_km DECIMAL(10,2), event_id VARCHAR(64))""");
                    long t2 = System.nanoTime();
                    st.execute("INSERT INTO csv_baseline SELECT * FROM CSVREAD('"
                            + bundle.resolve("activities.csv").toAbsolutePath() + "', NULL, 'charset=UTF-8')");
                    System.out.printf("csvread baseline: %.2f s%n", (System.nanoTime() - t2) / 1e9);
                }
            }
        }
    }

    static SyncGateway.Progress progress(long t0) {
        return new SyncGateway.Progress() {
            long last;

            @Override
            public void update(long done, long total, String message) {
                long now = System.nanoTime();
                if (now - last > 2_000_000_000L || done == total) {
                    last = now;
                    System.out.printf("  %6.1f s  %s%n", (now - t0) / 1e9, message);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
