package org.impactdesk.service.home;

import java.time.LocalDate;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.service.Services;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.service.generation.GenerationRequest;
import org.impactdesk.store.Database;

/**
 * A migrated H2 holding the worked example (src/test/resources/example) with every 2025 summary
 * generated as of 2026-01-10: the figures of expected/*.json are stored.
 */
public final class ExampleDatabase {
    public static final LocalDate AS_OF = LocalDate.of(2026, 1, 10);
    public static final Actor KIM = new Actor("user-kim", "Kim Koordinator", "org-1", Set.of(Role.COORDINATOR), null);
    public static final Actor ADA = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    public static final Actor SOFIE = new Actor("user-sofie", "Sofie Demo", "org-1", Set.of(Role.PEER_MENTOR), "pm-3");

    private ExampleDatabase() {
    }

    /** Loads the example into a fresh migrated database and generates 2025; returns the database. */
    public static Database fill(Database db) {
        ExampleBundleFixture.load(db);
        generate(db);
        return db;
    }

    public static void generate(Database db) {
        new Services(db).generation.generate(
                new GenerationRequest(Set.of(2025), GenerationRequest.Selection.ALL, null, AS_OF, false),
                Actor.localOperator());
    }
}
