package org.impactdesk.service.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactdesk.service.importing.SyncFixture.count;
import static org.impactdesk.service.importing.SyncFixture.counts;
import static org.impactdesk.service.importing.SyncFixture.importAll;
import static org.impactdesk.service.importing.SyncFixture.importValid;
import static org.impactdesk.service.importing.SyncFixture.write;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.service.generation.GenerationRequest;
import org.impactdesk.service.generation.GenerationService;
import org.impactdesk.store.ActorDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 2: a peer mentor is a user with the peer_mentor role. A peer_mentors.csv row whose
 * user lacks it is a row error (file, line, user_id, why); a later export that moves a peer mentor
 * to another user is refused for that row while summaries of the old user exist. On the worked
 * example (Mira pm-1, Jonas pm-2, Sofie pm-3; Kim coordinator of la-2, Ada org admin).
 */
@MigratedH2
class PeerMentorRoleImportTest {
    static final String USERS = "id,organization_id,display_name,email,roles,local_association_ids\n";
    static final String MENTORS = "id,user_id,organization_id,primary_local_association_id,local_association_ids,status,started_on\n";

    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void example(Database db) throws Exception {
        this.db = db;
        ImportReport r = importAll(db, SyncFixture.exampleCopy(dir.resolve("example")));
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void aMentorRowWhoseUserInTheBundleLacksTheRoleIsARowErrorAndNothingIsWritten() throws Exception {
        Path b = dir.resolve("b");
        write(b.resolve("users.csv"), USERS + "user-ulf,org-1,Ulf Koordinator,,coordinator,la-1\n"
                + "user-vera,org-1,Vera Ny,,peer_mentor,\n");
        write(b.resolve("peer_mentors.csv"), MENTORS + "pm-ulf,user-ulf,org-1,la-1,la-1,active,\n"
                + "pm-vera,user-vera,org-1,la-1,la-1,active,\n");
        String before = counts(db);
        ImportReport r = importAll(db, b);
        assertThat(r.written()).isFalse();
        assertThat(r.errors()).extracting(ImportReport::describe).containsExactly(
                "peer_mentors.csv line 2, user_id: user \"user-ulf\" does not have the role peer_mentor (roles: coordinator); "
                        + "only a user with that role can be a peer mentor");
        assertThat(counts(db)).isEqualTo(before);
    }

    @Test
    void aStoredUserWithoutTheRoleCannotBecomeAPeerMentorAndSkipInvalidRejectsOnlyThatRow() throws Exception {
        Path b = dir.resolve("b");
        write(b.resolve("peer_mentors.csv"), MENTORS + "pm-3,user-sofie,org-1,la-2,la-2,active,\n"
                + "pm-ada,user-ada,org-1,la-1,la-1,active,\n");
        ImportReport r = importValid(db, b);
        assertThat(r.written()).isTrue();
        assertThat(r.errors()).extracting(ImportReport::describe).containsExactly(
                "peer_mentors.csv line 3, user_id: user \"user-ada\" does not have the role peer_mentor (roles: org_admin); "
                        + "only a user with that role can be a peer mentor");
        assertThat(r.files().get("peer_mentors.csv").rejected()).isEqualTo(1);
        assertThat(count(db, "SELECT COUNT(*) FROM peer_mentors WHERE user_id = 'user-ada'")).isZero();
    }

    @Test
    void aMentorRowOfAUserWithoutAnyRoleSaysSo() throws Exception {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO users (id, organization_id, display_name) VALUES ('user-nils', 'org-1', 'Nils')"));
        Path b = dir.resolve("b");
        write(b.resolve("peer_mentors.csv"), MENTORS + "pm-nils,user-nils,org-1,la-1,la-1,active,\n");
        ImportReport r = importAll(db, b);
        assertThat(r.errors()).extracting(ImportReport::describe).containsExactly(
                "peer_mentors.csv line 2, user_id: user \"user-nils\" does not have the role peer_mentor (roles: none); "
                        + "only a user with that role can be a peer mentor");
    }

    @Test
    void aMentorRowThatGivesBothTheRoleAndTheMentorInOneBundleImports() throws Exception {
        Path b = dir.resolve("b");
        write(b.resolve("users.csv"), USERS + "user-kim,org-1,Kim Koordinator,kim@example.com,coordinator|peer_mentor,la-2\n");
        write(b.resolve("peer_mentors.csv"), MENTORS + "pm-kim,user-kim,org-1,la-1,la-1,active,\n");
        ImportReport r = importAll(db, b);
        assertThat(r.errors()).isEmpty();
        assertThat(count(db, "SELECT COUNT(*) FROM peer_mentors WHERE id = 'pm-kim'")).isEqualTo(1);
    }

    @Test
    void aCoordinatorsMentorRowNamingAUserWhoseRoleChangeWasNotTheirsIsSkippedNotAnError() throws Exception {
        // Kim (coordinator of la-2) may not give roles: the users.csv row is skipped, so the
        // mentor row that needs the new role is skipped with it (ImportRights), not reported
        Path b = dir.resolve("b");
        db.jdbi().useHandle(h -> h.execute("INSERT INTO users (id, organization_id, display_name) VALUES ('user-nils', 'org-1', 'Nils')"));
        write(b.resolve("users.csv"), USERS + "user-nils,org-1,Nils,,peer_mentor,\n");
        write(b.resolve("peer_mentors.csv"), MENTORS + "pm-nils,user-nils,org-1,la-2,la-2,active,\n");
        Actor kim = new ActorDao(db.jdbi()).find("user-kim").orElseThrow();
        ImportReport r = new BundleImporter(db, SyncFixture.CLOCK).importBundle(b, ImportOptions.allOrNothing(), kim, null);
        assertThat(r.errors()).isEmpty();
        assertThat(r.files().get("users.csv").skipped()).isEqualTo(1);
        assertThat(r.files().get("peer_mentors.csv").skipped()).isEqualTo(1);
        assertThat(count(db, "SELECT COUNT(*) FROM peer_mentors WHERE id = 'pm-nils'")).isZero();
    }

    @Test
    void movingAPeerMentorToAnotherUserIsRefusedForThatRowWhileSummariesOfTheOldUserExist() throws Exception {
        Path b = dir.resolve("b");
        write(b.resolve("users.csv"), USERS + "user-vera,org-1,Vera Ny,,peer_mentor,\n");
        write(b.resolve("peer_mentors.csv"), MENTORS + "pm-2,user-vera,org-1,la-1,la-1,active,15.11.2023\n");
        // no summaries yet: the move is a correction of the export, accepted
        ImportReport preview = new BundleImporter(db, SyncFixture.CLOCK).preview(b);
        assertThat(preview.errors()).isEmpty();

        Clock clock = Clock.fixed(Instant.parse("2026-01-10T09:00:00Z"), ZoneOffset.UTC);
        new GenerationService(db, n -> { }, List.of(), clock, Locale.ENGLISH).generate(new GenerationRequest(Set.of(2025),
                GenerationRequest.Selection.ALL, null, LocalDate.parse("2026-01-10"), false), Actor.localOperator());
        assertThat(count(db, "SELECT COUNT(*) FROM annual_summaries WHERE peer_mentor_id = 'pm-2' AND user_id = 'user-jonas'"))
                .isEqualTo(1);

        String before = counts(db);
        ImportReport r = importAll(db, b);
        assertThat(r.written()).isFalse();
        assertThat(r.errors()).extracting(ImportReport::describe).containsExactly(
                "peer_mentors.csv line 2, user_id: peer mentor \"pm-2\" is user \"user-jonas\" in the database, who has "
                        + "summaries as this peer mentor; it cannot move to user \"user-vera\" while those summaries exist");
        assertThat(counts(db)).isEqualTo(before);
        assertThat(count(db, "SELECT COUNT(*) FROM peer_mentors WHERE id = 'pm-2' AND user_id = 'user-jonas'")).isEqualTo(1);

        // the rest of the bundle still imports with --skip-invalid; the mentor stays where it was
        ImportReport valid = importValid(db, b);
        assertThat(valid.written()).isTrue();
        assertThat(valid.files().get("peer_mentors.csv").rejected()).isEqualTo(1);
        assertThat(count(db, "SELECT COUNT(*) FROM users WHERE id = 'user-vera'")).isEqualTo(1);
        assertThat(count(db, "SELECT COUNT(*) FROM peer_mentors WHERE id = 'pm-2' AND user_id = 'user-jonas'")).isEqualTo(1);
    }
}
