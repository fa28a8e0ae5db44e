package org.impactdesk.service.generation;

/**
 * What a run the user may stop is told and asked as it goes: whether to stop
 * ({@link #getAsBoolean()}, asked before each organisation and at each mentor), which
 * organisation it starts on and how many of its peer mentors' summaries are written (the first
 * run's bar says them; by default nobody listens). A run that has one commits each organisation
 * once, at its end, so a stop rolls the whole organisation back. Called on the run's thread.
 */
@FunctionalInterface
public interface GenerationProgress extends java.util.function.BooleanSupplier {

    /** The run starts on organisation {@code number} of {@code count} (counted from 1). */
    default void organisation(String name, int number, int count) {
    }

    /** {@code done} of the organisation's {@code total} peer mentors are computed and written. */
    default void mentorsWritten(int done, int total) {
    }
}
