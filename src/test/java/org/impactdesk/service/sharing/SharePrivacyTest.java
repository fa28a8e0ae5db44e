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

    @Test
    void theShareModelHasNoFieldForAnyonesPersonalData() {
        List<String> names = new ArrayList<>();
        collectComponents(ShareCard.class, "", names);
        assertThat(names).allSatisfy(n -> assertThat(n.toLowerCase(Locale.ROOT))
                .doesNotContain("contact").doesNotContain("email").doesNotContain("mail")
                .doesNotContain("userid").doesNotContain("user_id").doesNotContain("address").doesNotContain("phone"));
        // the one personal item: the mentor's own first name, and no other name-like field
        assertThat(names.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains("name")))
                .containsExactlyInAnyOrder("mentorFirstName", "badgeNames");
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
