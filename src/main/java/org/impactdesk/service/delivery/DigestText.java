package org.impactdesk.service.delivery;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.SyncDigest;

/**
 * The text of a coordinator's digest after a sync, in the organisation's language: the lists of
 * Home's "Since the last sync" under Home's own headings, every name in each list (a mail has
 * room), "nobody" for an empty one.
 */
final class DigestText {
    private DigestText() {
    }

    static String body(SyncDigest d, ZonedDateTime syncedAt, String coordinatorName, ResourceBundle bundle, Locale locale) {
        StringBuilder out = new StringBuilder(fmt(bundle, locale, "mail.sync_digest.body", coordinatorName,
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).format(syncedAt),
                periodName(d.period(), bundle, locale), periodName(d.before(), bundle, locale)));
        d.lists().forEach((key, names) -> {
            String title = key.equals("stillFlagged")
                    ? fmt(bundle, locale, "home.changes.stillFlagged", periodName(d.before(), bundle, locale))
                    : bundle.getString("home.changes." + key);
            out.append("\n\n").append(fmt(bundle, locale, "home.changes.group", title, names.size())).append('\n')
                    .append(names.isEmpty() ? bundle.getString("home.changes.nobody") : list(names));
        });
        return out.append("\n\n").append(bundle.getString("mail.sync_digest.end")).toString();
    }

    private static String list(List<String> names) {
        return "- " + String.join("\n- ", names);
    }

    static String periodName(Period p, ResourceBundle bundle, Locale locale) {
        return switch (p) {
            case Period.Quarter q -> fmt(bundle, locale, "period.quarter", q.quarter(), String.valueOf(q.year()));
            case Period.Half h -> fmt(bundle, locale, "period.half", h.half(), String.valueOf(h.year()));
            case Period.Year y -> String.valueOf(y.year());
        };
    }

    private static String fmt(ResourceBundle bundle, Locale locale, String key, Object... args) {
        return BundleText.format(bundle, locale, key, args);
    }
}
