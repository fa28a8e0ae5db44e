package org.impactdesk.sync;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.impactdesk.domain.ImportMessage;
/**
 * One CSV file of a bundle in the export dialect: encoding (UTF-8 with or without BOM, else
 * Windows-1252), delimiter ({@code ,} or {@code ;} from the header line), header names matched
 * case-insensitively in any order to the file's columns. Iterates the data records with their
 * physical line numbers (FastCSV); every pass opens the file afresh and streams.
 */
public final class CsvTable implements AutoCloseable {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** How a file is written: found once per file, reused by every pass. */
    record Dialect(Charset charset, char delimiter) {
        boolean decimalComma() {
            return delimiter == ';';
        }
    }

    /** A whole-file problem (missing required column, unreadable quoting): a message of {@code import.error.*}. */
    static final class FileProblem extends Exception {
        final Long line;
        final ImportMessage reason;
        /** the header lacks a required column: every row of the file is rejected for it */
        final boolean rowsRejected;

        FileProblem(Long line, String key, Object... args) {
            this(false, line, key, args);
        }

        FileProblem(boolean rowsRejected, Long line, String key, Object... args) {
            super(null, null, false, false);
            this.line = line;
            this.reason = ImportMessage.of(key, args);
            this.rowsRejected = rowsRejected;
        }

        @Override
        public String getMessage() {
            return reason.english();
        }
    }

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final int[] positions;
    private final int headerWidth;
    private final List<String> unknown = new ArrayList<>();
    /** the physical line where the next record starts (for a record that cannot be read) */
    private long nextLine;

    private CsvTable(CsvReader<CsvRecord> reader, Iterator<CsvRecord> records, int[] positions, int headerWidth) {
        this.reader = reader;
        this.records = records;
        this.positions = positions;
        this.headerWidth = headerWidth;
    }

    /** UTF-8 when the whole file decodes as UTF-8, else Windows-1252; the delimiter from the header line. */
    static Dialect detect(BundleSource source, String file) throws IOException {
        boolean utf8 = true;
        try (InputStream in = source.open(file)) {
            CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            byte[] buf = new byte[1 << 16];
            ByteBuffer bb = ByteBuffer.allocate(buf.length + 8);
            CharBuffer cb = CharBuffer.allocate(buf.length + 8);
            int n;
            outer:
            while ((n = in.read(buf)) > 0) {
                bb.put(buf, 0, n).flip();
                while (true) {
                    CoderResult r = dec.decode(bb, cb, false);
                    cb.clear();
                    if (r.isError()) {
                        utf8 = false;
                        break outer;
                    }
                    if (r.isUnderflow()) {
                        break;
                    }
                }
                bb.compact();
            }
            if (utf8) {
                bb.flip();
                CoderResult r = dec.decode(bb, cb, true);
                if (r.isError() || bb.hasRemaining()) {
                    utf8 = false;
                }
            }
        }
        Charset cs = utf8 ? StandardCharsets.UTF_8 : WINDOWS_1252;
        char delimiter = ',';
        try (BufferedReader r = new BufferedReader(reader(source, file, cs))) {
            String header = r.readLine();
            if (header != null) {
                int commas = 0;
                int semis = 0;
                boolean quoted = false;
                for (int i = 0; i < header.length(); i++) {
                    char c = header.charAt(i);
                    if (c == '"') {
                        quoted = !quoted;
                    } else if (!quoted && c == ',') {
                        commas++;
                    } else if (!quoted && c == ';') {
                        semis++;
                    }
                }
                delimiter = semis > commas ? ';' : ',';
            }
        }
        return new Dialect(cs, delimiter);
    }

    /** The file decoded, without a BOM. */
    static Reader reader(BundleSource source, String file, Charset cs) throws IOException {
        PushbackInputStream in = new PushbackInputStream(source.open(file), 3);
        byte[] bom = new byte[3];
        int n = in.readNBytes(bom, 0, 3);
        if (!(n == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
            in.unread(bom, 0, n);
        }
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(in, dec);
    }

    /**
     * Opens the file and reads its header: {@code columns} are the file's known columns; their
     * positions come from the header (-1 when absent). A missing required column or a column
     * named twice is a {@link FileProblem}.
     */
    static CsvTable open(BundleSource source, String file, Dialect dialect, List<String> columns, List<String> required)
            throws IOException, FileProblem {
        CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(dialect.delimiter())
                .quoteCharacter('"')
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .ofCsvRecord(reader(source, file, dialect.charset()));
        Iterator<CsvRecord> it = reader.iterator();
        CsvRecord header;
        try {
            if (!it.hasNext()) {
                reader.close();
                throw new FileProblem(null, "import.error.emptyFile");
            }
            header = it.next();
        } catch (CsvParseException | UncheckedIOException e) {
            reader.close();
            throw new FileProblem(1L, "import.error.headerUnreadable", BundleSource.why(e));
        }
        Map<String, Integer> byName = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String name = header.getField(i).trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (byName.put(name, i) != null) {
                reader.close();
                throw new FileProblem(header.getStartingLineNumber(), "import.error.columnTwice", name);
            }
            if (!columns.contains(name)) {
                unknown.add(header.getField(i).trim());
            }
        }
        int[] positions = new int[columns.size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Integer p = byName.get(columns.get(c));
            positions[c] = p == null ? -1 : p;
            if (p == null && required.contains(columns.get(c))) {
                missing.add(columns.get(c));
            }
        }
        if (!missing.isEmpty()) {
            reader.close();
            throw new FileProblem(true, header.getStartingLineNumber(),
                    missing.size() == 1 ? "import.error.columnMissing" : "import.error.columnsMissing",
                    String.join(", ", missing), String.join(", ", header.getFields()));
        }
        CsvTable t = new CsvTable(reader, it, positions, header.getFieldCount());
        t.nextLine = header.getStartingLineNumber() + span(header);
        t.unknown.addAll(unknown);
        return t;
    }

    List<String> unknownColumns() {
        return unknown;
    }

    int headerWidth() {
        return headerWidth;
    }

    /** The next data record or null; a quoting error is a {@link FileProblem} (nothing after it can be read). */
    CsvRecord next() throws FileProblem {
        try {
            CsvRecord r = records.hasNext() ? records.next() : null;
            if (r != null) {
                nextLine = r.getStartingLineNumber() + span(r);
            }
            return r;
        } catch (CsvParseException e) {
            throw new FileProblem(nextLine, "import.error.unreadablePastHere", BundleSource.why(e));
        } catch (UncheckedIOException e) {
            throw new FileProblem(nextLine, "import.error.unreadable", BundleSource.why(e));
        }
    }

    /** The field of column {@code c} (a known column's index), trimmed; null when absent or empty. */
    String field(CsvRecord r, int c) {
        int p = positions[c];
        if (p < 0 || p >= r.getFieldCount()) {
            return null;
        }
        String s = r.getField(p);
        if (s.isEmpty()) {
            return null;
        }
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        if (first <= ' ' || last <= ' ') {
            s = s.trim();
            return s.isEmpty() ? null : s;
        }
        return s;
    }

    boolean hasColumn(int c) {
        return positions[c] >= 0;
    }

    /** Physical lines a record spans (1 + line breaks inside its fields). */
    static int span(CsvRecord r) {
        int breaks = 0;
        for (int i = 0; i < r.getFieldCount(); i++) {
            String f = r.getField(i);
            for (int j = 0; j < f.length(); j++) {
                char c = f.charAt(j);
                if (c == '\n') {
                    breaks++;
                } else if (c == '\r') {
                    breaks++;
                    if (j + 1 < f.length() && f.charAt(j + 1) == '\n') {
                        j++;
                    }
                }
            }
        }
        return breaks + 1;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // read only
        }
    }
}
