package org.impactdesk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.impactdesk.TestFiles;

/**
 * One database migrated by Flyway per JVM, closed, and copied for every test that asks for a
 * fresh one: opening a copy finds nothing pending and skips the migrations. Deleted when the JVM ends.
 */
final class MigratedTemplate {
    private static final String SUFFIX = ".mv.db";

    private MigratedTemplate() {
    }

    /** The migrated database file, made on first use; null until then. */
    private static Path file;

    private static synchronized Path file() {
        if (file == null) {
            file = create();
        }
        return file;
    }

    private static Path create() {
        Path dir;
        try {
            dir = Files.createTempDirectory("impact-desk-test-h2-template-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the migrated test database", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TestFiles.deleteTree(dir), "delete the migrated test database"));
        Path base = dir.resolve("migrated");
        Database.open(base).close();
        Path migrated = Path.of(base + SUFFIX);
        if (!Files.isRegularFile(migrated)) {
            throw new IllegalStateException("Migrating a new database at " + base + " left no file " + migrated);
        }
        return migrated;
    }

    /** Copies the migrated database to {@code base} ({@code base.mv.db}); returns {@code base}, the path Database.open takes. */
    static Path copyTo(Path base) {
        Path target = Path.of(base + SUFFIX);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(file(), target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the migrated test database to " + target, e);
        }
        return base;
    }
}
