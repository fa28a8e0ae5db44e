package org.impactdesk.service.catalog;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.Achievement;
import org.impactdesk.domain.AchievementDraft;
import org.impactdesk.store.Database;

/**
 * A test-scope benchmark tool (not a test): {@code PreviewBenchTool DB ORG} times the editor's
 * preview ("who would earn this") of every platform badge for an admin of {@code ORG}, each with a
 * catalog of its own (so no facts are kept from the badge before), and prints per badge the wall
 * and CPU time and the counts. Run it on a copy of a database (see docs/benchmarks.md).
 */
public final class PreviewBenchTool {
    private PreviewBenchTool() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Actor admin = new Actor("bench-admin", "Bench Admin", args[1], Set.of(Role.ORG_ADMIN), null);
        try (Database db = Database.open(Path.of(args[0]))) {
            AchievementService service = new StoredAchievementService(db.jdbi(), Clock.systemUTC());
            for (Achievement a : service.catalog(admin, args[1]).badges()) {
                if (a.organizationId() != null) {
                    continue;
                }
                AchievementService.Catalog fresh = service.catalog(admin, args[1]);
                long wall = System.nanoTime();
                long cpu = mx.getCurrentThreadCpuTime();
                AchievementService.Preview p = service.preview(admin, AchievementDraft.of(a), fresh);
                System.out.printf("%-22s %-16s wall %6d ms  cpu %6d ms  mentors %d earners %d new %d holding %d%n", a.key(),
                        a.triggerType().code(), (System.nanoTime() - wall) / 1_000_000, (mx.getCurrentThreadCpuTime() - cpu) / 1_000_000,
                        p.mentorsInScope(), p.earners(), p.newAwards(), p.alreadyHolding());
            }
        }
    }
}
