package org.impactdesk.service.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.impactdesk.access.Actor;
import org.impactdesk.demo.DemoDataGenerator;
import org.impactdesk.demo.DemoSpec;
import org.impactdesk.service.Services;
import org.impactdesk.service.generation.GenerationReport;
import org.impactdesk.service.generation.GenerationService;
import org.impactdesk.store.Database;

/**
 * The generation half of {@link Benchmark}, for quick iterations (not a unit test):
 * {@code main(dir, activities)}. Writes the bundle and syncs it once into {@code dir/snapshot}
 * (kept), then on a copy of that database times the GROUP BY baseline, the full generation, the
 * 1% re-sync and the regeneration, exactly as the bench does.
 */
public final class GenerationBenchTool {
    private GenerationBenchTool() {
    }

    static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static long gcMillis() {
        long ms = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long n = Long.parseLong(args[1]);
        Path bundle = dir.resolve("bundle");
        Path snapshot = dir.resolve("snapshot");
        BundleImporterBench importer = new BundleImporterBench();
        if (!Files.exists(snapshot.resolve("db.mv.db"))) {
            DemoDataGenerator.write(DemoSpec.bench(n, Benchmark.YEARS, 42), bundle);
            Files.createDirectories(snapshot);
            try (Database db = Database.open(snapshot.resolve("db"))) {
                importer.importBundle(db, bundle);
            }
            Path changed = dir.resolve("resync").resolve("activities.csv");
            Files.createDirectories(changed.getParent());
            Benchmark.changeOnePercent(bundle.resolve("activities.csv"), changed, n / 100);
        }
        Path work = dir.resolve("work");
        Benchmark.deleteTree(work);
        Files.createDirectories(work);
        Files.copy(snapshot.resolve("db.mv.db"), work.resolve("db.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        try (HeapPeak heap = new HeapPeak(); Database db = Database.open(work.resolve("db"))) {
            double groupBy = Benchmark.groupByBaseline(db);
            System.out.printf("GROUP BY %.3f s%n", groupBy);
            GenerationService service = new Services(db).generation;
            long t0 = System.nanoTime();
            long cpu0 = cpu();
            long gc0 = gcMillis();
            GenerationReport full = service.generate(Benchmark.request(), Actor.localOperator());
            double gen = Benchmark.seconds(t0);
            System.out.printf("generate %.3f s  %.2fx  %s  (main thread cpu %.2f s, gc %.2f s)%n", gen, gen / groupBy, full,
                    (cpu() - cpu0) / 1e9, (gcMillis() - gc0) / 1e3);
            t0 = System.nanoTime();
            importer.importBundle(db, dir.resolve("resync").resolve("activities.csv"));
            System.out.printf("resync %.3f s%n", Benchmark.seconds(t0));
            t0 = System.nanoTime();
            cpu0 = cpu();
            gc0 = gcMillis();
            GenerationReport inc = service.generate(Benchmark.request(), Actor.localOperator());
            double regen = Benchmark.seconds(t0);
            System.out.printf("regenerate %.3f s  %.3fx  %s, %d mentors read  (main thread cpu %.2f s, gc %.2f s)%n", regen,
                    regen / gen, inc, inc.mentorsRead(), (cpu() - cpu0) / 1e9, (gcMillis() - gc0) / 1e3);
            System.out.printf("peak heap after GC %.1f MB%n", heap.peakAfterGcBytes() / 1048576.0);
        }
    }
}
