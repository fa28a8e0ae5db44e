package org.impactdesk.service.generation;

/**
 * A run that says how far it got as it goes (the first run's generation of the demo): which
 * organisation it is generating and how many of its peer mentors' summaries are written. As the
 * run's {@code cancel} it is also asked whether to stop ({@link #getAsBoolean()}), and like any
 * such run each organisation then commits once, at its end. Called on the run's thread.
 */
public interface GenerationProgress extends java.util.function.BooleanSupplier {

    /** The run starts on organisation {@code number} of {@code count} (counted from 1). */
    void organisation(String name, int number, int count);

    /** {@code done} of the organisation's {@code total} peer mentors are computed and written. */
    void mentorsWritten(int done, int total);
}
