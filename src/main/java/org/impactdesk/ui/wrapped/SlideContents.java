package org.impactdesk.ui.wrapped;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.impactdesk.domain.BadgeNames;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.SlidePayload;

/** Resolves payload slides into {@link SlideContent} for a locale (texts and numbers in it). */
public final class SlideContents {
    private static final ZoneId ORGANISATION_ZONE = ZoneId.of("Europe/Oslo");
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Kinds of activity with a colour of their own on the mix slide (styles/wrapped.css wrapped-seg-0..4). */
    static final int MIX_COLOURS = 5;

    private final Locale locale;
    private final ResourceBundle bundle;

    public SlideContents(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
    }

    public List<SlideContent> resolve(SlidePayload payload) {
        return payload.slides().stream().map(this::resolve).toList();
    }

    public SlideContent resolve(SlidePayload.Slide s) {
        Object[] args = displayArgs(s);
        String title = text(titleKey(s), args);
        String body = text(bodyKey(s), args);
        SlideContent.Figure figure = null;
        String figureLabel = null;
        List<SlideContent.Bar> bars = new ArrayList<>();
        List<SlideContent.Segment> segments = new ArrayList<>();
        List<String> items = new ArrayList<>();
        switch (s.key()) {
            case "intro" -> figure = s.number("year").map(y -> new SlideContent.Figure(y, false, "")).orElse(null);
            case "hours" -> figure = s.number("total_hours").map(h -> new SlideContent.Figure(spoken(h), true, "")).orElse(null);
            case "activities" -> figure = figure(s, "total_activities", "");
            case "people" -> figure = figure(s, "contacts_supported", "");
            case "streak" -> figure = figure(s, "longest_streak_days", "");
            // the big figure is the title's "Top x %" (the body says the share given less)
            case "percentile" -> figure = (s.args().get("top_percent") instanceof Number top ? Optional.of(number(top))
                    : s.number("percentile_rank").map(r -> BigDecimal.valueOf(100).subtract(r)))
                    .map(v -> new SlideContent.Figure(v, true, "nb".equals(locale.getLanguage()) ? " %" : "%")).orElse(null);
            case "impact" -> figure = figure(s, "monetary_equivalent", s.text("currency").map(c -> " " + c).orElse(""));
            case "busiest_month" -> {
                int busiest = s.number("busiest_month").map(BigDecimal::intValue).orElse(0);
                if (busiest >= 1 && busiest <= 12) {
                    figureLabel = capitalised(Month.of(busiest).getDisplayName(TextStyle.FULL_STANDALONE, locale));
                }
                List<Map<String, Object>> monthly = s.objects("monthly");
                double max = monthly.stream().mapToDouble(m -> number(m.get("activities")).doubleValue()).max().orElse(0);
                for (Map<String, Object> m : monthly) {
                    int month = number(m.get("month")).intValue();
                    BigDecimal v = number(m.get("activities"));
                    bars.add(new SlideContent.Bar(Month.of(month).getDisplayName(TextStyle.SHORT_STANDALONE, locale),
                            v.doubleValue(), max, format(v, true), month == busiest));
                }
            }
            case "activity_mix" -> {
                List<Map<String, Object>> breakdown = s.objects("breakdown");
                double total = breakdown.stream().mapToDouble(b -> number(b.get("count")).doubleValue()).sum();
                // the five biggest kinds get a colour each; the rest share one "other kinds" segment
                // (the payload's counts summed for display, so colours never repeat for different kinds)
                int shown = breakdown.size() <= MIX_COLOURS + 1 ? breakdown.size() : MIX_COLOURS;
                for (Map<String, Object> b : breakdown.subList(0, shown)) {
                    String label = typeName(b);
                    BigDecimal c = number(b.get("count"));
                    segments.add(new SlideContent.Segment(label, c.intValue(), total == 0 ? 0 : c.doubleValue() / total,
                            format(c, true)));
                }
                if (shown < breakdown.size()) {
                    List<Map<String, Object>> rest = breakdown.subList(shown, breakdown.size());
                    BigDecimal c = rest.stream().map(b -> number(b.get("count"))).reduce(BigDecimal.ZERO, BigDecimal::add);
                    segments.add(new SlideContent.Segment(text("wrapped.player.mix.other", rest.size()), c.intValue(),
                            total == 0 ? 0 : c.doubleValue() / total, format(c, true)));
                }
            }
            case "progress" -> {
                BigDecimal acts = s.number("total_activities").orElse(BigDecimal.ZERO);
                BigDecimal needActs = s.number("needed_activities").orElse(BigDecimal.ZERO);
                BigDecimal hours = s.number("total_hours").orElse(BigDecimal.ZERO);
                BigDecimal needHours = s.number("needed_hours").orElse(BigDecimal.ZERO);
                bars.add(new SlideContent.Bar(text("wrapped.player.progress.activities"), acts.doubleValue(),
                        needActs.doubleValue(), format(acts, true) + " / " + format(needActs, true), false));
                bars.add(new SlideContent.Bar(text("wrapped.player.progress.hours"), hours.doubleValue(),
                        needHours.doubleValue(), format(spoken(hours), true) + " / " + format(spoken(needHours), true), false));
            }
            case "milestones" -> {
                DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
                for (Map<String, Object> m : s.objects("milestones")) {
                    String label = m.get("label_key") != null ? text(m.get("label_key").toString())
                            : String.valueOf(m.get("milestone_key"));
                    Object at = m.get("achieved_at");
                    String when = "";
                    if (at != null) {
                        try {
                            when = " · " + date.format(Instant.parse(at.toString()).atZone(ORGANISATION_ZONE).toLocalDate());
                        } catch (java.time.format.DateTimeParseException e) {
                            when = " · " + at;
                        }
                    }
                    items.add(label + when);
                }
            }
            case "badges" -> s.objects("badges").forEach(b -> items.add(BadgeNames.shown(String.valueOf(b.get("name")),
                    b.get("name_nb") == null ? null : b.get("name_nb").toString(), bundle)));
            default -> { }
        }
        return new SlideContent(s.key(), s.animation(), title, body, figure, figureLabel, bars, segments, items);
    }

    /**
     * The slide's text arguments as the locale shows them: a year without grouping ("2025", not
     * "2,025"), a month by its name, an ISO date as a local date, a decimal with exactly the
     * decimals the payload carries ("6,049.60"), an activity type key by its localised name.
     * Whole numbers stay numbers, so {@code {0,choice,...}} patterns still choose by them.
     */
    Object[] displayArgs(SlidePayload.Slide s) {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : s.args().entrySet()) {
            out.add(displayArg(s, e.getKey(), e.getValue()));
        }
        return out.toArray();
    }

    private Object displayArg(SlidePayload.Slide s, String name, Object v) {
        if (v == null) {
            return "–";
        }
        if ("year".equals(name) && v instanceof Number n) {
            return String.valueOf(n.intValue());
        }
        if ("month".equals(name) && v instanceof Number n && n.intValue() >= 1 && n.intValue() <= 12) {
            return capitalised(Month.of(n.intValue()).getDisplayName(TextStyle.FULL_STANDALONE, locale));
        }
        if ("top_activity_type".equals(name)) {
            for (Map<String, Object> b : s.objects("breakdown")) {
                if (v.toString().equals(String.valueOf(b.get("activity_type_id")))) {
                    return typeName(b);
                }
            }
            return v;
        }
        if (v instanceof String text && ISO_DATE.matcher(text).matches()) {
            try {
                return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                        .format(java.time.LocalDate.parse(text));
            } catch (java.time.format.DateTimeParseException e) {
                return text;
            }
        }
        if (v instanceof BigDecimal d && name.contains("hours")) {
            return format(spoken(d), true);
        }
        if (v instanceof BigDecimal d && d.scale() > 0) {
            return format(d, true);
        }
        return v;
    }

    /** Hours as people say them: one decimal at most ("98.3", "3"), not "98.33" or "3.00". */
    static BigDecimal spoken(BigDecimal hours) {
        BigDecimal one = hours.setScale(1, java.math.RoundingMode.HALF_UP);
        return one.remainder(BigDecimal.ONE).signum() == 0 ? one.setScale(0, java.math.RoundingMode.UNNECESSARY) : one;
    }

    /** An encouragement for a year that has ended (in the organisation's zone). */
    private static boolean closedYear(SlidePayload.Slide s) {
        return s.number("year").map(y -> y.intValue() < java.time.LocalDate.now(ORGANISATION_ZONE).getYear()).orElse(false);
    }

    /**
     * The encouragement of a year that has ended does not say it "has begun"; a goal already met is
     * not "3.25 of 3.00 so far".
     */
    private String titleKey(SlidePayload.Slide s) {
        if ("intro".equals(s.key()) && "wrapped.encouragement.intro.title".equals(s.titleKey()) && closedYear(s)) {
            return "wrapped.encouragement.intro.closed.title";
        }
        return s.titleKey();
    }

    private String bodyKey(SlidePayload.Slide s) {
        if ("intro".equals(s.key()) && "wrapped.encouragement.intro.body".equals(s.bodyKey()) && closedYear(s)) {
            return "wrapped.encouragement.intro.closed.body";
        }
        if ("progress".equals(s.key())) {
            BigDecimal acts = s.number("total_activities").orElse(BigDecimal.ZERO);
            BigDecimal needActs = s.number("needed_activities").orElse(BigDecimal.ZERO);
            BigDecimal hours = s.number("total_hours").orElse(BigDecimal.ZERO);
            BigDecimal needHours = s.number("needed_hours").orElse(BigDecimal.ZERO);
            if (hours.compareTo(needHours) >= 0 && acts.compareTo(needActs) < 0) {
                return "wrapped.progress.body.hoursMet";
            }
            if (acts.compareTo(needActs) >= 0 && hours.compareTo(needHours) < 0) {
                return "wrapped.progress.body.activitiesMet";
            }
        }
        return s.bodyKey();
    }

    private String typeName(Map<String, Object> b) {
        Object nb = b.get("activity_type_name_nb");
        Object en = b.get("activity_type_name");
        return "nb".equals(locale.getLanguage()) && nb != null ? nb.toString()
                : en != null ? en.toString() : String.valueOf(b.get("activity_type_id"));
    }

    /** The figure's text at a fraction of its count-up (1 = the payload's exact value). */
    public String figureText(SlideContent.Figure f, double fraction) {
        BigDecimal v = fraction >= 1 ? f.value()
                : f.value().multiply(BigDecimal.valueOf(Math.max(0, fraction)))
                        .setScale(Math.max(0, f.value().scale()), java.math.RoundingMode.DOWN);
        return format(v, f.grouping()) + f.suffix();
    }

    /** A number in the locale with exactly the decimals it carries. */
    public String format(BigDecimal v, boolean grouping) {
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setGroupingUsed(grouping);
        int scale = Math.max(0, v.scale());
        nf.setMinimumFractionDigits(scale);
        nf.setMaximumFractionDigits(scale);
        return nf.format(v);
    }

    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return BundleText.pattern(pattern, locale, args);
    }

    private SlideContent.Figure figure(SlidePayload.Slide s, String stat, String suffix) {
        return s.number(stat).map(v -> new SlideContent.Figure(v, true, suffix)).orElse(null);
    }

    private static BigDecimal number(Object o) {
        return o instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
    }

    private String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(locale) + s.substring(1);
    }
}
