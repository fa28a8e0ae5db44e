package org.impactdesk.service.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.impactdesk.ChildJvm;
import org.impactdesk.TestSmtp;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.service.delivery.MailNotificationSender;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.service.importing.BundleSyncGateway;
import org.impactdesk.store.Database;
import org.impactdesk.store.DeliveryDao;
import org.impactdesk.store.DigestDao;
import org.impactdesk.store.OrganizationDao;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit/dispatch window the digest's new order opens (issue 19 item 5): the import commits,
 * and the digest is queued only after the regeneration that follows. A child JVM syncs a bundle
 * that makes Mira underactive and is killed (SIGKILL) after the import's commit, before its
 * regeneration: the import and its due mark survive, no digest was queued or sent. The next sync
 * (the same bundle: nothing new to write, Mira still stale) regenerates and sends Kim exactly one
 * digest, with Mira newly underactive; a sync after it sends nothing.
 */
class SyncDigestKillTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.server();

    @TempDir
    Path dir;

    @Test
    void aKillBetweenTheImportsCommitAndTheDigestSendsTheSyncsDigestOnceWithTheNextSync() throws Exception {
        Path path = dir.resolve("db");
        Path bundle = DigestExample.fewerForMira(dir);
        try (Database db = Database.open(path)) {
            DigestExample.prepare(db);
            new DeliveryDao(db.jdbi()).save(new MailSettings("org-1", "en", true, "localhost", TestSmtp.port(SMTP),
                    MailSettings.Security.TLS, TestSmtp.USER, "impact@example.org"), "user-ada");
            new StoredDigestService(new DigestDao(db.jdbi()), DigestExample.CLOCK).setOptedIn(ExampleDatabase.KIM, true);
        }

        ChildJvm.Outcome child = ChildJvm.runAndKill(SyncDigestChild.class, List.of(path.toString(),
                String.valueOf(TestSmtp.port(SMTP)), bundle.toString()), l -> l.startsWith("REGENERATING"),
                dir.resolve("child.err"));

        assertThat(child.signalled()).as("killed in the regeneration: " + Files.readString(dir.resolve("child.err"))).isTrue();
        assertThat(child.printed("IMPORTED true")).as("the import committed").isTrue();
        assertThat(child.printed("DONE")).isFalse();
        assertThat(kimsDigests()).as("nothing sent before the regeneration").isEmpty();

        try (Database db = Database.open(path)) {
            assertThat(DigestExample.count(db, "SELECT COUNT(*) FROM activities WHERE id IN ('act-122', 'act-123', 'act-990') "
                    + "AND approval_status = 'rejected'")).as("the import committed").isEqualTo(3);
            assertThat(DigestExample.count(db, "SELECT COUNT(*) FROM sync_digests_due WHERE organization_id = 'org-1'"))
                    .as("its digest is still due").isOne();
            assertThat(DigestExample.count(db, "SELECT COUNT(*) FROM sync_digests")).isZero();
            assertThat(DigestExample.miraInQ2(db)).as("not regenerated").isEqualTo("normal");

            MailNotificationSender mail = new MailNotificationSender(new DeliveryDao(db.jdbi()), new OrganizationDao(db.jdbi()),
                    s -> Optional.of(TestSmtp.PASSWORD.toCharArray()), TestSmtp.trustItsCertificate());
            BundleSyncGateway window = DigestExample.window(db, mail, DigestExample.digests(db, mail), List.of());

            sync(window, bundle);

            assertThat(DigestExample.miraInQ2(db)).isEqualTo("underactive");
            assertThat(kimsDigests()).singleElement().satisfies(text -> assertThat(text)
                    .contains("Newly underactive (1)\n- Mira Eksempel").contains("Back to normal (0)\nnobody"));
            assertThat(DigestExample.count(db, "SELECT COUNT(*) FROM sync_digests_due")).isZero();

            sync(window, bundle);
            assertThat(kimsDigests()).as("never twice").hasSize(1);
            assertThat(DigestExample.count(db, "SELECT COUNT(*) FROM notification_outbox WHERE summary_table = 'sync_digests'"))
                    .isOne();
        }
    }

    static void sync(BundleSyncGateway window, Path bundle) throws Exception {
        assertThat(window.importBundle(bundle, SyncGateway.Mode.ALL_OR_NOTHING, ExampleDatabase.ADA, null).written()).isTrue();
        window.regenerate(ExampleDatabase.ADA, null);
    }

    static List<String> kimsDigests() throws Exception {
        return DigestExample.kimsDigests(SMTP);
    }
}
