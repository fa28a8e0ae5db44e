package org.impactdesk.domain;

import java.util.List;

/**
 * The Team table of a period as a printable report: every text already in the reader's language
 * (the renderer lays it out and formats nothing). {@code rows} are the rows shown, in their order
 * (filters applied); each has its cells (as many as {@code headers}), its twelve months of sessions
 * (null: none, e.g. the team row) and whether it is the coordinator's team row.
 *
 * @param highlighted how many of the twelve months (the last ones) belong to the period
 * @param notes       "name: note" lines, only when the coordinator chose to print their note texts
 */
public record TeamReport(String title, String subtitle, String madeBy, String summary, List<String> thresholds,
                         List<String> headers, List<Row> rows, String trendHeader, int highlighted, List<String> notes,
                         String notesHeader, String pageLabel) {

    public record Row(List<String> cells, int[] months, boolean team) {
        public Row {
            cells = List.copyOf(cells);
            months = months == null ? null : months.clone();
        }
    }

    public TeamReport {
        thresholds = List.copyOf(thresholds);
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }
}
