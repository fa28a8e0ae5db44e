package org.impactdesk.service.generation;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.service.catalog.AchievementEvaluation;
import org.impactdesk.store.Database;
/**
 * The child JVM of the generation stop test: generates 2023-2025 (every period, with the badge
 * evaluation) in the database {@code args[0]} (an H2 file's path or a PostgreSQL URL), {@code args[1]} mentors per commit, printing
 * "SENT" for each notification it sends, then "DONE", or "STOPPED" when a stop cancelled it.
 */
public final class GenerateChild {
    private GenerateChild() {
    }

    public static void main(String[] args) {
        try (Database db = Database.open(args[0], null)) {
            GenerationReport r = service(db, n -> {
                System.out.println("SENT " + n.summaryTable());
                System.out.flush();
            }, Integer.parseInt(args[1])).generate(StopMidGenerationTest.REQUEST, Actor.localOperator());
            System.out.println("DONE " + r);
        } catch (CancellationException e) {
            System.out.println("STOPPED " + e.getMessage());
        }
        System.out.flush();
    }

    /** The service as the app builds it (badges as the run's participant), with its clock fixed. */
    static GenerationService service(Database db, NotificationSender sender, int chunk) {
        GenerationService g = new GenerationService(db, sender, List.of(new AchievementEvaluation(db.jdbi())),
                StopMidGenerationTest.CLOCK, Locale.ENGLISH);
        g.setChunkSize(chunk);
        return g;
    }
}
