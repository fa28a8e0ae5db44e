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
 *   WindowProbe --db PATH --coordinator USER_ID --admin USER_ID [--screen-settle-ms 1500] [--type TEXT] [--sample]
 * </pre>
 * Run with a display (Xvfb) and -Dprism.order=sw for the software renderer. {@code --type}: what is typed into
 * the admin's Team search field, one key every 150 ms, then erased. {@code --sample}: samples the FX thread
 * every 3 ms and prints, for the two longest gaps of each phase, the frames found in most samples.
 * Columns: the longest gap (wall), p99, gaps over 100 ms, "max cpu": the most CPU time the FX thread
 * itself used within one gap (its own work, independent of the machine's load), "cpu@max": FX-thread
 * + render-thread CPU within the longest gap (a long gap with little CPU was spent waiting for a core),
 * "wait@max": within the longest gap, the FX thread's wait for a worker's styling turn (LayoutTurns)
 * + stop-the-world GC pauses.
 */
public final class WindowProbe {
    private WindowProbe() {
    }

    /** One phase's pulse intervals. */
    static final class Phase {
        final String name;
        final List<Long> gapsNs = new ArrayList<>();
        /** FX-thread and render-thread CPU time spent within each gap (same order as gapsNs). */
        final List<Long> fxCpuNs = new ArrayList<>();
        final List<Long> renderCpuNs = new ArrayList<>();
        /** Within each gap: the FX thread's wait for a worker's turn (LayoutTurns), and GC pauses. */
        final List<Long> turnWaitNs = new ArrayList<>();
        final List<Long> gcPauseNs = new ArrayList<>();
        /** Start and end (System.nanoTime) of every gap above the report threshold. */
        final List<long[]> longGaps = new ArrayList<>();
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

        /** The largest FX-thread CPU time within one gap: the thread's own work, whatever the machine's load. */
        long maxFxCpuMs() {
            return fxCpuNs.stream().mapToLong(Long::longValue).max().orElse(0) / 1_000_000;
        }

        private int longest() {
            int i = 0;
            for (int k = 1; k < gapsNs.size(); k++) {
                if (gapsNs.get(k) > gapsNs.get(i)) {
                    i = k;
                }
            }
            return i;
        }

        /** FX-thread and render-thread CPU within the longest (wall) gap. */
        String cpuOfLongest() {
            int i = longest();
            return gapsNs.isEmpty() ? "-" : fxCpuNs.get(i) / 1_000_000 + "+" + renderCpuNs.get(i) / 1_000_000;
        }

        /** The FX thread's wait for a turn, and GC pauses, within the longest (wall) gap. */
        String waitOfLongest() {
            int i = longest();
            return gapsNs.isEmpty() ? "-" : turnWaitNs.get(i) / 1_000_000 + "+" + gcPauseNs.get(i) / 1_000_000;
        }

        long over(long ms) {
            return gapsNs.stream().filter(g -> g > ms * 1_000_000).count();
        }
    }

    private static volatile Phase current;
    private static volatile Thread fxThread;
    /** When the window's WINDOW_SHOWN came (it is mapped then), and the next two pulses' starts. */
    private static volatile long windowShownNs;
    private static final long[] pulsesAfterShownNs = new long[2];
    /** FX-thread stack samples (--sample): time and frames. */
    private static final List<Object[]> samples = java.util.Collections.synchronizedList(new ArrayList<>());

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
                long lastCpu;
                long lastRender;
                long lastTurnWait;
                long lastGc;
                final java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long renderId = -1;

                @Override
                public void handle(long now) {
                    if (windowShownNs != 0 && pulsesAfterShownNs[1] == 0) {
                        pulsesAfterShownNs[pulsesAfterShownNs[0] == 0 ? 0 : 1] = System.nanoTime();
                    }
                    Phase p = current;
                    long cpu = mx.getCurrentThreadCpuTime();
                    if (renderId < 0) {
                        Thread r = renderThread();
                        renderId = r == null ? 0 : r.threadId();
                    }
                    long render = renderId > 0 ? Math.max(0, mx.getThreadCpuTime(renderId)) : 0;
                    long cpuGap = cpu - lastCpu;
                    long renderGap = render - lastRender;
                    lastCpu = cpu;
                    lastRender = render;
                    long turnWait = org.impactdesk.ui.shell.LayoutTurns.fxThreadWaitNanos();
                    long gc = gcPauseNanos();
                    long turnWaitGap = turnWait - lastTurnWait;
                    long gcGap = gc - lastGc;
                    lastTurnWait = turnWait;
                    lastGc = gc;
                    if (last != 0 && p != null) {
                        p.gapsNs.add(now - last);
                        p.fxCpuNs.add(cpuGap);
                        p.renderCpuNs.add(renderGap);
                        p.turnWaitNs.add(turnWaitGap);
                        p.gcPauseNs.add(gcGap);
                        if (now - last > 100_000_000L) {
                            p.longGaps.add(new long[] {last, now});
                        }
                    }
                    last = now;
                }
            }.start();
            fxThread = Thread.currentThread();
            started.countDown();
        });
        started.await();
        if (a.contains("--sample")) {
            Thread sampler = new Thread(() -> {
                Thread render = null;
                while (true) {
                    StackTraceElement[] st = fxThread.getStackTrace();
                    if (render == null) {
                        render = renderThread();
                    }
                    samples.add(new Object[] {System.nanoTime(), st, render == null ? null : render.getStackTrace()});
                    try {
                        Thread.sleep(3);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "probe-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        Actor coord = services.actor(coordinator).orElseThrow(() -> new IllegalArgumentException("no user " + coordinator));
        Actor adm = services.actor(admin).orElseThrow(() -> new IllegalArgumentException("no user " + admin));

        // as DesktopApp.init does before there is a window (measured, but no window is on screen yet)
        Phase before = new Phase("before the window (no window yet)");
        phases.put(before.name, before);
        current = before;
        long t0 = System.nanoTime();
        try {
            // reflectively, so the probe also measures builds from before the warm-up existed
            Class.forName("org.impactdesk.ui.shell.WarmUp").getMethod("beforeWindow").invoke(null);
        } catch (ClassNotFoundException e) {
            System.out.println("no WarmUp.beforeWindow in this build");
        }
        System.out.printf("WarmUp.beforeWindow: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        // as DesktopApp.start does before its window is shown: the window's services and stage
        CountDownLatch built = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> windowShownNs = System.nanoTime());
            window.set(new MainWindow(stage, App.window(services, new WindowPrefs(node), tasks), Locale.ENGLISH, false));
            built.countDown();
        });
        built.await();
        Thread.sleep(300);
        current = null;
        phase(phases, "open window + sign-in list", tasks, settle, () -> window.get().show());
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
        phase(phases, "admin: Team (first open)", tasks, settle, () -> window.get().shell().viewModel()
                .navigate(ScreenId.TEAM));
        typing(phases, "admin: type in Team search", tasks, settle, window.get(), optOr(a, "--type", "kari hansen"));
        phase(phases, "Settings screen", tasks, settle, () -> window.get().shell().viewModel().navigate(ScreenId.SETTINGS));

        System.out.printf("%-36s %8s %8s %8s %8s %12s %12s %8s%n", "phase", "max ms", "p99 ms", ">100ms", "max cpu",
                "cpu@max", "wait@max", "pulses");
        long worst = 0;
        for (Phase p : phases.values()) {
            System.out.printf("%-36s %8d %8d %8d %8d %12s %12s %8d%n", p.name, p.maxMs(), p.p99Ms(), p.over(100),
                    p.maxFxCpuMs(), p.cpuOfLongest(), p.waitOfLongest(), p.gapsNs.size());
            worst = Math.max(worst, p.maxMs());
        }
        System.out.println("longest pulse gap overall: " + worst + " ms");
        if (windowShownNs != 0 && pulsesAfterShownNs[1] != 0) {
            // what of the open-window gap a person can see: the window is mapped at WINDOW_SHOWN; before
            // that, Stage.show is making the native window and nothing is on screen
            System.out.printf("window on screen -> next pulse: %d ms, -> the pulse after its first frame: %d ms%n",
                    (pulsesAfterShownNs[0] - windowShownNs) / 1_000_000, (pulsesAfterShownNs[1] - windowShownNs) / 1_000_000);
        }
        if (a.contains("--sample")) {
            for (Phase p : phases.values()) {
                p.longGaps.stream().sorted((x, y) -> Long.compare(y[1] - y[0], x[1] - x[0])).limit(2)
                        .forEach(g -> profile(p.name, g));
            }
        }
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

    /** Types {@code text} into the Team search field one key every 150 ms, then erases it key by key. */
    private static void typing(Map<String, Phase> phases, String name, FxTaskRunner tasks, long settleMs, MainWindow w,
                               String text) throws Exception {
        phase(phases, name, tasks, settleMs, () -> { });
        Phase p = phases.get(name);
        current = p;
        javafx.scene.control.TextField[] field = new javafx.scene.control.TextField[1];
        onFx(() -> field[0] = (javafx.scene.control.TextField) w.stage().getScene().lookup("#teamSearch"));
        if (field[0] == null) {
            System.out.println(name + ": no #teamSearch");
            current = null;
            return;
        }
        for (char c : text.toCharArray()) {
            onFx(() -> field[0].insertText(field[0].getLength(), String.valueOf(c)));
            Thread.sleep(150);
        }
        for (int i = 0; i < text.length(); i++) {
            onFx(() -> field[0].deletePreviousChar());
            Thread.sleep(150);
        }
        Thread.sleep(settleMs);
        current = null;
    }

    /** JavaFX's render thread (Prism renders the frames there), or null before it started. */
    private static Thread renderThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .findFirst().orElse(null);
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    /** The FX thread's frames during one long gap, by how many samples contain them (inclusive). */
    private static void profile(String phase, long[] gap) {
        List<StackTraceElement[]> in = new ArrayList<>();
        List<StackTraceElement[]> rendering = new ArrayList<>();
        synchronized (samples) {
            for (Object[] s : samples) {
                long t = (Long) s[0];
                if (t >= gap[0] && t <= gap[1]) {
                    in.add((StackTraceElement[]) s[1]);
                    if (s[2] != null) {
                        rendering.add((StackTraceElement[]) s[2]);
                    }
                }
            }
        }
        System.out.printf("%n== %s: gap of %d ms, %d samples%n", phase, (gap[1] - gap[0]) / 1_000_000, in.size());
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (StackTraceElement[] st : in) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (StackTraceElement e : st) {
                String k = e.getClassName() + "." + e.getMethodName();
                if (seen.add(k)) {
                    counts.merge(k, 1, Integer::sum);
                }
            }
        }
        counts.entrySet().stream().filter(e -> !e.getKey().startsWith("java.") && !e.getKey().startsWith("jdk.")
                        && !e.getKey().contains("Lambda") && !e.getKey().startsWith("com.sun.glass"))
                .sorted((x, y) -> y.getValue() - x.getValue()).limit(40)
                .forEach(e -> System.out.printf("  %4d %s%n", e.getValue(), e.getKey()));
        // where the time went: the deepest JavaFX or app frame of each sample (self time, roughly)
        Map<String, Integer> self = new java.util.HashMap<>();
        for (StackTraceElement[] st : in) {
            for (StackTraceElement e : st) {
                String c = e.getClassName();
                if (c.startsWith("javafx.") || c.startsWith("com.sun.javafx.") || c.startsWith("org.impactdesk.")
                        || c.startsWith("eu.hansolo.") || c.startsWith("com.sun.prism.")) {
                    self.merge(c + "." + e.getMethodName(), 1, Integer::sum);
                    break;
                }
            }
        }
        System.out.println("  -- deepest JavaFX/app frame:");
        self.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(12)
                .forEach(e -> System.out.printf("  %4d %s%n", e.getValue(), e.getKey()));
        // the render thread meanwhile (a gap spent in waitForRenderingToComplete is its work)
        Map<String, Integer> renderSelf = new java.util.HashMap<>();
        for (StackTraceElement[] st : rendering) {
            String top = st.length == 0 ? "(idle)" : "(other)";
            for (StackTraceElement e : st) {
                String c = e.getClassName();
                if (c.startsWith("com.sun.prism.") || c.startsWith("com.sun.javafx.") || c.startsWith("com.sun.glass.")
                        || c.startsWith("com.sun.scenario.") || c.startsWith("com.sun.marlin.")) {
                    top = c + "." + e.getMethodName();
                    break;
                }
            }
            renderSelf.merge(top, 1, Integer::sum);
        }
        System.out.println("  -- render thread, deepest JavaFX frame:");
        renderSelf.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(10)
                .forEach(e -> System.out.printf("  %4d %s%n", e.getValue(), e.getKey()));
        // which scene-graph nodes and effects that time was in (inclusive)
        Map<String, Integer> renderNodes = new java.util.HashMap<>();
        for (StackTraceElement[] st : rendering) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (StackTraceElement e : st) {
                String c = e.getClassName();
                if ((c.startsWith("com.sun.javafx.sg.prism.") || c.startsWith("com.sun.scenario.effect."))
                        && seen.add(c + "." + e.getMethodName())) {
                    renderNodes.merge(c + "." + e.getMethodName(), 1, Integer::sum);
                }
            }
        }
        System.out.println("  -- render thread, scene-graph frames (inclusive):");
        renderNodes.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(14)
                .forEach(e -> System.out.printf("  %4d %s%n", e.getValue(), e.getKey()));
    }

    /** Stop-the-world GC time so far (G1: young and full collections, and since JDK 20 its concurrent cycles' remark and cleanup pauses). */
    private static long gcPauseNanos() {
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms * 1_000_000;
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
