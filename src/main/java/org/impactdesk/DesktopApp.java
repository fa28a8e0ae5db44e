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
    /** The services on {@link #database}, built with it off the FX thread (null: built in start, after a passphrase). */
    private Services services;
    private FxTaskRunner tasks;
    /** The window's database and what is built on it, replaced by "Open database…". */
    private WindowDatabases databases;
    private RuntimeException openFailure;
    /** The H2 file whose passphrase is asked in a dialog before it opens (encrypted or new, none given); null: none. */
    private Path askPassphraseFor;
    /** Why the database chosen last time did not open (the default one opened instead); null: it did, or none was. */
    private String rememberedFailure;

    /** Opens the desktop window on the chosen database (the {@link Launcher} calls it). */
    public static void openWindow(ImpactDeskCommand options) {
        openWindow(options, DesktopApp.class);
    }

    /** Opens the window as {@code app}: the screenshot tools (test scope) add to this class. */
    public static void openWindow(ImpactDeskCommand options, Class<? extends DesktopApp> app) {
        options.privateDataFolder();
        // without --db (or IMPACT_DESK_DB): the database chosen last with "Open database…", if any
        String remembered = options.databaseChosen() ? null : WindowPrefs.forApp().lastDatabase();
        openBeside(options, remembered); // the database opens while JavaFX starts
        Application.launch(app, arguments(options, remembered));
    }

    /**
     * The window's parameters from the parsed command line; {@code remembered}: the database chosen last
     * time with "Open database…" (null: none, or --db given), opened instead of the default one, which
     * opens when it cannot.
     */
    static String[] arguments(ImpactDeskCommand options, String remembered) {
        List<String> a = new ArrayList<>();
        a.add("--db=" + target(options, remembered));
        if (remembered != null) {
            a.add("--fallback-db=" + options.databasePath().toAbsolutePath());
        }
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
    record Opened(Database database, RuntimeException failure, Path askPassphraseFor, String rememberedFailure) {
        Opened(Database database, RuntimeException failure, Path askPassphraseFor) {
            this(database, failure, askPassphraseFor, null);
        }
    }

    /** The database the window opens: the one remembered, else --db's URL or path (or the default path). */
    private static String target(ImpactDeskCommand options, String remembered) {
        if (remembered != null) {
            return remembered;
        }
        return options.databaseUrl() != null ? options.databaseUrl() : options.databasePath().toAbsolutePath().toString();
    }

    /** The opening started beside JavaFX's own start-up (see {@link #openBeside}); null when none was. */
    private static volatile java.util.concurrent.CompletableFuture<Opened> opening;

    /**
     * Starts opening the command line's database on a worker, so that it runs while JavaFX starts
     * (the toolkit, the first window) instead of after it: on the 5,000-mentor database they take
     * about 0.3-0.7 s each. {@link #init()} waits for it.
     */
    static void openBeside(ImpactDeskCommand options, String remembered) {
        String target = target(options, remembered);
        String fallback = remembered == null ? null : options.databasePath().toAbsolutePath().toString();
        Path passphraseFile = options.passphraseFile() == null ? null : options.passphraseFile().toAbsolutePath();
        opening = java.util.concurrent.CompletableFuture.supplyAsync(() -> openOrFallBack(target, passphraseFile, fallback,
                () -> WindowPrefs.forApp().forgetDatabase()));
    }

    /**
     * Opens {@code target}; when that fails and it was the database remembered from last time
     * ({@code fallback}: the default one, else null), it is forgotten ({@code forget}) and the default one
     * opens, saying why.
     */
    static Opened openOrFallBack(String target, Path passphraseFile, String fallback, Runnable forget) {
        // a remembered file that is gone (moved, deleted) is not created anew where it was
        Opened o = fallback != null && !Database.isPostgresUrl(target) && !Database.exists(Path.of(target))
                ? new Opened(null, new DatabaseException("There is no database at " + Path.of(target).toAbsolutePath()
                        + ".mv.db any more"), null)
                : openTarget(target, passphraseFile);
        if (o.failure() == null || fallback == null) {
            return o;
        }
        forget.run();
        Opened d = openTarget(fallback, passphraseFile);
        return new Opened(d.database(), d.failure(), d.askPassphraseFor(), o.failure().getMessage());
    }

    private static Opened openTarget(String target, Path passphraseFile) {
        return Database.isPostgresUrl(target) ? openTeam(target) : open(Path.of(target), passphraseFile);
    }

    /** Opens the PostgreSQL team database at {@code url} (README "Team database"); no passphrase is asked. */
    static Opened openTeam(String url) {
        try {
            return new Opened(Database.open(url, null), null, null);
        } catch (DatabaseException e) {
            return new Opened(null, e, null);
        }
    }

    /** Opens the database at {@code path}, unless a passphrase must be asked first. */
    static Opened open(Path path, Path passphraseFile) {
        char[] passphrase = null;
        try {
            passphrase = Passphrases.given(passphraseFile);
            boolean ask = passphrase == null && (Database.isEncrypted(path) || !Database.exists(path));
            return new Opened(ask ? null : Database.open(path, passphrase), null, ask ? path : null);
        } catch (DatabaseException | org.impactdesk.cli.CliException e) {
            return new Opened(null, e, null);
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
            o = openOrFallBack(p.get("db"), p.containsKey("passphrase-file") ? Path.of(p.get("passphrase-file")) : null,
                    p.get("fallback-db"), () -> WindowPrefs.forApp().forgetDatabase());
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
        askPassphraseFor = o.askPassphraseFor();
        rememberedFailure = o.rememberedFailure();
        if (database != null) {
            services = new Services(database); // off the FX thread
        }
    }

    @Override
    public void start(Stage stage) {
        Map<String, String> p = getParameters().getNamed();
        WindowPrefs prefs = WindowPrefs.forApp();
        Locale locale = p.containsKey("lang") ? WindowControls.LANGUAGES.stream()
                .filter(l -> l.getLanguage().equals(p.get("lang"))).findFirst().orElse(Locale.ENGLISH)
                : prefs.locale(systemLanguage());
        if (askPassphraseFor != null && openFailure == null) {
            // no window shows while the database opens after the dialog closed: the toolkit must not
            // take that for the last window closing (showWindow turns this back on)
            Platform.setImplicitExit(false);
            askAndOpen(stage, locale, false);
            return;
        }
        showWindow(stage, locale);
    }

    /**
     * Asks the passphrase of an encrypted database (again after a wrong one) or, for a new one,
     * whether to encrypt it; opens it and builds its services on a worker (a migration may take a
     * while), then shows the window. Quitting the dialog ends the app.
     */
    private void askAndOpen(Stage stage, Locale locale, boolean wrongBefore) {
        Path path = askPassphraseFor;
        PassphraseDialog dialog = new PassphraseDialog(new ViewLoader(locale).bundle());
        String shown = path.toAbsolutePath() + ".mv.db";
        PassphraseDialog.Choice choice = Database.exists(path) ? dialog.unlock(shown, wrongBefore) : dialog.choose(shown);
        if (choice instanceof PassphraseDialog.Choice.Quit) {
            Platform.exit();
            return;
        }
        char[] passphrase = choice instanceof PassphraseDialog.Choice.Passphrase given ? given.value() : null;
        openUnlocked(path, passphrase).whenComplete((unlocked, failure) -> Platform.runLater(() -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : failure;
            if (cause instanceof PassphraseException e && e.reason() == PassphraseException.Reason.WRONG) {
                askAndOpen(stage, locale, true);
                return;
            }
            if (cause instanceof RuntimeException e) {
                openFailure = e;
            } else if (cause != null) {
                openFailure = new IllegalStateException(cause);
            } else {
                database = unlocked.database();
                services = unlocked.services();
            }
            showWindow(stage, locale);
        }));
    }

    /** A database opened with the passphrase the dialog got, and its services. */
    record Unlocked(Database database, Services services) {
    }

    /**
     * Opens {@code path} with {@code passphrase} (null: not encrypted) and builds its services on a
     * worker, never on the FX thread; clears the passphrase once used. Fails with a
     * {@link PassphraseException} of reason WRONG for a wrong passphrase.
     */
    static java.util.concurrent.CompletableFuture<Unlocked> openUnlocked(Path path, char[] passphrase) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                Database db = Database.open(path, passphrase);
                try {
                    return new Unlocked(db, new Services(db));
                } catch (RuntimeException e) {
                    db.close();
                    throw e;
                }
            } finally {
                if (passphrase != null) {
                    java.util.Arrays.fill(passphrase, '\0');
                }
            }
        });
    }

    /** The window on the opened database, or the reason it could not be opened (then the app ends). */
    private void showWindow(Stage stage, Locale locale) {
        Map<String, String> p = getParameters().getNamed();
        WindowPrefs prefs = WindowPrefs.forApp();
        if (openFailure != null) {
            Alert a = new Alert(Alert.AlertType.ERROR, openFailure.getMessage());
            a.setHeaderText(new ViewLoader(locale).bundle().getString("app.error.database"));
            a.showAndWait();
            Platform.exit();
            return;
        }
        tasks = new FxTaskRunner();
        MainWindow[] shown = new MainWindow[1];
        // failed summaries are retried when their next retry time comes, while the window is open
        databases = new WindowDatabases(database, services, prefs, tasks, screenStates(), () -> {
            if (shown[0] != null && shown[0].shell() != null) {
                shown[0].shell().dataChanged();
            }
        });
        MainWindow window = shown[0] = new MainWindow(stage, databases.setup(), locale, prefs.dark());
        if (rememberedFailure != null) {
            window.databaseNotice(org.impactdesk.domain.BundleText.format(new ViewLoader(locale).bundle(),
                    "signin.rememberedFailed", rememberedFailure));
        }
        if (p.containsKey("as")) {
            window.autoSignIn(p.get("as"));
        }
        beforeShow(window, tasks);
        window.show();
        Platform.setImplicitExit(true);
        databases.startRetries();
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

    private static Locale systemLanguage() {
        String lang = Locale.getDefault().getLanguage();
        return "nb".equals(lang) || "no".equals(lang) || "nn".equals(lang) ? WindowControls.NORWEGIAN : Locale.ENGLISH;
    }

    @Override
    public void stop() {
        // the database first (and the retries on it): running work (an import, a generation) is asked to
        // stop and rolls back before it closes; only then are the workers interrupted
        if (databases != null) {
            databases.close();
        } else if (database != null) {
            database.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
