package org.impactdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {
    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
        assertThat(SpreadsheetText.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SpreadsheetText.cell("+47 123")).isEqualTo("'+47 123");
        assertThat(SpreadsheetText.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetText.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetText.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetText.cell("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void everyOtherCellIsLeftAsItIs() {
        assertThat(SpreadsheetText.cell("Ola = Kari")).isEqualTo("Ola = Kari");
        assertThat(SpreadsheetText.cell("act-1")).isEqualTo("act-1");
        assertThat(SpreadsheetText.cell("'quoted")).isEqualTo("'quoted");
        assertThat(SpreadsheetText.cell("")).isEmpty();
        assertThat(SpreadsheetText.cell(null)).isEmpty();
    }
}
