package org.impactdesk.ui.team;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.impactdesk.domain.SpreadsheetText;
import org.impactdesk.domain.TeamLine;

/**
 * Writes the Team table as shown (its rows in their order) to a CSV that Excel opens correctly
 * in the user's locale: UTF-8 with a byte order mark, CRLF line ends, fields quoted only when
 * they hold the separator, a quote or a line break; Norwegian: {@code ;} and decimal comma,
 * English: {@code ,} and decimal point. Empty fields where the row has no prior data. A text
 * field (a name, an association) that a spreadsheet would run as a formula (it begins with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe ({@link SpreadsheetText});
 * numbers never do.
 */
public final class TeamCsv {
    static final String BOM = "\uFEFF";
    static final List<String> HEADER_KEYS = List.of("team.csv.kind", "team.column.name", "team.column.associations",
            "team.column.sessions", "team.column.hours", "team.csv.yoySessions", "team.csv.yoyHours",
            "team.csv.yoyPercent", "team.csv.priorSessions", "team.csv.priorHours", "team.column.status",
            "team.csv.underactiveThreshold", "team.csv.overloadedThreshold");

    private final TeamFormat format;

    public TeamCsv(TeamFormat format) {
        this.format = format;
    }

    /** Writes the header and {@code lines}; does not close {@code out}. */
    public void write(List<TeamLine> lines, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BOM);
        CsvWriter csv = CsvWriter.builder()
                .fieldSeparator(format.csvSeparator())
                .quoteCharacter('"')
                .lineDelimiter(LineDelimiter.CRLF)
                .build(writer);
        csv.writeRecord(HEADER_KEYS.stream().map(k -> format.messages().getString(k)).toList());
        for (TeamLine l : lines) {
            csv.writeRecord(
                    text(format.kind(l)),
                    text(l.name()),
                    text(l.associationNames()),
                    format.csvNumber(l.sessions()),
                    format.csvNumber(l.hours()),
                    format.csvNumber(l.yoyDeltaSessions()),
                    format.csvNumber(l.yoyDeltaHours()),
                    format.csvNumber(l.yoyDeltaPercent()),
                    format.csvNumber(l.priorYearSessions()),
                    format.csvNumber(l.priorYearHours()),
                    text(format.status(l)),
                    format.csvNumber(l.underactiveThreshold()),
                    format.csvNumber(l.overloadedThreshold()));
        }
        csv.flush();
        writer.flush();
    }

    /** Text as a spreadsheet shows it, never as a formula it would run. */
    static String text(String s) {
        return SpreadsheetText.cell(s);
    }
}
