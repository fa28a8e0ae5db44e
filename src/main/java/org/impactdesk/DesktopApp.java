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
import org.impactdesk.ui.shell.NavigationRequest;
import org.impactdesk.ui.shell.ScreenId;
import org.impactdesk.ui.shell.WindowPrefs;

/**
 * The JavaFX application: opens the database named on the command line (named parameters
 * {@code --db}, {@code --lang}, {@code --as}), builds {@link Services} and shows the
 * {@link MainWindow}. System properties {@code impactdesk.theme} (light|dark) and
 * {@code impactdesk.screen} (a {@link ScreenId}, shown after an {@code --as} sign-in) serve the
 * screenshot and benchmark runs. Started by {@link App#openWindow}; the {@link Launcher} is not an Application.
 */
public final class DesktopApp extends Application {
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
            services = new Services(database); // off the FX thread (it prunes the change log)
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
            try {
                database = openAsking(askPassphraseFor, locale);
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
        if (services == null) {
            services = new Services(database);
        }
        String theme = System.getProperty("impactdesk.theme");
        boolean dark = theme == null ? prefs.dark() : "dark".equals(theme);
        MainWindow[] shown = new MainWindow[1];
        // failed summaries are retried when their next retry time comes, while the window is open
        databases = new WindowDatabases(database, services, prefs, tasks, () -> {
            if (shown[0] != null && shown[0].shell() != null) {
                shown[0].shell().dataChanged();
            }
        });
        MainWindow window = shown[0] = new MainWindow(stage, databases.setup(), locale, dark);
        if (rememberedFailure != null) {
            window.databaseNotice(org.impactdesk.domain.BundleText.format(new ViewLoader(locale).bundle(),
                    "signin.rememberedFailed", rememberedFailure));
        }
        if (p.containsKey("as")) {
            window.autoSignIn(p.get("as"));
        }
        String screen = System.getProperty("impactdesk.screen");
        if (screen != null) {
            window.startScreen(ScreenId.valueOf(screen.toUpperCase(Locale.ROOT)));
        }
        window.show();
        databases.startRetries();
        String ready = System.getProperty("impactdesk.readyFile");
        if (ready != null) {
            whenIdle(Path.of(ready), TourStep.parse(System.getProperty("impactdesk.tour", "")), window);
        }
    }

    /**
     * One stop of the screenshot tour ({@code -Dimpactdesk.tour=home:light,home:dark,team:light}):
     * a screen (null: stay where the window is, e.g. on the sign-in screen) in a theme.
     */
    record TourStep(ScreenId screen, boolean dark, String name) {
        static List<TourStep> parse(String tour) {
            List<TourStep> steps = new ArrayList<>();
            for (String s : tour.split(",")) {
                String step = s.strip();
                if (step.isEmpty()) {
                    continue;
                }
                String[] parts = step.split(":", 2);
                if (parts.length != 2 || !(parts[1].equals("light") || parts[1].equals("dark"))) {
                    throw new IllegalArgumentException("impactdesk.tour: \"" + step + "\" is not SCREEN:light or SCREEN:dark");
                }
                ScreenId screen = parts[0].equals("signin") ? null : ScreenId.valueOf(parts[0].toUpperCase(Locale.ROOT));
                steps.add(new TourStep(screen, parts[1].equals("dark"), step));
            }
            return steps;
        }
    }

    /**
     * For the screenshot scripts: writes {@code file} once the window has been idle (no background
     * work, the start screen shown) for two seconds. With a tour (docs/tour.sh), then for each step:
     * opens its screen in its theme, waits until idle again, writes the step's name into
     * {@code file} and waits until the script has taken its picture and deleted the file; after the
     * last step the file says "done".
     */
    private void whenIdle(Path file, List<TourStep> tour, MainWindow window) {
        Thread t = new Thread(() -> {
            try {
                idle();
                if (tour.isEmpty()) {
                    java.nio.file.Files.writeString(file, "ready");
                    return;
                }
                for (TourStep step : tour) {
                    Platform.runLater(() -> {
                        window.setDark(step.dark());
                        if (step.screen() != null && window.shell() != null
                                && window.shell().viewModel().currentProperty().get() != step.screen()) {
                            window.shell().viewModel().navigate(NavigationRequest.to(step.screen()));
                        }
                    });
                    idle();
                    java.nio.file.Files.writeString(file, step.name());
                    while (java.nio.file.Files.exists(file)) {
                        Thread.sleep(200);
                    }
                }
                java.nio.file.Files.writeString(file, "done");
            } catch (InterruptedException | java.io.IOException e) {
                Thread.currentThread().interrupt();
            }
        }, "impact-desk-ready-file");
        t.setDaemon(true);
        t.start();
    }

    /** Waits until no background work has run for two seconds, a pulse has passed, and 3 s more. */
    private void idle() throws InterruptedException {
        int quiet = 0;
        Thread.sleep(2000);
        while (quiet < 4) {
            Thread.sleep(500);
            quiet = tasks.running() == 0 ? quiet + 1 : 0;
        }
        java.util.concurrent.CountDownLatch pulse = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(pulse::countDown);
        pulse.await();
        Thread.sleep(3000);
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
