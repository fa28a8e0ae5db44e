package org.impactdesk.domain;

import java.util.List;
import org.impactdesk.domain.Period;

/**
 * The Team screen's data for one period: the coordinator team rows in scope (a coordinator: their
 * own; shown pinned at the top), one line per peer mentor in scope with a stored row, and the
 * local associations those lines belong to (for the filter), ordered by name.
 */
public record TeamTable(Period period, List<TeamLine> teamLines, List<TeamLine> mentorLines,
                        List<Association> associations) {

    public TeamTable {
        teamLines = List.copyOf(teamLines);
        mentorLines = List.copyOf(mentorLines);
        associations = List.copyOf(associations);
    }
}
