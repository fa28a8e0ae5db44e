package org.impactdesk.ui.wrapped;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.service.Services;
import org.impactdesk.service.sharing.ShareService;
import org.impactdesk.service.wrapped.WrappedSource;
import org.impactdesk.tools.FxTools;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;

/**
 * A hidden tool around the real player screen, for the frame-time benchmark and screenshots:
 * <pre>
 *   WrappedPlayerTool (--payload FILE | --db PATH --mentor ID --year Y [--as USER]) [--lang en|nb] [--dark]
 *                     (--bench [--seconds N] [--speed 0.5|1|2]
 *                      | --screenshots DIR [--slides 0,1,4] [--name PREFIX | --pattern wrapped-{key}-{lang}-{theme}])
 * </pre>
 * The benchmark plays the sequence in a window of the app's normal size (1280 x 800) and records
 * every pulse's interval with an {@link AnimationTimer}: mean, p95, p99, max and dropped frames
 * against a 60 Hz budget. Run it with {@code -Dprism.order=sw} for the software renderer.
 */
public final class WrappedPlayerTool {
    public static final int APP_WIDTH = 1280;
    public static final int APP_HEIGHT = 800;
    private static final double FRAME_NS = 1e9 / 60;

    private WrappedPlayerTool() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Locale locale = Locale.forLanguageTag(FxTools.option(a, "--lang").orElse("en"));
        boolean dark = a.contains("--dark");
        ResourceBundle bundle = ResourceBundle.getBundle(ViewLoader.BUNDLE, locale);
        WrappedSource source;
        Actor actor;
        String mentorId;
        int year;
        Services services = null;
        if (FxTools.option(a, "--payload").isPresent()) {
            SlidePayload payload = SlidePayload.parse(Files.readString(Path.of(FxTools.option(a, "--payload").get())));
            source = new FixedSource(payload);
            actor = new Actor("tool", "Benchmark", null, Set.of(Role.GLOBAL_ADMIN), null);
            mentorId = "pm";
            year = payload.year();
        } else {
            services = Services.open(Path.of(FxTools.option(a, "--db")
                    .orElseThrow(() -> new IllegalArgumentException("--payload FILE or --db PATH"))));
            source = services.wrapped;
            Services open = services;
            actor = FxTools.option(a, "--as").map(id -> open.actor(id).orElseThrow()).orElse(Actor.localOperator());
            mentorId = FxTools.option(a, "--mentor").orElseThrow(() -> new IllegalArgumentException("--mentor ID"));
            year = Integer.parseInt(FxTools.option(a, "--year").orElseThrow(() -> new IllegalArgumentException("--year Y")));
        }
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                WrappedViewModel vm = new WrappedViewModel(source, new SameThreadTaskRunner(), null, actor, locale, bundle,
                        () -> Year.now().getValue());
                WrappedView view = new WrappedView(vm);
                Scene scene = new Scene(new ViewLoader(locale).load(WrappedView.FXML, view), APP_WIDTH, APP_HEIGHT);
                stage.setScene(scene);
                stage.setTitle("Impact Desk: Wrapped");
                stage.show();
                if (dark) {
                    ((ToggleButton) scene.lookup("#wrapped-dark")).setSelected(true);
                }
                vm.loadMentors();
                vm.mentors().stream().filter(m -> m.peerMentorId().equals(mentorId)).findFirst()
                        .ifPresent(vm.mentorProperty()::set);
                vm.yearProperty().set(year);
                vm.load();
                Runnable finish = () -> {
                    view.stop();
                    stage.close();
                    done.countDown();
                };
                if (a.contains("--bench")) {
                    double seconds = FxTools.option(a, "--seconds").map(Double::parseDouble)
                            .orElse(vm.slides().size() * WrappedViewModel.SLIDE_SECONDS);
                    FxTools.option(a, "--speed").ifPresent(s -> vm.speedProperty().set(switch (s) {
                        case "0.5" -> WrappedViewModel.Speed.HALF;
                        case "2" -> WrappedViewModel.Speed.DOUBLE;
                        default -> WrappedViewModel.Speed.NORMAL;
                    }));
                    bench(vm, seconds, finish);
                } else {
                    Path dir = Path.of(FxTools.option(a, "--screenshots").orElseThrow(() -> new IllegalArgumentException("--bench or --screenshots DIR")));
                    // file names: --name PREFIX gives PREFIX-NN-key.png; --pattern with {key} {index} {lang}
                    // {theme} gives e.g. wrapped-{key}-{lang}-{theme} -> wrapped-hours-nb-dark.png
                    String prefix = FxTools.option(a, "--name").orElse("wrapped-" + locale.getLanguage() + (dark ? "-dark" : "-light"));
                    String pattern = FxTools.option(a, "--pattern").orElse(prefix + "-{index}-{key}")
                            .replace("{lang}", locale.getLanguage()).replace("{theme}", dark ? "dark" : "light");
                    List<Integer> slides = FxTools.option(a, "--slides")
                            .map(s -> Arrays.stream(s.split(",")).map(String::trim).map(Integer::parseInt).toList())
                            .orElse(java.util.stream.IntStream.range(0, vm.slides().size()).boxed().toList());
                    vm.pause();
                    screenshots(scene, vm, dir, pattern, new ArrayList<>(slides), finish);
                }
            } catch (Throwable t) {
                failure.set(t);
                done.countDown();
            }
        });
        done.await();
        Platform.exit();
        if (services != null) {
            services.close();
        }
        if (failure.get() != null) {
            failure.get().printStackTrace();
            System.exit(1);
        }
    }

    private static void bench(WrappedViewModel vm, double seconds, Runnable finish) {
        List<Long> intervals = new ArrayList<>();
        int[] lateBySlide = new int[Math.max(1, vm.slides().size())];
        vm.restart();
        long cpuStart = processCpuNanos();
        double loadStart = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        new AnimationTimer() {
            private long first = -1;
            private long last = -1;

            @Override
            public void handle(long now) {
                if (last > 0) {
                    intervals.add(now - last);
                    if (now - last > 1.5 * FRAME_NS && vm.slideIndexProperty().get() >= 0) {
                        lateBySlide[vm.slideIndexProperty().get()]++;
                    }
                } else {
                    first = now;
                }
                last = now;
                if ((now - first) / 1e9 >= seconds) {
                    stop();
                    double cpuMsPerFrame = (processCpuNanos() - cpuStart) / 1e6 / Math.max(1, intervals.size());
                    String r = report(intervals, seconds, vm.slides().size());
                    System.out.println(r.substring(0, r.length() - 1) + String.format(Locale.ROOT,
                            ", \"cpu_ms_per_frame\": %.2f, \"cpus\": %d, \"load_avg_start\": %.2f, \"load_avg_end\": %.2f}",
                            cpuMsPerFrame, Runtime.getRuntime().availableProcessors(), loadStart,
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
                    System.err.println("late frames by slide: " + Arrays.toString(lateBySlide));
                    finish.run();
                }
            }
        }.start();
    }

    /** CPU time of the whole process (every thread: FX, render, GC), or 0 when the JVM does not say. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** Frame statistics of pulse intervals (nanoseconds) against a 60 Hz budget. */
    static String report(List<Long> intervals, double seconds, int slideCount) {
        long[] ns = intervals.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(ns).average().orElse(0) / 1e6;
        double p50 = percentile(ns, 50) / 1e6;
        double p95 = percentile(ns, 95) / 1e6;
        double p99 = percentile(ns, 99) / 1e6;
        double max = ns.length == 0 ? 0 : ns[ns.length - 1] / 1e6;
        long dropped = 0;
        long late = 0;
        for (long n : ns) {
            long missed = Math.round(n / FRAME_NS) - 1;
            if (missed > 0) {
                dropped += missed;
                late++;
            }
        }
        double fps = ns.length / (Arrays.stream(ns).sum() / 1e9);
        return String.format(Locale.ROOT,
                "{\"frames\": %d, \"seconds\": %.1f, \"slides\": %d, \"fps\": %.1f, \"mean_ms\": %.2f, \"p50_ms\": %.2f,"
                        + " \"p95_ms\": %.2f, \"p99_ms\": %.2f, \"max_ms\": %.2f, \"late_frames\": %d, \"dropped_frames\": %d,"
                        + " \"prism_order\": \"%s\", \"java_version\": \"%s\"}",
                ns.length, seconds, slideCount, fps, mean, p50, p95, p99, max, late, dropped,
                System.getProperty("prism.order", "default"), System.getProperty("java.version"));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static void screenshots(Scene scene, WrappedViewModel vm, Path dir, String pattern, List<Integer> slides,
                                     Runnable finish) {
        if (slides.isEmpty()) {
            finish.run();
            return;
        }
        int index = slides.remove(0);
        vm.goTo(index);
        vm.skipAnimation();
        FxTools.afterFrames(3, () -> {
            String key = vm.slideProperty().get() == null ? "empty" : vm.slideProperty().get().key();
            FxTools.savePng(scene, dir.resolve(pattern.replace("{index}", String.format("%02d", index)).replace("{key}", key)
                    + ".png"));
            screenshots(scene, vm, dir, pattern, slides, finish);
        });
    }

    /** One stored, ready payload: for benchmarks and screenshots without a database. */
    private static final class FixedSource implements WrappedSource {
        private final SlidePayload payload;

        FixedSource(SlidePayload payload) {
            this.payload = payload;
        }

        @Override
        public List<MentorChoice> mentors(Actor actor) {
            return List.of(new MentorChoice("pm", "Sample mentor"));
        }

        @Override
        public List<Integer> years(String peerMentorId, Actor actor) {
            return List.of(payload.year());
        }

        @Override
        public Optional<StoredWrapped> annual(String peerMentorId, int year, Actor actor) {
            return Optional.of(new StoredWrapped(payload, payload.isEncouragement() ? "insufficient" : "ready",
                    java.time.Instant.now(), 0, null, false, java.time.ZoneId.of("Europe/Oslo"), null));
        }

        @Override
        public Optional<SlidePayload> preview(String peerMentorId, int year, Actor actor) {
            return Optional.of(payload);
        }

        @Override
        public ShareService.Result export(String peerMentorId, int year, Actor actor, Path png, Path pdf, Locale locale) {
            throw new UnsupportedOperationException("the tool does not share");
        }
    }

}
