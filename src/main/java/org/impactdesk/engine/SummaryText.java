package org.impactdesk.engine;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.Period;

/** Localised texts the engine stores: contact labels, milestone labels, headlines. */
public final class SummaryText {
    public static final int HEADLINE_MAX = 140;

    private final Locale locale;
    private final ResourceBundle bundle;

    public SummaryText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale);
    }

    public Locale locale() {
        return locale;
    }

    public String text(String key, Object... args) {
        return BundleText.format(bundle, locale, key, args);
    }

    /** "Contact 1" .. "Contact 5": the only form in which a contact may leave the app. */
    public String contactLabel(int position) {
        return text("wrapped.contact.label", position);
    }

    public static String milestoneLabelKey(String milestoneKey) {
        return "wrapped.milestone." + milestoneKey;
    }

    public String milestoneLabel(String milestoneKey) {
        return text(milestoneLabelKey(milestoneKey));
    }

    /** Hours as a person reads them in this language (2 decimals at most, locale separators). */
    public String hours(BigDecimal hours) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(0);
        f.setMaximumFractionDigits(2);
        return f.format(hours);
    }

    public static String headlineKey(Period p) {
        return switch (p) {
            case Period.Year y -> "wrapped.headline.year";
            case Period.Half h -> "wrapped.headline.half" + h.half();
            case Period.Quarter q -> "wrapped.headline.quarter";
        };
    }

    /** The headline naming the hours, at most 140 characters. */
    public String headline(Period p, BigDecimal hours, int contacts) {
        String s = text(headlineKey(p), hours(hours), contacts, Integer.toString(p.year()));
        return s.length() <= HEADLINE_MAX ? s : s.substring(0, HEADLINE_MAX - 1) + "…";
    }
}
