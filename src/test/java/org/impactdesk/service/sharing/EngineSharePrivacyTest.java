package org.impactdesk.service.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.service.generation.GenerationRequest;
import org.impactdesk.service.generation.GenerationService;
import org.impactdesk.service.generation.LogNotificationSender;
import org.impactdesk.share.ShareCard;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.ShareDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
/**
 * Privacy end to end, with nothing hand-written in between: contacts with distinctive names,
 * people with emails, an event whose title names a contact; the real engine generates the
 * year, and the stored payload, the share model, the PDF's text layer (PDFTextStripper) and the
 * PNG's metadata (every chunk ImageIO reads, native and standard trees) hold none of it.
 */
@MigratedH2
class EngineSharePrivacyTest {
    @TempDir
    Path tmp;
    Database db;
    ShareDao dao;
    ShareService service;

    @BeforeEach
    void generate(Database db) {
        this.db = db;
        WrappedFixtures.people(db);
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO activity_types (id, name, name_nb) VALUES ('cafe_meeting', 'Café meeting', 'Kafémøte')");
            h.execute("INSERT INTO activity_types (id, name, name_nb) VALUES ('phone_support', 'Phone support', 'Telefonstøtte')");
            h.execute("INSERT INTO events (id, organization_id, title, starts_at, organizer_user_id) VALUES "
                    + "('ev-thorvaldina', 'org-1', 'Birthday of Thorvaldina Brækkestøl', ?, ?)",
                    OffsetDateTime.of(2025, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC), WrappedFixtures.MENTOR_USER);
            h.execute("INSERT INTO event_attendance (event_id, user_id, registered, attended) VALUES ('ev-thorvaldina', ?, TRUE, TRUE)",
                    WrappedFixtures.MENTOR_USER);
            // more activities with the same distinctive contacts, so the year is sufficient (>= 5, >= 3 h)
            for (int i = 0; i < 9; i++) {
                h.execute("""
                        INSERT INTO activities (id, organization_id, local_association_id, peer_mentor_id, activity_type,
                            started_at, duration_minutes, contact_id, approval_status, travel_km)
                        VALUES (?, 'org-1', 'la-1', ?, 'phone_support', ?, 45, ?, 'approved', 3.5)""",
                        "b-" + i, WrappedFixtures.MENTOR, OffsetDateTime.of(2025, 1 + i, 10, 9, 0, 0, 0, ZoneOffset.UTC),
                        WrappedFixtures.CONTACT_IDS.get(i % 3));
            }
        });
        // this organisation shares without a review before release (issue 19's gate is ReviewGateTest's)
        new org.impactdesk.store.ReleaseDao(db.jdbi()).setReviewRequired("org-1", false, "test");
        GenerationService generation = new GenerationService(db, new LogNotificationSender(), List.of(),
                Clock.systemUTC(), Locale.ENGLISH);
        generation.generate(new GenerationRequest(Set.of(2025), GenerationRequest.Selection.ANNUAL, null,
                LocalDate.of(2026, 1, 10), false), Actor.localOperator());
        dao = new ShareDao(db.jdbi());
        service = new ShareService(dao);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nb"})
    void theEnginesPayloadAndTheCardsHoldNoPersonalData(String lang) throws IOException {
        ShareDao.AnnualSummaryRow row = dao.findAnnual(WrappedFixtures.MENTOR, 2025, Scope.everything()).orElseThrow();
        assertThat(row.status()).isEqualTo("ready");
        List<String> forbidden = forbidden();
        // the stored payload the player and the card read from
        SlidePayload payload = SlidePayload.parse(row.payloadJson());
        assertThat(payload.slide("people").orElseThrow().number("contacts_supported")).hasValueSatisfying(
                n -> assertThat(n.intValue()).isEqualTo(3));
        assertNoneOf(row.payloadJson(), forbidden, "stored payload_json");

        Path png = tmp.resolve("card-" + lang + ".png");
        Path pdf = tmp.resolve("card-" + lang + ".pdf");
        service.export(WrappedFixtures.MENTOR, 2025, Scope.everything(), png, pdf, Locale.forLanguageTag(lang));

        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            text = new PDFTextStripper().getText(doc);
            StringBuilder info = new StringBuilder();
            for (String k : doc.getDocumentInformation().getMetadataKeys()) {
                info.append(k).append('=').append(doc.getDocumentInformation().getCustomMetadataValue(k)).append('\n');
            }
            assertNoneOf(info.toString(), forbidden, "PDF document information");
        }
        assertThat(text).as("the card shows the engine's figures").contains("2025").contains("12").contains("9.8".replace(".", "nb".equals(lang) ? "," : ".")); // 9.75 hours, said with one decimal
        assertNoneOf(text, forbidden, "PDF text layer");

        String metadata = pngMetadata(png);
        assertThat(metadata).as("ImageIO read the metadata").contains("Impact Desk");
        assertNoneOf(metadata, forbidden, "PNG metadata");
        assertNoneOf(String.join("\n", SharePrivacyTest.pngTextChunks(Files.readAllBytes(png))), forbidden, "PNG text chunks");

        assertNoneOf(cardValues(service.card(WrappedFixtures.MENTOR, 2025, Scope.everything())), forbidden, "share model");
    }

    static List<String> forbidden() {
        List<String> f = new ArrayList<>(WrappedFixtures.CONTACT_NAMES);
        for (String n : WrappedFixtures.CONTACT_NAMES) {
            f.addAll(List.of(n.split(" ")));
        }
        f.addAll(WrappedFixtures.CONTACT_IDS);
        f.addAll(WrappedFixtures.EMAILS);
        f.addAll(List.of("@", "Mira", "Quintavalle", "Ødegård", "Coordinatorsen", "Otherby", "Birthday",
                "ev-thorvaldina", WrappedFixtures.MENTOR_USER, "user-kim", "user-olaf"));
        return f;
    }

    /** Every attribute of every node of the PNG's metadata trees, as ImageIO reads them. */
    static String pngMetadata(Path png) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                assertThat(reader.getWidth(0)).isEqualTo(1080);
                assertThat(reader.getHeight(0)).isEqualTo(1920);
                IIOMetadata m = reader.getImageMetadata(0);
                for (String format : m.getMetadataFormatNames()) {
                    dump(m.getAsTree(format), sb);
                }
                IIOMetadata stream = reader.getStreamMetadata();
                if (stream != null) {
                    for (String format : stream.getMetadataFormatNames()) {
                        dump(stream.getAsTree(format), sb);
                    }
                }
            } finally {
                reader.dispose();
            }
        }
        return sb.toString();
    }

    private static void dump(Node node, StringBuilder sb) {
        sb.append('<').append(node.getNodeName());
        NamedNodeMap attrs = node.getAttributes();
        if (attrs != null) {
            for (int i = 0; i < attrs.getLength(); i++) {
                sb.append(' ').append(attrs.item(i).getNodeName()).append('=').append(attrs.item(i).getNodeValue());
            }
        }
        sb.append(">\n");
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            dump(c, sb);
        }
    }

    private static String cardValues(ShareCard card) {
        return card.toString();
    }

    private static void assertNoneOf(String text, List<String> forbidden, String where) {
        for (String f : forbidden) {
            assertThat(text).as(where + " must not contain '" + f + "'").doesNotContainIgnoringCase(f);
        }
    }
}
