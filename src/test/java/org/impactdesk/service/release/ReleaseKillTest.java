package org.impactdesk.service.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.impactdesk.ChildJvm;
import org.impactdesk.TestSmtp;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.service.delivery.MailNotificationSender;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.store.Database;
import org.impactdesk.store.DeliveryDao;
import org.impactdesk.store.FreshDatabases;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.OrganizationDao;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's done-when, "a kill between commit and dispatch sends each message once on the next
 * run", with a real kill: a child JVM releases the two previewed (ready) Wrapped of the worked example;
 * its release commits, its dispatch sends the first message to GreenMail and, in the second, the
 * JVM is killed (SIGKILL). Both summaries are released and the second's notification is still
 * queued, untried. The next release run (nothing new to release) sends exactly that one; a run
 * after it sends nothing: each previewed mentor got their Wrapped once. On the test engine (an H2
 * file, or a PostgreSQL database the killed child was connected to).
 */
@MigratedH2
class ReleaseKillTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.server();
    static final Actor ADMIN = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);

    @TempDir
    Path dir;

    @Test
    void aKillBetweenTheReleasesCommitAndItsDispatchSendsEachMessageOnceOnTheNextRun(FreshDatabases fresh) throws Exception {
        String target = fresh.target("db");
        List<String> ready;
        try (Database db = Database.open(target, null)) {
            ExampleDatabase.fill(db);
            new DeliveryDao(db.jdbi()).save(new MailSettings("org-1", "en", true, "localhost", TestSmtp.port(SMTP),
                    MailSettings.Security.TLS, TestSmtp.USER, "impact@example.org"), "user-ada");
            StoredReleaseService releases = new StoredReleaseService(db, n -> {
                throw new AssertionError("previewing sends nothing");
            }, Clock.systemUTC());
            ready = db.jdbi().withHandle(h -> h.createQuery("""
                    SELECT u.email FROM annual_summaries s JOIN users u ON u.id = s.user_id
                    WHERE s.year = 2025 AND s.status = 'ready' ORDER BY s.peer_mentor_id""").mapTo(String.class).list());
            assertThat(ready).as("two ready Wrapped to release").hasSize(2);
            for (String pm : db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT peer_mentor_id FROM annual_summaries WHERE year = 2025 AND status = 'ready'").mapTo(String.class).list())) {
                releases.markPreviewed(pm, 2025, ADMIN);
            }
        }

        ChildJvm.Outcome child = ChildJvm.runAndKill(ReleaseChild.class, List.of(target,
                String.valueOf(TestSmtp.port(SMTP))), l -> l.startsWith("SENDING"), dir.resolve("child.err"));

        assertThat(child.signalled()).as("killed while sending: " + Files.readString(dir.resolve("child.err"))).isTrue();
        assertThat(child.printed("DONE")).isFalse();
        assertThat(child.lines().stream().filter(l -> l.startsWith("DELIVERED "))).hasSize(1);
        String hanging = child.lines().getLast().substring("SENDING ".length());
        assertThat(wrappedTo()).as("the child's one delivery").hasSize(1);

        try (Database db = Database.open(target, null)) {
            assertThat(count(db, "SELECT COUNT(*) FROM annual_releases WHERE released_at IS NOT NULL AND released_by = 'user-ada'"))
                    .as("the release committed before its dispatch").isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM notification_outbox WHERE summary_id = '" + hanging
                    + "' AND sent_at IS NULL AND attempts = 0")).as("the one being sent is still queued, untried").isOne();

            MailNotificationSender mail = new MailNotificationSender(new DeliveryDao(db.jdbi()), new OrganizationDao(db.jdbi()),
                    s -> Optional.of(TestSmtp.PASSWORD.toCharArray()), TestSmtp.trustItsCertificate());
            StoredReleaseService next = new StoredReleaseService(db, mail, Clock.systemUTC());

            ReleaseService.Outcome rerun = next.release(2025, "org-1", ReleaseService.Selection.PREVIEWED, null, ADMIN);

            assertThat(rerun.released()).isZero();
            assertThat(rerun.alreadyReleased()).isEqualTo(2);
            assertThat(rerun.notificationsSent()).isOne();
            assertThat(wrappedTo()).containsExactlyInAnyOrderElementsOf(ready);
            assertThat(count(db, "SELECT COUNT(*) FROM notification_outbox WHERE summary_table = 'annual_summaries' "
                    + "AND sent_at IS NOT NULL")).isEqualTo(2);

            ReleaseService.Outcome again = next.release(2025, "org-1", ReleaseService.Selection.PREVIEWED, null, ADMIN);
            assertThat(again.notificationsSent()).isZero();
            assertThat(wrappedTo()).as("nothing twice").containsExactlyInAnyOrderElementsOf(ready);
        }
    }

    /** The recipient of each Wrapped e-mail GreenMail received. */
    static List<String> wrappedTo() {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> subject(m).equals("Your Wrapped 2025 is ready"))
                .map(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO)[0].toString();
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
