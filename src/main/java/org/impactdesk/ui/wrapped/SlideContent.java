package org.impactdesk.ui.wrapped;

import java.math.BigDecimal;
import java.util.List;
import org.impactdesk.domain.SlidePayload;

/**
 * What one slide shows, resolved from the payload for the chosen locale: texts from the bundle
 * with the slide's args, and the visuals' data. Nothing here is computed from activities; the
 * numbers are the payload's.
 *
 * @param figure the big number a {@code count_up} (or intro) slide counts to; null when none
 * @param figureLabel a text figure instead of a number (the busiest month's name); null when none
 */
public record SlideContent(String key, SlidePayload.Animation animation, String title, String body,
                           Figure figure, String figureLabel, List<Bar> bars, List<Segment> segments,
                           List<String> items) {

    public SlideContent {
        bars = List.copyOf(bars);
        segments = List.copyOf(segments);
        items = List.copyOf(items);
    }

    /** A number to count up to, with the decimals the payload gives it. */
    public record Figure(BigDecimal value, boolean grouping, String suffix) {
    }

    /** A bar: {@code value} of {@code max}; {@code valueText} is the value in the locale. */
    public record Bar(String label, double value, double max, String valueText, boolean highlight) {
        public double fraction() {
            return max <= 0 ? 0 : Math.min(1, value / max);
        }
    }

    /** A share of the activity mix. */
    public record Segment(String label, int count, double fraction, String countText) {
    }
}
