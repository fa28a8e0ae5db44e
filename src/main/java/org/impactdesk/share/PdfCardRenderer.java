package org.impactdesk.share;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws a share card as a one-page PDF (540 x 960 pt, the card's 9:16 at half scale) with
 * Apache PDFBox: real text in an embedded DejaVu subset (æøå included), shapes as vectors.
 */
public final class PdfCardRenderer {
    private static final double SCALE = 0.5;
    private static final float PAGE_W = (float) (CardLayout.WIDTH * SCALE);
    private static final float PAGE_H = (float) (CardLayout.HEIGHT * SCALE);
    /** The Bezier control distance that makes a quarter circle. */
    private static final double KAPPA = 0.5522847498;

    public byte[] render(ShareCard card, Locale locale) {
        return render(card, locale, false);
    }

    /**
     * The card as a one-page PDF; a proof (an export by anyone but the mentor, never counted)
     * says so in its title, subject and keywords.
     */
    public byte[] render(ShareCard card, Locale locale, boolean proof) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(PAGE_W, PAGE_H));
            doc.addPage(page);
            PDFont regular;
            PDFont bold;
            try (InputStream r = CardFonts.open(false); InputStream b = CardFonts.open(true)) {
                regular = PDType0Font.load(doc, r);
                bold = PDType0Font.load(doc, b);
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Wrapped " + card.year() + (proof ? " (proof)" : ""));
            if (proof) {
                info.setSubject("Proof of a share card: not shared and not counted");
                info.setKeywords("proof, Wrapped " + card.year());
            }
            info.setCreator("Impact Desk");
            info.setProducer("Impact Desk");
            doc.setDocumentInformation(info);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                for (CardLayout.Element e : CardLayout.layout(card, locale)) {
                    switch (e) {
                        case CardLayout.Box b -> box(cs, b);
                        case CardLayout.Text t -> text(cs, t, t.bold() ? bold : regular);
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the share card PDF: " + e.getMessage(), e);
        }
    }

    private static void box(PDPageContentStream cs, CardLayout.Box b) throws IOException {
        cs.setNonStrokingColor(new Color(b.rgb()));
        float x = (float) (b.x() * SCALE);
        float w = (float) (b.w() * SCALE);
        float h = (float) (b.h() * SCALE);
        float y = PAGE_H - (float) (b.y() * SCALE) - h;
        float r = (float) Math.min(b.arc() * SCALE, Math.min(w, h) / 2);
        if (r <= 0.01f) {
            cs.addRect(x, y, w, h);
        } else {
            float k = (float) (r * KAPPA);
            cs.moveTo(x + r, y);
            cs.lineTo(x + w - r, y);
            cs.curveTo(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
            cs.lineTo(x + w, y + h - r);
            cs.curveTo(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
            cs.lineTo(x + r, y + h);
            cs.curveTo(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
            cs.lineTo(x, y + r);
            cs.curveTo(x, y + r - k, x + r - k, y, x + r, y);
            cs.closePath();
        }
        cs.fill();
    }

    private static void text(PDPageContentStream cs, CardLayout.Text t, PDFont font) throws IOException {
        double size = t.size() * SCALE;
        double maxWidth = t.maxWidth() * SCALE;
        double width = font.getStringWidth(t.text()) / 1000 * size;
        if (width > maxWidth && width > 0) {
            size = size * maxWidth / width;
            width = maxWidth;
        }
        double anchor = t.x() * SCALE;
        double x = switch (t.align()) {
            case LEFT -> anchor;
            case CENTER -> anchor - width / 2;
            case RIGHT -> anchor - width;
        };
        cs.beginText();
        cs.setFont(font, (float) size);
        cs.setNonStrokingColor(new Color(t.rgb()));
        cs.newLineAtOffset((float) x, PAGE_H - (float) (t.baseline() * SCALE));
        cs.showText(t.text());
        cs.endText();
    }
}
