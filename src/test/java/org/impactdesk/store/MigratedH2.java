package org.impactdesk.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the tests of a class a fresh H2 database migrated by Flyway, through parameters:
 * <ul>
 *   <li>{@link Database}: the scope's database, open; every parameter of the same scope gets the same one;</li>
 *   <li>{@link FreshDatabases}: more databases of the same scope, open or as a file not held open
 *       (for a command that opens the file itself).</li>
 * </ul>
 * Everything is closed and its files deleted when the scope ends. The scope is each test
 * ({@link Lifecycle#PER_TEST}, the default: {@code @BeforeEach}, the test and {@code @AfterEach}
 * share it) or the whole class with its {@code @Nested} classes ({@link Lifecycle#PER_CLASS}:
 * {@code @BeforeAll} fills it once, every test reads it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MigratedH2Extension.class)
public @interface MigratedH2 {
    Lifecycle value() default Lifecycle.PER_TEST;

    enum Lifecycle {
        /** A new database for every test; {@code @BeforeAll} cannot have one. */
        PER_TEST,
        /** One database for the class and its nested classes, given to {@code @BeforeAll} too. */
        PER_CLASS
    }
}
