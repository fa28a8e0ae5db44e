package org.impactdesk.domain;

/**
 * The years Impact Desk reads and reports on: 2000 to 2100, both included. The one definition of
 * that range, used by the commands' {@code --year}, generation requests, the funder report (service
 * and screen) and the import's row check, so each refuses the same years with the same words.
 */
public final class ReportYears {
    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private ReportYears() {
    }

    public static boolean contains(int year) {
        return year >= FIRST && year <= LAST;
    }

    /** The message for a year outside the range (English, as commands and exceptions speak it). */
    public static String problem(Object year) {
        return "The year must be from " + FIRST + " to " + LAST + ", not " + year + ".";
    }

    /** The year itself when inside the range; else an IllegalArgumentException with {@link #problem}. */
    public static int require(int year) {
        if (!contains(year)) {
            throw new IllegalArgumentException(problem(year));
        }
        return year;
    }
}
