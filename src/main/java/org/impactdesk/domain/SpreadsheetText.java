package org.impactdesk.domain;

/**
 * Text for a cell of a CSV or XLSX file the app writes for spreadsheets: a cell that begins with
 * {@code = + - @}, a tab or a carriage return would be run as a formula by Excel or LibreOffice
 * (CSV injection), so it gets a leading apostrophe, which the spreadsheet shows as text and does
 * not display. The one place every writer of such files (the team export, the reject file) takes
 * its text cells from; numbers the writer formats itself never pass through it.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    /** {@code s} as a text cell that no spreadsheet runs; null is an empty cell. */
    public static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return switch (s.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + s;
            default -> s;
        };
    }
}
