package org.impactdesk.demo;

import java.time.LocalDate;

/**
 * What {@link DemoDataGenerator} writes: how many peer mentors, how many closed years ending in
 * {@code lastYear}, the seed, the exact number of activity rows (null = about 49 per mentor and
 * year), whether the open year after {@code lastYear} gets activities up to
 * {@code openYearUntil} (null = closed years only), and the id style.
 */
public record DemoSpec(int mentors, int years, int lastYear, long seed, Long activities, LocalDate openYearUntil,
                       IdStyle idStyle) {

    /** Readable ids ({@code pm-0042}) for the demo; deterministic random UUIDs for the benchmark. */
    public enum IdStyle { READABLE, UUID }

    /** The last closed year of the demo: fixed, so demo numbers do not move with the clock. */
    public static final int DEMO_LAST_YEAR = 2025;
    /** The open year's activities end here (a preview of 2026 up to mid-November). */
    public static final LocalDate DEMO_OPEN_YEAR_UNTIL = LocalDate.of(2026, 11, 15);
    public static final long DEMO_SEED = 20251231L;
    /** Default density: about 49 activities per mentor and year (a little under one a week). */
    public static final double ACTIVITIES_PER_MENTOR_YEAR = 49.0;

    public DemoSpec {
        if (mentors < 1 || mentors > 1_000_000) {
            throw new IllegalArgumentException("--mentors must be between 1 and 1000000, was " + mentors);
        }
        if (years < 1 || years > 20) {
            throw new IllegalArgumentException("--years must be between 1 and 20, was " + years);
        }
        if (lastYear - years + 1 < 2000 || lastYear > 2099) {
            throw new IllegalArgumentException("years must lie between 2000 and 2099");
        }
        if (activities != null && activities < 0) {
            throw new IllegalArgumentException("activities must be >= 0, was " + activities);
        }
        if (openYearUntil != null && openYearUntil.getYear() != lastYear + 1) {
            throw new IllegalArgumentException("openYearUntil must lie in " + (lastYear + 1) + ", was " + openYearUntil);
        }
    }

    /** The committed demo bundle's spec (150 mentors, 2023-2025, 2026 until 15 November). */
    public static DemoSpec demo(int mentors, int years, long seed) {
        return new DemoSpec(mentors, years, DEMO_LAST_YEAR, seed, null, DEMO_OPEN_YEAR_UNTIL, IdStyle.READABLE);
    }

    /** The benchmark's bundle: {@code activities} rows exactly, about 200 per mentor, closed years only, UUID ids. */
    public static DemoSpec bench(long activities, int years, long seed) {
        int mentors = (int) Math.max(20, Math.round(activities / 200.0));
        return new DemoSpec(mentors, years, DEMO_LAST_YEAR, seed, activities, null, IdStyle.UUID);
    }

    public LocalDate firstDate() {
        return LocalDate.of(lastYear - years + 1, 1, 1);
    }

    /** The last date with activities: the end of the open year's data, else 31 December of the last year. */
    public LocalDate lastDate() {
        return openYearUntil != null ? openYearUntil : LocalDate.of(lastYear, 12, 31);
    }

    public long targetActivities() {
        if (activities != null) {
            return activities;
        }
        double yearsCovered = (lastDate().toEpochDay() - firstDate().toEpochDay() + 1) / 365.25;
        return Math.round(mentors * ACTIVITIES_PER_MENTOR_YEAR * yearsCovered);
    }
}
