package org.impactdesk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.impactdesk.cli.ImpactDeskCommand;
import org.impactdesk.cli.Passphrases;
import org.impactdesk.service.Services;
import org.impactdesk.store.Database;
import org.impactdesk.store.DatabaseException;
import org.impactdesk.store.PassphraseException;
import org.impactdesk.ui.fx.FxTaskRunner;
import org.impactdesk.ui.fx.PassphraseDialog;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.fx.WindowControls;
import org.impactdesk.ui.shell.MainWindow;
import org.impactdesk.ui.shell.WindowPrefs;

/**
 * The JavaFX application: opens the database named on the command line (named parameters
 * {@code --db}, {@code --lang}, {@code --as}), builds {@link Services} and shows the
 * {@link MainWindow}. Started by {@link #openWindow} from the {@link Launcher}, which is not an Application.
 */
public class DesktopApp extends Application {
    private Database database;
    private FxTaskRunner tasks;
    private org.impactdesk.ui.alerts.RetryLoop retries;
    private RuntimeException openFailure;
    /** The database is encrypted (or new) and no passphrase was given: asked in a dialog before it opens. */
    private boolean askPassphrase;

    /** Opens the desktop window on the chosen database (the {@link Launcher} calls it). */
    public static void openWindow(ImpactDeskCommand options) {
        openWindow(options, DesktopApp.class);
    }

    /** Opens the window as {@code app}: the screenshot tools (test scope) add to this class. */
    public static void openWindow(ImpactDeskCommand options, Class<? extends DesktopApp> app) {
        options.privateDataFolder();
        openBeside(options); // the database opens while JavaFX starts
        Application.launch(app, arguments(options));
    }

    /** The window's parameters from the parsed command line. */
    static String[] arguments(ImpactDeskCommand options) {
        List<String> a = new ArrayList<>();
        a.add("--db=" + (options.databaseUrl() != null ? options.databaseUrl() : options.databasePath().toAbsolutePath()));
        if (options.langGiven()) {
            a.add("--lang=" + options.locale().getLanguage());
        }
        if (options.asUser() != null) {
            a.add("--as=" + options.asUser());
        }
        if (options.passphraseFile() != null) {
            a.add("--passphrase-file=" + options.passphraseFile().toAbsolutePath());
        }
        return a.toArray(String[]::new);
    }

    /**
     * What opening the database gave: the database, or the failure to show, or that the
     * passphrase must be asked in a dialog first (an encrypted or new database, none given).
     */
    record Opened(Database database, RuntimeException failure, boolean askPassphrase) {
    }

    /** The opening started beside JavaFX's own start-up (see {@link #openBeside}); null when none was. */
    private static volatile java.util.concurrent.CompletableFuture<Opened> opening;

    /**
     * Starts opening the command line's database on a worker, so that it runs while JavaFX starts
     * (the toolkit, the first window) instead of after it: on the 5,000-mentor database they take
     * about 0.3-0.7 s each. {@link #init()} waits for it.
     */
    static void openBeside(ImpactDeskCommand options) {
        if (options.databaseUrl() != null) {
            String url = options.databaseUrl();
            opening = java.util.concurrent.CompletableFuture.supplyAsync(() -> openTeam(url));
            return;
        }
        Path db = options.databasePath().toAbsolutePath();
        Path passphraseFile = options.passphraseFile() == null ? null : options.passphraseFile().toAbsolutePath();
        opening = java.util.concurrent.CompletableFuture.supplyAsync(() -> open(db, passphraseFile));
    }

    /** Opens the PostgreSQL team database at {@code url} (README "Team database"); no passphrase is asked. */
    static Opened openTeam(String url) {
        try {
            return new Opened(Database.open(url, null), null, false);
        } catch (DatabaseException e) {
            return new Opened(null, e, false);
        }
    }

    /** Opens the database at {@code path}, unless a passphrase must be asked first. */
    static Opened open(Path path, Path passphraseFile) {
        char[] passphrase = null;
        try {
            passphrase = Passphrases.given(passphraseFile);
            boolean ask = passphrase == null && (Database.isEncrypted(path) || !Database.exists(path));
            return new Opened(ask ? null : Database.open(path, passphrase), null, ask);
        } catch (DatabaseException | org.impactdesk.cli.CliException e) {
            return new Opened(null, e, false);
        } finally {
            if (passphrase != null) {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }
    }

    @Override
    public void init() {
        java.util.concurrent.CompletableFuture<Opened> started = opening;
        opening = null;
        Opened o;
        if (started == null) {
            Map<String, String> p = getParameters().getNamed();
            o = Database.isPostgresUrl(p.get("db")) ? openTeam(p.get("db"))
                    : open(Path.of(p.get("db")), p.containsKey("passphrase-file") ? Path.of(p.get("passphrase-file")) : null);
        } else {
            try {
                o = started.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        database = o.database();
        openFailure = o.failure();
        askPassphrase = o.askPassphrase();
    }

    @Override
    public void start(Stage stage) {
        Map<String, String> p = getParameters().getNamed();
        WindowPrefs prefs = WindowPrefs.forApp();
        Locale locale = p.containsKey("lang") ? WindowControls.LANGUAGES.stream()
                .filter(l -> l.getLanguage().equals(p.get("lang"))).findFirst().orElse(Locale.ENGLISH)
                : prefs.locale(systemLanguage());
        if (askPassphrase && openFailure == null) {
            try {
                database = openAsking(Path.of(p.get("db")), locale);
            } catch (DatabaseException e) {
                openFailure = e;
            }
            if (database == null && openFailure == null) { // the person chose to quit
                Platform.exit();
                return;
            }
        }
        if (openFailure != null) {
            Alert a = new Alert(Alert.AlertType.ERROR, openFailure.getMessage());
            a.setHeaderText(new ViewLoader(locale).bundle().getString("app.error.database"));
            a.showAndWait();
            Platform.exit();
            return;
        }
        tasks = new FxTaskRunner();
        Services services = new Services(database);
        MainWindow window = new MainWindow(stage, App.window(services, prefs, tasks, screenStates()), locale, prefs.dark());
        if (p.containsKey("as")) {
            window.autoSignIn(p.get("as"));
        }
        beforeShow(window, tasks);
        window.show();
        // failed summaries are retried when their next retry time comes, while the window is open
        retries = App.retryLoop(services, tasks);
        retries.onRetried(r -> {
            if (window.shell() != null) {
                window.shell().dataChanged();
            }
        });
        retries.start();
    }

    /** The states the screens open in: none in the app (the screenshot tools give theirs). */
    protected App.ScreenStates screenStates() {
        return App.ScreenStates.NONE;
    }

    /**
     * Called once the window is built and signed in (with {@code --as}), just before it is shown:
     * nothing here. The screenshot tools (test scope, docs/shoot.sh) start a screen and watch the
     * background work through it.
     */
    protected void beforeShow(MainWindow window, FxTaskRunner tasks) {
    }

    /**
     * Asks the passphrase of an encrypted database (again after a wrong one) or, for a new one,
     * whether to encrypt it, and opens it; null when the person quits.
     */
    private static Database openAsking(Path path, Locale locale) {
        PassphraseDialog dialog = new PassphraseDialog(new ViewLoader(locale).bundle());
        boolean wrong = false;
        while (true) {
            String shown = path.toAbsolutePath() + ".mv.db";
            PassphraseDialog.Choice choice = Database.exists(path) ? dialog.unlock(shown, wrong) : dialog.choose(shown);
            if (choice instanceof PassphraseDialog.Choice.Quit) {
                return null;
            }
            char[] passphrase = choice instanceof PassphraseDialog.Choice.Passphrase given ? given.value() : null;
            try {
                return Database.open(path, passphrase);
            } catch (PassphraseException e) {
                if (e.reason() != PassphraseException.Reason.WRONG) {
                    throw e;
                }
                wrong = true;
            } finally {
                if (passphrase != null) {
                    java.util.Arrays.fill(passphrase, '\0');
                }
            }
        }
    }

    private static Locale systemLanguage() {
        String lang = Locale.getDefault().getLanguage();
        return "nb".equals(lang) || "no".equals(lang) || "nn".equals(lang) ? WindowControls.NORWEGIAN : Locale.ENGLISH;
    }

    @Override
    public void stop() {
        if (retries != null) {
            retries.stop();
        }
        // the database first: running work (an import, a generation) is asked to stop and rolls
        // back before it closes; only then are the workers interrupted
        if (database != null) {
            database.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
