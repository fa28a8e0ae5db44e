package org.impactdesk.service.generation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.ReportYears;

/**
 * What to generate: years, which periods (annual, half, quarter or all), optionally one
 * organisation, the date taken as today ({@code asOf}, null = today in each organisation's zone)
 * and whether an admin forces a recompute of ready summaries.
 */
public record GenerationRequest(Set<Integer> years, Selection selection, String organizationId, LocalDate asOf, boolean force) {

    public enum Selection {
        ANNUAL, HALF, QUARTER, ALL;

        public static Selection parse(String s) {
            return switch (s) {
                case "annual" -> ANNUAL;
                case "half" -> HALF;
                case "quarter" -> QUARTER;
                case "all" -> ALL;
                default -> throw new IllegalArgumentException("--period takes annual, half, quarter or all, not " + s);
            };
        }
    }

    public GenerationRequest {
        years = Set.copyOf(new TreeSet<>(years));
        if (years.isEmpty()) {
            throw new IllegalArgumentException("at least one year");
        }
        for (int y : years) {
            ReportYears.require(y);
        }
    }

    public static GenerationRequest of(int year, Selection selection, LocalDate asOf) {
        return new GenerationRequest(Set.of(year), selection, null, asOf, false);
    }

    /** The periods requested for a year, in the order they are generated. */
    public List<Period> periods(int year) {
        List<Period> ps = new java.util.ArrayList<>();
        if (selection == Selection.ANNUAL || selection == Selection.ALL) {
            ps.add(new Period.Year(year));
        }
        if (selection == Selection.HALF || selection == Selection.ALL) {
            ps.add(new Period.Half(year, 1));
            ps.add(new Period.Half(year, 2));
        }
        if (selection == Selection.QUARTER || selection == Selection.ALL) {
            for (int q = 1; q <= 4; q++) {
                ps.add(new Period.Quarter(year, q));
            }
        }
        return ps;
    }
}
