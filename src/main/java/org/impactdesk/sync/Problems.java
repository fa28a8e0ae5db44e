package org.impactdesk.sync;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.impactdesk.domain.ImportMessage;
import org.impactdesk.domain.SyncGateway;
/**
 * What a pass over a bundle found: errors (the first {@link #CAP} kept, the rest counted),
 * warnings, and per file the rows read and the rows rejected (by physical line, so the write
 * pass and the reject file know them).
 */
public final class Problems {
    static final int CAP = 1000;

    /** Per file: rows read, rejected lines. */
    public static final class FileState {
        public final String file;
        public long rows;
        public long rejected;
        final BitSet rejectedLines = new BitSet();
        /** line -> span (physical lines) of rejected rows, for the reject file */
        final Map<Long, Integer> spans = new java.util.TreeMap<>();
        /** line -> the rejected row's reasons in English, for the reject file */
        final Map<Long, List<String>> reasons = new java.util.TreeMap<>();
        CsvTable.Dialect dialect;
        boolean fileError;
        /** rows not written because they lie outside the importer's rights */
        public long skipped;
        /** the rules skipped rows broke (said in English as the key), in the order first met */
        final Map<String, Skip> skips = new LinkedHashMap<>();
        /** a warning about two-digit years was given */
        boolean twoDigitYears;

        FileState(String file) {
            this.file = file;
        }

        boolean isRejected(long line) {
            return line <= Integer.MAX_VALUE && rejectedLines.get((int) line);
        }
    }

    /** Rows skipped for one rule in one file: how many, and the first lines. */
    static final class Skip {
        static final int LINES = 5;
        final ImportMessage rule;
        long count;
        final List<Long> firstLines = new ArrayList<>();

        Skip(ImportMessage rule) {
            this.rule = rule;
        }
    }

    private final List<SyncGateway.Problem> errors = new ArrayList<>();
    private long more;
    private final List<ImportMessage> warnings = new ArrayList<>();
    private final Map<String, FileState> files = new LinkedHashMap<>();
    private boolean ruleBroken;
    private final boolean keepReasons;

    public Problems(boolean keepReasons) {
        this.keepReasons = keepReasons;
    }

    FileState file(String name) {
        return files.computeIfAbsent(name, FileState::new);
    }

    public Map<String, FileState> files() {
        return files;
    }

    public void warn(ImportMessage w) {
        warnings.add(w);
    }

    /** A whole-file error: the file cannot be imported. */
    public void fileError(String file, Long line, ImportMessage reason) {
        file(file).fileError = true;
        add(new SyncGateway.Problem(file, line, null, reason));
    }

    /** A row error: the row at {@code line} (spanning {@code span} lines) is rejected. */
    void rowError(String file, long line, int span, String column, ImportMessage reason) {
        reject(file, line, span, column, reason);
        add(new SyncGateway.Problem(file, line, column, reason));
    }

    /** Marks the row rejected and keeps its reason (in English, as the command line) for the reject file. */
    private void reject(String file, long line, int span, String column, ImportMessage reason) {
        FileState f = file(file);
        if (!f.isRejected(line)) {
            f.rejectedLines.set((int) line);
            f.rejected++;
            if (keepReasons) {
                f.spans.put(line, span);
            }
        }
        if (keepReasons) {
            String english = reason.english();
            f.reasons.computeIfAbsent(line, k -> new ArrayList<>()).add(column == null ? english : column + ": " + english);
        }
    }

    /** A header that lacks a required column: listed once; its rows are rejected with {@link #rejectUnlisted}. */
    void headerError(String file, Long line, ImportMessage reason) {
        file(file);
        add(new SyncGateway.Problem(file, line, null, reason));
    }

    /** A row rejected for a reason already listed (its file's header): counted, kept for the reject file, not listed again. */
    void rejectUnlisted(String file, long line, int span, ImportMessage reason) {
        reject(file, line, span, null, reason);
    }

    /** The row lies outside the importer's rights ({@code rule} says which): not written, no error. */
    public void skip(String file, long line, ImportMessage rule) {
        FileState f = file(file);
        f.skipped++;
        Skip s = f.skips.computeIfAbsent(rule.english(), k -> new Skip(rule));
        s.count++;
        if (s.firstLines.size() < Skip.LINES) {
            s.firstLines.add(line);
        }
    }

    long skippedRows() {
        return files.values().stream().mapToLong(f -> f.skipped).sum();
    }

    /** One warning per file and rule: how many rows were skipped, their first lines, the rule. */
    public List<ImportMessage> skipWarnings() {
        List<ImportMessage> out = new ArrayList<>();
        for (FileState f : files.values()) {
            for (Skip s : f.skips.values()) {
                String lines = String.join(", ", s.firstLines.stream().sorted().map(String::valueOf).toList())
                        + (s.count > s.firstLines.size() ? ", ..." : "");
                out.add(ImportMessage.of("import.warning.skipped", f.file, s.count, lines, s.rule));
            }
        }
        return out;
    }

    /** An access rule forbids the row: the whole import is refused (also with skip-invalid). */
    public void ruleError(String file, Long line, int span, String column, ImportMessage reason) {
        ruleBroken = true;
        if (line == null) {
            add(new SyncGateway.Problem(file, null, column, reason));
        } else {
            rowError(file, line, span, column, reason);
        }
    }

    private void add(SyncGateway.Problem p) {
        if (errors.size() < CAP) {
            errors.add(p);
        } else {
            more++;
        }
    }

    public boolean ruleBroken() {
        return ruleBroken;
    }

    public boolean anyFileError() {
        return files.values().stream().anyMatch(f -> f.fileError);
    }

    public boolean any() {
        return !errors.isEmpty() || more > 0;
    }

    public long rejectedRows() {
        return files.values().stream().mapToLong(f -> f.rejected).sum();
    }

    /** Errors in bundle order: by file (dependency order), then line. */
    public List<SyncGateway.Problem> errors() {
        List<String> order = BundleSource.CSV_FILES;
        List<SyncGateway.Problem> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt((SyncGateway.Problem p) -> {
            int i = order.indexOf(p.file());
            return i < 0 ? -1 : i;
        }).thenComparing(p -> p.line() == null ? -1L : p.line()));
        return sorted;
    }

    public long more() {
        return more;
    }

    public List<ImportMessage> warnings() {
        return warnings;
    }
}
