package org.impactdesk.ui.team;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.OutlierStatus;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.PeriodNames;
import org.impactdesk.domain.TeamLine;
import org.impactdesk.ui.fx.Formats;

/**
 * The Team screen's texts in the chosen locale: numbers as a person reads them in the table
 * ({@link Formats}: {@code 1 234,5} in nb, {@code 1,234.5} in en; deltas signed), and as a spreadsheet reads
 * them in the CSV export (no grouping, the locale's decimal separator). A {@code null} figure
 * (no prior data) is always the empty text, never 0.
 */
public final class TeamFormat {
    private final ResourceBundle messages;
    private final Locale locale;
    private final Formats formats;
    private final char csvDecimalSeparator;

    public TeamFormat(ResourceBundle messages) {
        this.messages = messages;
        this.locale = BundleText.locale(messages);
        this.formats = new Formats(locale);
        this.csvDecimalSeparator = isNorwegian() ? ',' : '.';
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle messages() {
        return messages;
    }

    /** Norwegian (nb, nn or no): the CSV takes {@code ;} and a decimal comma, as Excel there expects. */
    public boolean isNorwegian() {
        return switch (locale.getLanguage()) {
            case "nb", "nn", "no" -> true;
            default -> false;
        };
    }

    public String text(String key, Object... args) {
        return args.length == 0 ? messages.getString(key) : BundleText.format(messages, locale, key, args);
    }

    // ---- table texts

    // the numbers as every screen shows them (Formats: hours and percentages with at most one decimal)

    public String count(Integer value) {
        return value == null ? "" : formats.count(value);
    }

    public String hours(BigDecimal value) {
        return value == null ? "" : formats.hours(value);
    }

    /** Signed: "+5", "-3" (the locale's minus sign), and a plain "0" for no change. */
    public String countDelta(Integer value) {
        return value == null ? "" : formats.countDelta(value);
    }

    public String hoursDelta(BigDecimal value) {
        return value == null ? "" : formats.hoursDelta(value);
    }

    public String percentDelta(BigDecimal value) {
        return value == null ? "" : formats.percentDelta(value);
    }

    public String status(OutlierStatus status) {
        return messages.getString("team.status." + status.code());
    }

    /** A line's status as shown: "Paused" for a paused mentor (the stored status is kept), else the stored one. */
    public String status(TeamLine line) {
        return line.paused() ? messages.getString("team.status.paused") : status(line.status());
    }

    /** The name column: the mentor's name, or "Team of Kim" for a coordinator's team row. */
    public String name(TeamLine line) {
        return line.isTeam() ? text("team.row.team", line.name()) : line.name();
    }

    public String kind(TeamLine line) {
        return messages.getString(line.isTeam() ? "team.kind.team" : "team.kind.mentor");
    }

    /** "Q3 2026" / "3. kvartal 2026": the words every screen uses for a period. */
    public String period(Period period) {
        return PeriodNames.shown(period, messages);
    }

    // ---- CSV texts: plain digits, the locale's decimal separator, no grouping, exactly as stored

    public char csvSeparator() {
        return isNorwegian() ? ';' : ',';
    }

    public String csvNumber(Number value) {
        if (value == null) {
            return "";
        }
        String plain = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        return csvDecimalSeparator == '.' ? plain : plain.replace('.', csvDecimalSeparator);
    }
}
