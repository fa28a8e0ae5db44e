package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.domain.PrivateFiles;
import org.impactdesk.service.importing.BundleImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People's data readable by its owner only (issue 18 item 3): the folder the database is
 * created in is 0700, the database, the copy kept before a migration and reject files 0600,
 * no H2 trace file beside it; an encrypted database holds no name in clear and refuses a wrong
 * passphrase with a message.
 */
class PrivateDataTest {
    private static final Path EXAMPLE = Path.of("src/test/resources/example/bundle");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseIs0600InA0700Folder() throws Exception {
        assumeTrue(PrivateFiles.posix(dir), "a POSIX file system");
        Path folder = dir.resolve("data").resolve("impact-desk");
        try (Database db = Database.open(folder.resolve("impact-desk"))) {
            importExample(db);
        }
        assertThat(mode(folder)).isEqualTo("700");
        assertThat(mode(folder.getParent())).as("each folder it created").isEqualTo("700");
        assertThat(mode(folder.resolve("impact-desk.mv.db"))).isEqualTo("600");
        try (var files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertThat(all).as("no trace file or other file beside the database")
                    .extracting(p -> p.getFileName().toString()).containsExactly("impact-desk.mv.db");
        }
    }

    @Test
    void filesAnOlderVersionLeftReadableAreTightenedWhenTheDatabaseOpens() throws Exception {
        assumeTrue(PrivateFiles.posix(dir), "a POSIX file system");
        Path path = dir.resolve("db");
        try (Database db = Database.open(path)) {
            importExample(db);
        }
        Path file = dir.resolve("db.mv.db");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (Database db = Database.open(path)) {
            assertThat(mode(file)).isEqualTo("600");
        }
    }

    @Test
    void theCopyKeptBeforeAMigrationIs0600() throws Exception {
        assumeTrue(PrivateFiles.posix(dir), "a POSIX file system");
        Path path = dir.resolve("db");
        try (Database db = Database.open(path)) {
            importExample(db);
        }
        try (Database db = Database.open(path, List.of("classpath:db/migration", "classpath:db/vendor/{vendor}", "classpath:db/testmigration"))) {
            assertThat(db.path()).isEqualTo(path.toAbsolutePath());
        }
        try (var files = Files.list(dir)) {
            List<Path> backups = files.filter(p -> p.getFileName().toString().startsWith("db.before-migration-")).toList();
            assertThat(backups).hasSize(1);
            assertThat(mode(backups.get(0))).isEqualTo("600");
        }
    }

    @Test
    void aRejectFileIs0600() throws Exception {
        assumeTrue(PrivateFiles.posix(dir), "a POSIX file system");
        Path bundle = copyExample(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("contacts.csv"), ",org-1,Nobody\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        try (Database db = Database.open(dir.resolve("db"))) {
            ImportReport r = new BundleImporter(db, CLOCK).importBundle(bundle, ImportOptions.skippingInvalid(),
                    Actor.localOperator(), null);
            assertThat(r.rejectFile()).isNotNull();
            assertThat(mode(r.rejectFile())).isEqualTo("600");
        }
    }

    @Test
    void theHelperWritesOverAReadableFileAs0600() throws Exception {
        assumeTrue(PrivateFiles.posix(dir), "a POSIX file system");
        Path export = dir.resolve("team.csv");
        Files.writeString(export, "old");
        Files.setPosixFilePermissions(export, PosixFilePermissions.fromString("rw-rw-r--"));
        PrivateFiles.write(export, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(export)).isEqualTo("new");
        assertThat(mode(export)).isEqualTo("600");
    }

    @Test
    void anEncryptedDatabaseHoldsNoNameInClearAndOpensOnlyWithItsPassphrase() throws Exception {
        Path path = dir.resolve("secret");
        char[] passphrase = "correct horse battery staple".toCharArray();
        try (Database db = Database.open(path, passphrase.clone())) {
            importExample(db);
            assertThat(count(db, "SELECT COUNT(*) FROM contacts WHERE display_name = 'Ola Nordmann'")).isEqualTo(1);
        }
        assertThat(Database.isEncrypted(path)).isTrue();
        byte[] file = Files.readAllBytes(dir.resolve("secret.mv.db"));
        List<String> strings = strings(file);
        for (String name : contactNames()) {
            assertThat(strings).as("printable runs of the encrypted file").noneMatch(s -> s.contains(name));
        }
        assertThat(strings).noneMatch(s -> s.contains("Nordmann") || s.contains("CONTACTS") || s.contains("org-1"));

        assertThatThrownBy(() -> Database.open(path, "wrong passphrase".toCharArray()))
                .isInstanceOfSatisfying(PassphraseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PassphraseException.Reason.WRONG);
                    assertThat(e.getMessage()).isEqualTo("Wrong passphrase for the database " + path.toAbsolutePath()
                            + ".mv.db: nothing was opened or changed.");
                });
        assertThatThrownBy(() -> Database.open(path))
                .isInstanceOfSatisfying(PassphraseException.class,
                        e -> assertThat(e.reason()).isEqualTo(PassphraseException.Reason.REQUIRED))
                .hasMessageContaining("is encrypted: give its passphrase");
        try (Database db = Database.open(path, passphrase.clone())) {
            assertThat(count(db, "SELECT COUNT(*) FROM contacts WHERE display_name = 'Ola Nordmann'")).isEqualTo(1);
        }
    }

    @Test
    void theSameBundleUnencryptedHasTheNamesInClear() throws Exception {
        // the control of the test above: its scan would find the names in a plain file
        Path path = dir.resolve("plain");
        try (Database db = Database.open(path)) {
            importExample(db);
        }
        assertThat(Database.isEncrypted(path)).isFalse();
        List<String> strings = strings(Files.readAllBytes(dir.resolve("plain.mv.db")));
        assertThat(strings).anyMatch(s -> s.contains("Ola Nordmann"));
        assertThatThrownBy(() -> Database.open(path, "a passphrase".toCharArray()))
                .isInstanceOfSatisfying(PassphraseException.class,
                        e -> assertThat(e.reason()).isEqualTo(PassphraseException.Reason.NOT_ENCRYPTED));
    }

    private static void importExample(Database db) {
        ImportReport r = new BundleImporter(db, CLOCK).importBundle(EXAMPLE, ImportOptions.allOrNothing(),
                Actor.localOperator(), null);
        assertThat(r.written()).isTrue();
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static List<String> contactNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(EXAMPLE.resolve("contacts.csv")).subList(1, 5)) {
            names.add(line.split(",")[2]);
        }
        assertThat(names).contains("Ola Nordmann", "Kari Nordmann");
        return names;
    }

    /** As {@code strings -n 4}: the runs of 4 or more printable ASCII bytes. */
    static List<String> strings(byte[] bytes) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (byte b : bytes) {
            if (b >= 0x20 && b < 0x7f) {
                run.append((char) b);
            } else {
                if (run.length() >= 4) {
                    out.add(run.toString());
                }
                run.setLength(0);
            }
        }
        if (run.length() >= 4) {
            out.add(run.toString());
        }
        return out;
    }

    private static Path copyExample(Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(EXAMPLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    /** The permission bits as {@code stat -c %a} prints them; checked against stat itself where it exists. */
    private static String mode(Path p) throws Exception {
        String java = Integer.toOctalString(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)).chars()
                .reduce(0, (acc, c) -> acc * 2 + (c == '-' ? 0 : 1)));
        if (Files.isExecutable(Path.of("/usr/bin/stat"))) {
            Process stat = new ProcessBuilder("/usr/bin/stat", "-c", "%a", p.toString()).redirectErrorStream(true).start();
            String shown = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(stat.waitFor()).isZero();
            assertThat(shown).as("stat of " + p).isEqualTo(java);
        }
        return java;
    }
}
