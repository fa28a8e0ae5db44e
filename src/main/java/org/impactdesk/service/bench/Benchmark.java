package org.impactdesk.service.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.impactdesk.access.Actor;
import org.impactdesk.demo.DemoDataGenerator;
import org.impactdesk.demo.DemoSpec;
import org.impactdesk.service.generation.GenerationReport;
import org.impactdesk.service.generation.GenerationRequest;
import org.impactdesk.service.generation.GenerationService;
import org.impactdesk.domain.FunderReportData;
import org.impactdesk.service.funder.StoredFunderReportService;
import org.impactdesk.store.Database;
import org.impactdesk.store.FunderDao;
import org.impactdesk.store.OrganizationDao;

/**
 * The sync and generation benchmark of issues 2 and 3: generates a bundle of N activities
 * (about 200 per mentor, 3 closed years), then on the same {@code activities.csv} measures
 * <ol>
 *   <li>the parse floor: FastCSV reading every field, no database;</li>
 *   <li>the CSVREAD baseline: H2's own {@code CSVREAD} into a table with the columns, types,
 *       checks and primary key of {@code activities}, in a new file database;</li>
 *   <li>the sync: the bundle importer (full validation, upsert, one transaction) into a new file
 *       database;</li>
 *   <li>the GROUP BY baseline: activity count, hours and distinct contacts per mentor and year
 *       over the synced table;</li>
 *   <li>the funder report (FUNDER_REPORT.md) of the last closed year of the organisation with the
 *       most activities: its rows read from the database and counted, as {@code report funder} does;</li>
 *   <li>the generation of every summary of the closed years (annual, impact annual + half-year,
 *       periodic quarterly + half-year, team rows) with {@link GenerationService};</li>
 *   <li>a re-sync of a re-export with 1% of the activity rows changed (duration or approval) and
 *       the regeneration that follows (only the affected summaries).</li>
 * </ol>
 * Times are wall-clock seconds of each step; peak heap is {@link HeapPeak}'s largest heap in use after a
 * collection (the peak used heap including garbage is in the human output).
 */
public final class Benchmark {

    /** The importer under test: imports a bundle into a database, returns the rows it wrote. */
    @FunctionalInterface
    public interface Importer {
        ImportFigures importBundle(Database database, Path bundle) throws Exception;
    }

    /** What an import reports: whether it wrote, and the counts. */
    public record ImportFigures(boolean written, long inserted, long updated, long unchanged, long rejected, String detail) {
    }

    /** Every figure of a run; a figure not measured is null. */
    public record Result(long activities, int mentors, Double syncSeconds, Double csvreadSeconds, Double parseSeconds,
                         Double generateSeconds, Double groupBySeconds, Double resyncSeconds, Double regenerateSeconds,
                         Double funderReportSeconds, double peakHeapMb, double peakUsedHeapMb, double maxHeapMb, String javaVersion,
                         Map<String, Object> details) {

        public Double syncVsCsvread() {
            return ratio(syncSeconds, csvreadSeconds);
        }

        public Double generateVsGroupBy() {
            return ratio(generateSeconds, groupBySeconds);
        }

        /** The JSON document of CLI.md, exactly its keys. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("activities", activities);
            m.put("sync_s", round(syncSeconds));
            m.put("csvread_baseline_s", round(csvreadSeconds));
            m.put("parse_floor_s", round(parseSeconds));
            // ratios of the printed (rounded) seconds, so the document agrees with itself
            m.put("sync_vs_csvread", round(ratio(round(syncSeconds), round(csvreadSeconds))));
            m.put("generate_s", round(generateSeconds));
            m.put("groupby_baseline_s", round(groupBySeconds));
            m.put("generate_vs_groupby", round(ratio(round(generateSeconds), round(groupBySeconds))));
            m.put("resync_s", round(resyncSeconds));
            m.put("regenerate_s", round(regenerateSeconds));
            m.put("funder_report_s", round(funderReportSeconds));
            m.put("funder_report_vs_groupby", round(ratio(round(funderReportSeconds), round(groupBySeconds))));
            m.put("peak_heap_mb", Math.round(peakHeapMb * 10) / 10.0);
            m.put("java_version", javaVersion);
            return m;
        }

        public static Double ratio(Double a, Double b) {
            return a == null || b == null || b == 0 ? null : a / b;
        }

        static Double round(Double s) {
            return s == null ? null : Math.round(s * 1000) / 1000.0;
        }
    }

    /** The last closed year of the bundle; generation runs as of the day after its last day. */
    static final int LAST_YEAR = DemoSpec.DEMO_LAST_YEAR;
    static final int YEARS = 3;
    static final LocalDate AS_OF = LocalDate.of(LAST_YEAR + 1, 1, 16);

    private final long activities;
    private final Path work;
    private final Importer importer;
    private final java.util.function.Function<Database, GenerationService> generation;
    private final Consumer<String> progress;
    /** The PostgreSQL server to measure on ({@code bench --db jdbc:postgresql://...}); null: H2 files in {@link #work}. */
    private final String postgresUrl;

    public Benchmark(long activities, Path work, Importer importer,
                     java.util.function.Function<Database, GenerationService> generation, Consumer<String> progress) {
        this(activities, work, importer, generation, progress, null);
    }

    /**
     * {@code postgresUrl}: measure on that PostgreSQL server instead of H2 files. The run makes two
     * scratch databases beside the one the URL names ({@code impactdesk_bench_<random>_copy} and
     * {@code _sync}; the URL's role needs CREATEDB) and drops them at the end: the named database
     * itself is never touched. The baseline is then PostgreSQL's own bulk load, {@code COPY} of the
     * same file into the same table, and the GROUP BY runs on PostgreSQL.
     */
    public Benchmark(long activities, Path work, Importer importer,
                     java.util.function.Function<Database, GenerationService> generation, Consumer<String> progress,
                     String postgresUrl) {
        if (activities < 1) {
            throw new IllegalArgumentException("--activities must be at least 1, was " + activities);
        }
        this.activities = activities;
        this.work = work;
        this.importer = importer;
        this.generation = generation;
        this.progress = progress;
        this.postgresUrl = postgresUrl;
    }

    public Result run() throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        try (HeapPeak heap = new HeapPeak()) {
            Path bundle = work.resolve("bundle");
            long t0 = System.nanoTime();
            DemoDataGenerator.Result generated = DemoDataGenerator.write(DemoSpec.bench(activities, YEARS, 42), bundle);
            details.put("bundle_write_s", seconds(t0));
            int mentors = generated.rows().get("peer_mentors.csv").intValue();
            Path csv = bundle.resolve("activities.csv");
            details.put("activities_csv_mb", Files.size(csv) / 1e6);
            progress.accept("bundle: " + generated.activities() + " activities, " + mentors + " mentors ("
                    + fmt((double) details.get("bundle_write_s")) + " s)");

            double parse = parseFloor(csv);
            progress.accept("parse floor: " + fmt(parse) + " s");
            Double sync;
            Double groupBy;
            Double generate;
            Double resync = null;
            Double regenerate = null;
            Double funderReport;
            double csvread;
            ScratchPostgres scratch = postgresUrl == null ? null : ScratchPostgres.create(postgresUrl);
            try {
                csvread = scratch == null ? csvreadBaseline(csv, work.resolve("csvread")) : copyBaseline(csv, scratch.copyUrl());
                progress.accept((scratch == null ? "CSVREAD" : "COPY") + " baseline: " + fmt(csvread) + " s");

                try (Database db = scratch == null ? Database.open(work.resolve("sync-db")) : Database.openPostgres(scratch.syncUrl())) {
                    if (scratch != null) {
                        details.put("server_version", db.jdbi().withHandle(h -> h.createQuery("SHOW server_version").mapTo(String.class).one()));
                    }
                    t0 = System.nanoTime();
                    ImportFigures first = importer.importBundle(db, bundle);
                    sync = seconds(t0);
                    requireWritten(first, "sync");
                    details.put("sync_inserted", first.inserted());
                    progress.accept("sync: " + fmt(sync) + " s (" + first.detail() + ")");

                    groupBy = groupByBaseline(db);
                    progress.accept("GROUP BY baseline: " + fmt(groupBy) + " s");

                    FunderReportData funder;
                    String org = largestOrganization(db);
                    StoredFunderReportService funderService = new StoredFunderReportService(new OrganizationDao(db.jdbi()),
                            new FunderDao(db.jdbi()), java.time.Clock.fixed(AS_OF.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                            java.time.ZoneOffset.UTC));
                    t0 = System.nanoTime();
                    funder = funderService.report(Actor.localOperator(), org, LAST_YEAR);
                    funderReport = seconds(t0);
                    details.put("funder_report_activities", funder.report().outcomes().size());
                    progress.accept("funder report " + LAST_YEAR + " of " + org + ": " + fmt(funderReport) + " s ("
                            + funder.report().outcomes().size() + " activities of the year)");

                    GenerationService service = generation.apply(db);
                    GenerationRequest request = request();
                    t0 = System.nanoTime();
                    GenerationReport full = service.generate(request, Actor.localOperator());
                    generate = seconds(t0);
                    details.put("generate_written", full.created() + full.updated());
                    details.put("generate_report", full.toMap());
                    progress.accept("generate: " + fmt(generate) + " s (" + full + ")");

                    Path changed = work.resolve("resync").resolve("activities.csv");
                    Files.createDirectories(changed.getParent());
                    ChangeCount cc = changeOnePercent(csv, changed, activities / 100);
                    details.put("changed_rows", cc.rows());
                    details.put("changed_mentors", cc.mentors());
                    t0 = System.nanoTime();
                    ImportFigures second = importer.importBundle(db, changed);
                    resync = seconds(t0);
                    requireWritten(second, "re-sync");
                    details.put("resync_updated", second.updated());
                    details.put("resync_unchanged", second.unchanged());
                    progress.accept("re-sync: " + fmt(resync) + " s (" + cc.rows() + " rows of " + cc.mentors()
                            + " mentors changed; " + second.detail() + ")");

                    t0 = System.nanoTime();
                    GenerationReport incremental = service.generate(request, Actor.localOperator());
                    regenerate = seconds(t0);
                    details.put("regenerate_written", incremental.created() + incremental.updated());
                    details.put("regenerate_mentors_read", incremental.mentorsRead());
                    details.put("regenerate_report", incremental.toMap());
                    progress.accept("regenerate: " + fmt(regenerate) + " s (" + incremental + ", "
                            + incremental.mentorsRead() + " mentors read)");
                }
                details.put("engine", scratch == null ? "h2" : "postgresql");
            } finally {
                if (scratch != null) {
                    scratch.drop();
                }
            }
            // peak_heap_mb: the largest heap still in use after a collection (what the run needs); when no
            // collection ran at all (a tiny run), the largest used heap sampled
            long live = heap.peakAfterGcBytes() > 0 ? heap.peakAfterGcBytes() : heap.peakBytes();
            return new Result(generated.activities(), mentors, sync, csvread, parse, generate, groupBy, resync, regenerate,
                    funderReport, live / 1048576.0, heap.peakBytes() / 1048576.0, HeapPeak.maxHeapBytes() / 1048576.0,
                    System.getProperty("java.version"), details);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Only the GROUP BY baseline and the funder report (the figures of issue 15), on a database that
     * already holds activities (a synced bench bundle, say): no bundle, no sync, no generation. Each
     * of {@code runs} rounds times the GROUP BY, then the report of {@link #LAST_YEAR} of the
     * organisation with the most activities, in the same order as {@link #run}; the figures are the
     * medians of the rounds (the first round reads from disk, the others mostly from H2's cache).
     */
    public static Result funderOnly(Database db, int runs, Consumer<String> progress) throws SQLException {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, was " + runs);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        long[] counts = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT (SELECT COUNT(*) FROM activities), (SELECT COUNT(*) FROM peer_mentors)")
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
        if (counts[0] == 0) {
            throw new IllegalStateException("The database holds no activities: --funder-only times the report on an "
                    + "existing bench database (import a bundle first, or run the whole bench).");
        }
        try (HeapPeak heap = new HeapPeak()) {
            String org = largestOrganization(db);
            StoredFunderReportService service = new StoredFunderReportService(new OrganizationDao(db.jdbi()),
                    new FunderDao(db.jdbi()), java.time.Clock.fixed(AS_OF.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                    java.time.ZoneOffset.UTC));
            double[] groupBy = new double[runs];
            double[] funder = new double[runs];
            int rows = 0;
            for (int i = 0; i < runs; i++) {
                groupBy[i] = groupByBaseline(db);
                long t0 = System.nanoTime();
                FunderReportData data = service.report(Actor.localOperator(), org, LAST_YEAR);
                funder[i] = seconds(t0);
                rows = data.report().outcomes().size();
                progress.accept("round " + (i + 1) + " of " + runs + ": GROUP BY " + fmt(groupBy[i]) + " s, funder report "
                        + LAST_YEAR + " of " + org + " " + fmt(funder[i]) + " s (" + rows + " activities of the year), "
                        + fmt(funder[i] / groupBy[i]) + "x");
            }
            details.put("funder_report_activities", rows);
            details.put("runs", runs);
            long live = heap.peakAfterGcBytes() > 0 ? heap.peakAfterGcBytes() : heap.peakBytes();
            return new Result(counts[0], (int) counts[1], null, null, null, null, median(groupBy), null, null, median(funder),
                    live / 1048576.0, heap.peakBytes() / 1048576.0, HeapPeak.maxHeapBytes() / 1048576.0,
                    System.getProperty("java.version"), details);
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static GenerationRequest request() {
        Set<Integer> years = new TreeSet<>();
        for (int y = LAST_YEAR - YEARS + 1; y <= LAST_YEAR; y++) {
            years.add(y);
        }
        return new GenerationRequest(years, GenerationRequest.Selection.ALL, null, AS_OF, false);
    }

    private static void requireWritten(ImportFigures f, String what) {
        if (!f.written()) {
            throw new IllegalStateException("The " + what + " was refused: " + f.detail());
        }
    }

    // ------------------------------------------------------------------ baselines

    /** Reads every field of every record with FastCSV: what any importer pays at least. */
    static double parseFloor(Path csv) throws IOException {
        long t0 = System.nanoTime();
        long chars = 0;
        long records = 0;
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(csv)) {
            for (CsvRecord rec : r) {
                for (int i = 0; i < rec.getFieldCount(); i++) {
                    chars += rec.getField(i).length();
                }
                records++;
            }
        }
        if (records == 0 || chars == 0) {
            throw new IllegalStateException("nothing parsed in " + csv);
        }
        return seconds(t0);
    }

    /** The activities table of V1 (columns, types, checks, primary key), for the CSVREAD baseline. */
    static final String ACTIVITIES_DDL = """
            CREATE TABLE activities (
                id                   VARCHAR(64) PRIMARY KEY,
                organization_id      VARCHAR(64) NOT NULL,
                local_association_id VARCHAR(64) NOT NULL,
                peer_mentor_id       VARCHAR(64) NOT NULL,
                activity_type        VARCHAR(64) NOT NULL,
                started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
                duration_minutes     INT NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
                contact_id           VARCHAR(64),
                approval_status      VARCHAR(10) NOT NULL CHECK (approval_status IN ('approved', 'pending', 'flagged', 'rejected')),
                travel_km            DECIMAL(10,2) CHECK (travel_km >= 0),
                event_id             VARCHAR(64)
            )""";

    /** H2's CSVREAD into a new file database (same URL settings as the app's), committed and checkpointed. */
    static double csvreadBaseline(Path csv, Path dbPath) throws SQLException {
        String url = "jdbc:h2:file:" + dbPath.toAbsolutePath() + ";CACHE_SIZE=65536";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement st = c.createStatement()) {
                st.execute(ACTIVITIES_DDL);
            }
            c.setAutoCommit(false);
            String file = csv.toAbsolutePath().toString().replace("'", "''");
            long t0 = System.nanoTime();
            int n;
            try (Statement st = c.createStatement()) {
                n = st.executeUpdate("""
                        INSERT INTO activities SELECT id, organization_id, local_association_id, peer_mentor_id, activity_type,
                            CAST(started_at AS TIMESTAMP WITH TIME ZONE), CAST(duration_minutes AS INT), NULLIF(contact_id, ''),
                            approval_status, CAST(NULLIF(travel_km, '') AS DECIMAL(10,2)), NULLIF(event_id, '')
                        FROM CSVREAD('%s', NULL, 'charset=UTF-8 fieldSeparator=,')""".formatted(file));
                c.commit();
                st.execute("CHECKPOINT SYNC");
            }
            double s = seconds(t0);
            if (n == 0) {
                throw new IllegalStateException("CSVREAD loaded no rows from " + csv);
            }
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
            return s;
        }
    }

    /**
     * PostgreSQL's own bulk load as the baseline: {@code COPY ... FROM STDIN (FORMAT csv)} of the same
     * file through the driver's CopyManager into a new database's table with the columns, types,
     * checks and key of {@code activities}, in one transaction, committed (a commit is durable).
     */
    static double copyBaseline(Path csv, String url) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement st = c.createStatement()) {
                st.execute(ACTIVITIES_DDL);
            }
            c.setAutoCommit(false);
            org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            long n;
            try (java.io.Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                // an empty unquoted field is NULL in COPY's csv format, as NULLIF(..., '') makes it for CSVREAD
                n = copy.copyIn("COPY activities FROM STDIN WITH (FORMAT csv, HEADER true)", in);
            }
            c.commit();
            double s = seconds(t0);
            if (n == 0) {
                throw new IllegalStateException("COPY loaded no rows from " + csv);
            }
            return s;
        }
    }

    /** The two scratch databases of a run on PostgreSQL, beside the database the URL names. */
    record ScratchPostgres(String adminUrl, String copyUrl, String syncUrl, String copyName, String syncName) {
        private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile(
                "(?i)(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?");

        static ScratchPostgres create(String url) throws SQLException {
            java.util.regex.Matcher m = URL.matcher(url);
            if (!m.matches()) {
                throw new IllegalArgumentException("bench needs a PostgreSQL URL of the form jdbc:postgresql://host:5432/database, not "
                        + url.replaceAll("(?i)(password=)[^&;]*", "$1***"));
            }
            String base = "impactdesk_bench_" + java.util.UUID.randomUUID().toString().substring(0, 8);
            String params = m.group(3) == null ? "" : m.group(3);
            ScratchPostgres s = new ScratchPostgres(url, m.group(1) + base + "_copy" + params, m.group(1) + base + "_sync" + params,
                    base + "_copy", base + "_sync");
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + s.copyName);
                st.execute("CREATE DATABASE " + s.syncName);
            } catch (SQLException e) {
                s.drop();
                throw new SQLException("bench cannot create its scratch databases on " + url.replaceAll("(?i)(password=)[^&;]*", "$1***")
                        + " (the role needs CREATEDB): " + e.getMessage(), e.getSQLState(), e);
            }
            return s;
        }

        /** Drops both (closing what is left connected to them); a failure leaves them to the administrator, named. */
        void drop() {
            try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + copyName + " WITH (FORCE)");
                st.execute("DROP DATABASE IF EXISTS " + syncName + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("bench: could not drop the scratch databases " + copyName + " and " + syncName + ": " + e.getMessage());
            }
        }
    }

    /** The organisation with the most activities: its report of the last year is the one timed. */
    static String largestOrganization(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT organization_id FROM activities GROUP BY organization_id ORDER BY COUNT(*) DESC, organization_id LIMIT 1")
                .mapTo(String.class).one());
    }

    /** Activity count, hours and distinct contacts per mentor and (local) year over the synced table. */
    static double groupByBaseline(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT peer_mentor_id, EXTRACT(YEAR FROM started_at), COUNT(*), SUM(duration_minutes) / 60.0,
                            COUNT(DISTINCT contact_id)
                     FROM activities WHERE approval_status = 'approved'
                     GROUP BY peer_mentor_id, EXTRACT(YEAR FROM started_at)""")) {
            long t0 = System.nanoTime();
            long rows = 0;
            long sum = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    sum += rs.getLong(3) + rs.getLong(5);
                    rs.getBigDecimal(4);
                    rs.getString(1);
                }
            }
            double s = seconds(t0);
            if (rows == 0 || sum == 0) {
                throw new IllegalStateException("the GROUP BY baseline found no approved activities");
            }
            return s;
        }
    }

    // ------------------------------------------------------------------ the 1% re-export

    record ChangeCount(long rows, long mentors) {
    }

    /**
     * A re-export of {@code activities.csv} with {@code budget} rows changed: every fourth row of
     * every 20th mentor (until the budget is spent) (the file is grouped by mentor), alternately a duration 15 minutes longer
     * and an approval flipped (approved to pending, anything else to approved).
     */
    static ChangeCount changeOnePercent(Path in, Path out, long budget) throws IOException {
        long changed = 0;
        long mentors = 0;
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            w.write(header);
            w.write('\n');
            String line;
            String mentor = null;
            long mentorOrdinal = -1;
            long rowInMentor = 0;
            boolean touchedThisMentor = false;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (!f[3].equals(mentor)) {
                    mentor = f[3];
                    mentorOrdinal++;
                    rowInMentor = 0;
                    touchedThisMentor = false;
                }
                if (changed < budget && mentorOrdinal % 20 == 0 && rowInMentor % 4 == 0) {
                    if (changed % 2 == 0) {
                        f[6] = Integer.toString(Math.min(1440, Integer.parseInt(f[6]) + 15));
                    } else {
                        f[8] = f[8].equals("approved") ? "pending" : "approved";
                    }
                    line = String.join(",", f);
                    changed++;
                    if (!touchedThisMentor) {
                        touchedThisMentor = true;
                        mentors++;
                    }
                }
                rowInMentor++;
                w.write(line);
                w.write('\n');
            }
        }
        return new ChangeCount(changed, mentors);
    }

    // ------------------------------------------------------------------ helpers

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static String fmt(double s) {
        return String.format(java.util.Locale.ROOT, "%.2f", s);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is not worth failing the run
        }
    }
}
