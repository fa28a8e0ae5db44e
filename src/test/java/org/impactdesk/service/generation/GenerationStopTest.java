package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.impactdesk.access.Actor;
import org.impactdesk.store.Database;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.Test;

/**
 * A stop while the run's thread waits for its worker (the worker still computing a mentor):
 * the run notices the stop, rolls back and ends, so close() shuts the database down instead of
 * waiting for it in vain (it once waited its whole 25 s and left the database unclosed).
 */
@MigratedH2
class GenerationStopTest {
    @Test
    void aStopWhileTheRunWaitsForItsWorkerCancelsTheRunAndTheDatabaseCloses(FreshDatabases fresh) throws Exception {
        String target = fresh.target("db");
        Database db = Database.open(target, null);
        ExampleBundleFixture.load(db);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GenerationService service = new GenerationService(db, n -> { }, List.of(),
                StopMidGenerationTest.CLOCK, Locale.ENGLISH);
        service.setBeforeCompute(m -> { // the worker's first mentor takes until the test lets it go
            computing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        GenerationRequest request = new GenerationRequest(Set.of(2025), GenerationRequest.Selection.ALL, null,
                java.time.LocalDate.of(2026, 1, 10), false);
        CompletableFuture<GenerationReport> run = CompletableFuture.supplyAsync(() -> service.generate(request,
                Actor.localOperator()));
        try {
            assertThat(computing.await(30, TimeUnit.SECONDS)).isTrue();
            db.close(); // as the shutdown hook does on SIGTERM
            // close() returned once the run had rolled back and ended its work (not after its 25 s)
            assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(CancellationException.class);
        } finally {
            release.countDown();
        }
        try (Database reopened = Database.open(target, null)) {
            long summaries = reopened.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM annual_summaries")
                    .mapTo(Long.class).one());
            assertThat(summaries).as("the chunk being written was rolled back").isZero();
            GenerationReport rerun = new GenerationService(reopened, n -> { }, List.of(), StopMidGenerationTest.CLOCK,
                    Locale.ENGLISH).generate(request, Actor.localOperator());
            assertThat(rerun.failed()).isZero();
            assertThat(rerun.created()).isPositive();
        }
    }
}
