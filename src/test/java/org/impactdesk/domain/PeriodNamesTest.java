package org.impactdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class PeriodNamesTest {
    private static final ResourceBundle EN = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH);
    private static final ResourceBundle NB = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag("nb-NO"));

    @Test
    void periodsInWordsPerLanguage() {
        assertThat(PeriodNames.shown(new Period.Quarter(2026, 1), EN)).isEqualTo("Q1 2026");
        assertThat(PeriodNames.shown(new Period.Quarter(2026, 1), NB)).isEqualTo("1. kvartal 2026");
        assertThat(PeriodNames.shown(new Period.Half(2026, 1), EN)).isEqualTo("H1 2026");
        assertThat(PeriodNames.shown(new Period.Half(2026, 2), NB)).isEqualTo("2. halvår 2026");
        assertThat(PeriodNames.shown(new Period.Year(2026), NB)).isEqualTo("2026");
    }

    @Test
    void storedCodesInWordsAndAnythingElseAsItIs() {
        assertThat(PeriodNames.shown("2026-Q1", EN)).isEqualTo("Q1 2026");
        assertThat(PeriodNames.shown("2026-Q4", NB)).isEqualTo("4. kvartal 2026");
        assertThat(PeriodNames.shown("2025-H2", EN)).isEqualTo("H2 2025");
        assertThat(PeriodNames.shown("2025-H1", NB)).isEqualTo("1. halvår 2025");
        assertThat(PeriodNames.shown("2025", EN)).isEqualTo("2025");
        assertThat(PeriodNames.shown("2025-07", EN)).isEqualTo("July 2025");
        assertThat(PeriodNames.shown("2025-07", NB)).isEqualTo("juli 2025");
        assertThat(PeriodNames.shown("once", NB)).isEqualTo("once");
        assertThat(PeriodNames.shown("2025-Q5", EN)).isEqualTo("2025-Q5");
        assertThat(PeriodNames.shown((String) null, EN)).isNull();
    }
}
