package org.impactdesk.service.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactdesk.service.importing.SyncFixture.count;
import static org.impactdesk.service.importing.SyncFixture.counts;
import static org.impactdesk.service.importing.SyncFixture.importAll;
import static org.impactdesk.service.importing.SyncFixture.importValid;
import static org.impactdesk.service.importing.SyncFixture.write;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.store.Database;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.sync.CsvTable;
import org.impactdesk.sync.LargeBundleGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
/** The importer on real bundle files and a real H2 file database. */
@MigratedH2
class BundleImporterTest {
    static final String ACT_HEADER = "id;organization_id;local_association_id;peer_mentor_id;activity_type;started_at;"
            + "duration_minutes;contact_id;approval_status;travel_km\n";

    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open(Database db) {
        this.db = db;
    }

    Path example() throws Exception {
        return SyncFixture.exampleCopy(dir.resolve("bundle"));
    }

    String q1(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    List<String> ql(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    BigDecimal qd(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(BigDecimal.class).one());
    }

    String activity(String id) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                SELECT id || ' ' || peer_mentor_id || ' ' || activity_type || ' ' || duration_minutes || ' '
                  || COALESCE(contact_id, '-') || ' ' || approval_status || ' ' || COALESCE(CAST(travel_km AS VARCHAR), '-')
                FROM activities WHERE id = :id""").bind("id", id).mapTo(String.class).findOne().orElse(null));
    }

    Instant startedAt(String id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT started_at FROM activities WHERE id = :id").bind("id", id)
                .mapTo(OffsetDateTime.class).one()).toInstant();
    }

    // ------------------------------------------------------------------ dialects

    @Test
    void aFileMadeByExcelInANorwegianLocaleIsRead() throws Exception {
        importAll(db, example());
        // Excel, "CSV (semikolonseparert)" on Windows: semicolons, decimal commas, dd.MM.yyyy HH:mm, Windows-1252 with æøå
        Path excel = dir.resolve("excel");
        write(excel.resolve("users.csv"), "ID;ORGANIZATION_ID;Display_Name;email;roles;local_association_ids\r\n"
                + "user-bjorn;org-1;Bjørn Ærlig Å;bjorn@example.com;peer_mentor;\r\n", CsvTable.WINDOWS_1252);
        write(excel.resolve("peer_mentors.csv"), "id;user_id;organization_id;primary_local_association_id;local_association_ids;"
                + "status;started_on\r\npm-9;user-bjorn;org-1;la-2;la-2;Active;01.03.2025\r\n", CsvTable.WINDOWS_1252);
        write(excel.resolve("activities.csv"), ACT_HEADER.replace("\n", "\r\n")
                + "act-901;org-1;la-2;pm-9;kafémøte;01.03.2025 10:00;45;c-01;approved;12,5\r\n"
                + "act-902;org-1;la-2;pm-9;cafe_meeting;2025-03-02 18:30;30;;pending;0,75\r\n", CsvTable.WINDOWS_1252);
        ImportReport r = importAll(db, excel);
        assertThat(r.errors()).isEmpty();
        assertThat(r.written()).isTrue();
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("users.csv: not valid UTF-8, read as Windows-1252"));
        assertThat(q1("SELECT display_name FROM users WHERE id = 'user-bjorn'")).isEqualTo("Bjørn Ærlig Å");
        assertThat(activity("act-901")).isEqualTo("act-901 pm-9 kafémøte 45 c-01 approved 12.50");
        assertThat(startedAt("act-901")).isEqualTo(Instant.parse("2025-03-01T09:00:00Z")); // 10:00 in Oslo (CET)
        assertThat(activity("act-902")).isEqualTo("act-902 pm-9 cafe_meeting 30 - pending 0.75");
        assertThat(startedAt("act-902")).isEqualTo(Instant.parse("2025-03-02T17:30:00Z"));
        // an unknown activity type is created with its key as name
        assertThat(q1("SELECT name FROM activity_types WHERE id = 'kafémøte'")).isEqualTo("kafémøte");
        assertThat(q1("SELECT started_on FROM peer_mentors WHERE id = 'pm-9'")).isEqualTo("2025-03-01");
    }

    @Test
    void twoDigitYearsAsLibreOfficeWritesThemAreTheYears2000To2099WithOneWarningPerFile() throws Exception {
        importAll(db, example());
        Path b = dir.resolve("yy");
        write(b.resolve("activities.csv"), ACT_HEADER
                + "act-931;org-1;la-2;pm-3;cafe_meeting;26.01.24 13:30;45;;approved;\n"
                + "act-932;org-1;la-2;pm-3;cafe_meeting;1.2.99 09:05;30;;approved;\n");
        write(b.resolve("peer_mentors.csv"), "id,user_id,organization_id,primary_local_association_id,local_association_ids,"
                + "status,started_on\npm-3,user-sofie,org-1,la-2,la-2,active,15.11.23\n");
        ImportReport r = importAll(db, b);
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).containsExactly(
                "peer_mentors.csv: dates with two-digit years (such as 26.01.24) were read as the years 2000-2099.",
                "activities.csv: dates with two-digit years (such as 26.01.24) were read as the years 2000-2099.");
        assertThat(startedAt("act-931")).isEqualTo(Instant.parse("2024-01-26T12:30:00Z"));
        assertThat(startedAt("act-932")).isEqualTo(Instant.parse("2099-02-01T08:05:00Z"));
        assertThat(q1("SELECT started_on FROM peer_mentors WHERE id = 'pm-3'")).isEqualTo("2023-11-15");
        // what could be read more than one way stays refused
        Path amb = dir.resolve("ambiguous");
        write(amb.resolve("activities.csv"), ACT_HEADER
                + "act-933;org-1;la-2;pm-3;cafe_meeting;01/02/24 10:00;45;;approved;\n"
                + "act-934;org-1;la-2;pm-3;cafe_meeting;24-01-26 10:00;45;;approved;\n"
                + "act-935;org-1;la-2;pm-3;cafe_meeting;26.01.4 10:00;45;;approved;\n");
        ImportReport refused = importAll(db, amb);
        assertThat(refused.written()).isFalse();
        assertThat(refused.errors()).extracting(ImportReport::describe).allMatch(d -> d.contains("is not a date and time"))
                .hasSize(3);
    }

    @Test
    void controlAndBidirectionalOverrideCharactersInIdsAndNamesAreRowErrors() throws Exception {
        importAll(db, example());
        Path b = dir.resolve("deceptive");
        write(b.resolve("contacts.csv"), "id,organization_id,display_name\n"
                + "c-70,org-1,Ola \u202Enamdron\n"
                + "c-71,org-1,Kari\u0007 Nordmann\n"
                + "c-7\u20662,org-1,Per\n"
                + "c-73,org-1,\u2069Eva\n"
                + "c-74,org-1,Ærlig Å Øvre (fine)\n");
        ImportReport r = importValid(db, b);
        assertThat(r.errors()).extracting(ImportReport::describe).containsExactly(
                "contacts.csv line 2, display_name: holds the bidirectional override U+202E (at character 5), which can make "
                        + "it read as another text; ids and names may not",
                "contacts.csv line 3, display_name: holds the control character U+0007 (at character 5); ids and names may not",
                "contacts.csv line 4, id: holds the bidirectional override U+2066 (at character 4), which can make it read as "
                        + "another text; ids and names may not",
                "contacts.csv line 5, display_name: holds the bidirectional override U+2069 (at character 1), which can make "
                        + "it read as another text; ids and names may not");
        assertThat(r.files().get("contacts.csv").rejected()).isEqualTo(4);
        assertThat(ql("SELECT id FROM contacts WHERE id LIKE 'c-7%'")).containsExactly("c-74");
    }

    @Test
    void aUtf8FileWithABomAndSemicolonsIsRead() throws Exception {
        importAll(db, example());
        Path b = dir.resolve("bom");
        write(b.resolve("activities.csv"), "\uFEFF" + ACT_HEADER
                + "act-911;org-1;la-1;pm-2;cafe_meeting;2025-06-01T10:00:00+02:00;60;c-07;approved;3,5\n");
        ImportReport r = importAll(db, b);
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(activity("act-911")).isEqualTo("act-911 pm-2 cafe_meeting 60 c-07 approved 3.50");
    }

    @Test
    void headerNamesAreCaseInsensitiveInAnyOrderAndUnknownColumnsWarnOncePerFile() throws Exception {
        importAll(db, example());
        Path b = dir.resolve("order");
        write(b.resolve("activities.csv"), "APPROVAL_STATUS,Duration_Minutes,id,Note,peer_mentor_id,organization_id,"
                + "local_association_id,activity_type,started_at,colour\n"
                + "approved,25,act-920,hello,pm-3,org-1,la-2,phone_support,2025-04-01T09:00:00Z,red\n"
                + "flagged,35,act-921,,pm-3,org-1,la-2,phone_support,2025-04-02T09:00:00Z,blue\n");
        ImportReport r = importAll(db, b);
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).containsExactly("activities.csv: unknown columns ignored: Note, colour.");
        assertThat(activity("act-920")).isEqualTo("act-920 pm-3 phone_support 25 - approved -");
        assertThat(activity("act-921")).isEqualTo("act-921 pm-3 phone_support 35 - flagged -");
    }

    @Test
    void booleansInEveryAcceptedSpelling() throws Exception {
        importAll(db, example());
        Path b = dir.resolve("bools");
        write(b.resolve("event_attendance.csv"), "event_id,user_id,registered,attended\n"
                + "ev-1,user-jonas,YES,true\nev-2,user-jonas,0,Nei\nev-1,user-kim,,1\n");
        ImportReport r = importAll(db, b);
        assertThat(r.errors()).isEmpty();
        List<String> rows = ql("""
                SELECT event_id || ' ' || user_id || ' ' || CASE WHEN registered THEN 'TRUE' ELSE 'FALSE' END || ' '
                    || CASE WHEN attended THEN 'TRUE' ELSE 'FALSE' END FROM event_attendance
                WHERE user_id IN ('user-jonas', 'user-kim') ORDER BY event_id, user_id""");
        assertThat(rows).containsExactly("ev-1 user-jonas TRUE TRUE", "ev-1 user-kim TRUE TRUE", "ev-2 user-jonas FALSE FALSE");
    }

    @Test
    void quotedMultiLineFieldsKeepPhysicalLineNumbersInErrors() throws Exception {
        importAll(db, example());
        Path b = dir.resolve("multiline");
        write(b.resolve("contacts.csv"), "id,organization_id,display_name\n"
                + "c-50,org-1,\"Line one\nline two, with a comma\nand \"\"quotes\"\"\"\n"    // lines 2-4
                + "c-51,org-9,Somebody\n"                                                   // line 5
                + "\"c-52\",org-1,\"Two\r\nlines\"\n"                                         // lines 6-7
                + "c-53,,Nobody\n");                                                        // line 8
        ImportReport r = importAll(db, b);
        assertThat(r.written()).isFalse();
        assertThat(r.errors()).extracting(p -> ImportReport.describe(p)).containsExactly(
                // a line break is a control character, which no name may hold (issue 18 item 6)
                "contacts.csv line 2, display_name: holds the control character U+000A (at character 9); ids and names may not",
                "contacts.csv line 5, organization_id: \"org-9\" is not an organisation in this bundle or in the database",
                "contacts.csv line 6, display_name: holds the control character U+000D (at character 4); ids and names may not",
                "contacts.csv line 8, organization_id: is empty, but it is required");
        // a quoted field keeps its delimiters and quotes intact
        Path ok = dir.resolve("multiline-ok");
        write(ok.resolve("contacts.csv"), "id,organization_id,display_name\n"
                + "c-50,org-1,\"Line one, with a comma and \"\"quotes\"\"\"\n");
        assertThat(importAll(db, ok).errors()).isEmpty();
        assertThat(q1("SELECT display_name FROM contacts WHERE id = 'c-50'")).isEqualTo("Line one, with a comma and \"quotes\"");
    }

    @Test
    void everyBadValueIsReportedWithFileLineColumnAndAReason() throws Exception {
        importAll(db, example());
        Path b = dir.resolve("bad");
        write(b.resolve("activities.csv"), ACT_HEADER
                + "act-930;org-1;la-1;pm-1;cafe_meeting;2025-03-01T10:00:00+01:00;90 min;c-01;approved;\n"   // 2
                + "act-931;org-1;la-1;pm-1;cafe_meeting;2025-03-01T10:00:00+01:00;0;c-01;approved;\n"        // 3
                + "act-932;org-1;la-1;pm-1;cafe_meeting;1. mars;60;c-01;done;-2\n"                           // 4
                + "act-933;org-1;la-1;pm-7;cafe_meeting;2025-03-01;60;c-01;approved;1.5\n"                   // 5
                + "act-934;org-1;la-9;pm-2;cafe_meeting;2025-03-01T10:00;1441;;approved;\n"                 // 6
                + "act-935;org-1;la-1;pm-1;cafe_meeting;1999-03-01T10:00:00+01:00;60;c-01;approved;\n");    // 7
        ImportReport r = importAll(db, b);
        assertThat(r.written()).isFalse();
        assertThat(r.errors()).extracting(ImportReport::describe).containsExactly(
                "activities.csv line 2, duration_minutes: \"90 min\" is not a whole number of minutes",
                "activities.csv line 3, duration_minutes: 0 is outside 1..1440",
                "activities.csv line 4, started_at: \"1. mars\" is not a date and time (use 2025-03-01T10:00:00+01:00, "
                        + "2025-03-01 10:00 or 01.03.2025 10:00)",
                "activities.csv line 4, approval_status: \"done\" is not one of approved, flagged, pending, rejected",
                "activities.csv line 4, travel_km: \"-2\" is negative; it must be 0 or more",
                "activities.csv line 5, peer_mentor_id: \"pm-7\" is not a peer mentor in this bundle or in the database",
                "activities.csv line 5, started_at: \"2025-03-01\" is not a date and time (use 2025-03-01T10:00:00+01:00, "
                        + "2025-03-01 10:00 or 01.03.2025 10:00)",
                "activities.csv line 6, local_association_id: \"la-9\" is not a local association in this bundle or in the database",
                "activities.csv line 6, duration_minutes: 1441 is outside 1..1440",
                "activities.csv line 7, started_at: \"1999-03-01T10:00:00+01:00\": the year must be from 2000 to 2100");
        assertThat(r.files().get("activities.csv").rows()).isEqualTo(6);
        assertThat(r.files().get("activities.csv").rejected()).isEqualTo(6);
    }

    @Test
    void aRequiredColumnMissingIsAFileError() throws Exception {
        importAll(db, example());
        Path b = dir.resolve("nocol");
        write(b.resolve("activities.csv"), "id,organization_id,local_association_id,peer_mentor_id,started_at,approval_status\n"
                + "act-940,org-1,la-1,pm-1,2025-03-01T10:00:00Z,approved\n");
        ImportReport r = importAll(db, b);
        assertThat(r.written()).isFalse();
        assertThat(r.errors()).hasSize(1);
        assertThat(ImportReport.describe(r.errors().get(0))).startsWith(
                "activities.csv line 1: the required columns activity_type, duration_minutes are missing from the header");
    }

    @Test
    void membershipsAreCappedAtFiveAndEnumsAndRolesChecked() throws Exception {
        importAll(db, example());
        Path b = dir.resolve("mentors");
        StringBuilder las = new StringBuilder("id,organization_id,name\n");
        for (int i = 3; i <= 7; i++) {
            las.append("la-").append(i).append(",org-1,Lag ").append(i).append('\n');
        }
        write(b.resolve("local_associations.csv"), las.toString());
        write(b.resolve("users.csv"), "id,organization_id,display_name,email,roles,local_association_ids\n"
                + "user-x,org-1,X,,peer_mentor|chief,\n"
                + "user-y,org-1,Y,,peer_mentor,\n");
        write(b.resolve("peer_mentors.csv"), "id,user_id,organization_id,primary_local_association_id,local_association_ids,status,started_on\n"
                + "pm-y,user-y,org-1,la-1,la-2|la-3|la-4|la-5|la-6,resting,\n");
        ImportReport r = importAll(db, b);
        assertThat(r.errors()).extracting(ImportReport::describe).containsExactly(
                "users.csv line 2, roles: \"chief\" is not a role (peer_mentor, coordinator, org_admin, global_admin)",
                "peer_mentors.csv line 2, status: \"resting\" is not one of active, inactive, paused",
                "peer_mentors.csv line 2, local_association_ids: names 6 local associations (with the primary); a peer "
                        + "mentor can be a member of at most 5");
    }

    // ------------------------------------------------------------------ bundle shapes

    @Test
    void aZipAFolderAndABareActivitiesCsvAreBundles() throws Exception {
        Path folder = example();
        Path zip = SyncFixture.zip(folder, dir.resolve("export.zip"), "export-2026/");
        ImportReport fromZip = importAll(db, zip);
        assertThat(fromZip.errors()).isEmpty();
        assertThat(fromZip.inserted()).isEqualTo(85);
        ImportReport fromFolder = importAll(db, folder);
        assertThat(fromFolder.changedNothing()).isTrue();
        Path bare = dir.resolve("only").resolve("march.csv");
        write(bare, ACT_HEADER + "act-950;org-1;la-1;pm-2;phone_support;2025-03-28T17:00:00+01:00;30;c-08;approved;\n");
        ImportReport fromCsv = importAll(db, bare);
        assertThat(fromCsv.errors()).isEmpty();
        assertThat(fromCsv.files()).containsOnlyKeys("march.csv");
        assertThat(fromCsv.inserted()).isEqualTo(1);
        assertThat(activity("act-950")).isEqualTo("act-950 pm-2 phone_support 30 c-08 approved -");
    }

    @Test
    void aBareActivitiesCsvMayOnlyReferToWhatTheDatabaseHas() throws Exception {
        Path bare = dir.resolve("activities.csv");
        write(bare, ACT_HEADER + "act-960;org-1;la-1;pm-2;phone_support;2025-03-28T17:00:00+01:00;30;c-08;approved;\n");
        ImportReport r = importAll(db, bare);
        assertThat(r.written()).isFalse();
        assertThat(r.errors()).extracting(ImportReport::describe).containsExactly(
                "activities.csv line 2, organization_id: \"org-1\" is not an organisation in this bundle or in the database",
                "activities.csv line 2, local_association_id: \"la-1\" is not a local association in this bundle or in the database",
                "activities.csv line 2, peer_mentor_id: \"pm-2\" is not a peer mentor in this bundle or in the database");
    }

    // ------------------------------------------------------------------ upsert semantics

    @Test
    void importingTheSameBundleTwiceChangesNothingAndSaysSo() throws Exception {
        Path b = example();
        ImportReport first = importAll(db, b);
        String after = counts(db);
        ImportReport second = importAll(db, b);
        assertThat(second.written()).isTrue();
        assertThat(second.changedNothing()).isTrue();
        assertThat(second.unchanged()).isEqualTo(first.inserted());
        second.files().values().forEach(f -> assertThat(f.unchanged()).isEqualTo(f.rows()));
        assertThat(counts(db)).isEqualTo(after);
    }

    @Test
    void aLaterExportChangesARowPendingToApprovedAndMarksItsYearStale() throws Exception {
        Path b = example();
        importAll(db, b);
        db.jdbi().useHandle(h -> h.execute("DELETE FROM stale_summary_inputs"));
        Path acts = b.resolve("activities.csv");
        Files.writeString(acts, Files.readString(acts).replace("act-117;org-1;la-1;pm-1;cafe_meeting;2025-03-07T10:00:00+01:00;45;c-05;pending;",
                "act-117;org-1;la-1;pm-1;cafe_meeting;2025-03-07T10:00:00+01:00;45;c-05;approved;"));
        ImportReport r = importAll(db, b);
        assertThat(r.files().get("activities.csv").updated()).isEqualTo(1);
        assertThat(r.files().get("activities.csv").unchanged()).isEqualTo(54);
        assertThat(r.inserted()).isZero();
        assertThat(activity("act-117")).endsWith("approved -");
        assertThat(ql("SELECT peer_mentor_id || ':' || year FROM stale_summary_inputs")).containsExactly("pm-1:2025");
    }

    @Test
    void everyMentorYearAFirstImportTouchesIsStale() throws Exception {
        importAll(db, example());
        assertThat(ql(
                "SELECT peer_mentor_id || ':' || year FROM stale_summary_inputs ORDER BY 1"))
                // act-109 is 2024-12-31T23:15Z = 2025-01-01 00:15 in Oslo: a 2025 activity
                .containsExactly("pm-1:2024", "pm-1:2025", "pm-2:2024", "pm-2:2025", "pm-3:2024", "pm-3:2025");
    }

    @Test
    void aMovedAssignmentMarksBothYears() throws Exception {
        Path b = example();
        importAll(db, b);
        db.jdbi().useHandle(h -> h.execute("DELETE FROM stale_summary_inputs"));
        write(b.resolve("assignments.csv"), "id,peer_mentor_id,status,completed_at,honorarium_amount\n"
                + "asg-1,pm-1,completed,2024-04-29T14:00:00+02:00,350.00\nasg-2,pm-1,completed,2025-09-15T12:00:00+02:00,350\n");
        ImportReport r = importAll(db, b);
        assertThat(r.files().get("assignments.csv").updated()).isEqualTo(1);
        assertThat(r.files().get("assignments.csv").unchanged()).isEqualTo(1); // 350 = 350.00
        assertThat(ql(
                "SELECT peer_mentor_id || ':' || year FROM stale_summary_inputs ORDER BY 1"))
                .containsExactly("pm-1:2024", "pm-1:2025");
    }

    @Test
    void aFullSnapshotRemovesTheOrganisationsActivitiesInItsRangeThatTheBundleLacks() throws Exception {
        Path b = example();
        importAll(db, b);
        db.jdbi().useHandle(h -> h.execute("DELETE FROM stale_summary_inputs"));
        Path acts = b.resolve("activities.csv");
        String text = Files.readString(acts);
        // act-305 (2025, pm-3) and act-101 (2024, pm-1) leave the export; only 2025 is a full snapshot
        text = text.replaceAll("(?m)^act-305;.*\\n", "").replaceAll("(?m)^act-101;.*\\n", "");
        Files.writeString(acts, text);
        write(b.resolve("manifest.json"), "{\"format_version\": 1, \"exported_at\": \"2026-01-05T08:00:00Z\", "
                + "\"organization_id\": \"org-1\", \"full_snapshot\": {\"from\": \"2025-01-01\", \"to\": \"2025-12-31\"}}");
        ImportReport r = importAll(db, b);
        assertThat(r.errors()).isEmpty();
        assertThat(r.files().get("activities.csv").removed()).isEqualTo(1);
        assertThat(r.removed()).isEqualTo(1);
        assertThat(activity("act-305")).isNull();
        assertThat(activity("act-101")).isNotNull(); // outside the range: kept
        assertThat(r.toMap().get("removed")).isEqualTo(1L);
        assertThat(ql("SELECT peer_mentor_id || ':' || year FROM stale_summary_inputs")).containsExactly("pm-3:2025");
    }

    @Test
    void duplicateIdsInAFileAreErrorsNamingBothLines() throws Exception {
        Path b = example();
        SyncFixture.append(b.resolve("activities.csv"), "act-110;org-1;la-1;pm-1;cafe_meeting;2025-01-15T10:00:00+01:00;60;c-01;approved;\n");
        SyncFixture.append(b.resolve("contacts.csv"), "c-03,org-1,Per Igjen\n");
        ImportReport r = importAll(db, b);
        assertThat(r.written()).isFalse();
        assertThat(r.errors()).extracting(ImportReport::describe).containsExactly(
                "contacts.csv line 4: contact \"c-03\" appears twice in contacts.csv, on lines 4 and 10",
                "contacts.csv line 10: contact \"c-03\" appears twice in contacts.csv, on lines 4 and 10",
                "activities.csv line 11, id: activity \"act-110\" appears 2 times in activities.csv, on lines 11, 57",
                "activities.csv line 57, id: activity \"act-110\" appears 2 times in activities.csv, on lines 11, 57");
    }

    /** Rows without their key are rejected like any bad row (they once failed the whole run); the rest imports. */
    @Test
    void aRowWithoutItsIdIsARowErrorNotAFailure() throws Exception {
        Path b = example();
        SyncFixture.append(b.resolve("contacts.csv"), ",org-1,Nobody\n");
        SyncFixture.append(b.resolve("event_attendance.csv"), "ev-1,,ja,ja\n");

        ImportReport r = importValid(db, b);

        assertThat(r.errors()).extracting(ImportReport::describe).containsExactly(
                "contacts.csv line 10, id: is empty, but it is required",
                "event_attendance.csv line 6, user_id: is empty, but it is required");
        assertThat(r.rejected()).isEqualTo(2);
        assertThat(count(db, "SELECT COUNT(*) FROM contacts")).isEqualTo(8);
        assertThat(Files.readString(r.rejectFile())).contains(",org-1,Nobody").contains("ev-1,,ja,ja");
    }

    @Test
    void aRepeatedActivityIdAloneRefusesTheBundleAndWithSkipInvalidBothRowsAreRejected() throws Exception {
        Path b = example();
        SyncFixture.append(b.resolve("activities.csv"), "act-110;org-1;la-1;pm-1;cafe_meeting;2025-01-15T10:00:00+01:00;60;c-01;approved;\n");
        String before = counts(db);
        ImportReport refused = importAll(db, b);
        assertThat(refused.written()).isFalse();
        assertThat(refused.rejected()).isEqualTo(2);
        assertThat(refused.inserted()).isZero();
        assertThat(counts(db)).isEqualTo(before);
        assertThat(refused.errors()).extracting(ImportReport::describe).containsExactly(
                "activities.csv line 11, id: activity \"act-110\" appears 2 times in activities.csv, on lines 11, 57",
                "activities.csv line 57, id: activity \"act-110\" appears 2 times in activities.csv, on lines 11, 57");
        ImportReport valid = importValid(db, b);
        assertThat(valid.written()).isTrue();
        assertThat(valid.files().get("activities.csv").inserted()).isEqualTo(54);
        assertThat(valid.files().get("activities.csv").rejected()).isEqualTo(2);
        assertThat(activity("act-110")).isNull();
        assertThat(Files.readString(valid.rejectFile())).contains("activities.csv,11,", "activities.csv,57,");
    }

    @Test
    void unknownContactsAreCreatedWithoutAName() throws Exception {
        Path b = example();
        importAll(db, b);
        Path more = dir.resolve("more");
        write(more.resolve("activities.csv"), ACT_HEADER
                + "act-970;org-1;la-1;pm-2;cafe_meeting;2025-05-05T10:00:00+02:00;30;c-new;approved;\n");
        ImportReport r = importAll(db, more);
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).contains("1 contacts that activities name were created without a name.");
        assertThat(q1("SELECT organization_id || ':' || COALESCE(display_name, '(none)') "
                + "FROM contacts WHERE id = 'c-new'")).isEqualTo("org-1:(none)");
    }

    // ------------------------------------------------------------------ all or nothing, skip-invalid

    @Test
    void allOrNothingRefusesTheWholeBundleAndWritesNothingButTheLog() throws Exception {
        Path b = example();
        SyncFixture.append(b.resolve("activities.csv"), "act-980;org-1;la-1;pm-1;cafe_meeting;2025-03-01T10:00;90 min;;approved;\n");
        String before = counts(db);
        ImportReport r = importAll(db, b);
        assertThat(r.written()).isFalse();
        assertThat(r.refusedByRule()).isFalse();
        assertThat(r.inserted()).isZero();
        assertThat(r.updated()).isZero();
        assertThat(r.removed()).isZero();
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(counts(db)).isEqualTo(before);
        assertThat(r.toMap()).containsEntry("inserted", 0L).containsEntry("rejected", 1L);
        assertThat(ql("SELECT outcome || ' ' || rejected || ' ' || rows_read FROM import_log")).containsExactly("refused 1 86");
    }

    @Test
    void skipInvalidWritesTheValidRowsAndSavesTheRejectedOnesUnchangedWithTheirReasons() throws Exception {
        Path b = example();
        SyncFixture.append(b.resolve("activities.csv"), "act-981;org-1;la-1;pm-1;cafe_meeting;2025-03-01T10:00;90 min;;approved;\n"
                + "act-982;org-1;la-1;pm-1;cafe_meeting;2025-03-02T10:00;30;;approved;1,5\n"
                + "act-983;org-1;la-1;pm-404;cafe_meeting;2025-03-03T10:00;30;;approved;\n");
        SyncFixture.append(b.resolve("contacts.csv"), "c-90,org-1,\"Two\nlines\",extra\n");
        ImportReport r = importValid(db, b);
        assertThat(r.written()).isTrue();
        assertThat(r.rejected()).isEqualTo(3);
        assertThat(r.files().get("activities.csv").inserted()).isEqualTo(56);
        assertThat(r.files().get("activities.csv").rejected()).isEqualTo(2);
        assertThat(activity("act-982")).isEqualTo("act-982 pm-1 cafe_meeting 30 - approved 1.50");
        assertThat(activity("act-981")).isNull();
        Path reject = r.rejectFile();
        assertThat(reject).exists();
        assertThat(reject.getParent()).isEqualTo(b.toAbsolutePath().getParent());
        List<CsvRecord> rows;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(Files.readString(reject).substring(1))) {
            rows = csv.stream().toList();
        }
        assertThat(rows.get(0).getFields()).containsExactly("file", "line", "reasons", "row");
        assertThat(rows.get(1).getFields()).containsExactly("contacts.csv", "10",
                "has 4 fields but the header has 3 (an extra , or a quote not closed?); display_name: holds the control "
                        + "character U+000A (at character 4); ids and names may not", "c-90,org-1,\"Two\nlines\",extra");
        assertThat(rows.get(2).getFields()).containsExactly("activities.csv", "57",
                "duration_minutes: \"90 min\" is not a whole number of minutes",
                "act-981;org-1;la-1;pm-1;cafe_meeting;2025-03-01T10:00;90 min;;approved;");
        assertThat(rows.get(3).getFields()).containsExactly("activities.csv", "59",
                "peer_mentor_id: \"pm-404\" is not a peer mentor in this bundle or in the database",
                "act-983;org-1;la-1;pm-404;cafe_meeting;2025-03-03T10:00;30;;approved;");
        assertThat(rows).hasSize(4);
    }

    @Test
    void theRejectFileEscapesCellsASpreadsheetWouldRunAsFormulas() throws Exception {
        Path b = example();
        SyncFixture.append(b.resolve("activities.csv"), "=1+2;org-1;la-1;pm-1;cafe_meeting;2025-03-01T10:00;90 min;;approved;\n"
                + "@act;org-1;la-1;pm-1;cafe_meeting;2025-03-01T10:00;-5;;approved;\n");
        ImportReport r = importValid(db, b);
        assertThat(r.rejected()).isEqualTo(2);
        List<CsvRecord> rows;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(Files.readString(r.rejectFile()).substring(1))) {
            rows = csv.stream().toList();
        }
        assertThat(rows.get(1).getFields()).containsExactly("activities.csv", "57",
                "duration_minutes: \"90 min\" is not a whole number of minutes",
                "'=1+2;org-1;la-1;pm-1;cafe_meeting;2025-03-01T10:00;90 min;;approved;");
        assertThat(rows.get(2).getField(3)).isEqualTo("'@act;org-1;la-1;pm-1;cafe_meeting;2025-03-01T10:00;-5;;approved;");
        assertThat(rows).allSatisfy(row -> assertThat(row.getFields()).noneMatch(f -> !f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0));
    }

    @Test
    void everyImportIsLoggedWithFileNameShaCountsTimesAndWho() throws Exception {
        Path b = example();
        importAll(db, b);
        Actor ada = new org.impactdesk.store.ActorDao(db.jdbi()).find("user-ada").orElseThrow();
        new BundleImporter(db, SyncFixture.CLOCK).importBundle(b, ImportOptions.allOrNothing(), ada, null);
        List<String> log = ql("""
                SELECT file_name || '|' || LENGTH(sha256) || '|' || COALESCE(run_by, '-') || '|' || outcome || '|' || rows_read
                  || '|' || inserted || '|' || updated || '|' || unchanged || '|' || rejected || '|' || removed || '|'
                  || CAST(started_at AS VARCHAR) || '|' || CAST(finished_at AS VARCHAR)
                FROM import_log ORDER BY id""");
        String path = b.toAbsolutePath().toString();
        assertThat(log).containsExactly(
                path + "|64|-|imported|85|85|0|0|0|0|2026-01-10 09:00:00+00|2026-01-10 09:00:00+00",
                path + "|64|user-ada|imported|85|0|0|85|0|0|2026-01-10 09:00:00+00|2026-01-10 09:00:00+00");
        String json = q1("SELECT report_json FROM import_log ORDER BY id LIMIT 1");
        assertThat(json).startsWith("{\"inserted\":85,\"updated\":0,\"unchanged\":0,\"removed\":0,\"rejected\":0,\"skipped\":0,"
                + "\"files\":");
    }

    // ------------------------------------------------------------------ access rules

    @Test
    void aCoordinatorsImportSkipsAnotherOrganisationsRowsAndWritesNoneOfThem() throws Exception {
        Path b = example();
        importAll(db, b);
        write(dir.resolve("org2/organizations.csv"), "id,name\norg-2,Other Network\n");
        write(dir.resolve("org2/local_associations.csv"), "id,organization_id,name\nla-20,org-2,Vest\n");
        Actor kim = new org.impactdesk.store.ActorDao(db.jdbi()).find("user-kim").orElseThrow();
        String before = counts(db);
        ImportReport r = new BundleImporter(db, SyncFixture.CLOCK).importBundle(dir.resolve("org2"),
                ImportOptions.allOrNothing(), kim, null);
        assertThat(r.refusedByRule()).isFalse();
        assertThat(r.errors()).isEmpty();
        assertThat(r.rejected()).isZero();
        assertThat(r.skipped()).isEqualTo(2);
        assertThat(r.changedNothing()).isTrue();
        assertThat(r.warnings()).containsExactly(
                "organizations.csv: 1 row skipped, not written, as not yours to import (line 2): Kim Koordinator may "
                        + "import only rows of organisation org-1.",
                "local_associations.csv: 1 row skipped, not written, as not yours to import (line 2): Kim Koordinator may "
                        + "import only rows of organisation org-1.");
        assertThat(counts(db)).isEqualTo(before);
    }

    @Test
    void aManifestThatIsNotJsonSaysLineColumnAndWhyInTheReadersLanguage() throws Exception {
        Path b = example();
        write(b.resolve("manifest.json"), "{\"format_version\": 1,\n \"organization_id\": org-1}");
        ImportReport r = importAll(db, b);
        assertThat(r.errors()).extracting(ImportReport::describe).containsExactly(
                "manifest.json: is not valid JSON at line 2, column 21: the word “org-1” is not a value: put text in "
                        + "double quotes (only true, false and null go without)");
        assertThat(r.errors().get(0).reason().in(java.util.ResourceBundle.getBundle("i18n.messages",
                java.util.Locale.forLanguageTag("nb-NO")))).isEqualTo("er ikke gyldig JSON på linje 2, kolonne 21: "
                + "ordet «org-1» er ingen verdi: skriv tekst i doble anførselstegn (bare true, false og null står uten)");
    }

    @Test
    void aCoordinatorsFullSnapshotOfAnotherOrganisationIsRefused() throws Exception {
        Path b = example();
        importAll(db, b);
        Path snap = dir.resolve("snap");
        write(snap.resolve("manifest.json"), "{\"format_version\": 1, \"organization_id\": \"org-2\", "
                + "\"full_snapshot\": {\"from\": \"2025-01-01\", \"to\": \"2025-12-31\"}}");
        write(snap.resolve("activities.csv"), ACT_HEADER);
        Actor kim = new org.impactdesk.store.ActorDao(db.jdbi()).find("user-kim").orElseThrow();
        ImportReport r = new BundleImporter(db, SyncFixture.CLOCK).importBundle(snap, ImportOptions.allOrNothing(), kim, null);
        assertThat(r.refusedByRule()).isTrue();
        assertThat(r.errors()).extracting(ImportReport::describe).containsExactly(
                "manifest.json, full_snapshot: is for organisation org-2: Kim Koordinator may import only organisation org-1");
    }

    @Test
    void aPeerMentorMayNotImportAtAll() throws Exception {
        Path b = example();
        importAll(db, b);
        Actor mira = new Actor("user-mira", "Mira Eksempel", "org-1", Set.of(Role.PEER_MENTOR), "pm-1");
        ImportReport r = new BundleImporter(db, SyncFixture.CLOCK).importBundle(b, ImportOptions.allOrNothing(), mira, null);
        assertThat(r.refusedByRule()).isTrue();
        assertThat(r.errors().get(0).message()).contains("may not import");
    }

    // ------------------------------------------------------------------ preview, cancel, bulk load

    @Test
    void previewValidatesEverythingAndWritesNothing() throws Exception {
        Path b = example();
        SyncFixture.append(b.resolve("activities.csv"), "act-990;org-1;la-1;pm-1;cafe_meeting;2025-03-01T10:00;45;;maybe;\n");
        String before = counts(db);
        ImportReport p = new BundleImporter(db, SyncFixture.CLOCK).preview(b);
        assertThat(p.written()).isFalse();
        assertThat(p.files().get("activities.csv").rows()).isEqualTo(56);
        assertThat(p.errors()).extracting(ImportReport::describe).containsExactly(
                "activities.csv line 57, approval_status: \"maybe\" is not one of approved, flagged, pending, rejected");
        assertThat(counts(db)).isEqualTo(before);
        assertThat(count(db, "SELECT COUNT(*) FROM import_log")).isZero();
    }

    @Test
    void aCancelRollsBackAndThrows() throws Exception {
        Path b = dir.resolve("big");
        LargeBundleGenerator.write(b, 30_000, 50, 7);
        String before = counts(db);
        SyncGateway.Progress cancelWhileWriting = new SyncGateway.Progress() {
            boolean writing;

            @Override
            public void update(long done, long total, String message) {
                writing |= message.startsWith("Writing");
            }

            @Override
            public boolean isCancelled() {
                return writing;
            }
        };
        BundleImporter importer = new BundleImporter(db, SyncFixture.CLOCK);
        assertThatThrownBy(() -> importer.importBundle(b, ImportOptions.allOrNothing(), Actor.localOperator(), cancelWhileWriting))
                .isInstanceOf(CancellationException.class);
        assertThat(counts(db)).isEqualTo(before);
        assertThat(ql("SELECT outcome FROM import_log"))
                .containsExactly("failed");
        // keys of the bulk load are back and the next import works
        ImportReport r = importer.importBundle(b, ImportOptions.allOrNothing(), Actor.localOperator(), null);
        assertThat(r.files().get("activities.csv").inserted()).isEqualTo(30_000);
        boolean keys = db.jdbi().withHandle(h -> org.impactdesk.store.ActivityKeys.present(h.getConnection()));
        assertThat(keys).isTrue();
    }

    @Test
    void manySortRunsAndTheBulkPathGiveTheSameRowsAsTheSimplePath(FreshDatabases fresh) throws Exception {
        Path b = dir.resolve("gen");
        LargeBundleGenerator.write(b, 5_000, 30, 11);
        BundleImporter bulk = new BundleImporter(db, SyncFixture.CLOCK);
        bulk.setChunkSize(700);
        bulk.setBulkThreshold(1);
        ImportReport r = bulk.importBundle(b, ImportOptions.allOrNothing(), Actor.localOperator(), null);
        assertThat(r.files().get("activities.csv").inserted()).isEqualTo(5_000);
        String digest = "SELECT SUM(duration_minutes) || ':' || SUM(COALESCE(travel_km, 0)) || ':' || COUNT(DISTINCT id) FROM activities";
        String bulkDigest = q1(digest);
        try (Database other = fresh.open("db2")) {
            BundleImporter simple = new BundleImporter(other, SyncFixture.CLOCK);
            simple.setBulkThreshold(Long.MAX_VALUE);
            simple.importBundle(b, ImportOptions.allOrNothing(), Actor.localOperator(), null);
            String simpleDigest = other.jdbi().withHandle(h -> h.createQuery(digest).mapTo(String.class).one());
            assertThat(simpleDigest).isEqualTo(bulkDigest);
            // change some rows: a re-import through the merge join counts them exactly
            Path acts = b.resolve("activities.csv");
            List<String> lines = Files.readAllLines(acts, StandardCharsets.UTF_8);
            int changed = 0;
            for (int i = 1; i < lines.size(); i += 250) {
                lines.set(i, lines.get(i).replace(",approved,", ",flagged,").replace(",pending,", ",approved,")
                        .replace(",rejected,", ",approved,"));
                changed++;
            }
            lines.add("aaaa-new-1,org-big,la-1,pm-1,home_visit,2024-02-02T10:00:00+01:00,30,,approved,,");
            Files.write(acts, lines, StandardCharsets.UTF_8);
            ImportReport again = simple.importBundle(b, ImportOptions.allOrNothing(), Actor.localOperator(), null);
            assertThat(again.files().get("activities.csv").updated()).isEqualTo(changed);
            assertThat(again.files().get("activities.csv").inserted()).isEqualTo(1);
            assertThat(again.files().get("activities.csv").unchanged()).isEqualTo(5_000 - changed);
        }
    }

    @Test
    void decimalsKeepTheirExactValue() throws Exception {
        importAll(db, example());
        assertThat(qd("SELECT travel_km FROM activities WHERE id = 'act-213'")).isEqualByComparingTo("8.75");
        assertThat(qd("SELECT hourly_rate FROM organizations WHERE id = 'org-1'")).isEqualByComparingTo("380.00");
        assertThat(ql("SELECT module FROM organization_modules"))
                .containsExactly("achievements-gamification");
    }
}
