package org.impactdesk.service.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.impactdesk.access.Scope;
import org.impactdesk.share.ShareCard;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.ShareDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
/**
 * Proof that share cards carry no personal data: contacts with distinctive names and ids,
 * people with emails, and none of it in the PDF's text layer, the PNG's text chunks or the
 * share model; the mentor's first name only with consent, their surname never.
 */
@MigratedH2
class SharePrivacyTest {
    @TempDir
    Path tmp;
    Database db;
    ShareService service;
    ShareDao dao;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        WrappedFixtures.people(db);
        dao = new ShareDao(db.jdbi());
        service = new ShareService(dao);
        WrappedFixtures.summary(db, WrappedFixtures.MENTOR, 2025, "ready", WrappedFixtures.resource("payload-wrapped-2025.json"));
    }

    static List<String> forbidden(boolean consent) {
        List<String> f = new ArrayList<>();
        f.addAll(WrappedFixtures.CONTACT_NAMES);
        for (String n : WrappedFixtures.CONTACT_NAMES) {
            f.addAll(List.of(n.split(" ")));
        }
        f.addAll(WrappedFixtures.CONTACT_IDS);
        f.addAll(WrappedFixtures.EMAILS);
        f.addAll(List.of("@", "Quintavalle", "Ødegård", "Kim", "Coordinatorsen", "Olaf", "Otherby",
                WrappedFixtures.MENTOR, WrappedFixtures.MENTOR_USER, "user-kim", "user-olaf"));
        if (!consent) {
            f.add("Mira");
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nb"})
    void withoutConsentNothingPersonalAtAll(String lang) throws IOException {
        Locale locale = Locale.forLanguageTag(lang);
        Path png = tmp.resolve("card.png");
        Path pdf = tmp.resolve("card.pdf");
        service.export(WrappedFixtures.MENTOR, 2025, Scope.everything(), png, pdf, locale);

        String pdfText = pdfText(pdf);
        assertThat(pdfText).as("the card has its figures").contains("17").contains("2025");
        assertNoneOf(pdfText, forbidden(false), "PDF text layer");
        assertNoneOf(pdfInfo(pdf), forbidden(false), "PDF document information");
        List<String> chunks = pngTextChunks(Files.readAllBytes(png));
        assertThat(chunks).as("the PNG has its (generic) text chunks").isNotEmpty();
        assertNoneOf(String.join("\n", chunks), forbidden(false), "PNG text chunks");
        assertNoneOf(modelText(service.card(WrappedFixtures.MENTOR, 2025, Scope.everything())), forbidden(false), "share model");
    }

    @Test
    void withConsentTheFirstNameOnly() throws IOException {
        dao.setShareFirstName(WrappedFixtures.MENTOR, true);
        Path png = tmp.resolve("card.png");
        Path pdf = tmp.resolve("card.pdf");
        service.export(WrappedFixtures.MENTOR, 2025, Scope.everything(), png, pdf, Locale.forLanguageTag("nb"));

        String pdfText = pdfText(pdf);
        assertThat(pdfText).contains("Miras 2025");
        assertNoneOf(pdfText, forbidden(true), "PDF text layer");
        assertNoneOf(String.join("\n", pngTextChunks(Files.readAllBytes(png))), forbidden(true), "PNG text chunks");
        assertNoneOf(modelText(service.card(WrappedFixtures.MENTOR, 2025, Scope.everything())), forbidden(true), "share model");
    }

    /**
     * Issue 19: the e-mail that delivers a released Wrapped holds the mentor's own data only.
     * Released to Mira over a real SMTP server (GreenMail), the message's text, every header and
     * the card attached (its text chunks) hold no other person's name, e-mail, id or contact,
     * and no contact of Mira's; without her consent the card has no name at all.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "nb"})
    void theReleaseEmailCarriesOnlyTheMentorsOwnData(String lang) throws Exception {
        db.jdbi().useHandle(h -> h.execute("DELETE FROM annual_releases")); // waiting for its release, as generated
        new org.impactdesk.store.DeliveryDao(db.jdbi()).save(new org.impactdesk.domain.MailSettings("org-1", lang, true,
                "localhost", org.impactdesk.TestSmtp.port(SMTP),
                org.impactdesk.domain.MailSettings.Security.TLS, "desk", "impact@likeperson.example"), "test");
        java.util.Properties trust = org.impactdesk.TestSmtp.trustItsCertificate();
        var mail = new org.impactdesk.service.delivery.MailNotificationSender(new org.impactdesk.store.DeliveryDao(db.jdbi()),
                new org.impactdesk.store.OrganizationDao(db.jdbi()), settings -> java.util.Optional.of("s3cret".toCharArray()),
                trust);
        var releases = new org.impactdesk.service.release.StoredReleaseService(db, mail, java.time.Clock.systemUTC());

        releases.release(2025, null, org.impactdesk.service.release.ReleaseService.Selection.MENTOR, WrappedFixtures.MENTOR,
                org.impactdesk.access.Actor.localOperator());

        jakarta.mail.internet.MimeMessage[] got = SMTP.getReceivedMessages();
        assertThat(got).hasSize(1);
        jakarta.mail.internet.MimeMessage m = got[0];
        assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly(WrappedFixtures.MENTOR_EMAIL);
        List<String> others = new ArrayList<>(forbidden(false));
        others.removeAll(List.of(WrappedFixtures.MENTOR_EMAIL, "@", "Mira", "Quintavalle", "Ødegård"));
        String headers = String.join("\n", java.util.Collections.list(m.getAllHeaderLines()))
                .replace(WrappedFixtures.MENTOR_EMAIL, "<the mentor>");
        assertNoneOf(headers, others, "message headers");
        assertNoneOf(headers, List.of("Mira", "Quintavalle"), "message headers (no name beside the address)");
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) m.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        assertThat(text).contains(WrappedFixtures.MENTOR_NAME).contains("2025");
        assertNoneOf(text, others, "message text");
        assertThat(parts.getCount()).as("the text and the card, nothing else").isEqualTo(2);
        jakarta.mail.BodyPart card = parts.getBodyPart(1);
        assertNoneOf(card.getFileName() + "\n" + String.join("\n", java.util.Collections.list(card.getAllHeaders())
                .stream().map(h -> h.getName() + ": " + h.getValue()).toList()), forbidden(false), "attachment headers");
        byte[] png = card.getInputStream().readAllBytes();
        assertNoneOf(String.join("\n", pngTextChunks(png)), forbidden(false), "attached card's PNG text chunks");
        assertThat(png).isEqualTo(new org.impactdesk.share.PngCardRenderer().render(
                service.card(WrappedFixtures.MENTOR, 2025, Scope.everything()), Locale.forLanguageTag(lang)));
    }

    @org.junit.jupiter.api.extension.RegisterExtension
    static final com.icegreen.greenmail.junit5.GreenMailExtension SMTP = org.impactdesk.TestSmtp.server();

    @Test
    void theShareModelHasNoFieldForAnyonesPersonalData() {
        List<String> names = new ArrayList<>();
        collectComponents(ShareCard.class, "", names);
        assertThat(names).allSatisfy(n -> assertThat(n.toLowerCase(Locale.ROOT))
                .doesNotContain("contact").doesNotContain("email").doesNotContain("mail")
                .doesNotContain("userid").doesNotContain("user_id").doesNotContain("address").doesNotContain("phone"));
        // the one personal item: the mentor's own first name, and no other name-like field
        assertThat(names.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains("name")))
                .containsExactlyInAnyOrder("mentorFirstName");
    }

    private static void collectComponents(Class<?> type, String prefix, List<String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            out.add(prefix + c.getName());
            if (c.getType().isRecord()) {
                collectComponents(c.getType(), prefix, out);
            }
            if (c.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> arg && arg.isRecord()) {
                collectComponents(arg, prefix, out);
            }
        }
    }

    /** Every value the model holds, recursively through its record components. */
    private static String modelText(Object value) {
        StringBuilder sb = new StringBuilder();
        appendValues(value, sb);
        return sb.toString();
    }

    private static void appendValues(Object value, StringBuilder sb) {
        if (value == null) {
            return;
        }
        if (value instanceof Iterable<?> it) {
            it.forEach(v -> appendValues(v, sb));
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    appendValues(c.getAccessor().invoke(value), sb);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            sb.append(value).append('\n');
        }
    }

    private static void assertNoneOf(String text, List<String> forbidden, String where) {
        for (String f : forbidden) {
            assertThat(text).as(where + " must not contain '" + f + "'").doesNotContainIgnoringCase(f);
        }
    }

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String pdfInfo(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            StringBuilder sb = new StringBuilder();
            for (String key : info.getMetadataKeys()) {
                sb.append(key).append('=').append(info.getCustomMetadataValue(key)).append('\n');
            }
            if (doc.getDocumentCatalog().getMetadata() != null) {
                sb.append(new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8));
            }
            return sb.toString();
        }
    }

    /** Every tEXt, zTXt and iTXt chunk of a PNG, as "keyword: text". */
    static List<String> pngTextChunks(byte[] png) throws IOException {
        List<String> out = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(png))) {
            byte[] signature = in.readNBytes(8);
            assertThat(signature).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            while (in.available() > 0) {
                int length = in.readInt();
                String type = new String(in.readNBytes(4), StandardCharsets.ISO_8859_1);
                byte[] data = in.readNBytes(length);
                in.readInt(); // CRC
                switch (type) {
                    case "tEXt" -> out.add(new String(data, StandardCharsets.ISO_8859_1).replace('\0', ':'));
                    case "zTXt" -> {
                        int nul = indexOf(data, 0);
                        byte[] compressed = java.util.Arrays.copyOfRange(data, nul + 2, data.length);
                        out.add(new String(data, 0, nul, StandardCharsets.ISO_8859_1) + ": "
                                + new String(new InflaterInputStream(new ByteArrayInputStream(compressed)).readAllBytes(),
                                StandardCharsets.ISO_8859_1));
                    }
                    case "iTXt" -> out.add(new String(data, StandardCharsets.UTF_8).replace('\0', ':'));
                    default -> { }
                }
            }
        }
        return out;
    }

    private static int indexOf(byte[] data, int value) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
