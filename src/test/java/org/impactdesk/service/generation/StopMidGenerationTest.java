package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.impactdesk.ChildJvm;
import org.impactdesk.access.Actor;
import org.impactdesk.demo.DemoDataGenerator;
import org.impactdesk.demo.DemoSpec;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.service.importing.BundleImporter;
import org.impactdesk.store.Database;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18 item 2 for generation: a real child JVM generates three years of every summary
 * (with the badges), committing per 10 mentors, and gets SIGTERM after its first, a quarter,
 * half, three quarters and all of its notifications. Each time the database opens, the chunk
 * being written was rolled back (never half a mentor), a rerun ends exactly where one
 * uninterrupted run ends (summary rows, their figures, awards, notifications), with no
 * failure, and a second rerun changes nothing. On the test engine: H2 files, or PostgreSQL databases
 * (each run on a copy of the synced one) whose server outlives the stopped client.
 */
@MigratedH2(MigratedH2.Lifecycle.PER_CLASS)
class StopMidGenerationTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-16T08:00:00Z"), ZoneOffset.UTC);
    static final GenerationRequest REQUEST = new GenerationRequest(Set.of(2023, 2024, 2025), GenerationRequest.Selection.ALL,
            null, LocalDate.of(2026, 1, 16), false);
    private static final int CHUNK = 10;

    @TempDir
    static Path shared;
    static String synced;
    static String reference;
    static int notifications;

    @TempDir
    Path dir;

    @BeforeAll
    static void databases(FreshDatabases fresh) throws Exception {
        Path bundle = shared.resolve("bundle");
        DemoDataGenerator.write(DemoSpec.bench(8_000, 3, 7), bundle);
        synced = fresh.target("synced", db -> assertThat(new BundleImporter(db, CLOCK).importBundle(bundle,
                ImportOptions.allOrNothing(), Actor.localOperator(), null).written()).isTrue());
        String whole = fresh.copy(synced, "whole");
        AtomicInteger sent = new AtomicInteger();
        try (Database db = Database.open(whole, null)) {
            GenerationReport r = GenerateChild.service(db, n -> sent.incrementAndGet(), CHUNK).generate(REQUEST,
                    Actor.localOperator());
            assertThat(r.failed()).isZero();
            reference = state(db);
        }
        fresh.discard(whole);
        notifications = sent.get();
        assertThat(notifications).as("notifications of one whole run").isGreaterThan(100);
    }

    static Stream<Integer> moments() {
        return IntStream.of(0, 1, 2, 3, 4).boxed();
    }

    @ParameterizedTest(name = "SIGTERM after {0} quarters of the notifications")
    @MethodSource("moments")
    void aStoppedGenerationKeepsWhatItCommittedAndTheRerunEndsAsOneWholeRun(int quarters, FreshDatabases fresh)
            throws Exception {
        int after = Math.max(1, notifications * quarters / 4);
        String db = fresh.copy(synced, "db-" + quarters);
        AtomicInteger seen = new AtomicInteger();

        ChildJvm.Outcome child = ChildJvm.runAndStop(GenerateChild.class, List.of(db, String.valueOf(CHUNK)),
                l -> l.startsWith("SENT") && seen.incrementAndGet() == after, dir.resolve("child.err"));

        assertThat(child.signalled()).as("the moment came").isTrue();
        if (quarters < 3) {
            assertThat(child.printed("DONE")).as("stopped with a good part of the run left: " + child.lines().getLast())
                    .isFalse();
        }
        assertThat(child.stderr()).as("the stop waited for the rollback and closed the database")
                .doesNotContain("did not stop within").doesNotContain("Exception");
        try (Database opened = Database.open(db, null)) {
            assertHalfWrittenMentorsNone(opened);
            GenerationReport rerun = GenerateChild.service(opened, n -> { }, CHUNK).generate(REQUEST, Actor.localOperator());
            assertThat(rerun.failed()).as("rerun: " + rerun).isZero();
            assertThat(state(opened)).isEqualTo(reference);
            GenerationReport again = GenerateChild.service(opened, n -> { }, CHUNK).generate(REQUEST, Actor.localOperator());
            assertThat(again.created() + again.updated()).as("a second rerun changes nothing: " + again).isZero();
            assertThat(state(opened)).isEqualTo(reference);
        }
        fresh.discard(db);
    }

    /** A mentor's totals are written in the chunk with their summaries: no mentor has summaries of 2025 without totals. */
    private static void assertHalfWrittenMentorsNone(Database db) {
        long half = db.jdbi().withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM annual_summaries a
                WHERE a.year = 2025 AND NOT EXISTS (
                    SELECT 1 FROM summary_mentor_totals t WHERE t.peer_mentor_id = a.peer_mentor_id)""")
                .mapTo(Long.class).one());
        assertThat(half).isZero();
    }

    /** The summaries, their main figures, the awards and the notifications, as counts and sums. */
    static String state(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                SELECT (SELECT COUNT(*) || '/' || COALESCE(SUM(total_hours), 0) || '/' || COUNT(DISTINCT status)
                            FROM annual_summaries)
                    || ' impact=' || (SELECT COUNT(*) || '/' || COALESCE(SUM(total_hours), 0) FROM impact_summaries)
                    || ' periodic=' || (SELECT COUNT(*) || '/' || COALESCE(SUM(total_sessions), 0) || '/'
                            || COALESCE(SUM(total_hours), 0) FROM periodic_summaries)
                    || ' awards=' || (SELECT COUNT(*) FROM user_achievements)
                    || ' outbox=' || (SELECT COUNT(*) FROM notification_outbox)
                    || ' totals=' || (SELECT COUNT(*) || '/' || COALESCE(SUM(minutes), 0) FROM summary_mentor_totals)
                    || ' stale=' || (SELECT COUNT(*) FROM stale_summary_inputs)
                """).mapTo(String.class).one());
    }
}
