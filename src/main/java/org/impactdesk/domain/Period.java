package org.impactdesk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A reporting period in an organisation's local calendar: a year, a half (1 = Jan-Jun,
 * 2 = Jul-Dec) or a quarter. Activities belong to the period that holds their local date.
 */
public sealed interface Period permits Period.Year, Period.Half, Period.Quarter {

    int year();

    LocalDate firstDate();

    LocalDate lastDate();

    /** The same period one year earlier. */
    Period priorYear();

    default boolean contains(LocalDate date) {
        return !date.isBefore(firstDate()) && !date.isAfter(lastDate());
    }

    /** UTC instant of the period's first local moment. */
    default Instant startInstant(ZoneId zone) {
        return firstDate().atStartOfDay(zone).toInstant();
    }

    /** UTC instant of the period's last local microsecond (inclusive), as seed 004 stores it. */
    default Instant endInstant(ZoneId zone) {
        return lastDate().plusDays(1).atStartOfDay(zone).toInstant().minus(1, ChronoUnit.MICROS);
    }

    /** Closed when its last local date is before today (both in the organisation's zone). */
    default boolean isClosedOn(LocalDate today) {
        return lastDate().isBefore(today);
    }

    record Year(int year) implements Period {
        public LocalDate firstDate() {
            return LocalDate.of(year, 1, 1);
        }

        public LocalDate lastDate() {
            return LocalDate.of(year, 12, 31);
        }

        public Year priorYear() {
            return new Year(year - 1);
        }

        @Override
        public String toString() {
            return Integer.toString(year);
        }
    }

    record Half(int year, int half) implements Period {
        public Half {
            if (half < 1 || half > 2) {
                throw new IllegalArgumentException("half must be 1 or 2, was " + half);
            }
        }

        public LocalDate firstDate() {
            return LocalDate.of(year, half == 1 ? 1 : 7, 1);
        }

        public LocalDate lastDate() {
            return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
        }

        public Half priorYear() {
            return new Half(year - 1, half);
        }

        @Override
        public String toString() {
            return year + "-H" + half;
        }
    }

    record Quarter(int year, int quarter) implements Period {
        public Quarter {
            if (quarter < 1 || quarter > 4) {
                throw new IllegalArgumentException("quarter must be 1 to 4, was " + quarter);
            }
        }

        public LocalDate firstDate() {
            return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        }

        public LocalDate lastDate() {
            return firstDate().plusMonths(3).minusDays(1);
        }

        public Quarter priorYear() {
            return new Quarter(year - 1, quarter);
        }

        @Override
        public String toString() {
            return year + "-Q" + quarter;
        }
    }
}
