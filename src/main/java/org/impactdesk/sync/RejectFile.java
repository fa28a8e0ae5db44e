package org.impactdesk.sync;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.impactdesk.domain.PrivateFiles;
import org.impactdesk.domain.SpreadsheetText;

/**
 * The rows an import with skip-invalid left out, saved beside the bundle
 * ({@code <bundle>.rejected-<time>.csv}): one record per rejected row with its file, physical
 * line, reasons, and the row's original text exactly as it stood in the file (all its physical
 * lines). UTF-8 with a BOM so that Excel opens it right; a cell that a spreadsheet would run as a
 * formula gets the leading apostrophe of {@link SpreadsheetText} (the only change to the row's text).
 */
public final class RejectFile {
    private final BundleSource source;
    private final Problems problems;
    private final Instant startedAt;

    public RejectFile(BundleSource source, Problems problems, Instant startedAt) {
        this.source = source;
        this.problems = problems;
        this.startedAt = startedAt;
    }

    static Path pathFor(Path bundle, Instant at) {
        Path abs = bundle.toAbsolutePath();
        Path dir = abs.getParent() == null ? abs : abs.getParent();
        return dir.resolve(abs.getFileName() + ".rejected-" + stamp(at) + ".csv");
    }

    public Path write() throws IOException {
        Path out = pathFor(source.path(), startedAt);
        try (BufferedWriter bw = PrivateFiles.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            bw.write('\uFEFF');
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(bw);
            csv.writeRecord("file", "line", "reasons", "row");
            for (String file : BundleSource.CSV_FILES) {
                if (!source.has(file)) {
                    continue;
                }
                Problems.FileState state = problems.files().get(source.displayName(file));
                if (state == null || state.spans.isEmpty()) {
                    continue;
                }
                copyRows(file, state, csv);
            }
            csv.flush();
        }
        return out;
    }

    /** Streams the file's physical lines once and copies the rejected rows' lines. */
    private void copyRows(String file, Problems.FileState state, CsvWriter csv) throws IOException {
        Iterator<Map.Entry<Long, Integer>> wanted = state.spans.entrySet().iterator();
        Map.Entry<Long, Integer> next = wanted.hasNext() ? wanted.next() : null;
        try (Reader r = CsvTable.reader(source, file, state.dialect.charset())) {
            PhysicalLines lines = new PhysicalLines(new java.io.BufferedReader(r, 1 << 16));
            long lineNo = 0;
            StringBuilder row = null;
            long rowStart = 0;
            long rowEnd = 0;
            String line;
            while (next != null && (line = lines.next()) != null) {
                lineNo++;
                if (row == null && lineNo == next.getKey()) {
                    row = new StringBuilder();
                    rowStart = lineNo;
                    rowEnd = lineNo + next.getValue() - 1;
                }
                if (row != null) {
                    row.append(line);
                    if (lineNo == rowEnd) {
                        String text = row.toString();
                        // drop the terminator of the row's last line
                        if (text.endsWith("\r\n")) {
                            text = text.substring(0, text.length() - 2);
                        } else if (text.endsWith("\n") || text.endsWith("\r")) {
                            text = text.substring(0, text.length() - 1);
                        }
                        List<String> reasons = state.reasons.getOrDefault(rowStart, List.of());
                        csv.writeRecord(SpreadsheetText.cell(state.file), Long.toString(rowStart),
                                SpreadsheetText.cell(String.join("; ", reasons)), SpreadsheetText.cell(text));
                        row = null;
                        next = wanted.hasNext() ? wanted.next() : null;
                    }
                }
            }
        }
    }

    /** Physical lines with their terminators (CR, LF or CRLF end a line, as in FastCSV's numbering). */
    static final class PhysicalLines {
        private final Reader in;
        private int pending = -2;

        PhysicalLines(Reader in) {
            this.in = in;
        }

        String next() throws IOException {
            StringBuilder sb = new StringBuilder();
            int c = pending != -2 ? pending : in.read();
            pending = -2;
            if (c == -1) {
                return null;
            }
            while (c != -1) {
                sb.append((char) c);
                if (c == '\n') {
                    break;
                }
                if (c == '\r') {
                    int d = in.read();
                    if (d == '\n') {
                        sb.append('\n');
                    } else {
                        pending = d;
                    }
                    break;
                }
                c = in.read();
            }
            return sb.toString();
        }
    }

    /** The reject file's time stamp (UTC, to the second). */
    static String stamp(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC).format(at);
    }
}
