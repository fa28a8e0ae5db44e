package org.impactdesk.store;

import java.util.Locale;

/**
 * The engine the database tests run on: H2 by default, PostgreSQL with
 * {@code -Dimpactdesk.test.engine=postgresql} (.ci/run runs the store and service tests both ways).
 * {@link MigratedH2} gives a fresh database of this engine to every test that asks for one.
 */
public final class TestEngine {
    public static final String PROPERTY = "impactdesk.test.engine";

    private TestEngine() {
    }

    public static Database.Engine current() {
        String value = System.getProperty(PROPERTY, "h2").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "h2", "" -> Database.Engine.H2;
            case "postgresql", "postgres", "pg" -> Database.Engine.POSTGRESQL;
            default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + ": the test engine is h2 or postgresql");
        };
    }

    public static boolean postgres() {
        return current() == Database.Engine.POSTGRESQL;
    }
}
