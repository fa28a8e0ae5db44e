package org.impactdesk.service.generation;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.impactdesk.access.Actor;
import org.impactdesk.store.Database;

/**
 * The child JVM of the notify-after-commit kill test: generates as {@link GenerateChild} does in
 * the database {@code args[0]} (an H2 file's path or a PostgreSQL URL), {@code args[1]} mentors per commit, with a sender that delivers
 * {@code args[2]} notifications (printing "DELIVERED table id" for each) and then, at the next
 * one, prints "SENDING table id" and never returns: the parent kills the JVM there, between a
 * commit and the delivery of what it queued.
 */
public final class NotifyChild {
    private NotifyChild() {
    }

    public static void main(String[] args) throws Exception {
        int deliver = Integer.parseInt(args[2]);
        AtomicInteger count = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        try (Database db = Database.open(args[0], null)) {
            GenerationReport r = GenerateChild.service(db, n -> {
                if (count.incrementAndGet() > deliver) {
                    System.out.println("SENDING " + n.summaryTable() + ' ' + n.summaryId());
                    System.out.flush();
                    never.await(); // the parent kills the JVM here
                }
                System.out.println("DELIVERED " + n.summaryTable() + ' ' + n.summaryId());
                System.out.flush();
            }, Integer.parseInt(args[1])).generate(StopMidGenerationTest.REQUEST, Actor.localOperator());
            System.out.println("DONE " + r);
        }
        System.out.flush();
    }
}
