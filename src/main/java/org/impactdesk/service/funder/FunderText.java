package org.impactdesk.service.funder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.FunderCategory;
import org.impactdesk.domain.FunderFigures;
import org.impactdesk.domain.FunderReason;
import org.impactdesk.domain.FunderReportData;

/** The funder report's words in one language (funder.* keys), for its exports. */
public final class FunderText {
    /** The figure columns of the summary, in the spec's order of {@code totals}. */
    public static final List<String> FIGURE_KEYS = List.of("funder.column.activeMentors", "funder.column.individual",
            "funder.column.groupSessions", "funder.column.groupParticipants", "funder.column.courseDays",
            "funder.column.courseParticipants", "funder.column.countedHours", "funder.column.contactService",
            "funder.column.contactServiceHours");

    private final ResourceBundle bundle;
    private final Locale locale;

    public FunderText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale);
    }

    public String get(String key, Object... args) {
        return args.length == 0 ? bundle.getString(key) : BundleText.format(bundle, locale, key, args);
    }

    public String reason(FunderReason r) {
        return r == null ? "" : get("funder.reason." + r.code());
    }

    public String category(FunderCategory c) {
        return c == null ? get("funder.category.none") : get("funder.category." + c.code());
    }

    public String date(LocalDate d) {
        return d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    /** The figures as numbers, in {@link #FIGURE_KEYS} order (hours as BigDecimal). */
    public static List<Number> values(FunderFigures f) {
        return List.of(f.activePeerMentors(), f.individualCount(), f.groupSessions(), f.groupParticipants(), f.courseDays(),
                f.courseParticipants(), f.countedHours(), f.contactServiceCount(), f.contactServiceHours());
    }

    /** The sentence under the title: final, or the open year's forecast. */
    public String status(FunderReportData d) {
        return d.report().finalYear() ? get("funder.final") : get("funder.forecast", d.report().year(), date(d.madeOn()));
    }

    /** One warning per type without a category, by name and key. */
    public List<String> warnings(FunderReportData d) {
        return d.report().uncategorisedTypes().stream()
                .map(k -> get("funder.warning.uncategorised", d.typeName(k, locale), k)).toList();
    }

    public Locale locale() {
        return locale;
    }
}
