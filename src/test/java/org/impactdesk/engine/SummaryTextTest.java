package org.impactdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.impactdesk.domain.Period;
import org.junit.jupiter.api.Test;

/** Headlines name the hours, in en and nb, at most 140 characters; contact labels. */
class SummaryTextTest {
    static final SummaryText EN = new SummaryText(Locale.ENGLISH);
    static final SummaryText NB = new SummaryText(Locale.forLanguageTag("nb"));
    static final List<Period> PERIODS = List.of(new Period.Year(2025), new Period.Half(2025, 1), new Period.Half(2025, 2),
            new Period.Quarter(2025, 3));

    @Test
    void headlinesInBothLanguages() {
        assertThat(EN.headline(new Period.Year(2025), new BigDecimal("120.00"), 14)).isEqualTo("You gave 120 hours to 14 people in 2025");
        assertThat(EN.headline(new Period.Year(2025), new BigDecimal("15.92"), 1)).isEqualTo("You gave 15.92 hours to 1 person in 2025");
        assertThat(EN.headline(new Period.Half(2025, 1), new BigDecimal("0.50"), 0))
                .isEqualTo("You gave 0.5 hours to no one in the first half of 2025");
        assertThat(NB.headline(new Period.Year(2025), new BigDecimal("15.92"), 3)).isEqualTo("Du ga 15,92 timer til 3 personer i 2025");
        assertThat(NB.headline(new Period.Half(2025, 2), new BigDecimal("2.00"), 1))
                .isEqualTo("Du ga 2 timer til 1 person i andre halvår 2025");
    }

    @Test
    void headlinesStayWithin140CharactersForExtremeFigures() {
        for (SummaryText t : List.of(EN, NB)) {
            for (Period p : PERIODS) {
                String s = t.headline(p, new BigDecimal("99999999.99"), Integer.MAX_VALUE);
                assertThat(s.length()).as(s).isLessThanOrEqualTo(SummaryText.HEADLINE_MAX);
                assertThat(s).contains(t.hours(new BigDecimal("99999999.99")));
            }
        }
    }

    @Test
    void contactLabels() {
        assertThat(EN.contactLabel(1)).isEqualTo("Contact 1");
        assertThat(NB.contactLabel(5)).isEqualTo("Kontakt 5");
        assertThat(EN.milestoneLabel("10_hours")).isEqualTo("10 hours");
        assertThat(NB.milestoneLabel("first_activity")).isEqualTo("Din første aktivitet");
    }
}
