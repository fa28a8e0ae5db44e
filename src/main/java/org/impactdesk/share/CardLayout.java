package org.impactdesk.share;

import java.awt.font.FontRenderContext;
import java.text.NumberFormat;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.impactdesk.domain.BadgeNames;
import org.impactdesk.domain.BundleText;
/**
 * Lays a {@link ShareCard} out on a 1080 x 1920 canvas (y downwards) as a list of drawing
 * elements; the PNG and PDF renderers draw the same list, so both cards look alike. Texts come
 * from the {@code wrapped.card.*} bundle keys; numbers are formatted in the locale.
 */
public final class CardLayout {
    public static final int WIDTH = 1080;
    public static final int HEIGHT = 1920;

    static final int BACKGROUND = 0x1E1B4B;
    static final int PANEL = 0x312E81;
    static final int TEXT = 0xFFFFFF;
    static final int MUTED = 0xC7D2FE;
    static final int ACCENT = 0xFBBF24;
    static final int BAR = 0xA78BFA;
    static final int[] SEGMENTS = {0xFBBF24, 0xA78BFA, 0x34D399, 0xF472B6, 0x60A5FA};
    /** The size of the facts' lines (streak, percentile, badges, impact). */
    static final double FACT_SIZE = 34;
    static final double FACT_SPACING = 56;
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    public enum Align { LEFT, CENTER, RIGHT }

    /** A drawing element in canvas units. */
    public sealed interface Element permits Box, Text {
    }

    /** A filled rectangle with rounded corners of radius {@code arc}. */
    public record Box(double x, double y, double w, double h, double arc, int rgb) implements Element {
    }

    /** Text on a baseline; shrunk to {@code maxWidth} when wider. {@code x} is where {@code align} anchors. */
    public record Text(String text, double x, double baseline, double size, boolean bold, int rgb, Align align,
                       double maxWidth) implements Element {
    }

    private CardLayout() {
    }

    public static List<Element> layout(ShareCard card, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale);
        NumberFormat whole = NumberFormat.getIntegerInstance(locale);
        NumberFormat decimal = NumberFormat.getNumberInstance(locale);
        decimal.setMinimumFractionDigits(0);
        decimal.setMaximumFractionDigits(2);
        List<Element> out = new ArrayList<>();
        double cx = WIDTH / 2.0;
        double contentWidth = WIDTH - 120;
        out.add(new Box(0, 0, WIDTH, HEIGHT, 0, BACKGROUND));
        out.add(new Box(60, 60, WIDTH - 120, 8, 4, ACCENT));

        out.add(new Text(msg(bundle, locale, "wrapped.card.brand"), cx, 150, 34, true, MUTED, Align.CENTER, contentWidth));
        String title = card.hasName()
                ? msg(bundle, locale, "wrapped.card.title.named", String.valueOf(card.year()), card.mentorFirstName())
                : msg(bundle, locale, "wrapped.card.title", String.valueOf(card.year()));
        out.add(new Text(title, cx, 250, 64, true, TEXT, Align.CENTER, contentWidth));

        // hours as people say them and as the Wrapped slides show them: one decimal ("15.9 hours")
        NumberFormat hours = NumberFormat.getNumberInstance(locale);
        hours.setMinimumFractionDigits(0);
        hours.setMaximumFractionDigits(1);
        hours.setRoundingMode(java.math.RoundingMode.HALF_UP);
        out.add(new Text(hours.format(card.totalHours()), cx, 470, 190, true, ACCENT, Align.CENTER, contentWidth));
        out.add(new Text(msg(bundle, locale, "wrapped.card.hours"), cx, 540, 44, false, TEXT, Align.CENTER, contentWidth));

        double tileW = (WIDTH - 120 - 40) / 2.0;
        double tileY = 600;
        tile(out, 60, tileY, tileW, whole.format(card.totalActivities()), msg(bundle, locale, "wrapped.card.activities"));
        tile(out, 60 + tileW + 40, tileY, tileW, whole.format(card.peopleSupported()), msg(bundle, locale, "wrapped.card.people"));

        double y = tileY + 240 + 100;
        if (card.totalActivities() > 0) {
            out.add(new Text(msg(bundle, locale, "wrapped.card.monthly"), 60, y, 38, true, TEXT, Align.LEFT, contentWidth));
            double chartTop = y + 30;
            double chartH = 170;
            int max = card.monthlyActivities().stream().mapToInt(Integer::intValue).max().orElse(0);
            double slot = (WIDTH - 120) / 12.0;
            double barW = slot * 0.62;
            for (int m = 0; m < 12; m++) {
                int v = card.monthlyActivities().get(m);
                double h = max == 0 ? 0 : Math.max(v > 0 ? 6 : 0, chartH * v / max);
                double bx = 60 + m * slot + (slot - barW) / 2;
                boolean busiest = card.busiestMonth() != null && card.busiestMonth() == m + 1;
                out.add(new Box(bx, chartTop, barW, chartH, 8, PANEL));
                if (h > 0) {
                    out.add(new Box(bx, chartTop + chartH - h, barW, h, 8, busiest ? ACCENT : BAR));
                }
                String letter = Month.of(m + 1).getDisplayName(TextStyle.NARROW_STANDALONE, locale).toUpperCase(locale);
                out.add(new Text(letter, bx + barW / 2, chartTop + chartH + 44, 28, false, MUTED, Align.CENTER, slot));
            }
            y = chartTop + chartH + 130;
            if (card.busiestMonth() != null) {
                String month = Month.of(card.busiestMonth()).getDisplayName(TextStyle.FULL_STANDALONE, locale);
                out.add(new Text(msg(bundle, locale, "wrapped.card.busiest", month), 60, y - 30, 32, false, MUTED,
                        Align.LEFT, contentWidth));
                y += 30;
            }
        }

        if (!card.activityMix().isEmpty()) {
            out.add(new Text(msg(bundle, locale, "wrapped.card.mix"), 60, y, 38, true, TEXT, Align.LEFT, contentWidth));
            double barY = y + 30;
            int total = card.activityMix().stream().mapToInt(ShareCard.MixShare::count).sum();
            double x = 60;
            List<ShareCard.MixShare> shown = card.activityMix().subList(0, Math.min(3, card.activityMix().size()));
            int shownTotal = 0;
            for (int i = 0; i < card.activityMix().size(); i++) {
                ShareCard.MixShare s = card.activityMix().get(i);
                double w = total == 0 ? 0 : (WIDTH - 120) * (double) s.count() / total;
                out.add(new Box(x, barY, w, 44, 0, SEGMENTS[Math.min(i, SEGMENTS.length - 1)]));
                x += w;
                if (i < shown.size()) {
                    shownTotal += s.count();
                }
            }
            double ly = barY + 44 + 60;
            for (int i = 0; i < shown.size(); i++) {
                ShareCard.MixShare s = shown.get(i);
                String label = "nb".equals(locale.getLanguage()) && s.labelNb() != null ? s.labelNb() : s.label();
                out.add(new Box(60, ly - 26, 28, 28, 6, SEGMENTS[i]));
                out.add(new Text(label, 104, ly, 32, false, TEXT, Align.LEFT, 700));
                out.add(new Text(whole.format(s.count()), WIDTH - 60, ly, 32, true, TEXT, Align.RIGHT, 200));
                ly += 48;
            }
            if (shownTotal < total) {
                out.add(new Text(msg(bundle, locale, "wrapped.card.mix.other", total - shownTotal),
                        104, ly, 28, false, MUTED, Align.LEFT, 700));
                ly += 44;
            }
            y = ly + 60;
        }

        List<String> facts = new ArrayList<>();
        if (card.longestStreakDays() != null && card.longestStreakDays() > 0) {
            facts.add(msg(bundle, locale, "wrapped.card.streak", card.longestStreakDays()));
        }
        if (card.percentileRank() != null) {
            facts.add(msg(bundle, locale, "wrapped.card.percentile.others", decimal.format(card.percentileRank())));
        }
        int badgesAt = facts.size();
        if (card.monetaryEquivalent() != null && card.monetaryEquivalent().signum() > 0) {
            // the stored figure exactly, with its two decimals (reported to a funder: no rounding here)
            NumberFormat money = NumberFormat.getNumberInstance(locale);
            int scale = Math.max(0, card.monetaryEquivalent().scale());
            money.setMinimumFractionDigits(scale);
            money.setMaximumFractionDigits(scale);
            facts.add(msg(bundle, locale, "wrapped.card.impact.exact", money.format(card.monetaryEquivalent()),
                    card.currency() == null ? "" : card.currency()));
        }
        double factsBottom = HEIGHT - 110;
        if (!card.badges().isEmpty()) {
            // two lines for the badges where the space below the mix allows, else one
            int room = (int) Math.floor((factsBottom - y) / FACT_SPACING) + 1;
            facts.addAll(badgesAt, badgeLines(card.badges(), bundle, locale, contentWidth,
                    room >= facts.size() + 2 ? 2 : 1));
        }
        double factY = Math.min(y, factsBottom - FACT_SPACING * Math.max(0, facts.size() - 1));
        for (String f : facts) {
            out.add(new Text(f, cx, factY, FACT_SIZE, false, TEXT, Align.CENTER, contentWidth));
            factY += FACT_SPACING;
        }
        out.add(new Text(msg(bundle, locale, "wrapped.card.footer"), cx, HEIGHT - 60, 26, false, MUTED, Align.CENTER,
                contentWidth));
        return out;
    }

    /**
     * The badges at the facts' size on at most {@code maxLines} lines: repeats grouped ("Regular this
     * month ×8"), the most earned first, as many groups as fit the width; the badges left out are
     * counted on the last line ("+ 12 more badges"), so no line is ever shrunk to an unreadable size.
     */
    static List<String> badgeLines(List<ShareCard.BadgeShare> badges, ResourceBundle bundle, Locale locale,
                                   double width, int maxLines) {
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (ShareCard.BadgeShare b : badges) {
            groups.merge(BadgeNames.shown(b.label(), b.labelNb(), bundle), 1, Integer::sum);
        }
        List<String> items = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        groups.entrySet().stream() // the most earned first (a stable sort: ties in the order first earned)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(g -> {
                    items.add(g.getValue() > 1
                            ? msg(bundle, locale, "wrapped.card.badge.repeated", g.getKey(), g.getValue()) : g.getKey());
                    counts.add(g.getValue());
                });
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int l = 0; l < maxLines && from < items.size(); l++) {
            boolean first = l == 0;
            int to = from + 1; // at least one group a line (a renderer fits a single over-long name)
            while (to < items.size() && fits(line(items, from, to + 1, 0, first, bundle, locale), width)) {
                to++;
            }
            if (l == maxLines - 1) {
                while (to > from + 1 && to < items.size()
                        && !fits(line(items, from, to, left(counts, to), first, bundle, locale), width)) {
                    to--;
                }
            }
            int left = l == maxLines - 1 ? left(counts, to) : 0;
            lines.add(line(items, from, to, left, first, bundle, locale));
            from = to;
        }
        return lines;
    }

    private static String line(List<String> items, int from, int to, int left, boolean first, ResourceBundle bundle,
                               Locale locale) {
        String list = String.join(" · ", items.subList(from, to));
        if (left > 0) {
            list += " " + msg(bundle, locale, "wrapped.card.badges.more", left);
        }
        return first ? msg(bundle, locale, "wrapped.card.badges", list) : list;
    }

    private static int left(List<Integer> counts, int from) {
        return counts.subList(from, counts.size()).stream().mapToInt(Integer::intValue).sum();
    }

    private static boolean fits(String text, double width) {
        return textWidth(text, FACT_SIZE, false) <= width;
    }

    /** The width of {@code text} in the card's typeface (the PNG and the PDF draw the same font). */
    static double textWidth(String text, double size, boolean bold) {
        return CardFonts.awt(bold).deriveFont((float) size).getStringBounds(text, MEASURE).getWidth();
    }

    private static void tile(List<Element> out, double x, double y, double w, String number, String label) {
        out.add(new Box(x, y, w, 240, 28, PANEL));
        out.add(new Text(number, x + w / 2, y + 140, 100, true, TEXT, Align.CENTER, w - 40));
        out.add(new Text(label, x + w / 2, y + 200, 34, false, MUTED, Align.CENTER, w - 40));
    }

    private static String msg(ResourceBundle bundle, Locale locale, String key, Object... args) {
        return BundleText.format(bundle, locale, key, args);
    }
}
