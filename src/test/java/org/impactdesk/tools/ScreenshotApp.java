package org.impactdesk.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import org.impactdesk.App;
import org.impactdesk.DesktopApp;
import org.impactdesk.cli.CommandLineMain;
import org.impactdesk.ui.fx.FxTaskRunner;
import org.impactdesk.ui.shell.MainWindow;
import org.impactdesk.ui.shell.NavigationRequest;
import org.impactdesk.ui.shell.ScreenId;

/**
 * The real window for the screenshot scripts (docs/shoot.sh, docs/tour.sh): test scope, not in the
 * jar. Takes the app's own command line and, as system properties,
 * <ul>
 *   <li>{@code impactdesk.theme} (light|dark): the theme, instead of the remembered one;</li>
 *   <li>{@code impactdesk.previewBundle}: a bundle the Sync screen previews on its first visit
 *       (nothing is written), {@code impactdesk.teamSelect}: the peer mentor Team selects (its side
 *       panel), {@code impactdesk.settingsSection} (mail): the section Settings opens at;</li>
 *   <li>{@code impactdesk.screen}: the screen shown after an {@code --as} sign-in;</li>
 *   <li>{@code impactdesk.readyFile}: written once the window has been idle (no background work)
 *       for a while, so the script knows when to take its picture;</li>
 *   <li>{@code impactdesk.tour} ({@code home:light,home:dark,team:light}): after the first idle
 *       moment, each step opens its screen in its theme, waits until idle again, writes the step's
 *       name into the ready file and waits until the script has taken its picture and deleted
 *       the file; after the last step the file says "done".</li>
 * </ul>
 */
public class ScreenshotApp extends DesktopApp {

    /** The entry point ({@code Main}: a class that is no JavaFX Application, so JavaFX on the class path starts). */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            int code = CommandLineMain.run(options -> DesktopApp.openWindow(options, ScreenshotApp.class), args);
            if (code != 0) {
                System.exit(code);
            }
        }
    }

    @Override
    protected App.ScreenStates screenStates() {
        return new App.ScreenStates(System.getProperty("impactdesk.previewBundle"),
                System.getProperty("impactdesk.teamSelect"), System.getProperty("impactdesk.settingsSection"));
    }

    @Override
    protected void beforeShow(MainWindow window, FxTaskRunner tasks) {
        String theme = System.getProperty("impactdesk.theme");
        if (theme != null) {
            window.setDark("dark".equals(theme));
        }
        String screen = System.getProperty("impactdesk.screen");
        if (screen != null) {
            window.startScreen(ScreenId.valueOf(screen.toUpperCase(Locale.ROOT)));
        }
        String ready = System.getProperty("impactdesk.readyFile");
        if (ready != null) {
            List<TourStep> tour = TourStep.parse(System.getProperty("impactdesk.tour", ""));
            Thread t = new Thread(() -> signalWhenIdle(Path.of(ready), tour, window, tasks), "impact-desk-ready-file");
            t.setDaemon(true);
            t.start();
        }
    }

    /** One stop of the tour: a screen (null: stay where the window is, e.g. on the sign-in screen) in a theme. */
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

    private static void signalWhenIdle(Path file, List<TourStep> tour, MainWindow window, FxTaskRunner tasks) {
        try {
            idle(tasks);
            if (tour.isEmpty()) {
                Files.writeString(file, "ready");
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
                idle(tasks);
                Files.writeString(file, step.name());
                while (Files.exists(file)) {
                    Thread.sleep(200);
                }
            }
            Files.writeString(file, "done");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until no background work has run for two seconds, a pulse has passed, and 3 s more. */
    private static void idle(FxTaskRunner tasks) throws InterruptedException {
        int quiet = 0;
        Thread.sleep(2000);
        while (quiet < 4) {
            Thread.sleep(500);
            quiet = tasks.running() == 0 ? quiet + 1 : 0;
        }
        CountDownLatch pulse = new CountDownLatch(1);
        Platform.runLater(pulse::countDown);
        pulse.await();
        Thread.sleep(3000);
    }
}
