package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.impactdesk.ChildJvm;
import org.impactdesk.access.Actor;
import org.impactdesk.demo.DemoDataGenerator;
import org.impactdesk.demo.DemoSpec;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.service.importing.BundleImporter;
import org.impactdesk.store.Database;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 4: a notification is sent only after the transaction that queued it commits,
 * and exactly once. A real child JVM generates three years (10 mentors per commit) with a
 * sender that delivers a number of notifications and then hangs in the next one, where the JVM
 * is killed (SIGKILL): after the commit of its chunk, before its delivery. The summary being
 * notified is stored and its notification still queued; a rerun delivers exactly the ones the
 * child did not, each once, and a further run and dispatch deliver nothing. On the test engine (an
 * H2 file, or a PostgreSQL database the killed child was connected to).
 */
@MigratedH2
class NotifyAfterCommitKillTest {
    @TempDir
    Path dir;

    @Test
    void aKillBetweenCommitAndDeliverySendsEachNotificationOnceOnTheNextRun(FreshDatabases fresh) throws Exception {
        Path bundle = dir.resolve("bundle");
        DemoDataGenerator.write(DemoSpec.bench(8_000, 3, 7), bundle);
        String db = fresh.target("db");
        try (Database d = Database.open(db, null)) {
            assertThat(new BundleImporter(d, StopMidGenerationTest.CLOCK).importBundle(bundle, ImportOptions.allOrNothing(),
                    Actor.localOperator(), null).written()).isTrue();
        }
        int deliverFirst = 450; // the middle of the second chunk of 10 mentors (~30 notifications each)

        ChildJvm.Outcome child = ChildJvm.runAndKill(NotifyChild.class, List.of(db, "10",
                String.valueOf(deliverFirst)), l -> l.startsWith("SENDING"), dir.resolve("child.err"));

        assertThat(child.signalled()).as("killed while sending: " + Files.readString(dir.resolve("child.err"))).isTrue();
        assertThat(child.printed("DONE")).isFalse();
        List<String> deliveredByChild = child.lines().stream().filter(l -> l.startsWith("DELIVERED "))
                .map(l -> l.substring("DELIVERED ".length())).toList();
        assertThat(deliveredByChild).hasSize(deliverFirst).doesNotHaveDuplicates();
        String[] hanging = child.lines().getLast().substring("SENDING ".length()).split(" ");

        try (Database opened = Database.open(db, null)) {
            // the summary whose notification was being sent was committed before the send, and its
            // notification is still queued, untried
            assertThat(count(opened, "SELECT COUNT(*) FROM " + hanging[0] + " WHERE id = '" + hanging[1] + "'")).isOne();
            assertThat(count(opened, "SELECT COUNT(*) FROM notification_outbox WHERE summary_id = '" + hanging[1]
                    + "' AND sent_at IS NULL AND attempts = 0")).isOne();
            // what the child delivered is marked sent, nothing else is
            assertThat(outbox(opened, "sent_at IS NOT NULL")).containsExactlyInAnyOrderElementsOf(deliveredByChild);

            List<String> deliveredByRerun = new ArrayList<>();
            GenerationReport rerun = GenerateChild.service(opened,
                    n -> deliveredByRerun.add(n.summaryTable() + ' ' + n.summaryId()), 10)
                    .generate(StopMidGenerationTest.REQUEST, Actor.localOperator());
            assertThat(rerun.failed()).isZero();

            assertThat(deliveredByRerun).doesNotHaveDuplicates().contains(hanging[0] + ' ' + hanging[1]);
            Set<String> both = new HashSet<>(deliveredByChild);
            assertThat(deliveredByRerun).as("delivered by the child and again by the rerun")
                    .noneMatch(both::contains);
            both.addAll(deliveredByRerun);
            assertThat(both).hasSize(deliveredByChild.size() + deliveredByRerun.size())
                    .containsExactlyInAnyOrderElementsOf(outbox(opened, "TRUE"));
            assertThat(outbox(opened, "sent_at IS NULL")).isEmpty();

            List<String> later = new ArrayList<>();
            GenerationService again = GenerateChild.service(opened, n -> later.add(n.summaryId().toString()), 10);
            again.generate(StopMidGenerationTest.REQUEST, Actor.localOperator());
            again.dispatchNotifications();
            assertThat(later).as("nothing is sent twice").isEmpty();
        }
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static List<String> outbox(Database db, String where) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT summary_table || ' ' || summary_id FROM notification_outbox WHERE "
                + where).mapTo(String.class).list());
    }
}
