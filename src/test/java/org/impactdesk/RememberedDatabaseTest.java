package org.impactdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.impactdesk.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's start on the database chosen last time with "Open database…": it opens when it can;
 * when it cannot (a team database's server gone, a file moved), it is forgotten and the default
 * database opens instead, with the reason for the sign-in screen.
 */
class RememberedDatabaseTest {

    @Test
    void theRememberedDatabaseOpensWhenItCan(@TempDir Path dir) {
        Path remembered = dir.resolve("other");
        Database.open(remembered).close();
        AtomicInteger forgotten = new AtomicInteger();
        DesktopApp.Opened o = DesktopApp.openOrFallBack(remembered.toString(), null, dir.resolve("default").toString(),
                forgotten::incrementAndGet);
        try {
            assertThat(o.failure()).isNull();
            assertThat(o.database().path()).isEqualTo(remembered.toAbsolutePath().normalize());
            assertThat(o.rememberedFailure()).isNull();
            assertThat(forgotten).hasValue(0);
        } finally {
            o.database().close();
        }
    }

    @Test
    void aRememberedDatabaseThatCannotBeOpenedIsForgottenAndTheDefaultOpensSayingWhy(@TempDir Path dir) {
        Path fallback = dir.resolve("default");
        Database.open(fallback).close();
        AtomicInteger forgotten = new AtomicInteger();
        DesktopApp.Opened o = DesktopApp.openOrFallBack("jdbc:postgresql://localhost:1/impactdesk?user=idk_user_kim", null,
                fallback.toString(), forgotten::incrementAndGet);
        try {
            assertThat(o.failure()).isNull();
            assertThat(o.database().path()).isEqualTo(fallback.toAbsolutePath().normalize());
            assertThat(o.rememberedFailure()).startsWith("Cannot connect to the PostgreSQL database "
                    + "jdbc:postgresql://localhost:1/impactdesk?user=idk_user_kim");
            assertThat(forgotten).hasValue(1);
        } finally {
            o.database().close();
        }
    }

    @Test
    void aRememberedFileThatIsGoneIsNotCreatedAnew(@TempDir Path dir) {
        Path fallback = dir.resolve("default");
        Database.open(fallback).close();
        AtomicInteger forgotten = new AtomicInteger();
        DesktopApp.Opened o = DesktopApp.openOrFallBack(dir.resolve("moved").toString(), null, fallback.toString(),
                forgotten::incrementAndGet);
        try {
            assertThat(o.database().path()).isEqualTo(fallback.toAbsolutePath().normalize());
            assertThat(o.rememberedFailure()).isEqualTo("There is no database at " + dir.resolve("moved").toAbsolutePath()
                    + ".mv.db any more");
            assertThat(Database.exists(dir.resolve("moved"))).isFalse();
            assertThat(forgotten).hasValue(1);
        } finally {
            o.database().close();
        }
    }

    @Test
    void withoutARememberedOneAFailureIsTheWindowsToSay(@TempDir Path dir) {
        DesktopApp.Opened o = DesktopApp.openOrFallBack("jdbc:postgresql://localhost:1/impactdesk", null, null, () -> {
            throw new AssertionError("nothing to forget");
        });
        assertThat(o.database()).isNull();
        assertThat(o.failure()).hasMessageContaining("localhost:1");
    }
}
