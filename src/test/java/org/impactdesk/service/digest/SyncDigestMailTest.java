package org.impactdesk.service.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
import org.impactdesk.service.followup.StoredFollowUpService;
import org.impactdesk.service.generation.ExampleBundleFixture;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.service.importing.BundleImporter;
import org.impactdesk.store.ActorDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.DeliveryDao;
import org.impactdesk.store.DigestDao;
import org.impactdesk.store.FollowUpDao;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.OrganizationDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 19 item 5 against a real SMTP server (GreenMail): after each sync a coordinator who opted
 * in gets one e-mail with Home's "Since the last sync" for their own mentors (the worked
 * example: Kim coordinates la-2, where Mira is back to normal and Sofie still flagged; Jonas, in
 * another association, newly underactive), queued in the import's transaction and sent after its
 * commit; nothing about anyone outside Kim's scope, no contact's name, no ids; a sync that
 * changes nothing sends nothing again; one not opted in gets nothing; without a channel the
 * digest waits in the outbox and the next dispatch sends it once.
 */
@MigratedH2
class SyncDigestMailTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.server();
    /** Summer 2025: the last closed quarter is Q2 2025, compared with Q1. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-10T08:00:00Z"), ZoneOffset.UTC);

    Database db;
    DeliveryDao delivery;
    StoredDigestService digests;
    MailNotificationSender mail;
    BundleImporter importer;
    final AtomicReference<char[]> password = new AtomicReference<>(TestSmtp.PASSWORD.toCharArray());

    @BeforeEach
    void open(Database db) {
        this.db = ExampleDatabase.fill(db);
        // Mira pm-1: overloaded -> normal; Jonas pm-2: normal -> underactive; Sofie pm-3: underactive -> underactive
        status("pm-1", 1, "overloaded");
        status("pm-1", 2, "normal");
        status("pm-2", 1, "normal");
        status("pm-2", 2, "underactive");
        status("pm-3", 1, "underactive");
        status("pm-3", 2, "underactive");
        StoredFollowUpService followUps = new StoredFollowUpService(new FollowUpDao(db.jdbi()), CLOCK);
        followUps.save(ExampleDatabase.KIM, "pm-3", new org.impactdesk.domain.Period.Quarter(2025, 1),
                java.time.LocalDate.of(2025, 4, 3), "called, agreed to meet in May");
        delivery = new DeliveryDao(db.jdbi());
        digests = new StoredDigestService(new DigestDao(db.jdbi()), CLOCK);
        mail = new MailNotificationSender(delivery, new OrganizationDao(db.jdbi()), s -> Optional.ofNullable(password.get()),
                TestSmtp.trustItsCertificate());
        importer = new BundleImporter(db, CLOCK, new SyncDigests(db, new ActorDao(db.jdbi())::find, followUps,
                a -> ZoneId.of("Europe/Oslo"), mail, CLOCK));
    }

    void status(String pm, int quarter, String status) {
        db.jdbi().useHandle(h -> h.execute("""
                UPDATE periodic_summaries SET outlier_status = ? WHERE peer_mentor_id = ? AND coordinator_id IS NULL
                AND period_type = 'quarterly' AND year = 2025 AND quarter = ?""", status, pm, quarter));
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
}
