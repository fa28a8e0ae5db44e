package org.impactdesk.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads of the import log and of the stale marks a sync leaves for generation. */
public final class ImportLogDao {

    public record Entry(Instant startedAt, String fileName, String runBy, String outcome, long rowsRead, long inserted,
                        long updated, long unchanged, long rejected, long removed) {
    }

    private final Jdbi jdbi;

    public ImportLogDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Newest first; {@code runBy} is the user's display name (or id), null for the local operator. */
    public List<Entry> history(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT l.started_at, l.file_name, COALESCE(u.display_name, l.run_by) AS run_by, l.outcome, l.rows_read,
                       l.inserted, l.updated, l.unchanged, l.rejected, l.removed
                FROM import_log l LEFT JOIN users u ON u.id = l.run_by
                ORDER BY l.started_at DESC, l.id DESC LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new Entry(rs.getObject("started_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("file_name"), rs.getString("run_by"), rs.getString("outcome"), rs.getLong("rows_read"),
                        rs.getLong("inserted"), rs.getLong("updated"), rs.getLong("unchanged"), rs.getLong("rejected"),
                        rs.getLong("removed")))
                .list());
    }

    /** The years a sync marked stale (their summaries need regenerating), ascending. */
    public List<Integer> staleYears(String organizationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT DISTINCT s.year FROM stale_summary_inputs s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                WHERE CAST(:org AS VARCHAR) IS NULL OR pm.organization_id = :org ORDER BY s.year""")
                .bind("org", organizationId).mapTo(Integer.class).list());
    }
}
