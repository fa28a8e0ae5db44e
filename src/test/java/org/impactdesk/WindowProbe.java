package org.impactdesk;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.impactdesk.access.Actor;
import org.impactdesk.service.Services;
import org.impactdesk.ui.fx.FxTaskRunner;
import org.impactdesk.ui.fx.TaskRunner;
import org.impactdesk.ui.shell.MainWindow;
import org.impactdesk.ui.shell.NavigationRequest;
import org.impactdesk.ui.shell.ScreenId;
import org.impactdesk.ui.shell.WindowPrefs;
import org.impactdesk.ui.signin.SignInViewModel;

/**
 * The window probe (a benchmark tool, not a test; run it with {@code docs/probe.sh}): opens the
 * real window on a database and takes a coordinator's and an admin's steps through it, measuring
 * for each step, from the action until the window has no background work left and has drawn:
 * <ul>
 *   <li><b>fx ms</b>: CPU time of the FX thread (its own work: event handling, CSS, layout, the
 *   results landing; independent of how busy the machine is). For a keystroke, click or period
 *   change on a screen already visited the goal is 100 ms.</li>
 *   <li><b>max gap ms</b>: the longest wall-clock time between two frames (an {@link AnimationTimer}
 *   asks for a frame every 1/60 s, so a gap is time the FX thread could not draw). For a first
 *   visit the goal is 250 ms.</li>
 *   <li><b>data ms</b>: wall-clock time until the step's data is shown (no task left, a frame drawn
 *   after the last one landed). For a first visit the goal is 1 s.</li>
 *   <li><b>gap fx ms</b>: the most CPU time the FX thread spent between two frames: what the
 *   longest gap would be on an idle machine (the wall-clock gap grows with the CPU the machine
 *   denies the FX thread).</li>
 * </ul>
 * Typing is measured per key (the worst and the median key). Usage:
 * <pre>
 *   WindowProbe --db PATH --coordinator USER_ID --admin USER_ID [--type TEXT] [--trace] [--sample TEXT]
 * </pre>
 * {@code --trace} prints, under each step, every background task it started: when it started and
 * finished (ms from the action), its worker's CPU time, and the FX thread's CPU time for landing its
 * result; then every frame gap over 100 ms (or 50 ms of FX CPU): when, and the FX thread's CPU time in it.
 * {@code --sample TEXT} samples the FX thread's stack every 2 ms during the steps whose name
 * contains TEXT (or one of TEXT|TEXT...) and prints the methods it was seen in most (a profile of the step's FX-thread work).
 */
public final class WindowProbe {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static volatile long fxThreadId = -1;
    /** Wall-clock frame gaps of the step being measured (written on the FX thread). */
    private static final List<Long> gapsNs = java.util.Collections.synchronizedList(new ArrayList<>());
    /** When each gap of {@link #gapsNs} ended (the frame's nanoTime), for the trace's long gaps. */
    private static final List<Long> gapEndsNs = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The FX thread's CPU time in each gap of {@link #gapsNs} (what a gap would be on an idle machine). */
    private static final List<Long> gapCpuNs = java.util.Collections.synchronizedList(new ArrayList<>());
    private static volatile long lastFrameCpuNs;
    private static volatile boolean recording;
    private static volatile long lastFrameNs;

    private WindowProbe() {
    }

    /** One measured step; {@code detail} is the trace and profile printed under it (may be empty). */
    record Step(String name, String kind, double fxMs, double maxGapMs, double dataMs, String detail, double gapFxMs) {
        Step(String name, String kind, double fxMs, double maxGapMs, double dataMs) {
            this(name, kind, fxMs, maxGapMs, dataMs, "", -1);
        }
    }

    private static boolean trace;
    private static String sample;

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Path db = Path.of(opt(a, "--db", null));
        String coordinator = opt(a, "--coordinator", null);
        String admin = opt(a, "--admin", null);
        String typed = opt(a, "--type", "kari hansen");
        trace = a.contains("--trace");
        sample = a.contains("--sample") ? opt(a, "--sample", null) : null;
        Services services = Services.open(db);
        TracingTasks tasks = new TracingTasks(new FxTaskRunner());
        Preferences node = Preferences.userRoot().node("org/impactdesk-probe/" + UUID.randomUUID());
        Actor coord = services.actor(coordinator).orElseThrow(() -> new IllegalArgumentException("no user " + coordinator));
        Actor adm = services.actor(admin).orElseThrow(() -> new IllegalArgumentException("no user " + admin));
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(() -> {
            fxThreadId = Thread.currentThread().threadId();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    long cpu = MX.getCurrentThreadCpuTime();
                    if (recording && lastFrameNs != 0) {
                        synchronized (gapsNs) {
                            gapsNs.add(t - lastFrameNs);
                            gapEndsNs.add(t);
                            gapCpuNs.add(cpu - lastFrameCpuNs);
                        }
                    }
                    lastFrameNs = t;
                    lastFrameCpuNs = cpu;
                }
            }.start();
            started.countDown();
        });
        started.await();
        AtomicReference<MainWindow> w = new AtomicReference<>();
        List<Step> steps = new ArrayList<>();
        onFx(() -> {
            Stage stage = new Stage();
            stage.setWidth(1280);
            stage.setHeight(880);
            w.set(new MainWindow(stage, App.window(services, new WindowPrefs(node), tasks), Locale.ENGLISH, false));
            return null;
        });

        steps.add(measure("open window + sign-in list", "first", tasks, () -> w.get().show(),
                () -> w.get().signInView() != null
                        && w.get().signInView().viewModel().stateProperty().get() == SignInViewModel.State.READY));
        steps.add(measure("sign in (coordinator) -> Home", "first", tasks, () -> w.get().signIn(coord),
                () -> w.get().shell() != null && w.get().stage().getScene().lookup("#homeScreen") != null));
        steps.add(measure("Home: period change", "visited", tasks, () -> nextChoice(w.get(), "#homePeriod"), () -> true));
        steps.add(measure("Home: half-year toggle", "visited", tasks,
                () -> click(w.get(), "#homeHalf"), () -> true));
        steps.add(measure("Team (first visit, from a Home tile)", "first", tasks, () -> navigate(w.get(),
                NavigationRequest.to(ScreenId.TEAM).withStatus(NavigationRequest.StatusFilter.UNDERACTIVE)),
                () -> w.get().stage().getScene().lookup("#teamTable") != null));
        steps.add(measure("Team: period change", "visited", tasks, () -> nextChoice(w.get(), "#teamPeriod"), () -> true));
        steps.add(measure("Team: status filter", "visited", tasks, () -> nextChoice(w.get(), "#teamStatusFilter"),
                () -> true));
        steps.add(measure("Mentor (first visit)", "first", tasks, () -> navigate(w.get(), NavigationRequest.to(ScreenId.MENTOR)),
                () -> w.get().stage().getScene().lookup("#mentorPicker") != null));
        steps.add(measure("Mentor: year change", "visited", tasks, () -> nextChoice(w.get(), "#yearPicker"), () -> true));
        steps.add(measure("Home (visited, nav click)", "visited", tasks, () -> navigate(w.get(), NavigationRequest.to(ScreenId.HOME)),
                () -> true));
        steps.add(measure("Sync (first visit, history)", "first", tasks, () -> navigate(w.get(), NavigationRequest.to(ScreenId.SYNC)),
                () -> w.get().stage().getScene().lookup("#syncScreen") != null));
        steps.add(measure("Wrapped (first visit)", "first", tasks, () -> navigate(w.get(), NavigationRequest.to(ScreenId.WRAPPED)),
                () -> true));
        steps.add(measure("dark theme", "visited", tasks, () -> w.get().setDark(true), () -> true));
        steps.add(measure("sign in (admin) -> Home", "first", tasks, () -> w.get().signIn(adm),
                () -> w.get().shell() != null && w.get().stage().getScene().lookup("#homeScreen") != null));
        steps.add(measure("admin: Team (first visit, whole org)", "first", tasks,
                () -> navigate(w.get(), NavigationRequest.to(ScreenId.TEAM)),
                () -> w.get().stage().getScene().lookup("#teamTable") != null));
        steps.addAll(typing(w.get(), tasks, typed));
        steps.addAll(scrolling(w.get(), tasks));
        steps.add(measure("admin: Team period change", "visited", tasks, () -> nextChoice(w.get(), "#teamPeriod"),
                () -> true));
        // the badge list and the form are shown before the preview of the selected badge ("who would
        // earn it"), which evaluates every mentor of the organisation: timed apart, from the same click
        steps.addAll(measureWithEarly("Achievements (first visit): list, form", "Achievements: the badge's preview",
                tasks, () -> navigate(w.get(), NavigationRequest.to(ScreenId.ACHIEVEMENTS)), () -> {
                    Node list = w.get().stage().getScene().lookup("#catalogList");
                    Node form = w.get().stage().getScene().lookup("#nameField");
                    return list instanceof javafx.scene.control.ListView<?> l && !l.getItems().isEmpty()
                            && form instanceof TextField f && !f.getText().isEmpty();
                }));
        steps.add(measure("Settings (first visit)", "first", tasks,
                () -> navigate(w.get(), NavigationRequest.to(ScreenId.SETTINGS)), () -> true));

        System.out.printf("%-40s %-8s %8s %10s %9s %9s%n", "step", "kind", "fx ms", "max gap ms", "data ms", "gap fx ms");
        for (Step s : steps) {
            System.out.printf("%-40s %-8s %8.0f %10.0f %9s %9s%n", s.name(), s.kind(), s.fxMs(), s.maxGapMs(),
                    s.dataMs() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", s.dataMs()),
                    s.gapFxMs() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", s.gapFxMs()));
            System.out.print(s.detail());
        }
        onFx(() -> {
            w.get().stage().close();
            return null;
        });
        tasks.close();
        services.close();
        node.removeNode();
        Platform.exit();
    }

    /**
     * Runs {@code action} on the FX thread, then waits until {@code shown} holds and no task is left,
     * and two more frames have been drawn; records the FX thread's CPU time, the frame gaps and the
     * wall time until then.
     */
    private static Step measure(String name, String kind, TracingTasks tasks, Runnable action, Callable<Boolean> shown)
            throws Exception {
        return measure(name, kind, tasks, action, shown, null);
    }

    /**
     * As {@link #measure}, for a first visit whose primary part is shown before its slow part:
     * {@code shown} is the primary part's condition, checked at each frame without waiting for the
     * tasks (step {@code name}); a second step ({@code slowName}), from the same action, waits for
     * every task.
     */
    private static List<Step> measureWithEarly(String name, String slowName, TracingTasks tasks, Runnable action,
                                               Callable<Boolean> shown) throws Exception {
        Step[] early = new Step[1];
        Step all = measure(slowName, "first", tasks, action, () -> true, (cpu, gap, data) -> {
            if (early[0] == null && onFx(shown)) {
                early[0] = new Step(name, "first", cpu / 1e6, gap / 1e6, data / 1e6);
            }
        });
        if (early[0] == null) { // shown only when everything was: the same figures (or never: no data time)
            early[0] = new Step(name, "first", all.fxMs(), all.maxGapMs(), onFx(shown) ? all.dataMs() : -1, "", all.gapFxMs());
        }
        return List.of(early[0], all);
    }

    /** What a step looks like so far (FX CPU ns, longest gap ns, ns since the action), at each frame. */
    private interface Progress {
        void at(long cpuNs, long maxGapNs, long sinceNs) throws Exception;
    }

    private static Step measure(String name, String kind, TracingTasks tasks, Runnable action, Callable<Boolean> shown,
                                Progress progress) throws Exception {
        frames(6); // settle whatever came before
        synchronized (gapsNs) {
            gapsNs.clear();
            gapEndsNs.clear();
            gapCpuNs.clear();
        }
        long cpu0 = MX.getThreadCpuTime(fxThreadId);
        long t0 = System.nanoTime();
        tasks.startStep(t0);
        Sampler sampler = sample != null && Arrays.stream(sample.split("\\|")).anyMatch(name::contains) ? Sampler.start(fxThreadId) : null;
        recording = true;
        onFx(() -> {
            action.run();
            return null;
        });
        long deadline = t0 + TimeUnit.MINUTES.toNanos(2);
        long dataNs;
        while (true) {
            if (tasks.running() == 0 && onFx(shown) && tasks.running() == 0) {
                frames(1);
                dataNs = System.nanoTime() - t0;
                frames(1);
                if (tasks.running() == 0) {
                    break;
                }
            }
            if (System.nanoTime() > deadline) {
                dataNs = -1;
                break;
            }
            if (progress != null) {
                long gapNow;
                synchronized (gapsNs) {
                    gapNow = gapsNs.stream().mapToLong(Long::longValue).max().orElse(0);
                }
                progress.at(MX.getThreadCpuTime(fxThreadId) - cpu0, gapNow, System.nanoTime() - t0);
            }
            frames(1); // look again at the next frame (the data lands on the FX thread between frames)
        }
        recording = false;
        long cpu = MX.getThreadCpuTime(fxThreadId) - cpu0;
        long maxGap;
        long maxGapCpu;
        synchronized (gapsNs) {
            maxGap = gapsNs.stream().mapToLong(Long::longValue).max().orElse(0);
            maxGapCpu = gapCpuNs.stream().mapToLong(Long::longValue).max().orElse(0);
        }
        String detail = (trace ? tasks.report() + longGaps(t0) : "") + (sampler == null ? "" : sampler.stop());
        return new Step(name, kind, cpu / 1e6, maxGap / 1e6, dataNs < 0 ? -1 : dataNs / 1e6, detail, maxGapCpu / 1e6);
    }

    /**
     * The step's frame gaps over 100 ms of wall time or 50 ms of the FX thread's CPU time, each as
     * from-to in ms after the action with the FX thread's CPU time in it (for the trace; the CPU time
     * is what the gap would be on an idle machine).
     */
    private static String longGaps(long t0) {
        StringBuilder b = new StringBuilder();
        synchronized (gapsNs) {
            for (int i = 0; i < gapsNs.size(); i++) {
                long gap = gapsNs.get(i);
                long cpu = gapCpuNs.get(i);
                if (gap > 100_000_000L || cpu > 50_000_000L) {
                    long end = gapEndsNs.get(i) - t0;
                    b.append(String.format(Locale.ROOT, "    gap %4.0f ms (fx cpu %4.0f): %6.0f to %6.0f%n", gap / 1e6,
                            cpu / 1e6, (end - gap) / 1e6, end / 1e6));
                }
            }
        }
        return b.toString();
    }

    /**
     * The window's {@link TaskRunner}: an {@link FxTaskRunner} that also notes, for the step being
     * measured, each task's start and end (ms from the action), its worker's CPU time and the FX
     * thread's CPU time for landing its result.
     */
    static final class TracingTasks implements TaskRunner {
        private final FxTaskRunner runner;
        private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile long stepStart;

        TracingTasks(FxTaskRunner runner) {
            this.runner = runner;
        }

        void startStep(long t0) {
            stepStart = t0;
            lines.clear();
        }

        int running() {
            return runner.running();
        }

        void close() {
            runner.close();
        }

        String report() {
            StringBuilder b = new StringBuilder();
            synchronized (lines) {
                lines.forEach(l -> b.append("    ").append(l).append('\n'));
            }
            return b.toString();
        }

        @Override
        public <T> Handle run(String name, Work<T> work, Callbacks<T> callbacks) {
            long submitted = System.nanoTime();
            long[] worker = new long[2]; // worker wall end, worker CPU
            Work<T> timed = p -> {
                long c0 = MX.getCurrentThreadCpuTime();
                try {
                    return work.run(p);
                } finally {
                    worker[1] = MX.getCurrentThreadCpuTime() - c0;
                    worker[0] = System.nanoTime();
                }
            };
            java.util.function.Consumer<Runnable> landing = r -> {
                long c0 = MX.getCurrentThreadCpuTime();
                r.run();
                long fx = MX.getCurrentThreadCpuTime() - c0;
                long t = stepStart;
                lines.add(String.format(Locale.ROOT, "task %-28s start %6.0f  worker end %6.0f (cpu %5.0f)  landed %6.0f (fx cpu %4.0f)",
                        name, (submitted - t) / 1e6, (worker[0] - t) / 1e6, worker[1] / 1e6, (System.nanoTime() - t) / 1e6,
                        fx / 1e6));
            };
            return runner.run(name, timed, new Callbacks<>(v -> landing.accept(() -> callbacks.onSuccess().accept(v)),
                    e -> landing.accept(() -> callbacks.onFailure().accept(e)), callbacks.onProgress()));
        }
    }

    /** Samples a thread's stack every 2 ms and reports the methods seen most (self and on the stack). */
    static final class Sampler {
        private final Thread thread;
        private final java.util.Map<String, Integer> self = new java.util.HashMap<>();
        private final java.util.Map<String, Integer> total = new java.util.HashMap<>();
        private volatile boolean running = true;
        private int samples;

        private Sampler(long threadId) {
            thread = new Thread(() -> {
                while (running) {
                    java.lang.management.ThreadInfo info = MX.getThreadInfo(threadId, 200);
                    if (info != null && info.getThreadState() == Thread.State.RUNNABLE) {
                        StackTraceElement[] st = info.getStackTrace();
                        // a thread waiting in the toolkit's native event loop reads as RUNNABLE: idle, not counted
                        if (st.length > 0 && !st[0].getMethodName().equals("_runLoop")) {
                            synchronized (this) {
                                samples++;
                                self.merge(frame(st[0]), 1, Integer::sum);
                                java.util.Set<String> seen = new java.util.HashSet<>();
                                for (StackTraceElement e : st) {
                                    String f = frame(e);
                                    if (seen.add(f)) {
                                        total.merge(f, 1, Integer::sum);
                                    }
                                }
                            }
                        }
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
                }
            }, "probe-sampler");
            thread.setDaemon(true);
        }

        static Sampler start(long threadId) {
            Sampler s = new Sampler(threadId);
            s.thread.start();
            return s;
        }

        private static String frame(StackTraceElement e) {
            return e.getClassName() + "." + e.getMethodName();
        }

        String stop() throws InterruptedException {
            running = false;
            thread.join();
            StringBuilder b = new StringBuilder();
            synchronized (this) {
                b.append(String.format(Locale.ROOT, "    %d samples of the FX thread running%n", samples));
                b.append("    most seen on the stack:\n");
                top(total, 45).forEach(e -> b.append(String.format(Locale.ROOT, "      %5d  %s%n", e.getValue(), e.getKey())));
                b.append("    most seen on top:\n");
                top(self, 15).forEach(e -> b.append(String.format(Locale.ROOT, "      %5d  %s%n", e.getValue(), e.getKey())));
            }
            return b.toString();
        }

        private static List<java.util.Map.Entry<String, Integer>> top(java.util.Map<String, Integer> m, int n) {
            return m.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(n).toList();
        }
    }

    /** Types {@code text} into Team's search, one key a step, then erases it: the worst and the median key. */
    private static List<Step> typing(MainWindow w, TracingTasks tasks, String text) throws Exception {
        TextField field = onFx(() -> (TextField) w.stage().getScene().lookup("#teamSearch"));
        if (field == null) {
            System.out.println("typing: no #teamSearch");
            return List.of();
        }
        List<Step> keys = new ArrayList<>();
        for (char c : text.toCharArray()) {
            keys.add(measure("key", "visited", tasks, () -> field.insertText(field.getLength(), String.valueOf(c)), () -> true));
        }
        for (int i = 0; i < text.length(); i++) {
            keys.add(measure("backspace", "visited", tasks, field::deletePreviousChar, () -> true));
        }
        double[] fx = keys.stream().mapToDouble(Step::fxMs).sorted().toArray();
        double[] gap = keys.stream().mapToDouble(Step::maxGapMs).sorted().toArray();
        return List.of(
                new Step("admin: Team search, worst of " + keys.size() + " keys", "visited", fx[fx.length - 1],
                        gap[gap.length - 1], -1),
                new Step("admin: Team search, median key", "visited", fx[fx.length / 2], gap[gap.length / 2], -1));
    }

    /**
     * Scrolls Team's table (sparklines in every row) down as a mouse wheel does, 3 rows a step, then
     * a page at a time (every visible row new): the worst and the median step of each.
     */
    private static List<Step> scrolling(MainWindow w, TracingTasks tasks) throws Exception {
        javafx.scene.control.skin.VirtualFlow<?> flow = onFx(() -> w.stage().getScene().lookup("#teamTable .virtual-flow")
                instanceof javafx.scene.control.skin.VirtualFlow<?> f ? f : null);
        if (flow == null) {
            System.out.println("scrolling: no #teamTable");
            return List.of();
        }
        double row = onFx(() -> flow.getFirstVisibleCell() == null ? 24 : flow.getFirstVisibleCell().getHeight());
        double page = onFx(() -> flow.getHeight() - row);
        int rows = onFx(() -> flow.getCellCount());
        List<Step> out = new ArrayList<>();
        for (double[] kind : new double[][] {{3 * row, 30}, {page, 15}}) {
            List<Step> s = new ArrayList<>();
            for (int i = 0; i < (int) kind[1]; i++) {
                s.add(measure("scroll", "visited", tasks, () -> flow.scrollPixels(kind[0]), () -> true));
            }
            double[] fx = s.stream().mapToDouble(Step::fxMs).sorted().toArray();
            double[] gap = s.stream().mapToDouble(Step::maxGapMs).sorted().toArray();
            String what = String.format(Locale.ROOT, "admin: Team scroll %s (%d rows)", kind[0] == page ? "a page" : "3 rows", rows);
            out.add(new Step(what + ", worst of " + s.size(), "visited", fx[fx.length - 1], gap[gap.length - 1], -1));
            out.add(new Step(what + ", median", "visited", fx[fx.length / 2], gap[gap.length / 2], -1));
        }
        return out;
    }

    private static void navigate(MainWindow w, NavigationRequest request) {
        w.shell().viewModel().navigate(request);
    }

    private static void click(MainWindow w, String id) {
        Node n = w.stage().getScene().lookup(id);
        if (n instanceof javafx.scene.control.ButtonBase b) {
            b.fire();
        } else {
            System.out.println("no button " + id);
        }
    }

    /** Picks the next item of the combo box {@code id} (wrapping round), as a person choosing it. */
    private static void nextChoice(MainWindow w, String id) {
        Node n = w.stage().getScene().lookup(id);
        if (!(n instanceof ComboBox<?> combo) || combo.getItems().size() < 2) {
            System.out.println("no choice to make in " + id);
            return;
        }
        int i = combo.getSelectionModel().getSelectedIndex();
        combo.getSelectionModel().select((i + 1) % combo.getItems().size());
    }

    /** Waits until {@code n} frames have been drawn. */
    private static void frames(int n) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(n);
        Platform.runLater(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                done.countDown();
                if (done.getCount() == 0) {
                    stop();
                }
            }
        }.start());
        done.await(30, TimeUnit.SECONDS);
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                out.set(c.call());
            } catch (Exception e) {
                failure.set(e);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (failure.get() != null) {
            throw failure.get();
        }
        return out.get();
    }

    private static String opt(List<String> a, String name, String fallback) {
        int i = a.indexOf(name);
        if (i >= 0 && i + 1 < a.size()) {
            return a.get(i + 1);
        }
        if (fallback == null) {
            throw new IllegalArgumentException("missing " + name
                    + " (usage: WindowProbe --db PATH --coordinator USER_ID --admin USER_ID [--type TEXT])");
        }
        return fallback;
    }
}
