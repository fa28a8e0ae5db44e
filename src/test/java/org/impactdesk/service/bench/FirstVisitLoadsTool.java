package org.impactdesk.service.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.domain.Period;
import org.impactdesk.service.Services;
import org.impactdesk.service.home.HomeService;

/**
 * A test-scope benchmark tool (not a test): times, without the window, the service calls that the
 * window's first visits of Home, Team and Mentor make on their workers (the window probe's
 * {@code data ms} is these plus the screen's build, CSS pass and landing), for a coordinator and an
 * admin, each call {@code RUNS} times in one JVM. It prints per call the first run (a cold JVM, as
 * in the window) and the median of the others, wall and CPU time of the calling thread; CPU time
 * does not depend on how busy the machine is. Run it on a copy of the benchmark database:
 * <pre>
 *   java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *       org.impactdesk.service.bench.FirstVisitLoadsTool DB COORDINATOR_ID ADMIN_ID [RUNS]
 * </pre>
 */
public final class FirstVisitLoadsTool {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private FirstVisitLoadsTool() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: FirstVisitLoadsTool DB COORDINATOR_ID ADMIN_ID [RUNS]");
        }
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        try (Services s = Services.open(Path.of(args[0]))) {
            System.out.printf("%-44s %10s %10s %10s %10s%n", "call", "first ms", "first cpu", "median ms", "median cpu");
            for (String userId : List.of(args[1], args[2])) {
                Actor actor = s.actor(userId).orElseThrow(() -> new IllegalArgumentException("no user " + userId));
                String who = actor.isAdmin() ? "admin" : "coordinator";
                LocalDate today = s.home.today(actor);
                Period quarter = HomeService.lastClosed(HomeService.PeriodKind.QUARTER, today);
                time(who + " home storedPeriods", runs, () -> s.home.storedPeriods(actor, HomeService.PeriodKind.QUARTER));
                time(who + " home figures " + quarter, runs, () -> s.home.figures(actor, quarter));
                time(who + " home changes", runs, () -> s.followUps.changes(actor, quarter));
                time(who + " team periods", runs, () -> s.team.periods(actor));
                time(who + " team table " + quarter, runs, () -> s.team.table(actor, quarter));
                org.impactdesk.store.TeamDao dao = s.database.readJdbi().onDemand(org.impactdesk.store.TeamDao.class);
                org.impactdesk.access.Scope scope = actor.scope();
                int q = ((Period.Quarter) quarter).quarter();
                time(who + "  team: mentorLines", runs, () -> dao.mentorLines(scope, "quarterly", quarter.year(), q));
                time(who + "  team: teamLines", runs, () -> dao.teamLines(scope, "quarterly", quarter.year(), q));
                time(who + "  team: mentorMemberships", runs, () -> dao.mentorMemberships(scope));
                time(who + "  team: coordinatorAssociations", runs, () -> dao.coordinatorAssociations(scope, "quarterly", quarter.year(), q));
                time(who + "  team: mentorStandings", runs, () -> dao.mentorStandings(scope));
                time(who + "  team: periods", runs, () -> dao.periods(scope));
                time(who + " team marks", runs, () -> s.followUps.marks(actor, quarter));
                time(who + " team monthlySessions", runs, () -> s.followUps.monthlySessions(actor, quarter));
                List<MentorRef> mentors = time(who + " mentor mentorsInScope", runs, () -> s.mentors.mentorsInScope(actor));
                String first = mentors.stream().min((a, b) -> a.displayName().compareTo(b.displayName()))
                        .map(MentorRef::peerMentorId).orElseThrow();
                int year = time(who + " mentor defaultYear", runs, () -> s.mentors.defaultYear(actor, first, today));
                time(who + " mentor previewAnnualWithoutRank " + year, runs,
                        () -> s.generation.previewAnnualWithoutRank(first, year, actor));
                time(who + " mentor overview " + year, runs, () -> s.mentors.overview(actor, first, year, today));
                time(who + " wrapped previewAnnual " + year, runs, () -> s.generation.previewAnnual(first, year, actor));
            }
        }
    }

    private static <T> T time(String name, int runs, Supplier<T> call) {
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        T result = null;
        for (int i = 0; i < runs; i++) {
            long c0 = MX.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            result = call.get();
            wall[i] = System.nanoTime() - w0;
            cpu[i] = MX.getCurrentThreadCpuTime() - c0;
        }
        System.out.printf(Locale.ROOT, "%-44s %10.0f %10.0f %10s %10s%n", name, wall[0] / 1e6, cpu[0] / 1e6,
                runs > 1 ? String.format(Locale.ROOT, "%.0f", median(wall) / 1e6) : "-",
                runs > 1 ? String.format(Locale.ROOT, "%.0f", median(cpu) / 1e6) : "-");
        return result;
    }

    /** The median of every run but the first. */
    private static double median(long[] values) {
        long[] rest = Arrays.copyOfRange(values, 1, values.length);
        Arrays.sort(rest);
        int n = rest.length;
        return n % 2 == 1 ? rest[n / 2] : (rest[n / 2 - 1] + rest[n / 2]) / 2.0;
    }
}
