package org.impactdesk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {
    final Formats nb = new Formats(Locale.forLanguageTag("nb-NO"));
    final Formats en = new Formats(Locale.ENGLISH);

    @Test
    void norwegianNumbersUseANoBreakSpaceAndAComma() {
        assertThat(nb.decimal(new BigDecimal("1234.5"), 0, 2)).isEqualTo("1\u00A0234,5");
        assertThat(en.decimal(new BigDecimal("1234.5"), 0, 2)).isEqualTo("1,234.5");
        assertThat(nb.integer(12345)).isEqualTo("12\u00A0345");
    }

    @Test
    void parsingAcceptsEveryKindOfSpaceAsGrouping() {
        assertThat(nb.parseDecimal("1\u00A0234,5")).contains(new BigDecimal("1234.5"));
        assertThat(nb.parseDecimal("1 234,5")).contains(new BigDecimal("1234.5"));
        assertThat(nb.parseDecimal("1\u202F234,5")).contains(new BigDecimal("1234.5"));
        assertThat(nb.parseDecimal(" 450,00 ")).contains(new BigDecimal("450.00"));
        assertThat(en.parseDecimal("1,234.5")).contains(new BigDecimal("1234.5"));
        assertThat(en.parseDecimal("1 234.5")).contains(new BigDecimal("1234.5"));
    }

    @Test
    void parsingRefusesRubbishAndReadsMinusSigns() {
        assertThat(nb.parseDecimal("12abc")).isEmpty();
        assertThat(nb.parseDecimal("")).isEmpty();
        assertThat(nb.parseDecimal("1,2,3")).isEmpty();
        assertThat(nb.parseDecimal("-3")).contains(new BigDecimal("-3"));
        assertThat(nb.parseDecimal("\u22123")).contains(new BigDecimal("-3"));
        assertThat(nb.parseInteger("4,5")).isEmpty();
        assertThat(nb.parseInteger("1 000")).contains(1000);
    }

    @Test
    void signedFiguresCarryTheirSign() {
        assertThat(en.signed(new BigDecimal("500.00"), 2)).isEqualTo("+500");
        assertThat(en.signed(new BigDecimal("-12.5"), 2)).isEqualTo("-12.5");
        assertThat(nb.signed(new BigDecimal("-12.5"), 2)).isEqualTo("\u221212,5");
    }

    @Test
    void oneFormatPerQuantityHoursAndPercentWithAtMostOneDecimalCountsGrouped() {
        assertThat(nb.hours(new BigDecimal("2544.60"))).isEqualTo("2\u00A0544,6");
        assertThat(nb.hours(new BigDecimal("1319.67"))).isEqualTo("1\u00A0319,7");
        assertThat(en.hours(new BigDecimal("1319.67"))).isEqualTo("1,319.7");
        assertThat(nb.hours(new BigDecimal("19.50"))).isEqualTo("19,5");
        assertThat(nb.hours(new BigDecimal("20.00"))).isEqualTo("20");
        assertThat(en.hours(new BigDecimal("0.25"))).isEqualTo("0.3"); // half-up, as METRICS.md rounds
        assertThat(nb.hoursDelta(new BigDecimal("-2.55"))).isEqualTo("\u22122,6");
        assertThat(en.hoursDelta(new BigDecimal("1.50"))).isEqualTo("+1.5");
        assertThat(nb.count(2544)).isEqualTo("2\u00A0544");
        assertThat(en.countDelta(-3)).isEqualTo("-3");
        assertThat(nb.countDelta(5)).isEqualTo("+5");
        assertThat(nb.percentDelta(new BigDecimal("-25.97"))).isEqualTo("\u221226\u00A0%");
        assertThat(en.percentDelta(new BigDecimal("-2.60"))).isEqualTo("-2.6%");
        assertThat(en.percentDelta(new BigDecimal("125.00"))).isEqualTo("+125%");
        assertThat(nb.percent(new BigDecimal("78.8"))).isEqualTo("78,8\u00A0%");
        assertThat(en.percentDelta(BigDecimal.ZERO)).isEqualTo("0%");
        assertThat(nb.km(new BigDecimal("1234.56"))).isEqualTo("1\u00A0234,6");
    }

    @Test
    void axisTicksOfACountAreWholeNumbersAndNorwegianTicksReadAsNorwegian() {
        assertThat(en.tick(0.25, true)).isEmpty();
        assertThat(en.tick(2.0, true)).isEqualTo("2");
        assertThat(nb.tick(1500.0, true)).isEqualTo("1\u00A0500");
        assertThat(nb.tick(2.5, false)).isEqualTo("2,5");
        assertThat(nb.tick(1234.5, false)).isEqualTo("1\u00A0234,5");
    }
}
