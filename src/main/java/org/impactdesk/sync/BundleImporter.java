package org.impactdesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.store.Database;
import org.impactdesk.store.DatabaseException;
import org.impactdesk.store.SyncStore;
import org.impactdesk.store.SyncStore.Table;
import org.impactdesk.summary.Json;

/**
 * Syncs an export bundle (EXPORT_FORMAT.md) into the database.
 *
 * <p>First pass (also the whole of {@link #preview}): every file is read once in dependency
 * order and every row validated (values, references to ids in the bundle or the database,
 * duplicates, access rules); small files keep their valid rows, activities go to sorted runs
 * ({@link ActivityRuns}). Then, unless refused, one transaction: the small tables upserted by
 * comparison with their current rows, the activities merged in id order with the stored ones
 * (insert, update, unchanged, and the removals of a {@code full_snapshot}), stale marks, the
 * import log; commit; {@code CHECKPOINT SYNC}.
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

    static final Set<String> ROLES = Set.of("peer_mentor", "coordinator", "org_admin", "global_admin");
    static final Set<String> MENTOR_STATUSES = Set.of("active", "paused", "inactive");
    static final Set<String> APPROVAL = Set.of("approved", "pending", "flagged", "rejected");
    static final Set<String> ASSIGNMENT_STATUSES = Set.of("open", "completed", "cancelled");
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Oslo");
    static final int MAX_ASSOCIATIONS = 5;

    private final Database database;
    private final Clock clock;
    private int chunkSize = ActivityRuns.DEFAULT_CHUNK;
    /** From this many activities into an empty table, load without the table's keys and index them after. */
    private long bulkThreshold = 20_000;

    public BundleImporter(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** For tests: a small sort chunk makes small bundles use several runs. */
    void setChunkSize(int rows) {
        this.chunkSize = rows;
    }

    /** For tests: the size from which an empty table is bulk loaded. */
    void setBulkThreshold(long rows) {
        this.bulkThreshold = rows;
    }

    /** Validates the whole bundle and writes nothing. */
    public ImportReport preview(Path bundle) {
        return run(bundle, ImportOptions.allOrNothing(), Actor.localOperator(), NO_PROGRESS, false);
    }

    /** Validates and imports in one transaction (see the class comment). */
    public ImportReport importBundle(Path bundle, ImportOptions options, Actor actor, SyncGateway.Progress progress) {
        return run(bundle, options == null ? ImportOptions.allOrNothing() : options,
                actor == null ? Actor.localOperator() : actor, progress == null ? NO_PROGRESS : progress, true);
    }

    private synchronized ImportReport run(Path bundle, ImportOptions options, Actor actor, SyncGateway.Progress progress,
                                          boolean write) {
        try (Database.Work work = database.beginWork(); // a stop waits for this import to roll back
             BundleSource source = BundleSource.open(bundle);
             Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
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

    /** A pending row of a small table: where it came from and its normalised values. */
    private record Pending(long line, int span, String[] key, Object[] values) {
        SyncStore.Row row() {
            return new SyncStore.Row(key, values);
        }
    }

    /** One import (or preview). */
    private final class Run implements AutoCloseable {
        final BundleSource source;
        final ImportOptions options;
        final Actor actor;
        final SyncGateway.Progress progress;
        final boolean write;
        final Connection c;
        final SyncStore store;
        final Problems problems;
        final Instant startedAt = clock.instant();
        final ActivityRuns acts = new ActivityRuns(chunkSize);

        // current database rows of the small tables
        final Map<Table, Map<String, Object[]>> existing = new java.util.IdentityHashMap<>();
        // valid bundle rows of the small tables, in file order
        final Map<Table, LinkedHashMap<String, Pending>> bundleRows = new java.util.IdentityHashMap<>();
        // references created from activities.csv
        final Map<String, String> newContacts = new LinkedHashMap<>();
        final Set<String> newTypes = new TreeSet<>();
        final Map<String, ZoneId> zones = new HashMap<>();
        final Map<String, Set<Integer>> stale = new HashMap<>();
        final Set<String> staleAllYears = new HashSet<>();

        String manifestOrg;
        LocalDate snapshotFrom;
        LocalDate snapshotTo;
        String sha256;

        Run(BundleSource source, ImportOptions options, Actor actor, SyncGateway.Progress progress, boolean write,
            Connection c) {
            this.source = source;
            this.options = options;
            this.actor = actor;
            this.progress = progress;
            this.write = write;
            this.c = c;
            this.store = new SyncStore(c);
            this.problems = new Problems(write && options.skipInvalid());
        }

        ImportReport execute() throws SQLException, IOException {
            for (Table t : List.of(SyncStore.ORGANIZATIONS, SyncStore.LOCAL_ASSOCIATIONS, SyncStore.USERS,
                    SyncStore.PEER_MENTORS, SyncStore.CONTACTS, SyncStore.ACTIVITY_TYPES, SyncStore.EVENTS,
                    SyncStore.EVENT_ATTENDANCE, SyncStore.ASSIGNMENTS)) {
                existing.put(t, store.load(t));
                bundleRows.put(t, new LinkedHashMap<>());
            }
            for (String ignored : source.ignoredFiles()) {
                problems.warn(ImportMessage.of("import.warning.notABundleFile", ignored));
            }
            if (!actor.isGlobalAdmin() && !actor.has(Role.ORG_ADMIN) && !actor.has(Role.COORDINATOR)) {
                problems.ruleError(source.path().getFileName().toString(), null, 1, null, actor.displayName() == null
                        ? ImportMessage.of("import.error.notAllowedUnnamed")
                        : ImportMessage.of("import.error.notAllowed", actor.displayName()));
                return refuse();
            }
            readManifest();
            boolean anyFile = false;
            for (String file : BundleSource.CSV_FILES) {
                if (!source.has(file)) {
                    continue;
                }
                anyFile = true;
                checkCancelled();
                readFile(file);
            }
            if (!anyFile) {
                problems.fileError(source.path().getFileName().toString(), null,
                        ImportMessage.of("import.error.noBundleFiles"));
            }
            acts.finish();
            if (!write || (problems.any() && !options.skipInvalid()) || problems.ruleBroken() || problems.anyFileError()) {
                // every error listed before refusing (an import that goes on finds repeats while it merges)
                findDuplicateActivities();
            }
            sha256 = source.sha256();
            if (problems.ruleBroken() || problems.anyFileError() || (problems.any() && !options.skipInvalid()) || !write) {
                return write ? refuse() : report(ImportReport.Outcome.PREVIEWED, Map.of(), null);
            }
            return apply();
        }

        void checkCancelled() {
            if (progress.isCancelled() || database.stopRequested()) {
                throw new CancellationException("Import cancelled: nothing was written.");
            }
        }

        // -------------------------------------------------------------- manifest

        void readManifest() throws IOException {
            if (!source.has(BundleSource.MANIFEST)) {
                return;
            }
            String name = source.displayName(BundleSource.MANIFEST);
            JsonNode m;
            try (var in = source.open(BundleSource.MANIFEST)) {
                m = Json.MAPPER.readTree(in);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                problems.fileError(name, null, ImportMessage.of("import.error.manifestNotJson", e.getOriginalMessage()));
                return;
            }
            if (m == null || !m.isObject()) {
                problems.fileError(name, null, ImportMessage.of("import.error.manifestNotObject"));
                return;
            }
            JsonNode v = m.get("format_version");
            if (v != null && !v.isNull() && v.asInt(-1) != 1) {
                problems.fileError(name, null, ImportMessage.of("import.error.formatVersion", v.toString()));
            }
            if (m.hasNonNull("organization_id")) {
                manifestOrg = m.get("organization_id").asText();
            }
            JsonNode fs = m.get("full_snapshot");
            if (fs != null && !fs.isNull()) {
                try {
                    snapshotFrom = LocalDate.parse(fs.path("from").asText());
                    snapshotTo = LocalDate.parse(fs.path("to").asText());
                    if (snapshotTo.isBefore(snapshotFrom)) {
                        problems.fileError(name, null,
                                ImportMessage.of("import.error.snapshotBackwards", snapshotTo.toString(), snapshotFrom.toString()));
                    }
                } catch (DateTimeException e) {
                    problems.fileError(name, null, ImportMessage.of("import.error.snapshotDates"));
                }
                if (manifestOrg == null) {
                    problems.fileError(name, null, ImportMessage.of("import.error.snapshotNoOrganisation"));
                } else if (!actor.isGlobalAdmin() && !manifestOrg.equals(actor.organizationId())) {
                    problems.ruleError(name, null, 1, "full_snapshot",
                            ImportMessage.of("import.error.snapshotOtherOrganisation", manifestOrg, who(), actor.organizationId()));
                }
            }
        }

        // -------------------------------------------------------------- reading files

        /** The known columns of each file, the required ones marked with a star. */
        List<String> columns(String file) {
            return switch (file) {
                case "organizations.csv" -> List.of("id*", "name*", "time_zone", "hourly_rate", "currency",
                        "social_value_multiplier", "cost_saving_per_contact", "quarterly_underactive_sessions",
                        "quarterly_overloaded_sessions", "half_year_underactive_sessions", "half_year_overloaded_sessions",
                        "impact_summary_enabled", "enabled_modules");
                case "local_associations.csv" -> List.of("id*", "organization_id*", "name*");
                case "users.csv" -> List.of("id*", "organization_id", "display_name*", "email", "roles*", "local_association_ids");
                case "peer_mentors.csv" -> List.of("id*", "user_id*", "organization_id*", "primary_local_association_id*",
                        "local_association_ids", "status*", "started_on");
                case "contacts.csv" -> List.of("id*", "organization_id*", "display_name");
                case "activity_types.csv" -> List.of("id*", "name*", "name_nb");
                case "events.csv" -> List.of("id*", "organization_id*", "title*", "starts_at*", "organizer_user_id");
                case "event_attendance.csv" -> List.of("event_id*", "user_id*", "registered", "attended*");
                case "assignments.csv" -> List.of("id*", "peer_mentor_id*", "status*", "completed_at", "honorarium_amount");
                case "activities.csv" -> List.of("id*", "organization_id*", "local_association_id*", "peer_mentor_id*",
                        "activity_type*", "started_at*", "duration_minutes*", "contact_id", "approval_status*", "travel_km",
                        "event_id");
                default -> throw new IllegalArgumentException(file);
            };
        }

        void readFile(String file) throws IOException {
            String shown = source.displayName(file);
            Problems.FileState state = problems.file(shown);
            CsvTable.Dialect dialect = CsvTable.detect(source, file);
            state.dialect = dialect;
            if (!dialect.charset().equals(java.nio.charset.StandardCharsets.UTF_8)) {
                problems.warn(ImportMessage.of("import.warning.windows1252", shown));
            }
            List<String> spec = columns(file);
            List<String> cols = spec.stream().map(s -> s.replace("*", "")).toList();
            List<String> required = spec.stream().filter(s -> s.endsWith("*")).map(s -> s.replace("*", "")).toList();
            try (CsvTable t = CsvTable.open(source, file, dialect, cols, required)) {
                if (!t.unknownColumns().isEmpty()) {
                    problems.warn(ImportMessage.of("import.warning.unknownColumns", shown,
                            String.join(", ", t.unknownColumns())));
                }
                RowCheck r = new RowCheck(file, shown, t, dialect, state);
                Map<String, Long> firstLines = file.equals("activities.csv") ? null : new HashMap<>();
                CsvRecord rec;
                while ((rec = t.next()) != null) {
                    state.rows++;
                    r.start(rec);
                    if (rec.getFieldCount() > t.headerWidth()) {
                        r.error(null, "import.error.fieldCount", rec.getFieldCount(), t.headerWidth(),
                                String.valueOf(dialect.delimiter()));
                    }
                    switch (file) {
                        case "organizations.csv" -> organization(r, firstLines);
                        case "local_associations.csv" -> localAssociation(r, firstLines);
                        case "users.csv" -> user(r, firstLines);
                        case "peer_mentors.csv" -> peerMentor(r, firstLines);
                        case "contacts.csv" -> contact(r, firstLines);
                        case "activity_types.csv" -> activityType(r, firstLines);
                        case "events.csv" -> event(r, firstLines);
                        case "event_attendance.csv" -> attendance(r, firstLines);
                        case "assignments.csv" -> assignment(r, firstLines);
                        case "activities.csv" -> activity(r);
                        default -> throw new IllegalStateException(file);
                    }
                    if ((state.rows & 1023) == 0) {
                        checkCancelled();
                        if ((state.rows & 16383) == 0) {
                            progress.step(state.rows, -1, "checking", shown, state.rows);
                        }
                    }
                }
                progress.step(state.rows, state.rows, "checked", shown, state.rows);
            } catch (CsvTable.FileProblem e) {
                problems.fileError(shown, e.line, e.reason);
            }
        }

        /** The current row of a file, with typed getters that record errors and return null. */
        final class RowCheck {
            final String file;
            final String shown;
            final CsvTable t;
            final CsvTable.Dialect dialect;
            final Problems.FileState state;
            final List<String> cols;
            CsvRecord rec;
            long line;
            boolean bad;

            RowCheck(String file, String shown, CsvTable t, CsvTable.Dialect dialect, Problems.FileState state) {
                this.file = file;
                this.shown = shown;
                this.t = t;
                this.dialect = dialect;
                this.state = state;
                this.cols = columns(file).stream().map(s -> s.replace("*", "")).toList();
            }

            void start(CsvRecord r) {
                this.rec = r;
                this.line = r.getStartingLineNumber();
                this.bad = false;
            }

            int span() {
                return CsvTable.span(rec);
            }

            /** The row is rejected: {@code key} (import.error.*) with its arguments says why. */
            void error(String column, String key, Object... args) {
                error(column, ImportMessage.of(key, args));
            }

            void error(String column, ImportMessage reason) {
                bad = true;
                problems.rowError(shown, line, span(), column, reason);
            }

            /** The row breaks an access rule: the whole import is refused (the row still counts as there for references). */
            void rule(String column, String key, Object... args) {
                problems.ruleError(shown, line, span(), column, ImportMessage.of(key, args));
            }

            String raw(int c) {
                return t.field(rec, c);
            }

            String required(int c) {
                String v = raw(c);
                if (v == null) {
                    error(cols.get(c), "import.error.required");
                }
                return v;
            }

            String text(int c, int max, boolean req) {
                String v = req ? required(c) : raw(c);
                if (v != null && v.length() > max) {
                    error(cols.get(c), "import.error.tooLong", v.length(), max);
                    return null;
                }
                return v;
            }

            String id(int c, boolean req) {
                return text(c, 64, req);
            }

            /** {@code key}: the error that names the unit, e.g. import.error.notWholeMinutes. */
            Integer whole(int c, String key, int min, int max, boolean req) {
                String v = req ? required(c) : raw(c);
                if (v == null) {
                    return null;
                }
                try {
                    int n = Values.wholeNumber(v, key);
                    if (n < min || n > max) {
                        error(cols.get(c), "import.error.outOfRange", Integer.toString(n), min, max);
                        return null;
                    }
                    return n;
                } catch (Values.BadValue e) {
                    error(cols.get(c), e.reason);
                    return null;
                }
            }

            BigDecimal decimal(int c, int integerDigits) {
                String v = raw(c);
                if (v == null) {
                    return null;
                }
                try {
                    BigDecimal d = Values.decimal(v, dialect.decimalComma(), 2, integerDigits);
                    if (d.signum() < 0) {
                        error(cols.get(c), "import.error.negative", Values.shown(v));
                        return null;
                    }
                    return d;
                } catch (Values.BadValue e) {
                    error(cols.get(c), e.reason);
                    return null;
                }
            }

            Boolean bool(int c, boolean req) {
                String v = req ? required(c) : raw(c);
                if (v == null) {
                    return null;
                }
                try {
                    return Values.bool(v);
                } catch (Values.BadValue e) {
                    error(cols.get(c), e.reason);
                    return null;
                }
            }

            Instant instant(int c, ZoneId zone, boolean req) {
                String v = req ? required(c) : raw(c);
                if (v == null) {
                    return null;
                }
                try {
                    Instant i = Values.timestamp(v, zone == null ? DEFAULT_ZONE : zone);
                    int y = i.atZone(zone == null ? DEFAULT_ZONE : zone).getYear();
                    if (y < 2000 || y > 2100) {
                        error(cols.get(c), "import.error.yearOutOfRange", Values.shown(v));
                        return null;
                    }
                    return i;
                } catch (Values.BadValue e) {
                    error(cols.get(c), e.reason);
                    return null;
                }
            }

            LocalDate date(int c) {
                String v = raw(c);
                if (v == null) {
                    return null;
                }
                try {
                    return Values.date(v);
                } catch (Values.BadValue e) {
                    error(cols.get(c), e.reason);
                    return null;
                }
            }

            String oneOf(int c, Set<String> allowed, boolean req) {
                String v = req ? required(c) : raw(c);
                if (v == null) {
                    return null;
                }
                String lower = v.toLowerCase(java.util.Locale.ROOT);
                if (!allowed.contains(lower)) {
                    error(cols.get(c), "import.error.notOneOf", Values.shown(v), String.join(", ", new TreeSet<>(allowed)));
                    return null;
                }
                return lower;
            }

            List<String> list(int c) {
                String v = raw(c);
                return v == null ? List.of() : Values.list(v);
            }

            /**
             * Checks the id is new in this file; a repeat is an error naming both lines (both rows rejected).
             * The row's label ({@code labelKey}, import.row.*, of {@code ids}) is made only for a repeat: a row
             * without its id (already an error) has none to name.
             */
            boolean firstTime(Map<String, Long> firstLines, String key, Table table, String labelKey, String... ids) {
                if (key == null) {
                    return false;
                }
                Long first = firstLines.putIfAbsent(key, line);
                if (first == null) {
                    return true;
                }
                ImportMessage label = ImportMessage.of(labelKey, java.util.Arrays.stream(ids).map(Values::shown).toArray());
                ImportMessage msg = ImportMessage.of("import.error.twice", label, shown, first, line);
                error(null, msg);
                Pending p = bundleRows.get(table).remove(key);
                if (p != null) {
                    problems.rowError(shown, first, p.span(), null, msg);
                }
                return false;
            }

            /** Rule: a non-global actor imports only their own organisation. */
            void scope(int c, String orgId) {
                if (orgId == null || actor.isGlobalAdmin()) {
                    return;
                }
                if (!orgId.equals(actor.organizationId())) {
                    rule(cols.get(c), "import.error.otherOrganisation", Values.shown(orgId), who(), actor.organizationId());
                }
            }

            void keep(Table table, String[] key, Object[] values) {
                if (!bad) {
                    bundleRows.get(table).put(SyncStore.key(key), new Pending(line, span(), key, values));
                }
            }
        }

        /** Who imports, as a message says it: their name, or "this user". */
        ImportMessage who() {
            return actor.displayName() == null ? ImportMessage.of("import.thisUser")
                    : ImportMessage.plain(actor.displayName());
        }

        // ---- references: the bundle's valid rows first, then the database

        Object[] ref(Table t, String key) {
            Pending p = bundleRows.get(t).get(key);
            if (p != null) {
                return p.values();
            }
            return existing.get(t).get(key);
        }

        ZoneId zone(String orgId) {
            if (orgId == null) {
                return null;
            }
            return zones.computeIfAbsent(orgId, id -> {
                Object[] o = ref(SyncStore.ORGANIZATIONS, id);
                if (o == null) {
                    return null;
                }
                try {
                    return o[1] == null ? DEFAULT_ZONE : ZoneId.of((String) o[1]);
                } catch (DateTimeException e) {
                    return DEFAULT_ZONE;
                }
            });
        }

        /**
         * Whether {@code id} is a row of {@code t} (of organisation {@code orgId}, at value index
         * {@code orgIndex}, when given); if not, a row error: {@code unknownKey} (e.g.
         * import.error.unknownUser) when it is nowhere, else that it belongs to another organisation.
         */
        boolean checkRef(RowCheck r, int c, String id, Table t, String unknownKey, String orgId, int orgIndex) {
            if (id == null) {
                return false;
            }
            Object[] v = ref(t, id);
            if (v == null) {
                r.error(r.cols.get(c), unknownKey, Values.shown(id));
                return false;
            }
            if (orgId != null && orgIndex >= 0 && !orgId.equals(v[orgIndex])) {
                r.error(r.cols.get(c), "import.error.otherOrganisationsRow", Values.shown(id), v[orgIndex], orgId);
                return false;
            }
            return true;
        }

        void checkOrg(RowCheck r, int c, String orgId) {
            if (orgId != null && zone(orgId) == null) {
                r.error(r.cols.get(c), "import.error.unknownOrganisation", Values.shown(orgId));
            }
            r.scope(c, orgId);
        }

        // ---- the files

        void organization(RowCheck r, Map<String, Long> first) {
            String id = r.id(0, true);
            String name = r.text(1, 300, true);
            String zone = r.raw(2);
            if (zone != null) {
                try {
                    ZoneId.of(zone);
                } catch (DateTimeException e) {
                    r.error("time_zone", "import.error.timeZone", Values.shown(zone));
                    zone = null;
                }
            }
            BigDecimal rate = r.decimal(3, 10);
            String currency = r.raw(4);
            if (currency != null && !currency.matches("[A-Za-z]{3}")) {
                r.error("currency", "import.error.currency", Values.shown(currency));
            }
            BigDecimal multiplier = r.decimal(5, 6);
            BigDecimal saving = r.decimal(6, 10);
            Integer qu = r.whole(7, "import.error.notWholeSessions", 0, 1_000_000, false);
            Integer qo = r.whole(8, "import.error.notWholeSessions", 0, 1_000_000, false);
            Integer hu = r.whole(9, "import.error.notWholeSessions", 0, 1_000_000, false);
            Integer ho = r.whole(10, "import.error.notWholeSessions", 0, 1_000_000, false);
            if (qu != null && qo != null && qo <= qu) {
                r.error("quarterly_overloaded_sessions", "import.error.overloadedNotAbove", qo.toString(),
                        "quarterly_underactive_sessions", qu.toString());
            }
            if (hu != null && ho != null && ho <= hu) {
                r.error("half_year_overloaded_sessions", "import.error.overloadedNotAbove", ho.toString(),
                        "half_year_underactive_sessions", hu.toString());
            }
            Boolean impact = r.bool(11, false);
            List<String> modules = new ArrayList<>(new TreeSet<>(r.list(12)));
            if (id != null && !actor.isGlobalAdmin() && !id.equals(actor.organizationId())) {
                r.rule("id", "import.error.otherOrganisation", Values.shown(id), who(), actor.organizationId());
            }
            if (r.firstTime(first, id, SyncStore.ORGANIZATIONS, "import.row.organisation", id)) {
                r.keep(SyncStore.ORGANIZATIONS, new String[] {id}, new Object[] {name, zone == null ? DEFAULT_ZONE.getId() : zone,
                        rate, currency == null ? null : currency.toUpperCase(java.util.Locale.ROOT), multiplier, saving,
                        qu, qo, hu, ho, impact, List.copyOf(modules)});
                zones.remove(id);
            }
        }

        void localAssociation(RowCheck r, Map<String, Long> first) {
            String id = r.id(0, true);
            String org = r.id(1, true);
            String name = r.text(2, 300, true);
            checkOrg(r, 1, org);
            if (r.firstTime(first, id, SyncStore.LOCAL_ASSOCIATIONS, "import.row.localAssociation", id)) {
                r.keep(SyncStore.LOCAL_ASSOCIATIONS, new String[] {id}, new Object[] {org, name});
            }
        }

        void user(RowCheck r, Map<String, Long> first) {
            String id = r.id(0, true);
            String org = r.id(1, false);
            String name = r.text(2, 300, true);
            String email = r.text(3, 320, false);
            List<String> roles = new ArrayList<>();
            String rawRoles = r.required(4);
            if (rawRoles != null) {
                for (String role : Values.list(rawRoles)) {
                    String lower = role.toLowerCase(java.util.Locale.ROOT);
                    if (!ROLES.contains(lower)) {
                        r.error("roles", "import.error.notRole", Values.shown(role));
                    } else if (!roles.contains(lower)) {
                        roles.add(lower);
                    }
                }
                if (roles.isEmpty() && !r.bad) {
                    r.error("roles", "import.error.noRole");
                }
            }
            if (org == null) {
                if (!roles.contains("global_admin") && rawRoles != null) {
                    r.error("organization_id", "import.error.noOrganisation");
                }
                if (!actor.isGlobalAdmin()) {
                    r.rule("organization_id", "import.error.globalAdminRule");
                }
            } else {
                checkOrg(r, 1, org);
            }
            List<String> las = r.list(5);
            for (String la : las) {
                Object[] v = ref(SyncStore.LOCAL_ASSOCIATIONS, la);
                if (v == null) {
                    r.error("local_association_ids", "import.error.unknownLocalAssociation", Values.shown(la));
                } else if (org != null && !org.equals(v[0])) {
                    r.error("local_association_ids", "import.error.otherOrganisationsRow", Values.shown(la), v[0], org);
                }
            }
            if (r.firstTime(first, id, SyncStore.USERS, "import.row.user", id)) {
                r.keep(SyncStore.USERS, new String[] {id}, new Object[] {org, name, email,
                        List.copyOf(new TreeSet<>(roles)), List.copyOf(new TreeSet<>(las))});
            }
        }

        final Map<String, String> mentorOfUserInBundle = new HashMap<>();
        Map<String, String> mentorOfUserInDb;

        void peerMentor(RowCheck r, Map<String, Long> first) {
            String id = r.id(0, true);
            String user = r.id(1, true);
            String org = r.id(2, true);
            String primary = r.id(3, true);
            List<String> las = new ArrayList<>(r.list(4));
            String status = r.oneOf(5, MENTOR_STATUSES, true);
            LocalDate started = r.date(6);
            checkOrg(r, 2, org);
            checkRef(r, 1, user, SyncStore.USERS, "import.error.unknownUser", org, 0);
            checkRef(r, 3, primary, SyncStore.LOCAL_ASSOCIATIONS, "import.error.unknownLocalAssociation", org, 0);
            for (String la : las) {
                checkRef(r, 4, la, SyncStore.LOCAL_ASSOCIATIONS, "import.error.unknownLocalAssociation", org, 0);
            }
            if (primary != null && !las.contains(primary)) {
                las.add(primary);
            }
            if (las.size() > MAX_ASSOCIATIONS) {
                r.error("local_association_ids", "import.error.tooManyAssociations", las.size(), MAX_ASSOCIATIONS);
            }
            if (user != null && id != null) {
                if (mentorOfUserInDb == null) {
                    mentorOfUserInDb = new HashMap<>();
                    existing.get(SyncStore.PEER_MENTORS).forEach((k, v) -> mentorOfUserInDb.put((String) v[0], k));
                }
                String other = mentorOfUserInBundle.get(user);
                String otherDb = mentorOfUserInDb.get(user);
                if (other != null && !other.equals(id)) {
                    r.error("user_id", "import.error.userMentorInFile", Values.shown(user), Values.shown(other));
                } else if (otherDb != null && !otherDb.equals(id) && !bundleRows.get(SyncStore.PEER_MENTORS).containsKey(otherDb)) {
                    r.error("user_id", "import.error.userMentorInDatabase", Values.shown(user), Values.shown(otherDb));
                }
            }
            if (r.firstTime(first, id, SyncStore.PEER_MENTORS, "import.row.peerMentor", id)) {
                if (!r.bad) {
                    mentorOfUserInBundle.put(user, id);
                }
                r.keep(SyncStore.PEER_MENTORS, new String[] {id}, new Object[] {user, org, primary, status, started,
                        List.copyOf(new TreeSet<>(las))});
            }
        }

        void contact(RowCheck r, Map<String, Long> first) {
            String id = r.id(0, true);
            String org = r.id(1, true);
            String name = r.text(2, 300, false);
            checkOrg(r, 1, org);
            if (r.firstTime(first, id, SyncStore.CONTACTS, "import.row.contact", id)) {
                r.keep(SyncStore.CONTACTS, new String[] {id}, new Object[] {org, name});
            }
        }

        void activityType(RowCheck r, Map<String, Long> first) {
            String id = r.id(0, true);
            String name = r.text(1, 200, true);
            String nb = r.text(2, 200, false);
            if (r.firstTime(first, id, SyncStore.ACTIVITY_TYPES, "import.row.activityType", id)) {
                r.keep(SyncStore.ACTIVITY_TYPES, new String[] {id}, new Object[] {name, nb});
            }
        }

        void event(RowCheck r, Map<String, Long> first) {
            String id = r.id(0, true);
            String org = r.id(1, true);
            String title = r.text(2, 500, true);
            checkOrg(r, 1, org);
            Instant starts = r.instant(3, zone(org), true);
            String organizer = r.id(4, false);
            checkRef(r, 4, organizer, SyncStore.USERS, "import.error.unknownUser", null, -1);
            if (r.firstTime(first, id, SyncStore.EVENTS, "import.row.event", id)) {
                r.keep(SyncStore.EVENTS, new String[] {id}, new Object[] {org, title, starts, organizer});
            }
        }

        void attendance(RowCheck r, Map<String, Long> first) {
            String event = r.id(0, true);
            String user = r.id(1, true);
            Boolean registered = r.bool(2, false);
            Boolean attended = r.bool(3, true);
            if (checkRef(r, 0, event, SyncStore.EVENTS, "import.error.unknownEvent", null, -1)) {
                r.scope(0, (String) ref(SyncStore.EVENTS, event)[0]);
            }
            checkRef(r, 1, user, SyncStore.USERS, "import.error.unknownUser", null, -1);
            String key = event == null || user == null ? null : SyncStore.key(event, user);
            if (r.firstTime(first, key, SyncStore.EVENT_ATTENDANCE, "import.row.attendance", user, event)) {
                r.keep(SyncStore.EVENT_ATTENDANCE, new String[] {event, user},
                        new Object[] {registered == null ? Boolean.TRUE : registered, attended});
            }
        }

        void assignment(RowCheck r, Map<String, Long> first) {
            String id = r.id(0, true);
            String mentor = r.id(1, true);
            String status = r.oneOf(2, ASSIGNMENT_STATUSES, true);
            ZoneId zone = null;
            if (checkRef(r, 1, mentor, SyncStore.PEER_MENTORS, "import.error.unknownPeerMentor", null, -1)) {
                String org = (String) ref(SyncStore.PEER_MENTORS, mentor)[1];
                zone = zone(org);
                r.scope(1, org);
            }
            Instant completed = r.instant(3, zone, false);
            BigDecimal amount = r.decimal(4, 10);
            if (r.firstTime(first, id, SyncStore.ASSIGNMENTS, "import.row.assignment", id)) {
                r.keep(SyncStore.ASSIGNMENTS, new String[] {id}, new Object[] {mentor, status, completed, amount});
            }
        }

        void activity(RowCheck r) {
            String id = r.id(0, true);
            String org = r.id(1, true);
            String la = r.id(2, true);
            String pm = r.id(3, true);
            String type = r.id(4, true);
            checkOrg(r, 1, org);
            ZoneId zone = zone(org);
            checkRef(r, 2, la, SyncStore.LOCAL_ASSOCIATIONS, "import.error.unknownLocalAssociation", zone == null ? null : org, 0);
            checkRef(r, 3, pm, SyncStore.PEER_MENTORS, "import.error.unknownPeerMentor", zone == null ? null : org, 1);
            Instant at = r.instant(5, zone, true);
            Integer minutes = r.whole(6, "import.error.notWholeMinutes", 1, 1440, true);
            String contact = r.id(7, false);
            String status = r.oneOf(8, APPROVAL, true);
            BigDecimal km = r.decimal(9, 8);
            String event = r.id(10, false);
            checkRef(r, 10, event, SyncStore.EVENTS, "import.error.unknownEvent", zone == null ? null : org, 0);
            if (r.bad) {
                if (id != null) {
                    acts.add(acts.rejected(id, r.line, r.span()));
                }
                return;
            }
            if (type != null && ref(SyncStore.ACTIVITY_TYPES, type) == null) {
                newTypes.add(type);
            }
            if (contact != null && ref(SyncStore.CONTACTS, contact) == null) {
                newContacts.putIfAbsent(contact, org);
            }
            long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1000;
            acts.add(acts.act(id, r.line, r.span(), org, la, pm, type, micros, minutes, contact, status,
                    km == null ? -1 : km.unscaledValue().longValueExact(), event));
        }

        boolean dupsChecked;

        void reportDuplicates(List<ActivityRuns.Act> group, String shown) {
            if (group.size() > 1) {
                String lines = String.join(", ", group.stream().map(g -> Long.toString(g.line)).toList());
                for (ActivityRuns.Act g : group) {
                    problems.rowError(shown, g.line, g.span, "id", ImportMessage.of("import.error.activityRepeated",
                            Values.shown(g.id), group.size(), shown, lines));
                }
            }
        }

        /** Equal ids are neighbours in the sorted runs: every row of a repeated id is an error naming all its lines. */
        void findDuplicateActivities() {
            dupsChecked = true;
            if (acts.count() == 0) {
                return;
            }
            String shown = source.displayName("activities.csv");
            try (ActivityRuns.Merge m = acts.merge()) {
                List<ActivityRuns.Act> group = new ArrayList<>();
                ActivityRuns.Act a;
                while (true) {
                    a = m.next();
                    if (a != null && !group.isEmpty() && a.id.equals(group.get(0).id)) {
                        group.add(a);
                        continue;
                    }
                    reportDuplicates(group, shown);
                    group.clear();
                    if (a == null) {
                        break;
                    }
                    group.add(a);
                }
            }
        }

        // -------------------------------------------------------------- writing

        boolean emptyAtStart;
        boolean keysDropped;

        ImportReport apply() throws SQLException, IOException {
            emptyAtStart = store.countActivities() == 0;
            if (emptyAtStart && acts.count() >= bulkThreshold) {
                // nothing is written yet: the DDL's commit commits nothing of the import
                progress.step(0, acts.count(), "preparingBulk", acts.count());
                store.dropActivityKeys();
                keysDropped = true;
            }
            Map<String, long[]> counts = new LinkedHashMap<>();
            String[] order = {"organizations.csv", "local_associations.csv", "users.csv", "peer_mentors.csv", "contacts.csv",
                    "activity_types.csv", "events.csv", "event_attendance.csv", "assignments.csv"};
            Table[] tables = {SyncStore.ORGANIZATIONS, SyncStore.LOCAL_ASSOCIATIONS, SyncStore.USERS, SyncStore.PEER_MENTORS,
                    SyncStore.CONTACTS, SyncStore.ACTIVITY_TYPES, SyncStore.EVENTS, SyncStore.EVENT_ATTENDANCE,
                    SyncStore.ASSIGNMENTS};
            for (int i = 0; i < order.length; i++) {
                checkCancelled();
                Table t = tables[i];
                if (t == SyncStore.CONTACTS) {
                    addCreated(t, newContacts.entrySet().stream()
                            .map(e -> new Pending(0, 1, new String[] {e.getKey()}, new Object[] {e.getValue(), null})).toList(),
                            "import.warning.contactsCreated");
                }
                if (t == SyncStore.ACTIVITY_TYPES) {
                    addCreated(t, newTypes.stream().map(k -> new Pending(0, 1, new String[] {k}, new Object[] {k, null})).toList(),
                            "import.warning.typesCreated");
                }
                long[] n = writeTable(t);
                if (source.has(order[i])) {
                    counts.put(source.displayName(order[i]), n);
                }
            }
            if (source.has("activities.csv")) {
                counts.put(source.displayName("activities.csv"), writeActivities());
                if (problems.any() && !options.skipInvalid()) {
                    return refuse(); // repeated activity ids found while merging: nothing of it stays
                }
            }
            resolveAllYears();
            store.markStale(stale, clock.instant());
            Path rejectFile = null;
            if (problems.rejectedRows() > 0) {
                rejectFile = new RejectFile(source, problems, startedAt).write();
            }
            ImportReport report = report(ImportReport.Outcome.IMPORTED, counts, rejectFile);
            log(report);
            c.commit();
            restoreKeys();
            database.checkpointSync();
            progress.step(1, 1, "imported", report.rows());
            return report;
        }

        /** Rows a file referred to that exist nowhere: created (counted in no file; one warning). */
        void addCreated(Table t, List<Pending> created, String warningKey) {
            Map<String, Pending> rows = bundleRows.get(t);
            int n = 0;
            for (Pending p : created) {
                if (!rows.containsKey(p.key()[0]) && !existing.get(t).containsKey(p.key()[0])) {
                    n++;
                }
            }
            if (n > 0) {
                problems.warn(ImportMessage.of(warningKey, n));
                createdRows.put(t, created);
            }
        }

        final Map<Table, List<Pending>> createdRows = new java.util.IdentityHashMap<>();

        long[] writeTable(Table t) throws SQLException {
            Map<String, Object[]> old = existing.get(t);
            List<SyncStore.Row> inserts = new ArrayList<>();
            List<SyncStore.Row> updates = new ArrayList<>();
            long unchanged = 0;
            for (Pending p : bundleRows.get(t).values()) {
                Object[] before = old.get(SyncStore.key(p.key()));
                if (before == null) {
                    inserts.add(p.row());
                    staleOnInsert(t, p, null);
                } else if (java.util.Arrays.equals(before, p.values())) {
                    unchanged++;
                } else {
                    updates.add(p.row());
                    staleOnInsert(t, p, before);
                }
            }
            long counted = inserts.size();
            for (Pending p : createdRows.getOrDefault(t, List.of())) {
                String k = p.key()[0];
                if (!bundleRows.get(t).containsKey(k) && !old.containsKey(k)) {
                    inserts.add(p.row());
                }
            }
            store.insert(t, inserts);
            store.update(t, updates);
            return new long[] {counted, updates.size(), unchanged, 0};
        }

        // ---- stale marks of what changed

        void mark(String mentor, Instant at, String orgId) {
            if (mentor == null || at == null) {
                return;
            }
            ZoneId z = zone(orgId);
            stale.computeIfAbsent(mentor, k -> new TreeSet<>()).add(at.atZone(z == null ? DEFAULT_ZONE : z).getYear());
        }

        String mentorOfUser(String userId) {
            String m = mentorOfUserInBundle.get(userId);
            if (m == null) {
                if (mentorOfUserInDb == null) {
                    mentorOfUserInDb = new HashMap<>();
                    existing.get(SyncStore.PEER_MENTORS).forEach((k, v) -> mentorOfUserInDb.put((String) v[0], k));
                }
                m = mentorOfUserInDb.get(userId);
            }
            return m;
        }

        String orgOfMentor(String mentor) {
            Object[] v = ref(SyncStore.PEER_MENTORS, mentor);
            return v == null ? null : (String) v[1];
        }

        final Set<String> changedTypes = new HashSet<>();
        final Set<String> changedOrgs = new HashSet<>();

        /** A row inserted ({@code before} null) or changed: which mentors' summaries read it. */
        void staleOnInsert(Table t, Pending p, Object[] before) {
            if (t == SyncStore.ASSIGNMENTS) {
                String m = (String) p.values()[0];
                mark(m, (Instant) p.values()[2], orgOfMentor(m));
                if (before != null) {
                    String om = (String) before[0];
                    mark(om, (Instant) before[2], orgOfMentor(om));
                }
            } else if (t == SyncStore.EVENT_ATTENDANCE) {
                String m = mentorOfUser(p.key()[1]);
                Object[] ev = ref(SyncStore.EVENTS, p.key()[0]);
                if (m != null && ev != null) {
                    mark(m, (Instant) ev[2], (String) ev[0]);
                }
            } else if (before == null) {
                return; // a new row of another table: its activities mark their mentors
            } else if (t == SyncStore.PEER_MENTORS) {
                staleAllYears.add(p.key()[0]);
            } else if (t == SyncStore.USERS) {
                String m = mentorOfUser(p.key()[0]);
                if (m != null) {
                    staleAllYears.add(m);
                }
            } else if (t == SyncStore.ORGANIZATIONS) {
                changedOrgs.add(p.key()[0]);
            } else if (t == SyncStore.ACTIVITY_TYPES) {
                changedTypes.add(p.key()[0]);
            } else if (t == SyncStore.EVENTS) {
                changedEvents.add(p.key()[0]);
                Object[] v = p.values();
                String organizer = (String) v[3];
                String oldOrganizer = (String) before[3];
                for (String u : new String[] {organizer, oldOrganizer}) {
                    String m = u == null ? null : mentorOfUser(u);
                    if (m != null) {
                        mark(m, (Instant) v[2], (String) v[0]);
                        mark(m, (Instant) before[2], (String) before[0]);
                    }
                }
            }
        }

        final Set<String> changedEvents = new HashSet<>();

        /** Mentors whose every year is stale (their own row, their user, their organisation or a type changed). */
        void resolveAllYears() throws SQLException {
            if (!changedOrgs.isEmpty()) {
                for (SyncStore.MentorRef m : store.mentors()) {
                    if (changedOrgs.contains(m.organizationId())) {
                        staleAllYears.add(m.id());
                    }
                }
            }
            if (!changedTypes.isEmpty()) {
                staleAllYears.addAll(store.mentorsWithTypes(changedTypes));
            }
            if (!changedEvents.isEmpty()) {
                for (Map.Entry<String, Object[]> e : existing.get(SyncStore.EVENT_ATTENDANCE).entrySet()) {
                    String[] k = e.getKey().split("\u0000");
                    if (changedEvents.contains(k[0])) {
                        String m = mentorOfUser(k[1]);
                        Object[] ev = ref(SyncStore.EVENTS, k[0]);
                        Object[] evOld = existing.get(SyncStore.EVENTS).get(k[0]);
                        if (m != null) {
                            mark(m, (Instant) ev[2], (String) ev[0]);
                            if (evOld != null) {
                                mark(m, (Instant) evOld[2], (String) evOld[0]);
                            }
                        }
                    }
                }
            }
            if (!staleAllYears.isEmpty()) {
                store.activityTimesOf(staleAllYears, (m, at) -> mark(m, at, orgOfMentor(m)));
            }
        }

        // ---- activities: merge join with the stored rows in id order

        long[] writeActivities() throws SQLException {
            long inserted = 0;
            long updated = 0;
            long unchanged = 0;
            long removed = 0;
            long total = acts.count();
            long done = 0;
            String snapshotOrg = snapshotFrom == null ? null : manifestOrg;
            long fromMicros = 0;
            long toMicros = 0;
            if (snapshotOrg != null) {
                ZoneId z = zone(snapshotOrg) == null ? DEFAULT_ZONE : zone(snapshotOrg);
                fromMicros = snapshotFrom.atStartOfDay(z).toInstant().getEpochSecond() * 1_000_000L;
                toMicros = snapshotTo.plusDays(1).atStartOfDay(z).toInstant().getEpochSecond() * 1_000_000L;
            }
            boolean empty = emptyAtStart;
            String shown = source.displayName("activities.csv");
            try (SyncStore.ActivityWriter w = store.activityWriter();
                 ActivityRuns.Merge m = acts.merge();
                 SyncStore.ActivityCursor cursor = empty ? null : store.activitiesById()) {
                SyncStore.StoredActivity db = cursor == null ? null : cursor.next();
                String lastDbId = null;
                ActivityRuns.Act a = m.next();
                while (a != null || db != null) {
                    if (a != null) {
                        ActivityRuns.Act next = m.next();
                        if ((next != null && next.id.equals(a.id)) || a.isRejected()) {
                            // a repeated id: every row of it is rejected (see findDuplicateActivities)
                            String id = a.id;
                            List<ActivityRuns.Act> group = new ArrayList<>();
                            group.add(a);
                            while (next != null && next.id.equals(id)) {
                                group.add(next);
                                next = m.next();
                            }
                            if (!dupsChecked) {
                                reportDuplicates(group, shown);
                            }
                            // the stored row of this id stays as it is
                            while (db != null && db.id().compareTo(id) <= 0) {
                                if (db.id().compareTo(id) < 0) {
                                    removed += removeIfSnapshot(w, db, snapshotOrg, fromMicros, toMicros);
                                }
                                lastDbId = checkOrder(lastDbId, db.id());
                                db = cursor.next();
                            }
                            a = next;
                            continue;
                        }
                        // stored rows before this id: not in the bundle
                        while (db != null && db.id().compareTo(a.id) < 0) {
                            removed += removeIfSnapshot(w, db, snapshotOrg, fromMicros, toMicros);
                            lastDbId = checkOrder(lastDbId, db.id());
                            db = cursor.next();
                        }
                        if (db != null && db.id().equals(a.id)) {
                            if (a.sameValues(db)) {
                                unchanged++;
                            } else {
                                w.update(a);
                                updated++;
                                mark(a.peerMentorId(), instant(a.micros), a.organizationId());
                                mark(db.peerMentorId(), instant(db.startedAtMicros()), db.organizationId());
                            }
                            lastDbId = checkOrder(lastDbId, db.id());
                            db = cursor.next();
                        } else {
                            w.insert(a);
                            inserted++;
                            mark(a.peerMentorId(), instant(a.micros), a.organizationId());
                        }
                        a = next;
                        if ((++done & 1023) == 0) {
                            checkCancelled();
                            if ((done & 16383) == 0) {
                                progress.step(done, total, "writing", shown, done, total);
                            }
                        }
                    } else {
                        removed += removeIfSnapshot(w, db, snapshotOrg, fromMicros, toMicros);
                        lastDbId = checkOrder(lastDbId, db.id());
                        db = cursor.next();
                    }
                }
            }
            return new long[] {inserted, updated, unchanged, removed};
        }

        String checkOrder(String last, String id) {
            if (last != null && last.compareTo(id) >= 0) {
                throw new IllegalStateException("The database returned activities out of id order (" + last + ", " + id
                        + "); the sync's merge needs H2's binary string order.");
            }
            return id;
        }

        Instant instant(long micros) {
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        }

        int removeIfSnapshot(SyncStore.ActivityWriter w, SyncStore.StoredActivity db, String org, long from, long to)
                throws SQLException {
            if (org == null || !org.equals(db.organizationId()) || db.startedAtMicros() < from || db.startedAtMicros() >= to) {
                return 0;
            }
            w.delete(db.id());
            mark(db.peerMentorId(), instant(db.startedAtMicros()), db.organizationId());
            return 1;
        }

        // -------------------------------------------------------------- reports and the log

        ImportReport report(ImportReport.Outcome outcome, Map<String, long[]> counts, Path rejectFile) {
            Map<String, ImportReport.FileCounts> files = new LinkedHashMap<>();
            for (Problems.FileState f : problems.files().values()) {
                long[] n = counts.getOrDefault(f.file, new long[4]);
                files.put(f.file, new ImportReport.FileCounts(f.rows, n[0], n[1], n[2], n[3], f.rejected));
            }
            return new ImportReport(source.path(), outcome, problems.ruleBroken(), files, problems.errors(), problems.more(),
                    problems.warnings(), rejectFile, sha256, startedAt, clock.instant());
        }

        ImportReport refuse() throws SQLException {
            if (sha256 == null) {
                try {
                    sha256 = source.sha256();
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
            store.log(new SyncStore.LogEntry(source.path().toAbsolutePath().toString(), r.sha256() == null ? "" : r.sha256(),
                    actor.userId(), switch (r.outcome()) {
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
                store.log(new SyncStore.LogEntry(source.path().toAbsolutePath().toString(), sha256 == null ? "" : sha256,
                        actor.userId(), "failed", problems.files().values().stream().mapToLong(f -> f.rows).sum(),
                        0, 0, 0, 0, 0, Json.write(Map.of("failed", why)), startedAt, clock.instant()));
                c.commit();
            } catch (SQLException | RuntimeException ignored) {
                // the failure itself is what the caller hears about
            }
        }

        /** After the bulk load (committed or rolled back): the primary key and index of activities back. */
        void restoreKeys() throws SQLException {
            if (keysDropped) {
                keysDropped = false;
                progress.step(0, -1, "indexing");
                SyncStore.restoreActivityKeys(c);
            }
        }

        @Override
        public void close() {
            acts.close();
            try {
                restoreKeys();
            } catch (SQLException e) {
                throw new DatabaseException("The activities' index could not be rebuilt (it is rebuilt when the database "
                        + "opens next): " + e.getMessage(), e);
            }
        }
    }

    static String stamp(Instant at) {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC).format(at);
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
