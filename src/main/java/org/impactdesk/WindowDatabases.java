package org.impactdesk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.impactdesk.service.Services;
import org.impactdesk.store.Database;
import org.impactdesk.store.PassphraseException;
import org.impactdesk.ui.alerts.RetryLoop;
import org.impactdesk.ui.fx.TaskRunner;
import org.impactdesk.ui.shell.DatabaseChoice;
import org.impactdesk.ui.shell.DatabaseOpener;
import org.impactdesk.ui.shell.MainWindow;
import org.impactdesk.ui.shell.WindowPrefs;

/**
 * The window's database and what is built on it (the services, the retries of failed summaries), and
 * the window's "Open database…": another H2 file or team database opens on a worker exactly as
 * {@code --db} opens it ({@link Database#open(String, char[])}: the same checks, migrations and
 * messages), the services are built on it, and only once the window shows it is the database open
 * until then closed. A failure leaves that one open and in use. The choice is remembered
 * ({@link WindowPrefs#lastDatabase}) for the next start without {@code --db}; a team database's
 * password never is.
 */
public final class WindowDatabases implements DatabaseOpener, AutoCloseable {
    private final WindowPrefs prefs;
    private final TaskRunner tasks;
    /** What the window does after a retry of failed summaries (the shown screen reloads). */
    private final Runnable onRetried;
    private Database database;
    private Services services;
    private RetryLoop retries;

    /** The change log's pruning, waiting for its minute; null: none. */
    private TaskRunner.Handle pruning;

    /** The states the screens open in (the screenshot tools' own; none in the app). */
    private final App.ScreenStates screenStates;

    /** Over the database the window opens with; {@link #startRetries()} once the window shows. */
    public WindowDatabases(Database database, Services services, WindowPrefs prefs, TaskRunner tasks,
            App.ScreenStates screenStates, Runnable onRetried) {
        this.database = database;
        this.screenStates = screenStates;
        this.services = services;
        this.prefs = prefs;
        this.tasks = tasks;
        this.onRetried = onRetried;
    }

    /** The window's parts on the database open now, with this opener behind its "Open database…". */
    public MainWindow.Setup setup() {
        return App.window(services, prefs, tasks, screenStates).withOpener(this);
    }

    public synchronized Services services() {
        return services;
    }

    /** The window's retries of failed summaries on the database open now (stopped when it is replaced or closed). */
    public synchronized void startRetries() {
        retries = App.retryLoop(services, tasks);
        retries.onRetried(r -> onRetried.run());
        retries.start();
        pruneChangeLog(services);
    }

    /**
     * The change log's old rows go on a worker a minute after the window shows (Services#pruneChangeLog):
     * run at once, its first write (and Jdbi's first update) competed with the sign-in list and the
     * first screen for the two cores, 0.2-0.3 s of the start-up. On the runner's timer, so it goes with
     * the window (closed, or the database replaced: cancelled).
     */
    private void pruneChangeLog(Services s) {
        if (pruning != null) {
            pruning.cancel();
        }
        pruning = tasks.schedule("prune-change-log", java.time.Duration.ofMinutes(1), () -> tasks.run("prune-change-log",
                p -> s.pruneChangeLog(), TaskRunner.Callbacks.of(n -> { }, failure -> {
                    // a change log that could not be pruned now is pruned at the next start
                })));
    }

    @Override
    public String remembered() {
        return prefs.lastDatabase();
    }

    @Override
    public synchronized String current() {
        return database.path() == null ? null : database.path().toAbsolutePath() + ".mv.db";
    }

    @Override
    public Lock lockOf(DatabaseChoice choice) {
        if (!choice.isFile()) {
            return Lock.NONE;
        }
        Path path = Path.of(choice.fileBase()).toAbsolutePath().normalize();
        if (!Database.exists(path)) {
            return Lock.CHOOSE;
        }
        return Database.isEncrypted(path) ? Lock.UNLOCK : Lock.NONE;
    }

    @Override
    public Opened open(DatabaseChoice choice, char[] passphrase) {
        Database opened;
        try {
            opened = choice.isFile()
                    ? Database.open(Path.of(choice.fileBase()).toAbsolutePath().normalize(),
                            passphrase == null || passphrase.length == 0 ? null : passphrase)
                    : Database.open(connectionUrl(choice), null);
        } catch (PassphraseException e) {
            if (e.reason() == PassphraseException.Reason.WRONG) {
                throw new WrongPassphraseException(e.getMessage());
            }
            throw e;
        }
        Services built;
        try {
            built = new Services(opened);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        MainWindow.Setup setup = App.window(built, prefs, tasks, screenStates).withOpener(this);
        String remember = choice.isFile() ? Path.of(choice.fileBase()).toAbsolutePath().normalize().toString()
                : withUser(choice.url(), choice.user());
        return new Opened() {
            @Override
            public MainWindow.Setup setup() {
                return setup;
            }

            @Override
            public void activate() {
                replaceWith(opened, built);
                prefs.lastDatabase(remember);
                prefs.flush();
            }

            @Override
            public void discard() {
                opened.close();
            }
        };
    }

    private synchronized void replaceWith(Database next, Services nextServices) {
        Database old = database;
        RetryLoop oldRetries = retries;
        if (oldRetries != null) {
            oldRetries.stop();
        }
        database = next;
        services = nextServices;
        startRetries();
        // closing waits for work still running on it (none should, at the sign-in list): not on the FX thread
        Thread closer = new Thread(old::close, "impact-desk-close-previous-database");
        closer.setDaemon(false);
        closer.start();
    }

    /** The URL the driver connects with: the user and, for this connection only, the password typed. */
    static String connectionUrl(DatabaseChoice choice) {
        String url = withUser(choice.url(), choice.user());
        if (choice.password() != null && !choice.password().isEmpty()) {
            url += "&password=" + URLEncoder.encode(choice.password(), StandardCharsets.UTF_8);
        }
        return url;
    }

    private static String withUser(String url, String user) {
        return url + (url.contains("?") ? "&" : "?") + "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
    }

    /** The window closed: its retries stop and the database open now closes (work on it is stopped first). */
    @Override
    public synchronized void close() {
        if (retries != null) {
            retries.stop();
        }
        if (pruning != null) {
            pruning.cancel();
        }
        database.close();
    }
}
