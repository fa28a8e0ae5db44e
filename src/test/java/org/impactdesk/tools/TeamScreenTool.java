package org.impactdesk.tools;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.Period;
import org.impactdesk.service.team.StoredTeamService;
import org.impactdesk.store.ActorDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.TeamDao;
import org.impactdesk.ui.fx.DialogService;
import org.impactdesk.ui.fx.FxTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.team.TeamView;
import org.impactdesk.ui.team.TeamViewModel;

/**
 * A hidden tool around the real Team screen, for screenshots and for timing the filter as you type:
 * <pre>
 *   TeamScreenTool --db PATH [--as USER] [--lang en|nb] [--dark] [--today YYYY-MM-DD]
 *                  [--period 2025-Q1|2025-H2] [--status all|underactive|normal|overloaded] [--search TEXT]
 *                  [--width W --height H]
 *                  (--screenshot FILE | --bench-typing TEXT)
 * </pre>
 * {@code --bench-typing} types TEXT into the search box one key at a time on the FX thread, then
 * erases it, and prints how long each predicate update took (max and mean) with the row count.
 * Not a test: a benchmark tool, like {@code WrappedPlayerTool}. It opens the database itself, so it
 * lives outside {@code ui} (screens never touch the store).
 */
public final class TeamScreenTool {
    public static final int APP_WIDTH = 1280;
    public static final int APP_HEIGHT = 800;

    private TeamScreenTool() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Locale locale = Locale.forLanguageTag(FxTools.option(a, "--lang").orElse("en"));
        boolean dark = a.contains("--dark");
        ResourceBundle bundle = ResourceBundle.getBundle(ViewLoader.BUNDLE, locale);
        Database db = Database.open(Path.of(FxTools.option(a, "--db").orElseThrow(() -> new IllegalArgumentException("--db PATH"))));
        Actor actor = FxTools.option(a, "--as").map(id -> new ActorDao(db.jdbi()).find(id)
                .orElseThrow(() -> new IllegalArgumentException("no user " + id))).orElse(Actor.localOperator());
        Clock clock = FxTools.option(a, "--today").map(d -> Clock.fixed(LocalDate.parse(d).atTime(12, 0).toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC)).orElse(Clock.systemUTC());
        Optional<Period> period = FxTools.option(a, "--period").map(TeamScreenTool::period);
        TeamViewModel.StatusFilter status = TeamViewModel.StatusFilter.valueOf(
                FxTools.option(a, "--status").orElse("all").toUpperCase(Locale.ROOT));
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        FxTaskRunner tasks = new FxTaskRunner();
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                TeamViewModel vm = new TeamViewModel(new StoredTeamService(db.jdbi().onDemand(TeamDao.class), clock), actor, tasks,
                        bundle, new NoDialogs(), (pm, year) -> System.out.println("open mentor " + pm + " " + year));
                TeamView view = new TeamView(vm);
                Scene scene = new Scene(new ViewLoader(locale).load(TeamView.FXML, view),
                        FxTools.option(a, "--width").map(Integer::parseInt).orElse(APP_WIDTH),
                        FxTools.option(a, "--height").map(Integer::parseInt).orElse(APP_HEIGHT));
                for (String sheet : List.of("/styles/tokens.css", "/styles/app.css")) {
                    var url = TeamScreenTool.class.getResource(sheet);
                    if (url != null) {
                        scene.getStylesheets().add(url.toExternalForm());
                    }
                }
                if (dark) {
                    scene.getRoot().getStyleClass().add("dark");
                }
                stage.setScene(scene);
                stage.setTitle("Impact Desk: Team");
                stage.show();
                Runnable finish = () -> {
                    stage.close();
                    done.countDown();
                };
                vm.errorProperty().addListener((obs, was, now) -> {
                    if (!now.isEmpty()) {
                        failure.set(new IllegalStateException(now));
                        finish.run();
                    }
                });
                vm.busyProperty().addListener((obs, was, busy) -> {
                    if (!busy && vm.tableProperty().get() != null) {
                        FxTools.option(a, "--search").ifPresent(vm.searchProperty()::set);
                        FxTools.afterFrames(4, () -> {
                            try {
                                if (FxTools.option(a, "--bench-typing").isPresent()) {
                                    benchTyping(scene, vm, FxTools.option(a, "--bench-typing").get());
                                } else {
                                    FxTools.savePng(scene, Path.of(FxTools.option(a, "--screenshot")
                                            .orElseThrow(() -> new IllegalArgumentException("--screenshot FILE or --bench-typing TEXT"))));
                                }
                            } catch (Throwable t) {
                                failure.set(t);
                            }
                            finish.run();
                        });
                    }
                });
                long started = System.nanoTime();
                vm.busyProperty().addListener((obs, was, busy) -> {
                    if (!busy) {
                        System.err.printf(Locale.ROOT, "loaded in %.0f ms (off the FX thread)%n",
                                (System.nanoTime() - started) / 1e6);
                    }
                });
                if (period.isPresent()) {
                    vm.show(period.get(), status);
                } else {
                    vm.show(status);
                }
            } catch (Throwable t) {
                failure.set(t);
                done.countDown();
            }
        });
        done.await();
        Platform.exit();
        tasks.close();
        db.close();
        if (failure.get() != null) {
            failure.get().printStackTrace();
            System.exit(1);
        }
    }

    /** "2025-Q1" or "2025-H2". */
    static Period period(String s) {
        String[] p = s.split("-");
        int year = Integer.parseInt(p[0]);
        int n = Integer.parseInt(p[1].substring(1));
        return switch (p[1].charAt(0)) {
            case 'Q', 'q' -> new Period.Quarter(year, n);
            case 'H', 'h' -> new Period.Half(year, n);
            default -> throw new IllegalArgumentException("--period takes 2025-Q1 or 2025-H2, not " + s);
        };
    }

    private static void benchTyping(Scene scene, TeamViewModel vm, String text) {
        TextField search = (TextField) scene.lookup("#teamSearch");
        List<Long> filter = new ArrayList<>();
        List<Long> total = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<String> steps = new ArrayList<>();
        StringBuilder typed = new StringBuilder();
        for (char c : text.toCharArray()) {
            steps.add(typed.append(c).toString());
        }
        for (int i = steps.size() - 2; i >= 0; i--) {
            steps.add(steps.get(i));
        }
        steps.add("");
        for (String step : steps) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            search.setText(step);              // the ViewModel's predicate and the table's items change
            long t1 = System.nanoTime();
            scene.getRoot().applyCss();         // what the next pulse does: CSS and layout of the visible rows
            scene.getRoot().layout();
            long t2 = System.nanoTime();
            cpu.add(threads.getCurrentThreadCpuTime() - c0);
            filter.add(t1 - t0);
            total.add(t2 - t0);
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "{\"rows\": %d, \"keystrokes\": %d, \"filter_mean_ms\": %.2f, \"filter_max_ms\": %.2f,"
                        + " \"with_layout_mean_ms\": %.2f, \"with_layout_p95_ms\": %.2f, \"with_layout_max_ms\": %.2f,"
                        + " \"with_layout_cpu_mean_ms\": %.2f, \"with_layout_cpu_max_ms\": %.2f,"
                        + " \"load_average\": %.1f, \"cpus\": %d}%n",
                vm.tableProperty().get().mentorLines().size() + vm.tableProperty().get().teamLines().size(),
                steps.size(), mean(filter), max(filter), mean(total), p95(total), max(total), mean(cpu), max(cpu), load,
                Runtime.getRuntime().availableProcessors());
    }

    private static double mean(List<Long> ns) {
        return ns.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    }

    private static double max(List<Long> ns) {
        return ns.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }

    private static double p95(List<Long> ns) {
        long[] sorted = ns.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.95 * sorted.length) - 1)] / 1e6;
    }

    /** The tool saves nothing: every dialog answers "no". */
    private static final class NoDialogs implements DialogService {
        @Override
        public void showError(String title, String message) {
            System.err.println(title + ": " + message);
        }

        @Override
        public void showInfo(String title, String message) {
            System.out.println(title + ": " + message);
        }

        @Override
        public boolean confirm(String title, String message) {
            return false;
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFolder(String title) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions) {
            return Optional.empty();
        }
    }
}
