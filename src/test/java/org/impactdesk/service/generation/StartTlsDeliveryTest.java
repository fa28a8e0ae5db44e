package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactdesk.service.generation.GenerationRequest.Selection.ALL;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.impactdesk.TestSmtp;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.service.delivery.MailNotificationSender;
import org.impactdesk.service.release.ReleaseService;
import org.impactdesk.service.release.StoredReleaseService;
import org.impactdesk.store.Database;
import org.impactdesk.store.DeliveryDao;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.OrganizationDao;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 19 item 3, security STARTTLS (the submission port's way), beside {@link MailDeliveryTest}'s
 * TLS from the first byte: the sender connects in plain text, is offered STARTTLS, upgrades, and
 * only then logs in and sends; GreenMail (behind {@link TestSmtp.StartTlsFront}, as GreenMail
 * itself has no STARTTLS) receives the message. A server that does not offer STARTTLS gets
 * nothing: no login, no message in clear text; the notification stays queued with the error.
 */
@MigratedH2
class StartTlsDeliveryTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.plainServer();

    RuleDb t;
    DeliveryDao delivery;
    ReleaseService releases;
    TestSmtp.StartTlsFront front;
    final Actor admin = new Actor("u-admin", "Admin", "o1", Set.of(Role.ORG_ADMIN), null);

    @BeforeEach
    void open(Database db) throws Exception {
        t = new RuleDb(db);
        t.org("o1", null);
        t.mentor("pm-a", "o1", "la-o1", "active", "2020-01-01");
        t.daily("pm-a", "o1", "2025-03-01", 6);
        db.jdbi().useHandle(h -> h.execute("UPDATE users SET email = ? WHERE id = ?", "pm-a@example.org", "u-pm-a"));
        t.user("u-admin", "o1", "org_admin");
        delivery = new DeliveryDao(db.jdbi());
        MailNotificationSender mail = new MailNotificationSender(delivery, new OrganizationDao(db.jdbi()),
                s -> Optional.of(TestSmtp.PASSWORD.toCharArray()), TestSmtp.trustItsCertificate());
        new GenerationService(db, mail, List.of(), t.clock, Locale.ENGLISH)
                .generate(new GenerationRequest(Set.of(2025), ALL, null, java.time.LocalDate.parse("2026-01-10"), false),
                        Actor.localOperator());
        releases = new StoredReleaseService(db, mail, t.clock);
        front = new TestSmtp.StartTlsFront(TestSmtp.plainPort(SMTP));
    }

    @AfterEach
    void close() throws Exception {
        front.close();
    }

    private void configure(int port) {
        delivery.save(new MailSettings("o1", "en", true, "localhost", port, MailSettings.Security.STARTTLS, TestSmtp.USER,
                "impact@example.org"), "u-admin");
    }

    @Test
    void theSenderUpgradesWithStartTlsBeforeItLogsInAndSends() throws Exception {
        configure(front.port());

        ReleaseService.Outcome o = releases.release(2025, "o1", ReleaseService.Selection.MENTOR, "pm-a", admin);

        assertThat(o.notificationsSent()).isOne();
        MimeMessage[] got = SMTP.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("pm-a@example.org");
        assertThat(got[0].getSubject()).isEqualTo("Your Wrapped 2025 is ready");
        assertThat(front.upgrades).singleElement().satisfies(p -> assertThat(p).startsWith("TLSv1."));
        // in clear text only the greeting and the upgrade: no login, no sender, no recipient, no data
        assertThat(front.beforeUpgrade).hasSize(2);
        assertThat(front.beforeUpgrade.get(0)).startsWith("EHLO ");
        assertThat(front.beforeUpgrade.get(1)).isEqualTo("STARTTLS");
        assertThat(t.count("SELECT COUNT(*) FROM notification_outbox WHERE summary_table = 'annual_summaries' "
                + "AND sent_at IS NOT NULL")).isOne();
    }

    @Test
    void aServerThatOffersNoStartTlsGetsNothingInClearTextAndTheNotificationStaysQueued() {
        configure(TestSmtp.plainPort(SMTP)); // GreenMail itself: plain SMTP, no STARTTLS offered

        ReleaseService.Outcome o = releases.release(2025, "o1", ReleaseService.Selection.MENTOR, "pm-a", admin);

        assertThat(o.released()).isOne();
        assertThat(o.notificationsSent()).isZero();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(t.row("SELECT attempts, sent_at, last_error FROM notification_outbox "
                + "WHERE summary_table = 'annual_summaries'"))
                .containsEntry("attempts", 1).containsEntry("sent_at", null)
                .hasEntrySatisfying("last_error", e -> assertThat((String) e).containsIgnoringCase("STARTTLS"));
    }
}
