package org.impactdesk.service.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.store.Database;
/** Bundles written as files for the sync tests, and small helpers to count rows. */
final class SyncFixture {
    static final Path EXAMPLE = Path.of("src/test/resources/example/bundle");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T09:00:00Z"), ZoneOffset.UTC);

    private SyncFixture() {
    }

    /** A copy of the worked example bundle in {@code dir}. */
    static Path exampleCopy(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(EXAMPLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    static void write(Path file, String text) throws IOException {
        write(file, text, StandardCharsets.UTF_8);
    }

    static void write(Path file, String text, Charset cs) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(cs));
    }

    static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    static Path zip(Path folder, Path zipFile, String inner) throws IOException {
        try (OutputStream os = Files.newOutputStream(zipFile); ZipOutputStream zos = new ZipOutputStream(os);
             var files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                zos.putNextEntry(new ZipEntry(inner + f.getFileName()));
                zos.write(Files.readAllBytes(f));
                zos.closeEntry();
            }
        }
        return zipFile;
    }

    static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static final String[] COUNTED_TABLES = {"organizations", "organization_modules", "local_associations", "users", "user_roles",
            "coordinator_scopes", "peer_mentors", "peer_mentor_associations", "contacts", "activity_types", "events",
            "event_attendance", "assignments", "activities", "stale_summary_inputs"};

    /** Row counts of every bundle table and the log ({@code COUNT(*)}), to compare before and after. */
    static String counts(Database db) {
        StringBuilder sb = new StringBuilder();
        for (String t : COUNTED_TABLES) {
            sb.append(t).append('=').append(count(db, "SELECT COUNT(*) FROM " + t)).append(' ');
        }
        return sb.toString().trim();
    }

    /**
     * The same counts taken by reading every row rather than by {@code COUNT(*)} (which H2 answers
     * from the table's stored size): after a killed process the two can only differ if the
     * engine's recovery left entries a scan does not see, and a failing kill test then says which.
     */
    static String scannedCounts(Database db) {
        StringBuilder sb = new StringBuilder();
        for (String t : COUNTED_TABLES) {
            long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT 1 FROM " + t)
                    .mapTo(Integer.class).stream().count());
            sb.append(t).append('=').append(rows).append(' ');
        }
        return sb.toString().trim();
    }

    static ImportReport importAll(Database db, Path bundle) {
        return new BundleImporter(db, CLOCK).importBundle(bundle, ImportOptions.allOrNothing(), Actor.localOperator(), null);
    }

    static ImportReport importValid(Database db, Path bundle) {
        return new BundleImporter(db, CLOCK).importBundle(bundle, ImportOptions.skippingInvalid(), Actor.localOperator(), null);
    }
}
