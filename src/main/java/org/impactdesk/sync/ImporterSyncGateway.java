package org.impactdesk.sync;

import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import org.impactdesk.access.Actor;
import org.impactdesk.store.ImportLogDao;
import org.impactdesk.summary.GenerationRefusedException;
import org.impactdesk.summary.GenerationReport;
import org.impactdesk.summary.GenerationRequest;
import org.impactdesk.summary.GenerationService;

/**
 * The Sync screen's {@link SyncGateway} over the {@link BundleImporter} and the
 * {@link GenerationService}: preview and import as the importer does them, regeneration of the
 * years the import marked stale (closed periods only, as generation always does).
 *
 * <p>Generation is an administrator's job; when a coordinator syncs, the summaries the import made
 * stale are still brought up to date, as the local operator, limited to the coordinator's own
 * organisation (only derived figures are written; what each user sees stays scoped).
 */
public final class ImporterSyncGateway implements SyncGateway {
    private final BundleImporter importer;
    private final GenerationService generation;
    private final ImportLogDao log;
    private final ZoneId zone;

    public ImporterSyncGateway(BundleImporter importer, GenerationService generation, ImportLogDao log, ZoneId zone) {
        this.importer = importer;
        this.generation = generation;
        this.log = log;
        this.zone = zone;
    }

    @Override
    public Preview preview(Path bundle) {
        ImportReport r = importer.preview(bundle);
        return new Preview(bundle, counts(r), r.errors(), r.moreErrors(), r.warnings());
    }

    private static List<FileCount> counts(ImportReport r) {
        List<FileCount> out = new ArrayList<>();
        for (Map.Entry<String, ImportReport.FileCounts> e : r.files().entrySet()) {
            out.add(new FileCount(e.getKey(), e.getValue().rows(), e.getValue().rejected()));
        }
        return out;
    }

    @Override
    public Outcome importBundle(Path bundle, Mode mode, Actor actor, Progress progress) {
        ImportReport r = importer.importBundle(bundle, mode == Mode.VALID_ROWS_ONLY
                ? ImportOptions.skippingInvalid() : ImportOptions.allOrNothing(), actor, progress);
        return new Outcome(r.written(), r.inserted(), r.updated(), r.unchanged(), r.removed(), r.rejected(),
                r.rejectFile(), r.errors());
    }

    @Override
    public Regeneration regenerate(Actor actor, Progress progress) {
        String org = actor.isGlobalAdmin() ? null : actor.organizationId();
        Set<Integer> years = new TreeSet<>(log.staleYears(org));
        if (years.isEmpty()) {
            return new Regeneration(0);
        }
        if (progress.isCancelled()) {
            throw new CancellationException("Regeneration cancelled.");
        }
        progress.update(0, 1, "summaries " + years);
        Actor runAs = actor.isAdmin() ? actor : Actor.localOperator();
        int current = Year.now(zone).getValue();
        years.removeIf(y -> y > current);
        if (years.isEmpty()) {
            return new Regeneration(0);
        }
        try {
            GenerationReport report = generation.generate(
                    new GenerationRequest(years, GenerationRequest.Selection.ALL, org, null, false), runAs);
            progress.update(1, 1, "summaries " + years);
            return new Regeneration(report.created() + report.updated());
        } catch (GenerationRefusedException e) {
            // only open periods were touched: nothing to generate yet
            return new Regeneration(0);
        }
    }

    @Override
    public List<HistoryEntry> history(int limit) {
        return log.history(limit).stream().map(e -> new HistoryEntry(e.startedAt(), e.fileName(), e.runBy(), e.outcome(),
                e.rowsRead(), e.inserted(), e.updated(), e.unchanged(), e.rejected(), e.removed())).toList();
    }
}
