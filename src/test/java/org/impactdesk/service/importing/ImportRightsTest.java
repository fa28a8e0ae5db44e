package org.impactdesk.service.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactdesk.service.importing.SyncFixture.counts;
import static org.impactdesk.service.importing.SyncFixture.importAll;
import static org.impactdesk.service.importing.SyncFixture.write;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.store.ActorDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
/**
 * An import is a write, scoped like every write (EXPORT_FORMAT.md): each write path of the
 * importer for each kind of actor, on a real H2 file holding two organisations. org-1 is the
 * worked example (Mira pm-1 in la-1|la-2, Jonas pm-2 in la-1, Sofie pm-3 in la-2, coordinator Kim
 * of la-2, org admin Ada); org-2 has Olga pm-9 in la-9, coordinator Per of la-9 and one activity;
 * Gina is a global admin (no organisation). Rows outside the importer's rights are not written,
 * are counted per file as skipped with their rule and first lines, and the rest imports.
 */
@MigratedH2
class ImportRightsTest {
    static final String USERS = "id,organization_id,display_name,email,roles,local_association_ids\n";
    static final String ACTS = "id;organization_id;local_association_id;peer_mentor_id;activity_type;started_at;"
            + "duration_minutes;contact_id;approval_status;travel_km\n";

    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void twoOrganisations(Database db) throws Exception {
        this.db = db;
        importAll(db, SyncFixture.exampleCopy(dir.resolve("example")));
        Path org2 = dir.resolve("org2");
        write(org2.resolve("organizations.csv"), "id,name\norg-2,Other Network\n");
        write(org2.resolve("local_associations.csv"), "id,organization_id,name\nla-9,org-2,Vest\n");
        write(org2.resolve("users.csv"), USERS + "user-olga,org-2,Olga Annen,,peer_mentor,\n"
                + "user-per,org-2,Per Koordinator,,coordinator,la-9\nuser-gina,,Gina Global,,global_admin,\n");
        write(org2.resolve("peer_mentors.csv"), "id,user_id,organization_id,primary_local_association_id,"
                + "local_association_ids,status,started_on\npm-9,user-olga,org-2,la-9,la-9,active,\n");
        write(org2.resolve("activities.csv"), ACTS + "act-901;org-2;la-9;pm-9;cafe_meeting;2025-03-01T10:00:00+01:00;30;;approved;\n");
        ImportReport r = importAll(db, org2);
        assertThat(r.written()).isTrue();
        assertThat(r.errors()).isEmpty();
    }

    Actor actor(String userId) {
        return new ActorDao(db.jdbi()).find(userId).orElseThrow();
    }

    ImportReport importAs(Actor actor, Path bundle) {
        return new BundleImporter(db, SyncFixture.CLOCK).importBundle(bundle, ImportOptions.allOrNothing(), actor, null);
    }

    String one(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).findOne().orElse(null));
    }

    List<String> list(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    String roles(String user) {
        return String.join("|", list("SELECT role FROM user_roles WHERE user_id = '" + user + "' ORDER BY role"));
    }

    String scopes(String user) {
        return String.join("|", list("SELECT local_association_id FROM coordinator_scopes WHERE user_id = '" + user
                + "' ORDER BY local_association_id"));
    }

    String activity(String id) {
        return one("SELECT organization_id || ' ' || local_association_id || ' ' || peer_mentor_id || ' ' || duration_minutes"
                + " FROM activities WHERE id = '" + id + "'");
    }

    static void assertSkipped(ImportReport r, String file, long skipped, String warningStart) {
        assertThat(r.files().get(file).skipped()).as(file + " skipped").isEqualTo(skipped);
        assertThat(r.warnings()).as("warnings").anyMatch(w -> w.startsWith(warningStart));
    }

    // ------------------------------------------------------------------ coordinator

    @Nested
    class CoordinatorKimOfLa2 {
        @Test
        void raisingTheirOwnRolesLeavesThemAsTheyWereAndReportsTheRowSkipped() throws Exception {
            Path b = dir.resolve("raise");
            write(b.resolve("users.csv"), USERS + "user-kim,org-1,Kim Koordinator,kim@example.com,coordinator|global_admin,la-2\n");
            ImportReport r = importAs(actor("user-kim"), b);
            assertThat(r.written()).isTrue();
            assertThat(r.errors()).isEmpty();
            assertThat(r.skipped()).isEqualTo(1);
            assertThat(r.toMap()).containsEntry("skipped", 1L);
            assertSkipped(r, "users.csv", 1, "users.csv: 1 row skipped, not written, as not yours to import (line 2): "
                    + "the global_admin role");
            assertThat(roles("user-kim")).isEqualTo("coordinator");
            // nor through org_admin, nor by widening their own scope
            write(b.resolve("users.csv"), USERS + "user-kim,org-1,Kim Koordinator,kim@example.com,coordinator|org_admin,la-2\n"
                    + "user-kim2,org-1,Kim Two,,coordinator,la-2\n");
            r = importAs(actor("user-kim"), b);
            assertSkipped(r, "users.csv", 2, "users.csv: 1 row skipped, not written, as not yours to import (line 2): "
                    + "roles and coordinator scopes come only from an import by an org admin");
            assertThat(r.warnings()).contains("users.csv: 1 row skipped, not written, as not yours to import (line 3): "
                    + "Kim Koordinator may import only rows of their local associations (la-2).");
            write(b.resolve("users.csv"), USERS + "user-kim,org-1,Kim Koordinator,kim@example.com,coordinator,la-1|la-2\n");
            importAs(actor("user-kim"), b);
            assertThat(roles("user-kim")).isEqualTo("coordinator");
            assertThat(scopes("user-kim")).isEqualTo("la-2");
            assertThat(one("SELECT COUNT(*) FROM users WHERE id = 'user-kim2'")).isEqualTo("0");
            // their own name, with roles and scope as they are, is theirs to write
            write(b.resolve("users.csv"), USERS + "user-kim,org-1,Kim K. Koordinator,kim@example.com,coordinator,la-2\n");
            r = importAs(actor("user-kim"), b);
            assertThat(r.skipped()).isZero();
            assertThat(r.updated()).isEqualTo(1);
            assertThat(one("SELECT display_name FROM users WHERE id = 'user-kim'")).isEqualTo("Kim K. Koordinator");
        }

        @Test
        void activitiesOfTheirAssociationsAreWrittenOthersSkippedAndAStoredRowElsewhereIsLeftAsItIs() throws Exception {
            Path b = dir.resolve("acts");
            write(b.resolve("activities.csv"), ACTS
                    + "act-950;org-1;la-2;pm-3;cafe_meeting;2025-04-01T10:00:00+02:00;40;;approved;\n" // theirs
                    + "act-951;org-1;la-1;pm-2;cafe_meeting;2025-04-01T10:00:00+02:00;40;;approved;\n" // la-1
                    + "act-201;org-1;la-2;pm-3;cafe_meeting;2024-05-22T14:00:00+02:00;99;;approved;\n" // la-1 stored
                    + "act-952;org-1;la-2;pm-2;cafe_meeting;2025-04-01T10:00:00+02:00;40;;approved;\n" // pm-2 not theirs
                    + "act-901;org-1;la-2;pm-3;cafe_meeting;2025-04-01T10:00:00+02:00;40;;approved;\n"); // org-2's id
            String before201 = activity("act-201");
            ImportReport r = importAs(actor("user-kim"), b);
            assertThat(r.written()).isTrue();
            assertThat(r.errors()).isEmpty();
            assertThat(r.files().get("activities.csv").inserted()).isEqualTo(1);
            assertSkipped(r, "activities.csv", 4, "activities.csv: 3 rows skipped, not written, as not yours to import "
                    + "(lines 3, 4, 5): Kim Koordinator may import only rows of their local associations (la-2)");
            assertThat(r.warnings()).contains("activities.csv: 1 row skipped, not written, as not yours to import (line 6): "
                    + "Kim Koordinator may import only rows of organisation org-1.");
            assertThat(activity("act-950")).isEqualTo("org-1 la-2 pm-3 40");
            assertThat(activity("act-951")).isNull();
            assertThat(activity("act-952")).isNull();
            assertThat(activity("act-201")).isEqualTo(before201);
            assertThat(activity("act-901")).isEqualTo("org-2 la-9 pm-9 30");
        }

        @Test
        void theOrganisationsWholeExportImportsTheirPartAndSkipsTheRest() throws Exception {
            Path b = SyncFixture.exampleCopy(dir.resolve("whole"));
            SyncFixture.append(b.resolve("activities.csv"), "act-960;org-1;la-1;pm-2;cafe_meeting;2025-05-01T10:00;30;;approved;\n"
                    + "act-961;org-1;la-2;pm-3;cafe_meeting;2025-05-01T10:00;30;;approved;\n");
            write(b.resolve("organizations.csv"), "id,name,time_zone,hourly_rate\norg-1,Renamed by Kim,Europe/Oslo,999.00\n");
            ImportReport r = importAs(actor("user-kim"), b);
            assertThat(r.written()).isTrue();
            assertThat(r.errors()).isEmpty();
            assertThat(activity("act-961")).isEqualTo("org-1 la-2 pm-3 30");
            assertThat(activity("act-960")).isNull();
            assertSkipped(r, "organizations.csv", 1, "organizations.csv: 1 row skipped, not written, as not yours to import "
                    + "(line 2): organisation settings come only from an import by an org admin or the local operator.");
            assertThat(one("SELECT name || ' ' || hourly_rate FROM organizations WHERE id = 'org-1'"))
                    .isEqualTo("Example Peer Network (demo) 380.00");
            // la-1 is not theirs; Jonas (pm-2, la-1) and Ada (an org admin) are not their users
            assertThat(r.files().get("local_associations.csv").skipped()).isEqualTo(1);
            assertThat(r.files().get("users.csv").skipped()).isEqualTo(2);
            assertThat(r.files().get("peer_mentors.csv").skipped()).isEqualTo(1);
            // la-1's: pm-2's 18 activities, pm-1's 19 there, and act-960
            assertThat(r.files().get("activities.csv").skipped()).isEqualTo(38);
            // the preview in the window says the same before anything is written
            ImportReport preview = new BundleImporter(db, SyncFixture.CLOCK).preview(b, actor("user-kim"));
            assertThat(preview.files().get("activities.csv").skipped()).isEqualTo(38);
            assertThat(preview.errors()).isEmpty();
        }

        @Test
        void theirFullSnapshotRemovesOnlyActivitiesOfTheirAssociations() throws Exception {
            Path b = dir.resolve("snap");
            write(b.resolve("manifest.json"), "{\"format_version\": 1, \"organization_id\": \"org-1\", "
                    + "\"full_snapshot\": {\"from\": \"2025-01-01\", \"to\": \"2025-12-31\"}}");
            write(b.resolve("activities.csv"), ACTS + "act-304;org-1;la-2;pm-3;cafe_meeting;2025-01-21T13:00:00+01:00;60;;approved;\n");
            long la2In2025 = Long.parseLong(one("SELECT COUNT(*) FROM activities WHERE local_association_id = 'la-2' "
                    + "AND started_at >= TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+01' "
                    + "AND started_at < TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+01'"));
            String la1 = one("SELECT COUNT(*) FROM activities WHERE local_association_id = 'la-1'");
            ImportReport r = importAs(actor("user-kim"), b);
            assertThat(r.written()).isTrue();
            assertThat(r.removed()).isEqualTo(la2In2025 - 1);
            assertThat(one("SELECT COUNT(*) FROM activities WHERE local_association_id = 'la-1'")).isEqualTo(la1);
        }

        @Test
        void anotherOrganisationsCoordinatorWritesNothingOfOrg1() throws Exception {
            Path b = dir.resolve("per");
            write(b.resolve("local_associations.csv"), "id,organization_id,name\nla-1,org-1,Taken\n");
            write(b.resolve("activities.csv"), ACTS + "act-970;org-1;la-2;pm-3;cafe_meeting;2025-04-01T10:00:00+02:00;40;;approved;\n");
            String before = counts(db);
            ImportReport r = importAs(actor("user-per"), b);
            assertThat(r.written()).isTrue();
            assertSkipped(r, "local_associations.csv", 1, "local_associations.csv: 1 row skipped, not written, as not yours "
                    + "to import (line 2): Per Koordinator may import only rows of organisation org-2");
            assertSkipped(r, "activities.csv", 1, "activities.csv: 1 row skipped");
            assertThat(counts(db)).isEqualTo(before);
        }
    }

    // ------------------------------------------------------------------ org admin

    @Nested
    class OrgAdminAdaOfOrg1 {
        @Test
        void setsRolesAndScopesInTheirOrganisationButNeverGlobalAdminNorAnotherOrganisationsUsers() throws Exception {
            Path b = dir.resolve("ada");
            write(b.resolve("users.csv"), USERS
                    + "user-jonas,org-1,Jonas Prøvesen,jonas@example.com,peer_mentor|coordinator,la-1\n" // written
                    + "user-sofie,org-1,Sofie Demo,sofie@example.com,peer_mentor|global_admin,\n"        // global_admin
                    + "user-olga,org-1,Olga Annen,,peer_mentor,\n"                                        // org-2's user
                    + "user-per,org-2,Per Koordinator,,coordinator|org_admin,la-9\n"                      // org-2
                    + "user-gina,,Gina Global,,global_admin|org_admin,\n");                               // a global admin
            ImportReport r = importAs(actor("user-ada"), b);
            assertThat(r.written()).isTrue();
            assertThat(r.errors()).isEmpty();
            assertThat(r.files().get("users.csv").updated()).isEqualTo(1);
            assertThat(r.files().get("users.csv").skipped()).isEqualTo(4);
            assertThat(r.warnings()).contains(
                    "users.csv: 2 rows skipped, not written, as not yours to import (lines 3, 6): the global_admin role "
                            + "(and the row of a global admin) comes only from an import by the local operator.",
                    "users.csv: 2 rows skipped, not written, as not yours to import (lines 4, 5): Ada Admin may import "
                            + "only rows of organisation org-1.");
            assertThat(roles("user-jonas")).isEqualTo("coordinator|peer_mentor");
            assertThat(scopes("user-jonas")).isEqualTo("la-1");
            assertThat(roles("user-sofie")).isEqualTo("peer_mentor");
            assertThat(one("SELECT organization_id FROM users WHERE id = 'user-olga'")).isEqualTo("org-2");
            assertThat(roles("user-per")).isEqualTo("coordinator");
            assertThat(roles("user-gina")).isEqualTo("global_admin");
        }

        @Test
        void writesTheirOrganisationsSettingsAndRowsOnly() throws Exception {
            Path b = dir.resolve("ada-org");
            write(b.resolve("organizations.csv"), "id,name,hourly_rate\norg-1,Example Peer Network,400\norg-2,Taken,1\n");
            write(b.resolve("activities.csv"), ACTS
                    + "act-980;org-1;la-1;pm-2;cafe_meeting;2025-04-01T10:00:00+02:00;40;;approved;\n"
                    + "act-981;org-2;la-9;pm-9;cafe_meeting;2025-04-01T10:00:00+02:00;40;;approved;\n"
                    + "act-901;org-1;la-1;pm-2;cafe_meeting;2025-04-01T10:00:00+02:00;40;;approved;\n");
            ImportReport r = importAs(actor("user-ada"), b);
            assertThat(r.written()).isTrue();
            assertThat(r.errors()).isEmpty();
            assertThat(one("SELECT name || ' ' || hourly_rate FROM organizations WHERE id = 'org-1'"))
                    .isEqualTo("Example Peer Network 400.00");
            assertThat(one("SELECT name FROM organizations WHERE id = 'org-2'")).isEqualTo("Other Network");
            assertThat(activity("act-980")).isEqualTo("org-1 la-1 pm-2 40");
            assertThat(activity("act-981")).isNull();
            assertThat(activity("act-901")).isEqualTo("org-2 la-9 pm-9 30");
            assertSkipped(r, "organizations.csv", 1, "organizations.csv: 1 row skipped");
            assertSkipped(r, "activities.csv", 2, "activities.csv: 2 rows skipped, not written, as not yours to import "
                    + "(lines 3, 4): Ada Admin may import only rows of organisation org-1");
        }
    }

    // ------------------------------------------------------------------ global admin, local operator, peer mentor

    @Nested
    class GlobalAdminGina {
        @Test
        void writesEveryOrganisationButNeverTheGlobalAdminRole() throws Exception {
            Path b = dir.resolve("gina");
            write(b.resolve("users.csv"), USERS
                    + "user-per,org-2,Per Koordinator,,coordinator|org_admin,la-9\n"   // written
                    + "user-kim,org-1,Kim Koordinator,kim@example.com,coordinator|global_admin,la-2\n" // grant
                    + "user-gina,org-1,Gina Global,,org_admin,\n");                   // take away (their own)
            write(b.resolve("activities.csv"), ACTS + "act-990;org-2;la-9;pm-9;cafe_meeting;2025-04-01T10:00:00+02:00;40;;approved;\n");
            ImportReport r = importAs(actor("user-gina"), b);
            assertThat(r.written()).isTrue();
            assertThat(r.errors()).isEmpty();
            assertThat(roles("user-per")).isEqualTo("coordinator|org_admin");
            assertThat(roles("user-kim")).isEqualTo("coordinator");
            assertThat(roles("user-gina")).isEqualTo("global_admin");
            assertThat(activity("act-990")).isEqualTo("org-2 la-9 pm-9 40");
            assertSkipped(r, "users.csv", 2, "users.csv: 2 rows skipped, not written, as not yours to import (lines 3, 4): "
                    + "the global_admin role");
        }
    }

    @Nested
    class LocalOperator {
        @Test
        void grantsTheGlobalAdminRole() throws Exception {
            Path b = dir.resolve("op");
            write(b.resolve("users.csv"), USERS + "user-per,org-2,Per Koordinator,,coordinator|global_admin,la-9\n");
            ImportReport r = importAll(db, b);
            assertThat(r.written()).isTrue();
            assertThat(r.skipped()).isZero();
            assertThat(roles("user-per")).isEqualTo("coordinator|global_admin");
        }
    }

    @Nested
    class PeerMentor {
        @Test
        void mayNotImportAtAllAndThePreviewSaysSo() throws Exception {
            Actor mira = new Actor("user-mira", "Mira Eksempel", "org-1", Set.of(Role.PEER_MENTOR), "pm-1");
            Path b = dir.resolve("mira");
            write(b.resolve("users.csv"), USERS + "user-mira,org-1,Mira Eksempel,mira@example.com,peer_mentor|org_admin,\n");
            String before = counts(db);
            ImportReport preview = new BundleImporter(db, SyncFixture.CLOCK).preview(b, mira);
            assertThat(preview.hasErrors()).isTrue();
            assertThat(preview.errors().get(0).message()).contains("may not import");
            ImportReport r = importAs(mira, b);
            assertThat(r.refusedByRule()).isTrue();
            assertThat(counts(db)).isEqualTo(before);
            assertThat(roles("user-mira")).isEqualTo("peer_mentor");
        }
    }
}
