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
}
