package org.impactdesk.share;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Draws a share card as a 1080 x 1920 PNG with Java2D, off-screen (works headless). */
public final class PngCardRenderer {
    private static final String PNG_METADATA = "javax_imageio_png_1.0";

    public byte[] render(ShareCard card, Locale locale) {
        return render(card, locale, false);
    }

    /** The card as a PNG; a proof says so in its Title and Description text chunks. */
    public byte[] render(ShareCard card, Locale locale, boolean proof) {
        BufferedImage image = draw(card, locale);
        return encode(image, card.year(), proof);
    }

    public BufferedImage draw(ShareCard card, Locale locale) {
        BufferedImage image = new BufferedImage(CardLayout.WIDTH, CardLayout.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            for (CardLayout.Element e : CardLayout.layout(card, locale)) {
                switch (e) {
                    case CardLayout.Box b -> {
                        g.setColor(new Color(b.rgb()));
                        g.fill(new RoundRectangle2D.Double(b.x(), b.y(), b.w(), b.h(), b.arc() * 2, b.arc() * 2));
                    }
                    case CardLayout.Text t -> drawText(g, t);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawText(Graphics2D g, CardLayout.Text t) {
        Font font = CardFonts.awt(t.bold()).deriveFont((float) t.size());
        FontMetrics fm = g.getFontMetrics(font);
        double width = fm.getStringBounds(t.text(), g).getWidth();
        if (width > t.maxWidth() && width > 0) {
            font = font.deriveFont((float) (t.size() * t.maxWidth() / width));
            width = g.getFontMetrics(font).getStringBounds(t.text(), g).getWidth();
        }
        double x = switch (t.align()) {
            case LEFT -> t.x();
            case CENTER -> t.x() - width / 2;
            case RIGHT -> t.x() - width;
        };
        g.setFont(font);
        g.setColor(new Color(t.rgb()));
        g.drawString(t.text(), (float) x, (float) t.baseline());
    }

    /** PNG with only non-personal text chunks: the software and a generic title. */
    private static byte[] encode(BufferedImage image, int year, boolean proof) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            text.appendChild(textEntry("Software", "Impact Desk"));
            text.appendChild(textEntry("Title", "Wrapped " + year + (proof ? " (proof)" : "")));
            if (proof) {
                text.appendChild(textEntry("Description", "Proof of a share card: not shared and not counted"));
            }
            IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
            root.appendChild(text);
            metadata.mergeTree(PNG_METADATA, root);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the share card PNG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode textEntry(String keyword, String value) {
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", keyword);
        entry.setAttribute("value", value);
        return entry;
    }
}
