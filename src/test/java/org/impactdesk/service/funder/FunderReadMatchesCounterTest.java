package org.impactdesk.service.funder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.FunderActivity;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderReport;
import org.impactdesk.domain.FunderReportData;
import org.impactdesk.domain.FunderRules;
import org.impactdesk.funder.FunderCounter;
import org.impactdesk.store.Database;
import org.impactdesk.store.FunderDao;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.OrganizationDao;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report the service makes from the database (one pass over the table, FunderDao) is the
 * report the pure counter makes from the same rows in memory: generated organisations with rows
 * across the year's Oslo boundaries, every category, sessions by event and by start, peer
 * mentors who started during the year, another organisation's rows, and a row of this
 * organisation by another organisation's peer mentor (left out by both).
 */
@MigratedH2
class FunderReadMatchesCounterTest {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    static final String[] TYPES = {"home_visit", "support_group", "course", "phone_support", "board_meeting", "knitting_club"};
    static final FunderRules RULES = FunderRules.withDefaults(Map.of(
            "home_visit", FunderCategory.INDIVIDUAL, "support_group", FunderCategory.GROUP,
            "course", FunderCategory.COURSE, "phone_support", FunderCategory.CONTACT_SERVICE,
            "board_meeting", FunderCategory.NOT_COUNTED));

    record Mentor(String id, String organization, String association, LocalDate startedOn) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void theStoredReportIsThePureCountersOnTheSameRows(long seed, Database db) {
        Random random = new Random(seed);
        List<Mentor> mentors = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            LocalDate start = switch (random.nextInt(4)) {
                case 0 -> LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28));
                case 1 -> LocalDate.of(2023, 5, 1);
                default -> null;
            };
            mentors.add(new Mentor("pm-" + i, "org-1", "la-" + (1 + i % 3), start));
        }
        mentors.add(new Mentor("pm-other", "org-2", "la-9", null));
        List<FunderActivity> rows = new ArrayList<>();
        List<String> organizationOf = new ArrayList<>();
        int n = 600 + random.nextInt(900);
        for (int i = 0; i < n; i++) {
            Mentor m = mentors.get(random.nextInt(mentors.size()));
            // local times from 30 Dec 2024 to 2 Jan 2026, on the half hour so that rows share a start
            LocalDateTime local = LocalDateTime.of(2024, 12, 30, 0, 0).plusMinutes(30L * random.nextInt(369 * 48));
            String event = random.nextInt(3) == 0 ? "ev-" + random.nextInt(25) : null;
            String contact = random.nextInt(8) == 0 ? null : "c-" + random.nextInt(12);
            String status = random.nextInt(10) == 0 ? (random.nextBoolean() ? "pending" : "rejected") : "approved";
            rows.add(new FunderActivity(String.format("act-%05d", random.nextInt(100_000)) + "-" + i, m.association(), m.id(),
                    TYPES[random.nextInt(TYPES.length)], local.atZone(OSLO).toInstant(), 1 + random.nextInt(150), contact,
                    status, event, m.startedOn()));
            // most rows are the organisation's; a few another's, one of this organisation by another's mentor
            organizationOf.add(m.organization().equals("org-2") && random.nextInt(4) > 0 ? "org-2" : "org-1");
        }
        fill(db, mentors, rows, organizationOf);

        List<FunderActivity> expectedRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (organizationOf.get(i).equals("org-1") && !rows.get(i).peerMentorId().equals("pm-other")) {
                expectedRows.add(rows.get(i));
            }
        }
        StoredFunderReportService service = new StoredFunderReportService(new OrganizationDao(db.jdbi()),
                new FunderDao(db.jdbi()), IN_2026);

        FunderReportData admin = service.report(FunderFixtures.ADMIN, "org-1", 2025);
        assertThat(admin.report().rules()).isEqualTo(RULES);
        FunderReport expected = FunderCounter.count("org-1", 2025, true, OSLO, RULES, expectedRows);
        assertThat(admin.report()).isEqualTo(expected);
        assertThat(admin.report().outcomes()).isNotEmpty();

        Actor coordinator = new Actor("u-coord", "Kim Coordinator", "org-1", Set.of(Role.COORDINATOR), null);
        FunderReport scoped = service.report(coordinator, "org-1", 2025).report();
        assertThat(scoped).isEqualTo(FunderCounter.count("org-1", 2025, true, OSLO, RULES, expectedRows, "la-2"::equals));

        // and the open year, from the same table
        assertThat(service.report(FunderFixtures.ADMIN, "org-1", 2026).report())
                .isEqualTo(FunderCounter.count("org-1", 2026, false, OSLO, RULES, expectedRows));
    }

    private static void fill(Database db, List<Mentor> mentors, List<FunderActivity> rows, List<String> organizationOf) {
        db.jdbi().useTransaction(h -> {
            h.execute("INSERT INTO organizations (id, name, time_zone) VALUES ('org-1', 'Likeperson Nord', 'Europe/Oslo')");
            h.execute("INSERT INTO organizations (id, name, time_zone) VALUES ('org-2', 'Other Org', 'Europe/Oslo')");
            Map<String, String> associations = new LinkedHashMap<>();
            associations.put("la-1", "org-1");
            associations.put("la-2", "org-1");
            associations.put("la-3", "org-1");
            associations.put("la-9", "org-2");
            associations.forEach((id, org) -> h.execute(
                    "INSERT INTO local_associations (id, organization_id, name) VALUES (?, ?, ?)", id, org, "Lag " + id));
            h.execute("INSERT INTO users (id, organization_id, display_name) VALUES ('u-admin', 'org-1', 'Ada Admin')");
            h.execute("INSERT INTO user_roles (user_id, role) VALUES ('u-admin', 'org_admin')");
            h.execute("INSERT INTO users (id, organization_id, display_name) VALUES ('u-coord', 'org-1', 'Kim Coordinator')");
            h.execute("INSERT INTO user_roles (user_id, role) VALUES ('u-coord', 'coordinator')");
            h.execute("INSERT INTO coordinator_scopes (user_id, local_association_id) VALUES ('u-coord', 'la-2')");
            for (Mentor m : mentors) {
                h.execute("INSERT INTO users (id, organization_id, display_name) VALUES (?, ?, ?)", "u-" + m.id(), m.organization(),
                        "Mentor " + m.id());
                h.execute("INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status, started_on) "
                        + "VALUES (?, ?, ?, ?, 'active', ?)", m.id(), "u-" + m.id(), m.organization(), m.association(), m.startedOn());
            }
            for (String t : TYPES) {
                h.execute("INSERT INTO activity_types (id, name, name_nb) VALUES (?, ?, ?)", t, t, t);
            }
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO activities (id, organization_id, local_association_id, peer_mentor_id, activity_type,
                        started_at, duration_minutes, contact_id, approval_status, event_id)
                    VALUES (:id, :org, :la, :pm, :type, :at, :minutes, :contact, :status, :event)""");
            for (int i = 0; i < rows.size(); i++) {
                FunderActivity a = rows.get(i);
                batch.bind("id", a.id()).bind("org", organizationOf.get(i)).bind("la", a.localAssociationId())
                        .bind("pm", a.peerMentorId()).bind("type", a.activityType())
                        .bind("at", a.startedAt().atOffset(ZoneOffset.UTC)).bind("minutes", a.durationMinutes())
                        .bind("contact", a.contactId()).bind("status", a.approvalStatus()).bind("event", a.eventId()).add();
            }
            batch.execute();
        });
    }
}
