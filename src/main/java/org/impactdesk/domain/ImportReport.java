package org.impactdesk.domain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.impactdesk.domain.Json;

/**
 * What a preview or an import found and did: counts per bundle file, every error (up to a cap,
 * {@link #moreErrors()} counts the rest) and warnings. {@link #written()} is false for a preview
 * and for a refused import (nothing was written then).
 */
public final class ImportReport {

    /**
     * The counts of one bundle file. {@code rows} = data rows read; {@code rejected} = rows with
     * errors; {@code skipped} = rows outside the importer's rights, not written.
     */
    public record FileCounts(long rows, long inserted, long updated, long unchanged, long removed, long rejected,
                             long skipped) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("inserted", inserted);
            m.put("updated", updated);
            m.put("unchanged", unchanged);
            m.put("removed", removed);
            m.put("rejected", rejected);
            m.put("skipped", skipped);
            return m;
        }
    }

    /** Outcome as logged: imported, refused (bad rows or a rule), failed. */
    public enum Outcome { PREVIEWED, IMPORTED, REFUSED, FAILED }

    private final Path bundle;
    private final Outcome outcome;
    private final boolean refusedByRule;
    private final Map<String, FileCounts> files;
    private final List<SyncGateway.Problem> errors;
    private final long moreErrors;
    private final List<ImportMessage> warnings;
    private final Path rejectFile;
    private final String sha256;
    private final Instant startedAt;
    private final Instant finishedAt;

    public ImportReport(Path bundle, Outcome outcome, boolean refusedByRule, Map<String, FileCounts> files,
                 List<SyncGateway.Problem> errors, long moreErrors, List<ImportMessage> warnings, Path rejectFile,
                 String sha256, Instant startedAt, Instant finishedAt) {
        this.bundle = bundle;
        this.outcome = outcome;
        this.refusedByRule = refusedByRule;
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        this.errors = List.copyOf(errors);
        this.moreErrors = moreErrors;
        this.warnings = List.copyOf(warnings);
        this.rejectFile = rejectFile;
        this.sha256 = sha256;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
    }

    public Path bundle() { return bundle; }
    public Outcome outcome() { return outcome; }
    /** True when the data was written (an import that was not refused). */
    public boolean written() { return outcome == Outcome.IMPORTED; }
    /** Refused by an access rule (exit 3) rather than by bad rows (exit 1). */
    public boolean refusedByRule() { return refusedByRule; }
    public Map<String, FileCounts> files() { return files; }
    public List<SyncGateway.Problem> errors() { return errors; }
    public long moreErrors() { return moreErrors; }
    public long errorCount() { return errors.size() + moreErrors; }
    public boolean hasErrors() { return errorCount() > 0; }
    /** The warnings in English, as the command line and the JSON report say them. */
    public List<String> warnings() { return warnings.stream().map(ImportMessage::english).toList(); }
    /** The warnings as messages, for a screen to say in its language. */
    public List<ImportMessage> warningMessages() { return warnings; }
    public Path rejectFile() { return rejectFile; }
    public String sha256() { return sha256; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }

    private long sum(java.util.function.ToLongFunction<FileCounts> f) {
        return files.values().stream().mapToLong(f).sum();
    }

    public long rows() { return sum(FileCounts::rows); }
    public long inserted() { return sum(FileCounts::inserted); }
    public long updated() { return sum(FileCounts::updated); }
    public long unchanged() { return sum(FileCounts::unchanged); }
    public long removed() { return sum(FileCounts::removed); }
    public long rejected() { return sum(FileCounts::rejected); }
    public long skipped() { return sum(FileCounts::skipped); }

    /** True when an import wrote nothing new: every row unchanged, none removed. */
    public boolean changedNothing() {
        return inserted() == 0 && updated() == 0 && removed() == 0;
    }

    /** CLI.md's {@code import --json} document. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inserted", inserted());
        m.put("updated", updated());
        m.put("unchanged", unchanged());
        m.put("removed", removed());
        m.put("rejected", rejected());
        m.put("skipped", skipped());
        Map<String, Object> fm = new LinkedHashMap<>();
        files.forEach((k, v) -> fm.put(k, v.toMap()));
        m.put("files", fm);
        List<Map<String, Object>> es = new ArrayList<>();
        for (SyncGateway.Problem p : errors) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("file", p.file());
            e.put("line", p.line());
            e.put("column", p.column());
            e.put("message", p.message());
            es.add(e);
        }
        m.put("errors", es);
        List<String> ws = new ArrayList<>(warnings());
        if (moreErrors > 0) {
            ws.add(moreErrors + " more errors are not listed (only the first " + errors.size() + " are).");
        }
        m.put("warnings", ws);
        return m;
    }

    public String toJson() {
        return Json.write(toMap());
    }

    /** One problem as a person reads it: {@code activities.csv line 812, duration_minutes: ...}. */
    public static String describe(SyncGateway.Problem p) {
        StringBuilder sb = new StringBuilder(p.file());
        if (p.line() != null) {
            sb.append(" line ").append(p.line());
        }
        sb.append(p.column() != null ? ", " + p.column() + ": " : ": ").append(p.message());
        return sb.toString();
    }

    @Override
    public String toString() {
        return outcome + ": " + inserted() + " inserted, " + updated() + " updated, " + unchanged() + " unchanged, "
                + removed() + " removed, " + rejected() + " rejected, " + skipped() + " skipped";
    }
}
