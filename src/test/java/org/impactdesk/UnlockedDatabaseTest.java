package org.impactdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.impactdesk.store.Database;
import org.impactdesk.store.PassphraseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's start on an encrypted database: once the dialog has the passphrase, the database
 * opens (and migrates) and its services are built on a worker, not on the FX thread; a wrong
 * passphrase fails so the dialog asks again; the passphrase is cleared once used.
 */
class UnlockedDatabaseTest {

    @Test
    void theRightPassphraseOpensTheDatabaseAndItsServicesAndIsClearedAfter(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("locked");
        Database.open(path, "correct horse".toCharArray()).close();
        assertThat(Database.isEncrypted(path)).isTrue();
        char[] given = "correct horse".toCharArray();
        DesktopApp.Unlocked u = DesktopApp.openUnlocked(path, given).get(60, TimeUnit.SECONDS);
        try {
            assertThat(u.database().path()).isEqualTo(path.toAbsolutePath().normalize());
            assertThat(u.services().database).isSameAs(u.database());
            assertThat(u.services().actor("u-nobody")).isEmpty();
            assertThat(new String(given)).as("cleared once used").isEqualTo("\0".repeat(given.length));
        } finally {
            u.services().close();
        }
    }

    @Test
    void aWrongPassphraseFailsAsWrongSoTheDialogAsksAgain(@TempDir Path dir) {
        Path path = dir.resolve("locked");
        Database.open(path, "correct horse".toCharArray()).close();
        char[] wrong = "battery staple".toCharArray();
        assertThatThrownBy(() -> DesktopApp.openUnlocked(path, wrong).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(PassphraseException.class,
                        e -> assertThat(e.reason()).isEqualTo(PassphraseException.Reason.WRONG));
        assertThat(new String(wrong)).isEqualTo("\0".repeat(wrong.length));
    }
}
