package org.impactdesk.ui.wrapped;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.impactdesk.TestSmtp;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.service.Services;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.service.wrapped.WrappedSource;
import org.impactdesk.share.PngCardRenderer;
import org.impactdesk.share.ShareCardFactory;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.ui.shell.MainWindow;
import org.impactdesk.ui.shell.ScreenId;
import org.impactdesk.ui.shell.WindowFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19's done-when, in the real window on the worked example (two of its three mentors' Wrapped
 * 2025 ready and waiting for review) with a real SMTP server (GreenMail, TLS): the admin signs in,
 * opens the Wrapped previewer (it plays the first mentor of its list), chooses each ready mentor and
 * plays it (previewed), and presses "Release previewed". GreenMail receives exactly two messages,
 * one to each previewed mentor, each with that mentor's own card as a PNG that decodes and equals
 * the card rendered from their own summary (and not the other's), and nothing of the other mentors, the coordinator,
 * the admin or any contact. Pressing it again releases nothing and sends nothing.
 */
@MigratedH2
@ExtendWith(ApplicationExtension.class)
class ReleaseWindowFxTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.server();

    Stage stage;
    Database db;
    WindowFixture fixture;
    MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(Database db) throws Exception {
        this.db = ExampleDatabase.fill(db);
        Services services = new Services(db, Locale.ENGLISH, TestSmtp.trustItsCertificate());
        services.delivery.save(new MailSettings("org-1", "en", true, "localhost", TestSmtp.port(SMTP), MailSettings.Security.TLS,
                TestSmtp.USER, "impact@example.org"), "user-ada");
        services.smtpPasswords.put("org-1", TestSmtp.PASSWORD.toCharArray()); // as typed on Settings for this session
        fixture = new WindowFixture(services);
        window = fixture.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    void await(Callable<Boolean> condition) throws Exception {
        fixture.await(condition);
    }

    /** Waits until the label says what is expected (the failure says what it said instead). */
    void awaitText(FxRobot robot, String id, String expectedStart) throws Exception {
        try {
            await(() -> text(robot, id).startsWith(expectedStart));
        } catch (AssertionError e) { // the fixture's timeout
            throw new AssertionError(id + " says '" + textNow(robot, id) + "', not '" + expectedStart + "...'", e);
        }
    }

    /** A label's text; read on the FX thread (inside {@link #await}, or through {@link #textNow}). */
    static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    static String textNow(FxRobot robot, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> text(robot, id)).get(30, TimeUnit.SECONDS);
    }

    List<String> previewed() {
        return db.jdbi().withHandle(h -> h.createQuery("""
                SELECT s.peer_mentor_id FROM annual_releases r JOIN annual_summaries s ON s.id = r.annual_summary_id
                WHERE r.previewed_at IS NOT NULL AND r.previewed_by = 'user-ada' AND s.status = 'ready'
                ORDER BY s.peer_mentor_id""")
                .mapTo(String.class).list());
    }

    long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAdminPreviewsTwoReleasesThePreviewedAndExactlyTheirTwoCardsGoOutOnce(FxRobot robot) throws Exception {
        fixture.signIn("user-ada");

        List<String> ready = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT peer_mentor_id FROM annual_summaries WHERE year = 2025 AND status = 'ready' ORDER BY peer_mentor_id")
                .mapTo(String.class).list());
        assertThat(ready).as("the example has two ready Wrapped 2025 to preview").hasSize(2);
        String readyCount = "of " + ready.size() + " previewed";
        fixture.open(ScreenId.WRAPPED);
        await(() -> robot.lookup("#wrapped-release-counts").tryQuery().isPresent());
        // the first visit plays the first mentor of the list; then each ready one is chosen and played
        ComboBox<WrappedSource.MentorChoice> mentors = robot.lookup("#wrapped-mentor").queryAs(ComboBox.class);
        await(() -> mentors.getItems().size() == 3 && !robot.lookup("#wrapped-load").queryButton().isDisabled());
        for (String pm : ready) {
            if (previewed().contains(pm)) {
                continue;
            }
            WrappedSource.MentorChoice choice = WaitForAsyncUtils.asyncFx(() -> mentors.getItems().stream()
                    .filter(m -> m.peerMentorId().equals(pm)).findFirst().orElseThrow()).get(30, TimeUnit.SECONDS);
            robot.interact(() -> mentors.setValue(choice));
            await(() -> !robot.lookup("#wrapped-load").queryButton().isDisabled()
                    && Integer.valueOf(2025).equals(((ComboBox<Integer>) robot.lookup("#wrapped-year").query()).getValue()));
            robot.clickOn("#wrapped-load");
            // (the first visit's own play may land in between and preview the other: no count is awaited here)
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> previewed().contains(pm));
        }
        awaitText(robot, "#wrapped-release-counts", "2 " + readyCount + ", 0 released");
        List<String> chosen = previewed();
        assertThat(chosen).containsExactlyElementsOf(ready);
        assertThat(SMTP.getReceivedMessages()).as("previewing sends nothing").isEmpty();

        robot.clickOn("#wrapped-release-previewed");
        awaitText(robot, "#wrapped-release-message", "2 released, 2 e-mail(s) sent.");

        MimeMessage[] got = SMTP.getReceivedMessages();
        assertThat(got).hasSize(2);
        Map<String, String> mentorOfAddress = Map.of("mira@example.com", "pm-1", "jonas@example.com", "pm-2",
                "sofie@example.com", "pm-3");
        Map<String, String> nameOf = Map.of("pm-1", "Mira Eksempel", "pm-2", "Jonas Prøvesen", "pm-3", "Sofie Demo");
        List<String> reached = new ArrayList<>();
        for (MimeMessage m : got) {
            assertThat(m.getAllRecipients()).hasSize(1);
            String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
            String pm = mentorOfAddress.get(to);
            assertThat(chosen).as(to + " was previewed").contains(pm);
            reached.add(pm);
            assertThat(m.getSubject()).isEqualTo("Your Wrapped 2025 is ready");
            Multipart parts = (Multipart) m.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
            assertThat(text).startsWith("Hi " + nameOf.get(pm) + ",");
            String headers = String.join("\n", Collections.list(m.getAllHeaderLines()));
            List<String> others = new ArrayList<>(List.of("Ola Nordmann", "Kari Nordmann", "Per Eksempel", "Kim Koordinator",
                    "kim@example.com", "Ada Admin", "ada@example.com"));
            mentorOfAddress.forEach((address, other) -> {
                if (!other.equals(pm)) {
                    others.addAll(List.of(address, other, nameOf.get(other), nameOf.get(other).split(" ")[0]));
                }
            });
            for (String notTheirs : others) {
                assertThat(text).as(to + "'s text names " + notTheirs).doesNotContain(notTheirs);
                assertThat(headers).as(to + "'s headers name " + notTheirs).doesNotContain(notTheirs);
            }
            BodyPart card = parts.getBodyPart(1);
            assertThat(card.getContentType()).startsWith("image/png");
            assertThat(card.getFileName()).isEqualTo("wrapped-2025.png");
            byte[] png = card.getInputStream().readAllBytes();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).as("the attachment decodes as a PNG").isNotNull();
            assertThat(image.getWidth()).isEqualTo(1080);
            assertThat(image.getHeight()).isEqualTo(1920);
            assertThat(Arrays.equals(png, ownCard(pm))).as("the attachment is " + pm + "'s own card").isTrue();
            for (String other : ready) {
                if (!other.equals(pm)) {
                    assertThat(Arrays.equals(png, ownCard(other))).as("the attachment is not " + other + "'s card").isFalse();
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrderElementsOf(chosen);
        assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE summary_table = 'annual_summaries' "
                + "AND sent_at IS NOT NULL")).isEqualTo(2);

        // a release repeated changes nothing and sends nothing twice
        String releasedAt = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT LISTAGG(CAST(released_at AS VARCHAR), ',') WITHIN GROUP (ORDER BY annual_summary_id) FROM annual_releases")
                .mapTo(String.class).one());
        robot.clickOn("#wrapped-release-previewed");
        awaitText(robot, "#wrapped-release-message", "0 released, 0 e-mail(s) sent.");
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        String releasedAgain = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT LISTAGG(CAST(released_at AS VARCHAR), ',') WITHIN GROUP (ORDER BY annual_summary_id) FROM annual_releases")
                .mapTo(String.class).one());
        assertThat(releasedAgain).as("who and when of each release stay as they were").isEqualTo(releasedAt);
        assertThat(textNow(robot, "#wrapped-release-counts")).startsWith("2 " + readyCount + ", 2 released, 0 held back");
    }

    /** The card rendered from the mentor's own stored summary, with the name only if they agreed to show it. */
    byte[] ownCard(String peerMentorId) throws Exception {
        Map<String, Object> row = db.jdbi().withHandle(h -> h.createQuery("""
                SELECT s.payload_json, CASE WHEN pm.share_first_name THEN u.display_name END AS consented
                FROM annual_summaries s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id JOIN users u ON u.id = s.user_id
                WHERE s.peer_mentor_id = :pm AND s.year = 2025""").bind("pm", peerMentorId).mapToMap().one());
        return new PngCardRenderer().render(ShareCardFactory.fromPayload(SlidePayload.parse((String) row.get("payload_json")),
                (String) row.get("consented")), Locale.ENGLISH);
    }
}
