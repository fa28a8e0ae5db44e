package org.impactdesk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.impactdesk.TestFiles;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fresh migrated databases of one test scope, on the engine of {@link TestEngine} (H2 files,
 * or databases of the one embedded PostgreSQL of {@link TestPostgres}) (a test, or a class with {@code @MigratedH2(PER_CLASS)}),
 * each in its own folder under one temporary folder. Each is a copy of a database migrated once
 * per JVM ({@link MigratedTemplate}), so a test pays for a file copy, not for Flyway. {@link #close()}
 * closes what is still open and deletes the folder; the extension calls it when the scope ends.
 */
public final class FreshDatabases implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    static final String MAIN = "db";

    private final Path root;
    private final Set<String> names = new HashSet<>();
    private final Deque<Database> opened = new ArrayDeque<>();
    /** The PostgreSQL databases this scope created, dropped when it ends. */
    private final Deque<String> created = new ArrayDeque<>();
    private Database main;
    private boolean closed;

    /** A scope whose databases live under a new temporary folder. */
    public FreshDatabases() {
        try {
            root = Files.createTempDirectory("impact-desk-test-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the test databases", e);
        }
    }

    /** The scope's own database (folder {@value #MAIN}), opened on the first call; the same one after. */
    public synchronized Database database() {
        if (main == null) {
            main = open(MAIN);
        }
        return main;
    }

    /** Another fresh migrated database of this scope, open, in folder {@code name}; closed by the scope. */
    public synchronized Database open(String name) {
        Database db = Database.open(target(name), null);
        opened.push(db);
        return db;
    }

    /**
     * A fresh migrated database named {@code name}, not held open, as a command's {@code --db} takes
     * it: an H2 file's path, or on PostgreSQL a {@code jdbc:postgresql://} URL. Dropped or deleted with the scope.
     */
    public synchronized String target(String name) {
        if (!TestEngine.postgres()) {
            return file(name).toString();
        }
        checkName(name);
        String url = TestPostgres.freshDatabase();
        created.push(url);
        return url;
    }

    /** {@link #target(String)} with {@code fill} run on it while open, then closed again; its target. */
    public String target(String name, Consumer<Database> fill) {
        String target = target(name);
        try (Database db = Database.open(target, null)) {
            fill.accept(db);
        }
        return target;
    }

    /**
     * A copy named {@code name} of this scope's database {@code from} (a {@link #target(String)}, closed),
     * not held open: the H2 file copied, or on PostgreSQL a new database with {@code from} as its
     * template. For a test that starts several runs (a killed child, a rerun) from one prepared state.
     */
    public synchronized String copy(String from, String name) {
        checkName(name);
        if (!TestEngine.postgres()) {
            Path source = Path.of(from + ".mv.db");
            Path base = root.resolve(name).resolve("db");
            try {
                Files.createDirectories(base.getParent());
                Files.copy(source, Path.of(base + ".mv.db"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot copy the test database " + source + " to " + base + ".mv.db", e);
            }
            return base.toString();
        }
        if (!created.contains(from)) {
            throw new IllegalArgumentException("Not a database of this scope: " + from);
        }
        String url = TestPostgres.copyOf(from);
        created.push(url);
        return url;
    }

    /**
     * Drops (PostgreSQL) or deletes (H2) this scope's closed database {@code target} before the scope
     * ends: for a class scope whose many large databases would otherwise all stay until its end.
     */
    public synchronized void discard(String target) {
        if (TestEngine.postgres()) {
            if (created.remove(target)) {
                TestPostgres.drop(target);
            }
            return;
        }
        Path folder = Path.of(target).getParent();
        if (folder == null || !folder.startsWith(root)) {
            throw new IllegalArgumentException("Not a database of this scope: " + target);
        }
        TestFiles.deleteTree(folder);
    }

    /**
     * A fresh migrated database file in folder {@code name}, not held open: the path to give a
     * command that opens it ({@code --db PATH}). Its files are deleted with the scope.
     */
    public synchronized Path file(String name) {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestEngine.postgres(),
                "an H2 file's own behaviour (a path, its files): the test runs on H2 only");
        checkName(name);
        return MigratedTemplate.copyTo(root.resolve(name).resolve("db"));
    }

    private void checkName(String name) {
        if (closed) {
            throw new IllegalStateException("The test databases under " + root + " are already closed and deleted;"
                    + " ask for '" + name + "' while the test runs");
        }
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("A test database needs a plain folder name (letters, digits, . _ -), not '"
                    + name + "'");
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException("This test already has a database named '" + name + "' under " + root
                    + "; give each one its own name");
        }
    }

    /** {@link #file(String)} with {@code fill} run on it while open, then closed again. */
    public Path file(String name, Consumer<Database> fill) {
        Path path = file(name);
        try (Database db = Database.open(path)) {
            fill.accept(db);
        }
        return path;
    }

    /** The temporary folder that holds this scope's databases. */
    public Path root() {
        return root;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (RuntimeException e) {
                failure = keep(failure, e);
            }
        }
        while (!created.isEmpty()) {
            try {
                TestPostgres.drop(created.pop());
            } catch (RuntimeException e) {
                failure = keep(failure, e);
            }
        }
        try {
            TestFiles.deleteTree(root);
        } catch (UncheckedIOException e) {
            failure = keep(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException keep(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
