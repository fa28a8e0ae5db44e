package org.impactdesk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.impactdesk.access.Actor;
import org.impactdesk.home.HomeService;
import org.impactdesk.ui.FxTaskRunner;
import org.impactdesk.ui.shell.MainWindow;
import org.impactdesk.ui.shell.NavigationRequest;
import org.impactdesk.ui.shell.ScreenId;
import org.impactdesk.ui.shell.WindowControls;
import org.impactdesk.ui.shell.WindowPrefs;

/**
 * Pulse-gap probe (a benchmark tool, not a test): opens the real window on a database, performs
 * the actions a coordinator and an admin take, and records the longest gap between two JavaFX
 * pulses in each phase (an {@link AnimationTimer} keeps pulses coming at 60 Hz, so a gap is time
 * the FX thread was busy). Background work is awaited through the task runner before the next
 * phase.
 * <pre>
 *   WindowProbe --db PATH --coordinator USER_ID --admin USER_ID [--screen-settle-ms 1500]
 * </pre>
 * Run with a display (Xvfb) and -Dprism.order=sw for the software renderer.
 */
public final class WindowProbe {
    private WindowProbe() {
    }

    /** One phase's pulse intervals. */
    static final class Phase {
        final String name;
        final List<Long> gapsNs = new ArrayList<>();
        long startedNs;
        long endedNs;

        Phase(String name) {
            this.name = name;
        }

        long maxMs() {
            return gapsNs.stream().mapToLong(Long::longValue).max().orElse(0) / 1_000_000;
        }

        long p99Ms() {
            if (gapsNs.isEmpty()) {
                return 0;
            }
            long[] s = gapsNs.stream().mapToLong(Long::longValue).sorted().toArray();
            return s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] / 1_000_000;
        }

        long over(long ms) {
            return gapsNs.stream().filter(g -> g > ms * 1_000_000).count();
        }
    }

    private static volatile Phase current;

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Path db = Path.of(opt(a, "--db"));
        String coordinator = opt(a, "--coordinator");
        String admin = opt(a, "--admin");
        long settle = Long.parseLong(optOr(a, "--screen-settle-ms", "1500"));
        App.Services services = App.Services.open(db);
        FxTaskRunner tasks = new FxTaskRunner();
        Preferences node = Preferences.userRoot().node("org/impactdesk-probe/" + UUID.randomUUID());
        AtomicReference<MainWindow> window = new AtomicReference<>();
        Map<String, Phase> phases = new LinkedHashMap<>();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(() -> {
            new AnimationTimer() {
                long last;

                @Override
                public void handle(long now) {
                    Phase p = current;
                    if (last != 0 && p != null) {
                        p.gapsNs.add(now - last);
                    }
                    last = now;
                }
            }.start();
            started.countDown();
        });
        started.await();

        Actor coord = services.actor(coordinator).orElseThrow(() -> new IllegalArgumentException("no user " + coordinator));
        Actor adm = services.actor(admin).orElseThrow(() -> new IllegalArgumentException("no user " + admin));

        phase(phases, "open window + sign-in list", tasks, settle, () -> {
            MainWindow w = new MainWindow(new Stage(), App.window(services, new WindowPrefs(node), tasks),
                    Locale.ENGLISH, false);
            window.set(w);
            w.show();
        });
        phase(phases, "sign in as coordinator -> Home", tasks, settle, () -> window.get().signIn(coord));
        phase(phases, "Home: half-year", tasks, settle, () -> window.get().shell().viewModel()
                .navigate(NavigationRequest.to(ScreenId.HOME).withPeriod(HomeService.lastClosed(
                        HomeService.PeriodKind.HALF, java.time.LocalDate.now()))));
        // Team is registered once the team branch is merged; until then the shell says it is not available
        phase(phases, "underactive tile -> Team", tasks, settle, () -> window.get().shell().viewModel()
                .navigate(NavigationRequest.to(ScreenId.TEAM).withStatus(NavigationRequest.StatusFilter.UNDERACTIVE)));
        phase(phases, "Mentor screen", tasks, settle, () -> window.get().shell().viewModel().navigate(ScreenId.MENTOR));
        phase(phases, "Sync screen (history)", tasks, settle, () -> window.get().shell().viewModel().navigate(ScreenId.SYNC));
        phase(phases, "Wrapped screen", tasks, settle, () -> window.get().shell().viewModel().navigate(ScreenId.WRAPPED));
        phase(phases, "dark theme", tasks, settle, () -> window.get().setDark(true));
        phase(phases, "language switch (scene rebuilt)", tasks, settle,
                () -> window.get().switchLanguage(WindowControls.NORWEGIAN));
        phase(phases, "sign in as admin -> Home", tasks, settle, () -> window.get().signIn(adm));
        phase(phases, "Settings screen", tasks, settle, () -> window.get().shell().viewModel().navigate(ScreenId.SETTINGS));

        System.out.printf("%-36s %8s %8s %8s %10s%n", "phase", "max ms", "p99 ms", ">100ms", "pulses");
        long worst = 0;
        for (Phase p : phases.values()) {
            System.out.printf("%-36s %8d %8d %8d %10d%n", p.name, p.maxMs(), p.p99Ms(), p.over(100), p.gapsNs.size());
            worst = Math.max(worst, p.maxMs());
        }
        System.out.println("longest pulse gap overall: " + worst + " ms");
        Platform.runLater(() -> window.get().stage().close());
        tasks.close();
        services.close();
        node.removeNode();
        Platform.exit();
    }

    /** Runs {@code action} on the FX thread, then waits for its background work and a settle time. */
    private static void phase(Map<String, Phase> phases, String name, FxTaskRunner tasks, long settleMs, Runnable action)
            throws Exception {
        Phase p = new Phase(name);
        phases.put(name, p);
        Thread.sleep(300);
        current = p;
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                action.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (failure.get() != null) {
            System.out.println(name + ": " + failure.get());
        }
        long deadline = System.currentTimeMillis() + 120_000;
        do {
            Thread.sleep(settleMs);
        } while (tasks.running() > 0 && System.currentTimeMillis() < deadline);
        current = null;
    }

    private static String opt(List<String> a, String name) {
        int i = a.indexOf(name);
        if (i < 0 || i + 1 >= a.size()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return a.get(i + 1);
    }

    private static String optOr(List<String> a, String name, String fallback) {
        int i = a.indexOf(name);
        return i < 0 || i + 1 >= a.size() ? fallback : a.get(i + 1);
    }
}
