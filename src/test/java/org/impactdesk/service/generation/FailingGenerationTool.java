package org.impactdesk.service.generation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.store.Database;

/**
 * For screenshots (never in the shipped jar): makes the generation of one year's annual summary
 * fail for chosen mentors of an existing database, through the computing step's test seam, on a
 * clock set back so that the retries with backoff happen as they would have. Mentors of
 * {@code --alert} fail the first run and all three retries (their alerts open, 40 to 5 minutes
 * ago); mentors of {@code --retrying} fail the first run of the year before and two retries (their
 * third retry due 20 minutes from now; another year, as the first run of each is a forced
 * recompute of that year, which would regenerate the alert group's summaries).
 *
 * <pre>java -cp ... org.impactdesk.service.generation.FailingGenerationTool DB YEAR ALERT_IDS RETRYING_IDS</pre>
 * (ids comma-separated peer mentor ids, "-" for none).
 */
public final class FailingGenerationTool {
    private FailingGenerationTool() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        int year = Integer.parseInt(args[1]);
        Set<String> alert = ids(args[2]);
        Set<String> retrying = ids(args[3]);
        Instant now = Instant.now();
        RuleDb.MovableClock clock = new RuleDb.MovableClock(now);
        try (Database database = Database.open(db)) {
            GenerationService service = new GenerationService(database, n -> { }, List.of(), clock, Locale.ENGLISH);
            String message = "IOException: the disk holding the payload store is full";
            // the alert group: first run 40 minutes ago (a forced recompute, so a ready summary can fail),
            // then the retries at +5, +10 and +20 minutes
            run(service, clock, now.minus(Duration.ofMinutes(40)), year, alert, message, true);
            for (int at : new int[] {35, 25, 5}) {
                run(service, clock, now.minus(Duration.ofMinutes(at)), year, alert, message, false);
            }
            // the retrying group, the year before: first run 15 minutes ago, retries at -10 and now; the next
            // one is due in 20 minutes
            if (!retrying.isEmpty()) {
                String transientMessage = "SQLTimeoutException: lock wait timed out on activities";
                run(service, clock, now.minus(Duration.ofMinutes(15)), year - 1, retrying, transientMessage, true);
                run(service, clock, now.minus(Duration.ofMinutes(10)), year - 1, retrying, transientMessage, false);
                run(service, clock, now, year - 1, retrying, transientMessage, false);
            }
        }
    }

    private static Set<String> ids(String arg) {
        return "-".equals(arg) ? Set.of() : Set.of(arg.split(","));
    }

    private static void run(GenerationService service, RuleDb.MovableClock clock, Instant at, int year, Set<String> failing,
                            String message, boolean force) {
        if (failing.isEmpty()) {
            return;
        }
        clock.set(at);
        service.setBeforeCompute(m -> {
            if (failing.contains(m.id())) {
                throw new IllegalStateException(message);
            }
        });
        GenerationReport r = service.generate(new GenerationRequest(Set.of(year), GenerationRequest.Selection.ANNUAL, null,
                null, force), Actor.localOperator());
        System.out.println(at + " " + (force ? "forced " : "") + "run: " + r.errors());
    }
}
