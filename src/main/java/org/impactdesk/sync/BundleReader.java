package org.impactdesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.impactdesk.domain.ImportMessage;
import org.impactdesk.domain.JsonSyntax;
/**
 * Reads a bundle's manifest and each of its files once, in dependency order, handing every row
 * to its checks ({@link DirectoryRows}, {@link ActivityRows}). Pure: no SQL.
 */
public final class BundleReader {
    private final BundleCheck check;
    private final DirectoryRows directory;
    private final ActivityRows activities;

    public BundleReader(BundleCheck check) {
        this.check = check;
        this.directory = new DirectoryRows(check);
        this.activities = new ActivityRows(check);
    }

    // -------------------------------------------------------------- manifest

    public void readManifest() throws IOException {
        if (!check.source.has(BundleSource.MANIFEST)) {
            return;
        }
        String name = check.source.displayName(BundleSource.MANIFEST);
        JsonNode m;
        try (var in = check.source.open(BundleSource.MANIFEST)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            m = JsonSyntax.read(text.startsWith("\uFEFF") ? text.substring(1) : text); // a spreadsheet's BOM is no error
        } catch (JsonSyntax.Invalid e) {
            // where (line, column) and why, in the reader's language: never the parser's English
            JsonSyntax x = e.syntax();
            check.problems.fileError(name, null, ImportMessage.of("import.error.manifestNotJson", x.line(), x.column(),
                    x.reasonMessage()));
            return;
        }
        if (m == null || !m.isObject()) {
            check.problems.fileError(name, null, ImportMessage.of("import.error.manifestNotObject"));
            return;
        }
        JsonNode v = m.get("format_version");
        if (v != null && !v.isNull() && v.asInt(-1) != 1) {
            check.problems.fileError(name, null, ImportMessage.of("import.error.formatVersion", v.toString()));
        }
        if (m.hasNonNull("organization_id")) {
            check.manifestOrg = m.get("organization_id").asText();
        }
        JsonNode fs = m.get("full_snapshot");
        if (fs != null && !fs.isNull()) {
            try {
                check.snapshotFrom = LocalDate.parse(fs.path("from").asText());
                check.snapshotTo = LocalDate.parse(fs.path("to").asText());
                if (check.snapshotTo.isBefore(check.snapshotFrom)) {
                    check.problems.fileError(name, null,
                            ImportMessage.of("import.error.snapshotBackwards", check.snapshotTo.toString(), check.snapshotFrom.toString()));
                }
            } catch (DateTimeException e) {
                check.problems.fileError(name, null, ImportMessage.of("import.error.snapshotDates"));
            }
            if (check.manifestOrg == null) {
                check.problems.fileError(name, null, ImportMessage.of("import.error.snapshotNoOrganisation"));
            } else if (!check.rights.everyOrganisation() && !check.manifestOrg.equals(check.actor.organizationId())) {
                check.problems.ruleError(name, null, 1, "full_snapshot",
                        ImportMessage.of("import.error.snapshotOtherOrganisation", check.manifestOrg, check.who(), check.actor.organizationId()));
            }
        }
    }

    // -------------------------------------------------------------- reading files

    /** The known columns of each file, the required ones marked with a star. */
    static List<String> columns(String file) {
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
            case "activity_types.csv" -> List.of("id*", "name*", "name_nb", "funder_category");
            case "events.csv" -> List.of("id*", "organization_id*", "title*", "starts_at*", "organizer_user_id");
            case "event_attendance.csv" -> List.of("event_id*", "user_id*", "registered", "attended*");
            case "assignments.csv" -> List.of("id*", "peer_mentor_id*", "status*", "completed_at", "honorarium_amount");
            case "activities.csv" -> List.of("id*", "organization_id*", "local_association_id*", "peer_mentor_id*",
                    "activity_type*", "started_at*", "duration_minutes*", "contact_id", "approval_status*", "travel_km",
                    "event_id");
            default -> throw new IllegalArgumentException(file);
        };
    }

    public void readFile(String file) {
        String shown = check.source.displayName(file);
        Problems.FileState state = check.problems.file(shown);
        try {
            readFile(file, shown, state);
        } catch (IOException | UncheckedIOException e) {
            // a damaged entry of a .zip, a file that went away: the file cannot be imported
            check.problems.fileError(shown, null, ImportMessage.of("import.error.unreadable", BundleSource.why(e)));
        }
    }

    public void readFile(String file, String shown, Problems.FileState state) throws IOException {
        CsvTable.Dialect dialect = CsvTable.detect(check.source, file);
        state.dialect = dialect;
        if (!dialect.charset().equals(java.nio.charset.StandardCharsets.UTF_8)) {
            check.problems.warn(ImportMessage.of("import.warning.windows1252", shown));
        }
        List<String> spec = columns(file);
        List<String> cols = spec.stream().map(s -> s.replace("*", "")).toList();
        List<String> required = spec.stream().filter(s -> s.endsWith("*")).map(s -> s.replace("*", "")).toList();
        try (CsvTable t = CsvTable.open(check.source, file, dialect, cols, required)) {
            if (!t.unknownColumns().isEmpty()) {
                check.problems.warn(ImportMessage.of("import.warning.unknownColumns", shown,
                        String.join(", ", t.unknownColumns())));
            }
            RowCheck r = new RowCheck(check, file, shown, t, dialect, state);
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
                    case "organizations.csv" -> directory.organization(r, firstLines);
                    case "local_associations.csv" -> directory.localAssociation(r, firstLines);
                    case "users.csv" -> directory.user(r, firstLines);
                    case "peer_mentors.csv" -> directory.peerMentor(r, firstLines);
                    case "contacts.csv" -> directory.contact(r, firstLines);
                    case "activity_types.csv" -> activities.activityType(r, firstLines);
                    case "events.csv" -> activities.event(r, firstLines);
                    case "event_attendance.csv" -> activities.attendance(r, firstLines);
                    case "assignments.csv" -> activities.assignment(r, firstLines);
                    case "activities.csv" -> activities.activity(r);
                    default -> throw new IllegalStateException(file);
                }
                r.end();
                if ((state.rows & 1023) == 0) {
                    check.checkCancelled();
                    if ((state.rows & 16383) == 0) {
                        check.progress.step(state.rows, -1, "checking", shown, state.rows);
                    }
                }
            }
            check.progress.step(state.rows, state.rows, "checked", shown, state.rows);
        } catch (CsvTable.FileProblem e) {
            if (e.rowsRejected) {
                rejectEveryRow(file, shown, dialect, state, e);
            } else {
                check.problems.fileError(shown, e.line, e.reason);
            }
        }
    }

    /**
     * A file missing a required column: the header is the error (listed once), and every row
     * of the file is rejected for it (counted, and with skip-invalid copied to the reject file).
     */
    void rejectEveryRow(String file, String shown, CsvTable.Dialect dialect, Problems.FileState state,
                        CsvTable.FileProblem why) throws IOException {
        check.problems.headerError(shown, why.line, why.reason);
        try (CsvTable t = CsvTable.open(check.source, file, dialect, List.of(), List.of())) {
            CsvRecord rec;
            while ((rec = t.next()) != null) {
                state.rows++;
                check.problems.rejectUnlisted(shown, rec.getStartingLineNumber(), CsvTable.span(rec), why.reason);
                if ((state.rows & 1023) == 0) {
                    check.checkCancelled();
                }
            }
        } catch (CsvTable.FileProblem e) {
            check.problems.fileError(shown, e.line, e.reason);
        }
    }
}
