package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link MigratedH2} per class: @BeforeAll fills the one database that every test and nested class reads. */
@MigratedH2(MigratedH2.Lifecycle.PER_CLASS)
class MigratedH2PerClassTest {
    static Database filled;

    @BeforeAll
    static void fill(Database db) {
        MigratedH2ExtensionTest.addOrganization(db, "org-shared");
        filled = db;
    }

    Database fromBeforeEach;

    @BeforeEach
    void remember(Database db) {
        fromBeforeEach = db;
    }

    @Test
    void everyTestGetsTheDatabaseBeforeAllFilled(Database db) {
        assertThat(db).isSameAs(filled).isSameAs(fromBeforeEach);
        assertThat(MigratedH2ExtensionTest.count(db, "organizations")).isOne();
        if (!TestEngine.postgres()) {
            assertThat(Files.exists(Path.of(db.path() + ".mv.db"))).isTrue();
        } else {
            assertThat(db.engine()).isEqualTo(Database.Engine.POSTGRESQL);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"first", "second"})
    void eachInvocationOfAParameterizedTestGetsTheSameOne(String invocation, Database db) {
        assertThat(db).as(invocation).isSameAs(filled);
    }

    @Nested
    class Inner {
        @Test
        void aNestedClassGetsItToo(Database db, FreshDatabases scope) {
            assertThat(db).isSameAs(filled).isSameAs(scope.database());
            assertThat(MigratedH2ExtensionTest.count(db, "organizations")).isOne();
        }
    }
}
