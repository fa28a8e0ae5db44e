package org.impactdesk.sync;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.impactdesk.domain.ImportMessage;
import org.impactdesk.domain.ReportYears;
/**
 * The current row of a bundle file, with typed getters that record errors and return null; a row
 * outside the importer's rights is skipped (its errors then unsaid). Pure: no SQL.
 */
final class RowCheck {
    final BundleCheck check;
    final String file;
    final String shown;
    final CsvTable t;
    final CsvTable.Dialect dialect;
    final Problems.FileState state;
    final List<String> cols;
    CsvRecord rec;
    long line;
    boolean bad;
    /** the rule the row breaks (outside the importer's rights): skipped, its errors not reported */
    ImportMessage skip;
    /** the row names a row skipped above: skipped too, unless a rule of its own says more */
    ImportMessage skipRef;
    /** the row's errors, reported at {@link #end} unless it is skipped */
    final List<Object[]> errors = new ArrayList<>();

    RowCheck(BundleCheck check, String file, String shown, CsvTable t, CsvTable.Dialect dialect, Problems.FileState state) {
        this.check = check;
        this.file = file;
        this.shown = shown;
        this.t = t;
        this.dialect = dialect;
        this.state = state;
        this.cols = BundleReader.columns(file).stream().map(s -> s.replace("*", "")).toList();
    }

    void start(CsvRecord r) {
        this.rec = r;
        this.line = r.getStartingLineNumber();
        this.bad = false;
        this.skip = null;
        this.skipRef = null;
        this.errors.clear();
    }

    /** The row is outside the importer's rights ({@code rule}, null: it is not): skipped, not written. */
    boolean skip(ImportMessage rule) {
        if (rule != null && skip == null) {
            skip = rule;
        }
        return skipped();
    }

    /** The row names a row skipped above ({@code rule}, null: it does not). */
    boolean skipRef(ImportMessage rule) {
        if (rule != null && skipRef == null) {
            skipRef = rule;
        }
        return skipped();
    }

    boolean skipped() {
        return skip != null || skipRef != null;
    }

    /** The row is done: skipped (counted with its rule) or its errors reported. */
    void end() {
        if (skipped()) {
            check.problems.skip(shown, line, skip != null ? skip : skipRef);
        } else {
            for (Object[] e : errors) {
                check.problems.rowError(shown, line, span(), (String) e[0], (ImportMessage) e[1]);
            }
        }
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
        errors.add(new Object[] {column, reason});
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
        ImportMessage deceptive = v == null ? null : Values.deceptive(v);
        if (deceptive != null) {
            error(cols.get(c), deceptive);
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
            Instant i = Values.timestamp(v, zone == null ? BundleCheck.DEFAULT_ZONE : zone);
            noteTwoDigitYear(v);
            int y = i.atZone(zone == null ? BundleCheck.DEFAULT_ZONE : zone).getYear();
            if (!ReportYears.contains(y)) {
                error(cols.get(c), "import.error.yearOutOfRange", Values.shown(v), ReportYears.FIRST + "", ReportYears.LAST + "");
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
            LocalDate d = Values.date(v);
            noteTwoDigitYear(v);
            return d;
        } catch (Values.BadValue e) {
            error(cols.get(c), e.reason);
            return null;
        }
    }

    /** One warning per file that dates with two-digit years were read as 2000-2099. */
    void noteTwoDigitYear(String v) {
        if (!state.twoDigitYears && Values.twoDigitYear(v)) {
            state.twoDigitYears = true;
            check.problems.warn(ImportMessage.of("import.warning.twoDigitYears", shown));
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
    boolean firstTime(Map<String, Long> firstLines, String key, BundleTable table, String labelKey, String... ids) {
        if (skipped()) {
            if (key != null) {
                check.skippedKeys.get(table).add(key);
            }
            return false;
        }
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
        Pending p = check.bundleRows.get(table).remove(key);
        if (p != null) {
            check.problems.rowError(shown, first, p.span(), null, msg);
        }
        return false;
    }

    void keep(BundleTable table, String[] key, Object[] values) {
        if (!bad && !skipped()) {
            check.bundleRows.get(table).put(BundleTable.key(key), new Pending(line, span(), key, values));
        }
    }
}
