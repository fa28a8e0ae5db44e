package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactdesk.service.generation.GenerationRequest.Selection.ALL;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.imageio.ImageIO;
import org.impactdesk.TestSmtp;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.service.delivery.MailNotificationSender;
import org.impactdesk.service.delivery.SmtpPasswords;
import org.impactdesk.service.release.ReleaseService;
import org.impactdesk.service.release.StoredReleaseService;
import org.impactdesk.share.PngCardRenderer;
import org.impactdesk.share.ShareCardFactory;
import org.impactdesk.store.Database;
import org.impactdesk.store.DeliveryDao;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.OrganizationDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 19 items 2-4 against a real SMTP server (GreenMail, in process, TLS from the first byte):
 * an admin previews two of three mentors and releases the previewed ones; exactly two messages
 * arrive, one to each, in the organisation's language, with that mentor's own card as PNG; a
 * repeated release sends nothing. Without e-mail configured, or without the password, nothing is
 * marked sent and nothing counts as an attempt; a server that refuses leaves the notification
 * queued with its error and the time of its next attempt, and the next dispatch sends it.
 */
@MigratedH2
class MailDeliveryTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.server();

    RuleDb t;
    DeliveryDao delivery;
    char[] password = "s3cret".toCharArray();
    MailNotificationSender mail;
    GenerationService generation;
    ReleaseService releases;
    final Actor admin = new Actor("u-admin", "Admin", "o1", Set.of(Role.ORG_ADMIN), null);

    @BeforeEach
    void open(Database db) {
        t = new RuleDb(db);
        t.org("o1", null);
        for (String pm : List.of("pm-a", "pm-b", "pm-c")) {
            t.mentor(pm, "o1", "la-o1", "active", "2020-01-01");
            t.daily(pm, "o1", "2025-03-01", pm.equals("pm-b") ? 9 : 6);
            db.jdbi().useHandle(h -> h.execute("UPDATE users SET email = ? WHERE id = ?", pm + "@example.org", "u-" + pm));
        }
        t.user("u-admin", "o1", "org_admin");
        delivery = new DeliveryDao(db.jdbi());
        Properties trustTheTestServer = TestSmtp.trustItsCertificate();
        SmtpPasswords passwords = s -> password == null ? Optional.empty() : Optional.of(password.clone());
        mail = new MailNotificationSender(delivery, new OrganizationDao(db.jdbi()), passwords, trustTheTestServer);
        generation = new GenerationService(db, mail, List.of(), t.clock, Locale.ENGLISH);
        releases = new StoredReleaseService(db, mail, t.clock);
        // generated before any e-mail is configured: impact and periodic notifications wait, untouched
        generation.generate(new GenerationRequest(Set.of(2025), ALL, null, java.time.LocalDate.parse("2026-01-10"), false),
                Actor.localOperator());
    }

    private void configure(String language, int port) {
        delivery.save(new MailSettings("o1", language, true, "localhost", port, MailSettings.Security.TLS, "desk",
                "impact@example.org"), "u-admin");
    }

    private long outbox(String where) {
        return t.count("SELECT COUNT(*) FROM notification_outbox WHERE " + where);
    }

    @Test
    void withoutAChannelNothingIsMarkedSentOrCountedAsAnAttempt() {
        assertThat(outbox("TRUE")).isPositive();
        assertThat(outbox("sent_at IS NOT NULL OR attempts > 0 OR last_error IS NOT NULL")).isZero();
        assertThat(delivery.queue("o1").waiting()).isEqualTo(outbox("TRUE"));
        // configured, but no password given: still waiting, untouched
        configure("en", TestSmtp.port(SMTP));
        password = null;
        releases.markPreviewed("pm-a", 2025, admin);
        ReleaseService.Outcome o = releases.release(2025, "o1", ReleaseService.Selection.PREVIEWED, null, admin);
        assertThat(o.released()).isOne();
        assertThat(o.notificationsSent()).isZero();
        assertThat(outbox("sent_at IS NOT NULL OR attempts > 0")).isZero();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void releasingTheTwoPreviewedSendsExactlyTwoMessagesEachWithTheMentorsOwnCard() throws Exception {
        configure("en", TestSmtp.port(SMTP));
        long waitingBefore = outbox("sent_at IS NULL");
        releases.markPreviewed("pm-a", 2025, admin);
        releases.markPreviewed("pm-b", 2025, admin);

        ReleaseService.Outcome o = releases.release(2025, "o1", ReleaseService.Selection.PREVIEWED, null, admin);

        assertThat(o.released()).isEqualTo(2);
        assertThat(o.notificationsSent()).isEqualTo(2);
        MimeMessage[] got = SMTP.getReceivedMessages();
        assertThat(got).hasSize(2);
        for (MimeMessage m : got) {
            String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
            String pm = to.substring(0, to.indexOf('@'));
            assertThat(pm).isIn("pm-a", "pm-b");
            assertThat(m.getAllRecipients()).hasSize(1);
            assertThat(m.getFrom()[0].toString()).isEqualTo("impact@example.org");
            assertThat(m.getSubject()).isEqualTo("Your Wrapped 2025 is ready");
            Multipart parts = (Multipart) m.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            String text = (String) parts.getBodyPart(0).getContent();
            assertThat(text).startsWith("Hi Name of u-" + pm + ",").contains("2025").contains("Org o1");
            String other = pm.equals("pm-a") ? "pm-b" : "pm-a";
            String headers = String.join("\n", java.util.Collections.list(m.getAllHeaderLines()));
            for (String notMine : List.of(other, "pm-c", "u-" + other, "u-pm-c", "Name of u-" + other, "Name of u-pm-c")) {
                assertThat(text).doesNotContain(notMine);
                assertThat(headers).doesNotContain(notMine);
            }
            BodyPart card = parts.getBodyPart(1);
            assertThat(card.getContentType()).startsWith("image/png");
            assertThat(card.getFileName()).isEqualTo("wrapped-2025.png");
            byte[] png = card.getInputStream().readAllBytes();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(1080);
            assertThat(image.getHeight()).isEqualTo(1920);
            String payload = (String) t.row("SELECT payload_json FROM annual_summaries WHERE peer_mentor_id = ?", pm)
                    .get("payload_json");
            byte[] own = new PngCardRenderer().render(ShareCardFactory.fromPayload(SlidePayload.parse(payload), null),
                    Locale.ENGLISH);
            assertThat(Arrays.equals(png, own)).as("the attachment is " + pm + "'s own card").isTrue();
        }
        assertThat(outbox("summary_table = 'annual_summaries' AND sent_at IS NOT NULL")).isEqualTo(2);
        assertThat(outbox("sent_at IS NULL")).as("the impact and periodic ones wait for the next dispatch")
                .isEqualTo(waitingBefore);

        // a release repeated changes nothing and sends nothing twice
        ReleaseService.Outcome again = releases.release(2025, "o1", ReleaseService.Selection.PREVIEWED, null, admin);
        assertThat(again.released()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }

    @Test
    void theMessageIsInTheOrganisationsLanguage() throws Exception {
        configure("nb", TestSmtp.port(SMTP));
        releases.release(2025, "o1", ReleaseService.Selection.MENTOR, "pm-c", admin);
        MimeMessage m = SMTP.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("Din Wrapped 2025 er klar");
        assertThat((String) ((Multipart) m.getContent()).getBodyPart(0).getContent()).startsWith("Hei Name of u-pm-c!")
                .contains("likeperson");
        assertThat(m.getHeader("Content-Language")[0]).isEqualTo("nb");
    }

    @Test
    void aRefusingServerLeavesTheNotificationQueuedWithItsErrorAndTheNextDispatchSendsIt() {
        configure("en", 1); // nothing listens there
        releases.release(2025, "o1", ReleaseService.Selection.MENTOR, "pm-a", admin);
        assertThat(t.row("SELECT attempts, last_error IS NOT NULL AS err, next_attempt_at IS NOT NULL AS retry, "
                + "sent_at FROM notification_outbox WHERE summary_table = 'annual_summaries'"))
                .containsEntry("attempts", 1).containsEntry("err", true).containsEntry("retry", true)
                .containsEntry("sent_at", null);
        assertThat(delivery.queue("o1").failed()).isOne();
        configure("en", TestSmtp.port(SMTP));
        t.clock.advance(Duration.ofMinutes(2));
        int sent = generation.dispatchNotifications(); // every due one: the annual and the impact and periodic ones
        assertThat(sent).isEqualTo(outbox("TRUE"));
        assertThat(SMTP.getReceivedMessages()).hasSize(sent);
        assertThat(java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().equals("Your Wrapped 2025 is ready");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).hasSize(1);
        assertThat(outbox("sent_at IS NULL")).isZero();
    }
}
