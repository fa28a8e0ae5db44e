package org.impactdesk.service.importing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.domain.ReportYears;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.service.generation.GenerationRefusedException;
import org.impactdesk.service.generation.GenerationReport;
import org.impactdesk.service.generation.GenerationRequest;
import org.impactdesk.service.generation.GenerationService;
import org.impactdesk.store.Database;
import org.impactdesk.store.DatabaseException;
import org.impactdesk.store.SyncStore;
/**
 * The Sync screen's port over the real thing: {@link BundleImporter} for preview and import, the
 * import log for the history, and {@link GenerationService} to bring the summaries of closed
 * periods up to date for the years a sync marked stale; once that has ended, however it ended, what
 * the sync left to do after it ({@link AfterImport#afterRegeneration}: the coordinators' digest).
 */
public final class BundleSyncGateway implements SyncGateway {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BundleSyncGateway.class);
    private final Database database;
    private final BundleImporter importer;
    private final GenerationService generation;
    private final AfterImport afterSync;

    public BundleSyncGateway(Database database, BundleImporter importer, GenerationService generation) {
        this(database, importer, generation, null);
    }

    /** {@code afterSync}: told when the regeneration after an import has ended (null: nothing to tell). */
    public BundleSyncGateway(Database database, BundleImporter importer, GenerationService generation, AfterImport afterSync) {
        this.database = database;
        this.importer = importer;
        this.generation = generation;
        this.afterSync = afterSync;
    }

    @Override
    public Preview preview(Path bundle, Actor actor) {
        ImportReport r = importer.preview(bundle, actor);
        List<FileCount> files = new ArrayList<>();
        r.files().forEach((file, n) -> files.add(new FileCount(file, n.rows(), n.rejected(), n.skipped())));
        return new Preview(bundle, files, r.errors(), r.moreErrors(), r.warningMessages());
    }

    @Override
    public Outcome importBundle(Path bundle, Mode mode, Actor actor, Progress progress) {
        ImportReport r = importer.importBundle(bundle, new ImportOptions(mode == Mode.VALID_ROWS_ONLY), actor, progress);
        return new Outcome(r.written(), r.inserted(), r.updated(), r.unchanged(), r.removed(), r.rejected(), r.skipped(),
                r.rejectFile(), r.errors(), r.warningMessages());
    }

    /**
     * Generates every closed period of the years in stale_summary_inputs (generation reads only
     * the stale mentors and clears their marks). Nothing stale, or no closed period: nothing written.
     */
    @Override
    public Regeneration regenerate(Actor actor, Progress progress) {
        try {
            return regenerateStale(actor, progress);
        } finally {
            // done, stopped, failed or refused: the sync is over, its digest shows what it changed
            if (afterSync != null) {
                try {
                    afterSync.afterRegeneration(actor);
                } catch (RuntimeException e) {
                    LOG.warn("The sync is in; its coordinators' digests stay due for the next sync: {}", e.toString());
                }
            }
        }
    }

    private Regeneration regenerateStale(Actor actor, Progress progress) {
        Set<Integer> years = new TreeSet<>();
        try (Connection c = database.dataSource().getConnection()) {
            for (int y : new SyncStore(c).staleYears()) {
                if (ReportYears.contains(y)) {
                    years.add(y);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read which summaries are stale: " + e.getMessage(), e);
        }
        if (years.isEmpty()) {
            return new Regeneration(0);
        }
        if (!actor.isAdmin()) {
            throw new GenerationRefusedException("The data is in; an administrator brings the summaries up to date "
                    + "(only administrators generate summaries).");
        }
        if (progress != null) {
            progress.step(0, -1, "generatingYears", years.stream().sorted().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "))); // one call, no steps to count: an indeterminate bar
        }
        GenerationReport report;
        try {
            report = generation.generate(new GenerationRequest(years, GenerationRequest.Selection.ALL, null, null, false), actor,
                    progress == null ? null : progress::isCancelled);
        } catch (GenerationRefusedException e) {
            if (e.getMessage() != null && e.getMessage().contains("not closed")) {
                return new Regeneration(0); // only open periods are stale: they are generated once they close
            }
            throw e;
        }
        if (progress != null) {
            progress.step(years.size(), years.size(), "generated", report.created(), report.updated());
        }
        return new Regeneration(report.created() + report.updated(), report.cancelled(), report.organizationsDone(),
                report.organizationsLeft());
    }

    @Override
    public List<HistoryEntry> history(int limit) {
        try (Connection c = database.dataSource().getConnection()) {
            return new SyncStore(c).history(limit).stream()
                    .map(l -> {
                        SyncStore.LogEntry e = l.entry();
                        return new HistoryEntry(e.startedAt(), e.fileName(), e.runBy(), l.runByName(), e.outcome(),
                                e.rowsRead(), e.inserted(), e.updated(), e.unchanged(), e.rejected(), e.removed());
                    })
                    .toList();
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the import log: " + e.getMessage(), e);
        }
    }
}
