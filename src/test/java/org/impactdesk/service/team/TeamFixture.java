package org.impactdesk.service.team;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.service.generation.GenerationRequest;
import org.impactdesk.service.generation.GenerationService;
import org.impactdesk.service.generation.LogNotificationSender;
import org.impactdesk.store.Database;

/**
 * The worked example (org-1: Mira pm-1 in la-1|la-2, Jonas pm-2 in la-1, Sofie pm-3 in la-2;
 * coordinator Kim of la-2; org admin Ada) plus a second organisation org-2 (Olga pm-9 in la-9,
 * coordinator Per whose scope wrongly also lists org-1's la-2), generated for 2024 and 2025 as of
 * 2026-01-10 by the real {@link GenerationService}.
 */
public final class TeamFixture {
    public static final LocalDate AS_OF = LocalDate.of(2026, 1, 10);
    /** A clock in the fixture's "now": 10 January 2026, so the last closed quarter is 2025 Q4. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T12:00:00Z"), ZoneOffset.UTC);

    public static final Actor KIM = new Actor("user-kim", "Kim Koordinator", "org-1", Set.of(Role.COORDINATOR), null);
    public static final Actor ADA = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    public static final Actor MIRA = new Actor("user-mira", "Mira Eksempel", "org-1", Set.of(Role.PEER_MENTOR), "pm-1");
    public static final Actor PER = new Actor("user-per", "Per Annen", "org-2", Set.of(Role.COORDINATOR), null);

    private TeamFixture() {
    }

    public static void write(Database db) {
        ExampleBundleFixture.load(db);
        db.jdbi().useTransaction(h -> {
            h.execute("INSERT INTO organizations (id, name, time_zone) VALUES ('org-2', 'Other Network', 'Europe/Oslo')");
            h.execute("INSERT INTO local_associations (id, organization_id, name) VALUES ('la-9', 'org-2', 'Vestby')");
            h.execute("""
                    INSERT INTO users (id, organization_id, display_name) VALUES
                    ('user-olga', 'org-2', 'Olga Annen'), ('user-per', 'org-2', 'Per Annen')""");
            h.execute("INSERT INTO user_roles (user_id, role) VALUES ('user-olga', 'peer_mentor'), ('user-per', 'coordinator')");
            h.execute("INSERT INTO coordinator_scopes (user_id, local_association_id) VALUES ('user-per', 'la-9'), ('user-per', 'la-2')");
            h.execute("""
                    INSERT INTO peer_mentors (id, user_id, organization_id, primary_local_association_id, status, started_on)
                    VALUES ('pm-9', 'user-olga', 'org-2', 'la-9', 'active', DATE '2024-08-01')""");
            h.execute("INSERT INTO peer_mentor_associations VALUES ('pm-9', 'la-9')");
            for (int i = 1; i <= 5; i++) {
                h.execute("""
                        INSERT INTO activities (id, organization_id, local_association_id, peer_mentor_id, activity_type,
                            started_at, duration_minutes, approval_status)
                        VALUES (?, 'org-2', 'la-9', 'pm-9', 'cafe_meeting', ?, 60, 'approved')""",
                        "olga-" + i, java.time.OffsetDateTime.parse("2025-02-0" + i + "T10:00:00+01:00"));
            }
        });
        GenerationService generation = new GenerationService(db, new LogNotificationSender(), List.of(), CLOCK,
                Locale.ENGLISH);
        generation.generate(new GenerationRequest(Set.of(2024, 2025), GenerationRequest.Selection.ALL, null, AS_OF, false),
                Actor.localOperator());
    }
}
