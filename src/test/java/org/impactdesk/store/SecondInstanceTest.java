package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second app instance (another JVM) on the same database file gets a clear message, not a lock error. */
class SecondInstanceTest {
    @TempDir
    Path dir;

    @Test
    void anotherProcessHoldingTheDatabaseGivesAClearMessage() throws Exception {
        Path db = dir.resolve("shared-db");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(),
                db.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("OPEN");
            assertThatThrownBy(() -> Database.open(db))
                    .isInstanceOf(DatabaseInUseException.class)
                    .hasMessageContaining("is already open in another Impact Desk window or program")
                    .hasMessageContaining("--db");
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        try (Database again = Database.open(db)) {
            assertThat(again.path()).isNotNull();
        }
    }
}
