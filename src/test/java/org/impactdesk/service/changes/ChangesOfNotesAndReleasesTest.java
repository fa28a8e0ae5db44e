package org.impactdesk.service.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.impactdesk.domain.DataChange;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.FollowUp;
import org.impactdesk.service.Services;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.service.release.ReleaseService;
import org.impactdesk.store.DataChanges;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The change log (V98, V105) on either engine: a follow-up note saved or deleted, and a Wrapped's first
 * preview, hold and release each log a change in their own transaction, by whom; a note's change is
 * told to its author's windows only (it is private); changes older than a month are pruned by the window (on a worker a minute after it
 * shows) and the writing commands. (Two desktops at once on PostgreSQL: TeamDatabaseWindowTest.)
 */
@MigratedH2
class ChangesOfNotesAndReleasesTest {
    Database db;
    Services services;

    @BeforeEach
    void example(Database db) {
        this.db = ExampleDatabase.fill(db);
        services = new Services(db);
    }

    List<String> logged(long after) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT what || ' ' || changed_by || ' ' || COALESCE(for_user, '-') FROM data_changes
                        WHERE id > :after ORDER BY id""")
                .bind("after", after).mapTo(String.class).list());
    }

    @Test
    void aFollowUpNoteSavedOrDeletedIsLoggedForItsAuthorsWindowsOnly() {
        long before = services.changes.newest();
        FollowUp note = services.followUps.save(ExampleDatabase.KIM, "pm-3", new Period.Quarter(2025, 1), LocalDate.of(2025, 4, 8),
                "Called Sofie");
        services.followUps.save(ExampleDatabase.KIM, "pm-3", new Period.Quarter(2025, 1), LocalDate.of(2025, 4, 9), "Called Sofie again");
        services.followUps.delete(ExampleDatabase.KIM, note.id());
        assertThat(logged(before)).containsExactly("follow_up Kim Koordinator user-kim", "follow_up Kim Koordinator user-kim",
                "follow_up Kim Koordinator user-kim");

        // as another desktop sees them: a change from elsewhere (another origin) of Kim's notes is news to Kim only
        long seen = services.changes.newest();
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO data_changes (changed_at, changed_by, origin, what, for_user)
                VALUES (CURRENT_TIMESTAMP, 'Kim Koordinator', 'another-desktop', 'follow_up', 'user-kim')"""));
        assertThat(services.changes.changedElsewhereAfter(seen, "user-kim")).map(DataChange::what).hasValue("follow_up");
        assertThat(services.changes.changedElsewhereAfter(seen, "user-ada")).as("another person's private note").isEmpty();
        assertThat(services.changes.changedElsewhereAfter(seen, null)).as("the local operator").isEmpty();
    }

    @Test
    void aRefusedNoteLogsNothing() {
        long before = services.changes.newest();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> services.followUps.save(ExampleDatabase.KIM, "pm-2",
                new Period.Quarter(2025, 1), LocalDate.of(2025, 4, 8), "not Kim's mentor"))
                .isInstanceOf(org.impactdesk.service.followup.FollowUpRefusedException.class);
        assertThat(logged(before)).isEmpty();
    }

    @Test
    void aWrappedsFirstPreviewItsHoldAndItsReleaseAreLoggedForEveryone() {
        var ada = services.actor("user-ada").orElseThrow();
        long before = services.changes.newest();
        services.releases.markPreviewed("pm-1", 2025, ada);
        services.releases.markPreviewed("pm-1", 2025, ada); // a second look changes nothing
        assertThat(logged(before)).containsExactly("release Ada Admin -");
        services.releases.hold("pm-1", 2025, "Away until March", ada);
        ReleaseService.Outcome released = services.releases.release(2025, "org-1", ReleaseService.Selection.MENTOR, "pm-1", ada);
        assertThat(released.released()).isEqualTo(1);
        services.releases.release(2025, "org-1", ReleaseService.Selection.MENTOR, "pm-1", ada); // released already
        assertThat(logged(before)).containsExactly("release Ada Admin -", "release Ada Admin -", "release Ada Admin -");

        long seen = services.changes.newest();
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO data_changes (changed_at, changed_by, origin, what)
                VALUES (CURRENT_TIMESTAMP, 'Ada Admin', 'another-desktop', 'release')"""));
        assertThat(services.changes.changedElsewhereAfter(seen, "user-kim")).map(DataChange::what).hasValue("release");
    }

    @Test
    void changesOlderThanAMonthArePrunedByTheWindowAndTheWritingCommands() {
        Instant now = Instant.now();
        db.jdbi().useHandle(h -> {
            for (Instant at : List.of(now.minus(45, ChronoUnit.DAYS), now.minus(DataChanges.KEPT).minus(1, ChronoUnit.HOURS),
                    now.minus(DataChanges.KEPT).plus(1, ChronoUnit.HOURS), now.minus(1, ChronoUnit.DAYS))) {
                h.createUpdate("""
                                INSERT INTO data_changes (changed_at, changed_by, origin, what)
                                VALUES (:at, :by, 'another-desktop', 'import')""")
                        .bind("at", at.atOffset(ZoneOffset.UTC)).bind("by", "at " + at).execute();
            }
        });
        long newest = services.changes.newest();
        assertThat(new Services(db).pruneChangeLog()).as("what the window (on a worker) and import, generate and release do").isEqualTo(2);
        List<String> kept = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT changed_by FROM data_changes WHERE origin = 'another-desktop' ORDER BY id").mapTo(String.class).list());
        assertThat(kept).containsExactly("at " + now.minus(DataChanges.KEPT).plus(1, ChronoUnit.HOURS),
                "at " + now.minus(1, ChronoUnit.DAYS));
        assertThat(services.changes.newest()).as("the newest change stays, so a window's 'seen' still holds").isEqualTo(newest);
        assertThat(new DataChanges(db).prune(now)).as("nothing more to prune").isZero();
    }
}
