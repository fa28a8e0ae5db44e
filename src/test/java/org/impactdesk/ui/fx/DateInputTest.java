package org.impactdesk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A typed date in the language's short form: dd.MM.yyyy in Norwegian Bokmål, M/d/yyyy in English. */
class DateInputTest {
    static final Locale NB = Locale.forLanguageTag("nb-NO");
    static final LocalDate SEPT_14 = LocalDate.of(2026, 9, 14);

    @Test
    void norwegianShowsAndReadsDayDotMonthDotFourDigitYear() {
        DateInput nb = new DateInput(NB);
        assertThat(nb.pattern()).isEqualTo("dd.MM.yyyy");
        assertThat(nb.format(SEPT_14)).isEqualTo("14.09.2026");
        assertThat(nb.format(LocalDate.of(2026, 1, 5))).isEqualTo("05.01.2026");
        assertThat(nb.parse("14.09.2026")).contains(SEPT_14);
        assertThat(nb.parse(" 14.9.2026 ")).contains(SEPT_14);
        assertThat(nb.parse("5.1.2026")).contains(LocalDate.of(2026, 1, 5));
        // two digits are 2000-2099, as the importer reads them (CLDR's dd.MM.y would read year 26)
        assertThat(nb.parse("14.09.26")).contains(SEPT_14);
        assertThat(nb.parse("2026-09-14")).as("ISO in any language").contains(SEPT_14);
        assertThat(new DateInput(Locale.forLanguageTag("nb")).pattern()).isEqualTo("dd.MM.yyyy");
    }

    @Test
    void englishShowsAndReadsMonthSlashDaySlashFourDigitYear() {
        DateInput en = new DateInput(Locale.ENGLISH);
        assertThat(en.pattern()).isEqualTo("M/d/yyyy");
        assertThat(en.format(SEPT_14)).isEqualTo("9/14/2026");
        assertThat(en.parse("9/14/2026")).contains(SEPT_14);
        assertThat(en.parse("09/14/2026")).contains(SEPT_14);
        assertThat(en.parse("9/14/26")).contains(SEPT_14);
        assertThat(en.parse("2026-09-14")).contains(SEPT_14);
        assertThat(en.parse("14.09.2026")).as("the Norwegian form is not English").isEmpty();
    }

    @Test
    void whatIsNoCalendarDateOrHasMoreIsRefused() {
        DateInput nb = new DateInput(NB);
        assertThat(nb.parse("31.02.2026")).isEmpty();
        assertThat(nb.parse("14.13.2026")).isEmpty();
        assertThat(nb.parse("00.09.2026")).isEmpty();
        assertThat(nb.parse("14.09.2026x")).isEmpty();
        assertThat(nb.parse("14.09.202")).as("a three-digit year").isEmpty();
        assertThat(nb.parse("9/14/2026")).isEmpty();
        assertThat(nb.parse("i går")).isEmpty();
        assertThat(nb.parse("")).isEmpty();
        assertThat(nb.parse(null)).isEmpty();
        assertThat(nb.format(null)).isEmpty();
        assertThat(nb.parse("29.02.2028")).contains(LocalDate.of(2028, 2, 29));
        assertThat(nb.parse("29.02.2026")).isEmpty();
    }
}
