package org.impactdesk.service.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.service.generation.GenerationService;
import org.impactdesk.service.generation.LogNotificationSender;
import org.impactdesk.store.ActorDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
/** The Sync screen's gateway over the real importer, import log and generation service. */
@MigratedH2
class BundleSyncGatewayTest {
    @TempDir
    Path dir;
    Database db;
    BundleSyncGateway gateway;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        GenerationService generation = new GenerationService(db, new LogNotificationSender(), List.of(), SyncFixture.CLOCK,
                Locale.ENGLISH);
        gateway = new BundleSyncGateway(db, new BundleImporter(db, SyncFixture.CLOCK), generation);
    }

    @Test
    void previewCountsEveryFileAndWritesNothing() throws Exception {
        Path b = SyncFixture.exampleCopy(dir.resolve("bundle"));
        SyncFixture.append(b.resolve("activities.csv"), "act-999;org-1;la-1;pm-1;cafe_meeting;2025-03-01T10:00;90 min;;approved;\n");
        SyncGateway.Preview p = gateway.preview(b, org.impactdesk.access.Actor.localOperator());
        assertThat(p.files()).contains(new SyncGateway.FileCount("activities.csv", 56, 1),
                new SyncGateway.FileCount("users.csv", 5, 0));
        assertThat(p.totalRows()).isEqualTo(86);
        assertThat(p.errors()).containsExactly(new SyncGateway.Problem("activities.csv", 57L, "duration_minutes",
                "\"90 min\" is not a whole number of minutes"));
        assertThat(SyncFixture.count(db, "SELECT COUNT(*) FROM activities")).isZero();
    }

    @Test
    void importThenRegenerateBringsTheClosedPeriodsUpToDateAndTheHistoryShowsIt() throws Exception {
        Path b = SyncFixture.exampleCopy(dir.resolve("bundle"));
        SyncGateway.Outcome refused = gateway.importBundle(b.resolve("nope.csv").getParent().resolve("activities.csv"),
                SyncGateway.Mode.ALL_OR_NOTHING, Actor.localOperator(), null);
        assertThat(refused.written()).isFalse(); // a bare activities.csv before its mentors exist
        SyncGateway.Outcome done = gateway.importBundle(b, SyncGateway.Mode.ALL_OR_NOTHING, Actor.localOperator(), null);
        assertThat(done.written()).isTrue();
        assertThat(done.inserted()).isEqualTo(85);
        SyncGateway.Regeneration regen = gateway.regenerate(Actor.localOperator(), null);
        assertThat(regen.summariesWritten()).isPositive();
        assertThat(SyncFixture.count(db, "SELECT COUNT(*) FROM annual_summaries WHERE year = 2025")).isEqualTo(3);
        assertThat(SyncFixture.count(db, "SELECT COUNT(*) FROM stale_summary_inputs")).isZero();
        assertThat(gateway.regenerate(Actor.localOperator(), null).summariesWritten()).isZero();

        Actor ada = new ActorDao(db.jdbi()).find("user-ada").orElseThrow();
        SyncGateway.Outcome again = gateway.importBundle(b, SyncGateway.Mode.VALID_ROWS_ONLY, ada, null);
        assertThat(again.unchanged()).isEqualTo(85);
        List<SyncGateway.HistoryEntry> history = gateway.history(10);
        assertThat(history).extracting(SyncGateway.HistoryEntry::outcome).containsExactly("imported", "imported", "refused");
        assertThat(history.get(0).runBy()).isEqualTo("user-ada");
        assertThat(history.get(0).unchanged()).isEqualTo(85);
        assertThat(history.get(2).fileName()).endsWith("activities.csv");
    }

    @Test
    void theHistoryKeepsTheNameTheUserHadWhenTheyImported() throws Exception {
        Path b = SyncFixture.exampleCopy(dir.resolve("bundle"));
        gateway.importBundle(b, SyncGateway.Mode.ALL_OR_NOTHING, Actor.localOperator(), null);
        Actor ada = new ActorDao(db.jdbi()).find("user-ada").orElseThrow();
        String before = ada.displayName();
        gateway.importBundle(b, SyncGateway.Mode.ALL_OR_NOTHING, ada, null);
        db.jdbi().useHandle(h -> h.execute("UPDATE users SET display_name = 'Ada Renamed' WHERE id = 'user-ada'"));

        List<SyncGateway.HistoryEntry> history = gateway.history(10);
        assertThat(history.get(0).runBy()).isEqualTo("user-ada");
        assertThat(history.get(0).runByName()).isEqualTo(before).isNotEqualTo("Ada Renamed");
        assertThat(history.get(1).runBy()).isNull(); // the local operator: no name stored
        assertThat(SyncFixture.count(db, "SELECT COUNT(*) FROM import_log WHERE run_by IS NULL AND run_by_name IS NOT NULL"))
                .isZero();
    }
}
