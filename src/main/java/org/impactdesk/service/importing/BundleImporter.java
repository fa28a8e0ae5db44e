package org.impactdesk.service.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ImportMessage;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.domain.Json;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.store.Database;
import org.impactdesk.store.OrganizationLocks;
import org.impactdesk.store.DatabaseException;
import org.impactdesk.store.SyncStore;
import org.impactdesk.sync.ActivityRuns;
import org.impactdesk.sync.BundleCheck;
import org.impactdesk.sync.BundleReader;
import org.impactdesk.sync.BundleSource;
import org.impactdesk.sync.BundleTable;
import org.impactdesk.sync.Problems;
import org.impactdesk.sync.RejectFile;
/**
 * Syncs an export bundle (EXPORT_FORMAT.md) into the database: the orchestration, on one
 * connection and transaction.
 *
 * <p>First pass (also the whole of {@link #preview}): {@link BundleReader} reads every file once
 * in dependency order and {@link DirectoryRows} and {@link ActivityRows} check every row (values,
 * references to ids in the bundle or the database, duplicates, the importer's rights in
 * {@link ImportRights}), all on one {@link BundleCheck}; small files keep their valid rows,
 * activities go to sorted runs ({@link ActivityRuns}). Then, unless refused, {@link BundleWriter}
 * writes (the small tables by comparison with their current rows, the activities merged in id
 * order with the stored ones, the stale marks), this class saves the reject file and the import
 * log, commits, and runs {@code CHECKPOINT SYNC}.
 */
public final class BundleImporter {
    private static final SyncGateway.Progress NO_PROGRESS = new SyncGateway.Progress() {
        @Override
        public void update(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BundleImporter.class);

    private final Database database;
    private final Clock clock;
    private final AfterImport afterImport;
    private int chunkSize = ActivityRuns.DEFAULT_CHUNK;
    /** From this many activities into an empty table, load without the table's keys and index them after. */
    private long bulkThreshold = 20_000;

    public BundleImporter(Database database, Clock clock) {
        this(database, clock, null);
    }

    /** {@code afterImport}: joins each import's transaction and runs its part after the commit (null: none). */
    public BundleImporter(Database database, Clock clock, AfterImport afterImport) {
        this.database = database;
        this.clock = clock;
        this.afterImport = afterImport;
    }

    /** For tests: a small sort chunk makes small bundles use several runs. */
    void setChunkSize(int rows) {
        this.chunkSize = rows;
    }

    /** For tests: the size from which an empty table is bulk loaded. */
    void setBulkThreshold(long rows) {
        this.bulkThreshold = rows;
    }

    /** Validates the whole bundle as the local operator's import would, and writes nothing. */
    public ImportReport preview(Path bundle) {
        return preview(bundle, Actor.localOperator());
    }

    /** Validates the whole bundle as {@code actor}'s import would (their rights included), and writes nothing. */
    public ImportReport preview(Path bundle, Actor actor) {
        return run(bundle, ImportOptions.allOrNothing(), actor == null ? Actor.localOperator() : actor, NO_PROGRESS, false);
    }

    /** Validates and imports in one transaction (see the class comment). */
    public ImportReport importBundle(Path bundle, ImportOptions options, Actor actor, SyncGateway.Progress progress) {
        return run(bundle, options == null ? ImportOptions.allOrNothing() : options,
                actor == null ? Actor.localOperator() : actor, progress == null ? NO_PROGRESS : progress, true);
    }

    private synchronized ImportReport run(Path bundle, ImportOptions options, Actor actor, SyncGateway.Progress progress,
                                          boolean write) {
        BundleSource opened;
        try {
            opened = BundleSource.open(bundle);
        } catch (BundleSource.NotABundle e) {
            if (e.missing) {
                throw e;
            }
            return unreadable(bundle, e.reason, actor, write);
        }
        try (Database.Work work = database.beginWork(); // a stop waits for this import to roll back
             BundleSource source = opened;
             Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            if (write) {
                // a team database: one import or generation per organisation at a time (the merge reads what
                // is stored, so the lock comes first); the actor's organisation, or for the operator or a global
                // admin (who may bring new organisations) every one stored and the lock of new ones. Nothing on
                // H2, whose file has one writer.
                OrganizationLocks.lock(c, actor == null || actor.organizationId() == null
                        ? OrganizationLocks.allOrganizationsAndNew(c) : java.util.List.of(actor.organizationId()),
                        holder -> progress.step(0, -1, "waitingForLock", holder));
            }
            Run run = new Run(source, options, actor, progress, write, c);
            try {
                return run.execute();
            } catch (RuntimeException | SQLException | IOException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is going anyway
                }
                if (write) {
                    run.logFailure(e);
                }
                throw e;
            } finally {
                run.close();
            }
        } catch (SQLException e) {
            throw new DatabaseException("The import failed and nothing was written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundle " + bundle + ": " + e.getMessage(), e);
        }
    }

    /**
     * A bundle that cannot be opened at all (an empty, truncated or damaged .zip): refused with
     * one file error saying why, and (for an import) logged as refused.
     */
    private ImportReport unreadable(Path bundle, ImportMessage reason, Actor actor, boolean write) {
        Instant at = clock.instant();
        Problems problems = new Problems(false);
        String name = bundle.getFileName() == null ? bundle.toString() : bundle.getFileName().toString();
        problems.fileError(name, null, reason);
        String sha = BundleSource.sha256OfFile(bundle);
        ImportReport report = new ImportReport(bundle, ImportReport.Outcome.REFUSED, false, Map.of(), problems.errors(),
                problems.more(), problems.warnings(), null, sha, at, clock.instant());
        if (write) {
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                new SyncStore(c).log(new SyncStore.LogEntry(bundle.toAbsolutePath().toString(), sha,
                        actor == null ? null : actor.userId(), actor == null ? null : actor.displayName(), "refused", 0, 0, 0, 0, 0, 0, report.toJson(), at,
                        report.finishedAt()));
                c.commit();
            } catch (SQLException e) {
                throw new DatabaseException("The bundle cannot be read, and the import log could not say so: "
                        + e.getMessage(), e);
            }
        }
        return report;
    }

    /** One import (or preview): the checks, then (unless refused) the writing and the log, in one transaction. */
    private final class Run implements AutoCloseable {
        final boolean write;
        final Connection c;
        final SyncStore store;
        final Instant startedAt = clock.instant();
        final ActivityRuns acts = new ActivityRuns(chunkSize);
        final BundleCheck check;
        BundleWriter writer;
        String sha256;

        Run(BundleSource source, ImportOptions options, Actor actor, SyncGateway.Progress progress, boolean write,
            Connection c) throws SQLException {
            this.write = write;
            this.c = c;
            this.store = new SyncStore(c);
            Map<BundleTable, Map<String, Object[]>> existing = new EnumMap<>(BundleTable.class);
            for (BundleTable t : BundleTable.values()) {
                existing.put(t, store.load(BundleWriter.table(t)));
            }
            this.check = new BundleCheck(source, options, actor, stoppable(progress), new Problems(write && options.skipInvalid()), acts,
                    existing, this::contactNamedByMine, this::summariesOf);
        }

        /** The caller's progress, cancelled also when a stop (SIGTERM, window close) asks the database to close. */
        SyncGateway.Progress stoppable(SyncGateway.Progress progress) {
            return new SyncGateway.Progress() {
                @Override
                public void update(long done, long total, String message) {
                    progress.update(done, total, message);
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCancelled() || database.stopRequested();
                }
            };
        }

        boolean contactNamedByMine(String contact) {
            try {
                return store.contactNamedIn(contact, check.rights.associations());
            } catch (SQLException e) {
                throw new DatabaseException("Cannot read the activities that name contact " + contact + ": " + e.getMessage(), e);
            }
        }

        boolean summariesOf(String peerMentorId, String userId) {
            try {
                return store.summariesOf(peerMentorId, userId);
            } catch (SQLException e) {
                throw new DatabaseException("Cannot read whether peer mentor " + peerMentorId + " has summaries: "
                        + e.getMessage(), e);
            }
        }

        ImportReport execute() throws SQLException, IOException {
            BundleSource source = check.source;
            Problems problems = check.problems;
            ImportOptions options = check.options;
            for (String ignored : source.ignoredFiles()) {
                problems.warn(ImportMessage.of("import.warning.notABundleFile", ignored));
            }
            if (!check.rights.mayImport()) {
                problems.ruleError(source.path().getFileName().toString(), null, 1, null, check.actor.displayName() == null
                        ? ImportMessage.of("import.error.notAllowedUnnamed")
                        : ImportMessage.of("import.error.notAllowed", check.actor.displayName()));
                return refuse();
            }
            BundleReader reader = new BundleReader(check);
            reader.readManifest();
            boolean anyFile = false;
            for (String file : BundleSource.CSV_FILES) {
                if (!source.has(file)) {
                    continue;
                }
                anyFile = true;
                check.checkCancelled();
                reader.readFile(file);
            }
            if (!anyFile) {
                problems.fileError(source.path().getFileName().toString(), null,
                        ImportMessage.of("import.error.noBundleFiles"));
            }
            acts.finish();
            if (!check.rights.everyOrganisation()) {
                findForeignActivities();
            }
            if (!write || (problems.any() && !options.skipInvalid()) || problems.ruleBroken() || problems.anyFileError()) {
                // every error listed before refusing (an import that goes on finds repeats while it merges)
                check.findDuplicateActivities();
            }
            sha256 = source.sha256();
            if (problems.ruleBroken() || problems.anyFileError() || (problems.any() && !options.skipInvalid()) || !write) {
                return write ? refuse() : report(ImportReport.Outcome.PREVIEWED, Map.of(), null);
            }
            return apply();
        }

        /** Writes, then the reject file, the log and the commit. */
        ImportReport apply() throws SQLException, IOException {
            writer = new BundleWriter(check, store, c, clock, bulkThreshold);
            Map<String, long[]> counts = writer.write();
            if (counts == null) {
                return refuse();
            }
            Path rejectFile = null;
            if (check.problems.rejectedRows() > 0) {
                rejectFile = new RejectFile(check.source, check.problems, startedAt).write();
            }
            ImportReport report = report(ImportReport.Outcome.IMPORTED, counts, rejectFile);
            log(report);
            if (report.inserted() + report.updated() + report.removed() > 0) {
                // other desktops on a team database see that the data changed, and by whom (V98)
                org.impactdesk.store.DataChanges.record(c, database, org.impactdesk.store.DataChanges.What.IMPORT,
                        org.impactdesk.service.changes.StoredChangeWatch.nameOf(check.actor), report.finishedAt());
            }
            Runnable afterCommit = afterImport == null ? null : afterImport.beforeCommit(c, check.actor, report.finishedAt());
            c.commit();
            writer.restoreKeys();
            database.checkpointSync();
            check.progress.step(1, 1, "imported", report.rows());
            if (afterCommit != null) {
                try {
                    afterCommit.run(); // what it queued is committed: a failure here leaves it queued, the import stands
                } catch (RuntimeException e) {
                    LOG.warn("The import is in; what it queued stays queued for the next dispatch: {}", e.toString());
                }
            }
            return report;
        }

        /**
         * An importer limited to some rows: a bundle activity whose id is stored as a row outside
         * their rights (another organisation's or association's) is skipped and the stored row left
         * as it is. One pass of the sorted runs against the stored activities in id order.
         */
        void findForeignActivities() throws SQLException {
            if (check.acts.count() == 0) {
                return;
            }
            String shown = check.source.displayName("activities.csv");
            try (ActivityRuns.Merge m = check.acts.merge(); SyncStore.ActivityCursor cursor = store.activitiesById()) {
                SyncStore.StoredActivity db = cursor.next();
                ActivityRuns.Act a = m.next();
                while (a != null && db != null) {
                    int cmp = a.id.compareTo(db.id());
                    if (cmp < 0) {
                        a = m.next();
                    } else if (cmp > 0) {
                        db = cursor.next();
                    } else {
                        ImportMessage rule = check.rights.storedActivity(db.organizationId(), db.localAssociationId());
                        if (rule != null) {
                            check.foreignActivities.add(a.id);
                            check.problems.skip(shown, a.line, rule);
                        }
                        a = m.next();
                    }
                }
            }
        }

        // -------------------------------------------------------------- reports and the log

        ImportReport report(ImportReport.Outcome outcome, Map<String, long[]> counts, Path rejectFile) {
            Map<String, ImportReport.FileCounts> files = new LinkedHashMap<>();
            for (Problems.FileState f : check.problems.files().values()) {
                long[] n = counts.getOrDefault(f.file, new long[4]);
                files.put(f.file, new ImportReport.FileCounts(f.rows, n[0], n[1], n[2], n[3], f.rejected, f.skipped));
            }
            List<ImportMessage> warnings = new ArrayList<>(check.problems.warnings());
            warnings.addAll(check.problems.skipWarnings());
            return new ImportReport(check.source.path(), outcome, check.problems.ruleBroken(), files, check.problems.errors(), check.problems.more(),
                    warnings, rejectFile, sha256, startedAt, clock.instant());
        }

        ImportReport refuse() throws SQLException {
            if (sha256 == null) {
                try {
                    sha256 = check.source.sha256();
                } catch (IOException e) {
                    sha256 = "";
                }
            }
            c.rollback();
            ImportReport report = report(ImportReport.Outcome.REFUSED, Map.of(), null);
            if (write) {
                log(report);
                c.commit();
            }
            return report;
        }

        void log(ImportReport r) throws SQLException {
            String json = r.toJson();
            if (json.length() > 900_000) {
                json = Json.write(Map.of("truncated", true, "inserted", r.inserted(), "updated", r.updated(),
                        "unchanged", r.unchanged(), "removed", r.removed(), "rejected", r.rejected()));
            }
            store.log(new SyncStore.LogEntry(check.source.path().toAbsolutePath().toString(), r.sha256() == null ? "" : r.sha256(),
                    check.actor.userId(), check.actor.displayName(), switch (r.outcome()) {
                        case IMPORTED -> "imported";
                        case REFUSED, PREVIEWED -> "refused";
                        case FAILED -> "failed";
                    }, r.rows(), r.inserted(), r.updated(), r.unchanged(), r.rejected(), r.removed(), json,
                    r.startedAt(), r.finishedAt()));
        }

        /** After a rollback: a line in the import log saying it failed (or was cancelled). */
        void logFailure(Exception e) {
            try {
                c.rollback();
                String why = e instanceof CancellationException ? "cancelled" : e.getClass().getSimpleName() + ": " + e.getMessage();
                store.log(new SyncStore.LogEntry(check.source.path().toAbsolutePath().toString(), sha256 == null ? "" : sha256,
                        check.actor.userId(), check.actor.displayName(), "failed", check.problems.files().values().stream().mapToLong(f -> f.rows).sum(),
                        0, 0, 0, 0, 0, Json.write(Map.of("failed", why)), startedAt, clock.instant()));
                c.commit();
            } catch (SQLException | RuntimeException ignored) {
                // the failure itself is what the caller hears about
            }
        }


        @Override
        public void close() {
            acts.close();
            try {
                if (writer != null) {
                    writer.restoreKeys();
                }
            } catch (SQLException e) {
                throw new DatabaseException("The activities' index could not be rebuilt (it is rebuilt when the database "
                        + "opens next): " + e.getMessage(), e);
            }
        }
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}