package org.impactdesk.service.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.impactdesk.TestSmtp;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.service.delivery.MailNotificationSender;
import org.impactdesk.service.delivery.OutboxDispatcher;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.service.importing.BundleImporter;
import org.impactdesk.service.importing.BundleSyncGateway;
import org.impactdesk.store.Database;
import org.impactdesk.store.DeliveryDao;
import org.impactdesk.store.DigestDao;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.OrganizationDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 5 against a real SMTP server (GreenMail): after each sync a coordinator who opted
 * in gets one e-mail with Home's "Since the last sync" for their own mentors (the worked
 * example: Kim coordinates la-2, where Mira is back to normal and Sofie still flagged; Jonas, in
 * another association, newly underactive), queued in the import's transaction and sent after its
 * commit; nothing about anyone outside Kim's scope, no contact's name, no ids; a sync that
 * changes nothing sends nothing again; one not opted in gets nothing; without a channel the
 * digest waits in the outbox and the next dispatch sends it once.
 *
 * <p>A sync in the window is the import and the regeneration after it: the digest shows the state
 * after both (Mira, underactive only once her rejected sessions are taken out, is in that sync's digest),
 * and a stopped, failed or refused regeneration still sends the digest of what is stored then.
 */
@MigratedH2
class SyncDigestMailTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.server();
    static final Clock CLOCK = DigestExample.CLOCK;

    Database db;
    DeliveryDao delivery;
    StoredDigestService digests;
    MailNotificationSender mail;
    BundleImporter importer;
    SyncDigests syncDigests;
    BundleSyncGateway gateway;
    @TempDir
    Path dir;
    final AtomicReference<char[]> password = new AtomicReference<>(TestSmtp.PASSWORD.toCharArray());

    @BeforeEach
    void open(Database db) {
        this.db = db;
        DigestExample.prepare(db);
        delivery = new DeliveryDao(db.jdbi());
        digests = new StoredDigestService(new DigestDao(db.jdbi()), CLOCK);
        mail = new MailNotificationSender(delivery, new OrganizationDao(db.jdbi()), s -> Optional.ofNullable(password.get()),
                TestSmtp.trustItsCertificate());
        syncDigests = DigestExample.digests(db, mail);
        importer = new BundleImporter(db, CLOCK, syncDigests);
        gateway = DigestExample.window(db, mail, syncDigests, List.of());
    }

    void configure(String language) {
        delivery.save(new MailSettings("org-1", language, true, "localhost", TestSmtp.port(SMTP), MailSettings.Security.TLS,
                TestSmtp.USER, "impact@example.org"), "user-ada");
    }

    void sync() {
        assertThat(importer.importBundle(ExampleBundleFixture.BUNDLE, ImportOptions.allOrNothing(), Actor.localOperator(), null)
                .written()).isTrue();
    }

    long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    List<String> personalDataOfOthers() {
        List<String> out = new ArrayList<>(db.jdbi().withHandle(h -> h.createQuery(
                "SELECT display_name FROM contacts WHERE display_name IS NOT NULL").mapTo(String.class).list()));
        assertThat(out).as("the example names its contacts").contains("Ola Nordmann", "Kari Nordmann");
        out.addAll(List.of("Jonas", "Prøvesen", "jonas@example.com", "mira@example.com", "sofie@example.com", "Ada Admin",
                "pm-1", "pm-2", "pm-3", "user-mira", "user-jonas", "user-sofie", "c-01", "called, agreed"));
        return out;
    }

    @Test
    void anOptedInCoordinatorGetsOneDigestOfTheirOwnMentorsAfterTheSyncAndNothingOfAnyoneElse() throws Exception {
        configure("en");
        digests.setOptedIn(ExampleDatabase.KIM, true);
        assertThat(digests.optedIn(ExampleDatabase.KIM)).isTrue();

        sync();

        MimeMessage[] got = SMTP.getReceivedMessages();
        assertThat(got).hasSize(1);
        MimeMessage m = got[0];
        assertThat(m.getAllRecipients()).hasSize(1);
        assertThat(m.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("kim@example.com");
        assertThat(m.getSubject()).isEqualTo("Since the last sync: what changed for your team");
        String text = ((String) m.getContent()).replace("\r\n", "\n"); // SMTP carries CRLF
        assertThat(text).startsWith("Hi Kim Koordinator,\n\nthe sync of ")
                .contains("brought these changes for the peer mentors you coordinate, Q2 2025 against Q1 2025:")
                .contains("Back to normal (1)\n- Mira Eksempel")
                .contains("Newly underactive (0)\nnobody")
                .contains("Followed up in Q1 2025, still flagged (1)\n- Sofie Demo")
                .contains("(Sent by Impact Desk for ");
        String headers = String.join("\n", Collections.list(m.getAllHeaderLines()));
        for (String notKims : personalDataOfOthers()) {
            assertThat(text).as("the text names " + notKims).doesNotContain(notKims);
            assertThat(headers).as("the headers name " + notKims).doesNotContain(notKims);
        }
        assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE summary_table = 'sync_digests' AND sent_at IS NOT NULL"))
                .isOne();
        assertThat(count("SELECT COUNT(*) FROM sync_digests WHERE user_id = 'user-kim' AND notification_sent_at IS NOT NULL"))
                .isOne();

        // the next sync changes no summary: the same lists, no second digest
        sync();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM sync_digests")).isOne();

        // something changed (Kim's follow-up of Sofie is gone): a new digest, in Norwegian now
        configure("nb");
        db.jdbi().useHandle(h -> h.execute("DELETE FROM follow_up_notes"));
        sync();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        MimeMessage second = SMTP.getReceivedMessages()[1];
        assertThat(second.getSubject()).isEqualTo("Siden siste synkronisering: endringer for teamet ditt");
        assertThat(((String) second.getContent()).replace("\r\n", "\n")).startsWith("Hei Kim Koordinator!")
                .contains("Tilbake til normal (1)\n- Mira Eksempel")
                .contains("Fulgt opp i 1. kvartal 2025, fortsatt avvik (0)\ningen")
                .contains("2. kvartal 2025 mot 1. kvartal 2025").doesNotContain("Jonas").doesNotContain("Sofie");
    }

    @Test
    void aCoordinatorWhoDidNotOptInOrOptedOutGetsNothing() {
        configure("en");
        sync();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        digests.setOptedIn(ExampleDatabase.KIM, true);
        digests.setOptedIn(ExampleDatabase.KIM, false);
        sync();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM sync_digests")).isZero();
        assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE summary_table = 'sync_digests'")).isZero();
    }

    @Test
    void onlyACoordinatorSignedInAsThemselvesOptsIn() {
        assertThat(digests.canOptIn(ExampleDatabase.KIM)).isTrue();
        assertThat(digests.canOptIn(ExampleDatabase.ADA)).isFalse();
        assertThat(digests.canOptIn(ExampleDatabase.SOFIE)).isFalse();
        assertThat(digests.canOptIn(Actor.localOperator())).isFalse();
        assertThatThrownBy(() -> digests.setOptedIn(ExampleDatabase.ADA, true)).isInstanceOf(DigestRefusedException.class)
                .hasMessageContaining("coordinator");
        assertThat(count("SELECT COUNT(*) FROM digest_subscriptions")).isZero();
    }

    @Test
    void withoutAChannelTheDigestWaitsInTheOutboxAndTheNextDispatchSendsItOnce() {
        digests.setOptedIn(ExampleDatabase.KIM, true);

        sync(); // no e-mail configured: queued with the import, not sent, not an attempt

        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE summary_table = 'sync_digests' "
                + "AND sent_at IS NULL AND attempts = 0")).isOne();
        assertThat(delivery.queue("org-1").waiting()).isPositive();

        configure("en");
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, mail, CLOCK);
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(SMTP.getReceivedMessages()).filteredOn(m -> {
            try {
                return m.getSubject().startsWith("Since the last sync");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE summary_table = 'sync_digests' AND sent_at IS NULL"))
                .isZero();
    }

    @Test
    void aRefusedImportQueuesNoDigest() throws Exception {
        configure("en");
        digests.setOptedIn(ExampleDatabase.KIM, true);
        java.nio.file.Path broken = java.nio.file.Files.createTempFile("not-a-bundle", ".csv");
        java.nio.file.Files.writeString(broken, "id,nothing\n1,2\n");
        try {
            importer.importBundle(broken, ImportOptions.allOrNothing(), Actor.localOperator(), null);
        } catch (RuntimeException refusedLoudly) {
            // refused either way: what matters is that nothing was queued
        } finally {
            java.nio.file.Files.deleteIfExists(broken);
        }
        assertThat(count("SELECT COUNT(*) FROM sync_digests")).isZero();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }
    /** The window's import of the bundle, as {@code who}; true when it wrote. */
    void importInWindow(Path bundle, Actor who) throws Exception {
        assertThat(gateway.importBundle(bundle, SyncGateway.Mode.ALL_OR_NOTHING, who, null).written()).isTrue();
    }

    static List<String> kimsDigests() throws Exception {
        return DigestExample.kimsDigests(SMTP);
    }

    static SyncGateway.Progress progress(boolean stop) {
        return new SyncGateway.Progress() {
            @Override
            public void update(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return stop;
            }
        };
    }

    @Test
    void aMentorOnlyTheRegenerationFlagsIsInTheSameSyncsDigest() throws Exception {
        configure("en");
        digests.setOptedIn(ExampleDatabase.KIM, true);
        Path bundle = DigestExample.fewerForMira(dir);

        importInWindow(bundle, ExampleDatabase.ADA);

        // the import alone: Mira's Q2 row still says normal (back from overloaded): no digest of that half state
        assertThat(kimsDigests()).as("nothing before the regeneration").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM sync_digests")).isZero();
        assertThat(count("SELECT COUNT(*) FROM sync_digests_due WHERE organization_id = 'org-1'")).isOne();

        SyncGateway.Regeneration r = gateway.regenerate(ExampleDatabase.ADA, progress(false));

        assertThat(r.summariesWritten()).isPositive();
        assertThat(DigestExample.miraInQ2(db)).as("the regeneration flags Mira").isEqualTo("underactive");
        assertThat(kimsDigests()).singleElement().satisfies(text -> assertThat(text)
                .contains("Q2 2025 against Q1 2025")
                .contains("Newly underactive (1)\n- Mira Eksempel")
                .contains("Back to normal (0)\nnobody")
                .contains("Followed up in Q1 2025, still flagged (1)\n- Sofie Demo"));
        assertThat(count("SELECT COUNT(*) FROM sync_digests_due")).as("the sync's digest is taken").isZero();
        assertThat(count("SELECT COUNT(*) FROM sync_digests WHERE notification_sent_at IS NOT NULL")).isOne();

        // the same bundle again: nothing new to regenerate, the same lists: not twice
        importInWindow(bundle, ExampleDatabase.ADA);
        gateway.regenerate(ExampleDatabase.ADA, progress(false));
        assertThat(kimsDigests()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM sync_digests")).isOne();
        assertThat(count("SELECT COUNT(*) FROM sync_digests_due")).isZero();
    }

    @Test
    void aStoppedRegenerationStillSendsTheDigestOfWhatIsStoredAndTheNextSyncSendsWhatItLeft() throws Exception {
        configure("en");
        digests.setOptedIn(ExampleDatabase.KIM, true);
        Path bundle = DigestExample.fewerForMira(dir);
        importInWindow(bundle, ExampleDatabase.ADA);

        SyncGateway.Regeneration stopped = gateway.regenerate(ExampleDatabase.ADA, progress(true));

        assertThat(stopped.cancelled()).isTrue();
        assertThat(stopped.organizationsLeft()).hasSize(1);
        // what the import left stored (Mira's rows as they were): sent, once, after the stopped regeneration
        assertThat(kimsDigests()).singleElement().satisfies(text -> assertThat(text)
                .contains("Back to normal (1)\n- Mira Eksempel").contains("Newly underactive (0)\nnobody"));
        assertThat(count("SELECT COUNT(*) FROM sync_digests_due")).isZero();

        // the next sync brings org-1 up to date: its digest says what the stopped one left out
        importInWindow(bundle, ExampleDatabase.ADA);
        assertThat(kimsDigests()).as("still stale after the import: nothing yet").hasSize(1);
        gateway.regenerate(ExampleDatabase.ADA, progress(false));
        assertThat(kimsDigests()).hasSize(2);
        assertThat(kimsDigests().get(1)).contains("Newly underactive (1)\n- Mira Eksempel").contains("Back to normal (0)\nnobody");
    }

    @Test
    void aFailedRegenerationStillSendsTheDigestOfWhatIsStored() throws Exception {
        configure("en");
        digests.setOptedIn(ExampleDatabase.KIM, true);
        importInWindow(DigestExample.fewerForMira(dir), ExampleDatabase.ADA);
        // the regeneration's write of Mira's new Q2 row (underactive) fails, as a full disk would: rolled back
        db.jdbi().useHandle(h -> h.execute("ALTER TABLE periodic_summaries ADD CONSTRAINT test_write_fails CHECK ("
                + "peer_mentor_id <> 'pm-1' OR year <> 2025 OR quarter <> 2 OR outlier_status <> 'underactive')"));

        assertThatThrownBy(() -> gateway.regenerate(ExampleDatabase.ADA, progress(false)))
                .satisfies(e -> assertThat(String.valueOf(e.getMessage()) + e.getCause()).containsIgnoringCase("test_write_fails"));

        assertThat(DigestExample.miraInQ2(db)).as("rolled back: Mira's row as it was").isEqualTo("normal");
        assertThat(kimsDigests()).singleElement().satisfies(text -> assertThat(text)
                .contains("Back to normal (1)\n- Mira Eksempel"));
        assertThat(count("SELECT COUNT(*) FROM sync_digests_due")).isZero();
    }

    @Test
    void aCoordinatorsOwnSyncWhoseRegenerationIsRefusedStillSendsTheDigest() throws Exception {
        configure("en");
        digests.setOptedIn(ExampleDatabase.KIM, true);
        importInWindow(DigestExample.fewerForMira(dir), ExampleDatabase.KIM); // Kim's part of it: la-2's rows

        assertThat(kimsDigests()).as("stale summaries: the regeneration comes first").isEmpty();
        assertThatThrownBy(() -> gateway.regenerate(ExampleDatabase.KIM, progress(false)))
                .hasMessageContaining("administrator");

        assertThat(kimsDigests()).singleElement().satisfies(text -> assertThat(text)
                .contains("Back to normal (1)\n- Mira Eksempel"));
        assertThat(count("SELECT COUNT(*) FROM sync_digests_due")).isZero();
    }
}
