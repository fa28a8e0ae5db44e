package org.impactdesk.share;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The card's typeface: DejaVu Sans (regular and bold) shipped under {@code /fonts} (free
 * licence in {@code fonts/DejaVu-LICENSE.txt}), so æøå render the same everywhere, whatever
 * fonts the machine has.
 */
public final class CardFonts {
    static final String REGULAR = "/fonts/DejaVuSans.ttf";
    static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";

    private static volatile Font regular;
    private static volatile Font bold;

    private CardFonts() {
    }

    public static InputStream open(boolean isBold) {
        String path = isBold ? BOLD : REGULAR;
        InputStream in = CardFonts.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("The card font " + path + " is missing from the class path");
        }
        return in;
    }

    static Font awt(boolean isBold) {
        Font f = isBold ? bold : regular;
        if (f == null) {
            try (InputStream in = open(isBold)) {
                f = Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("The card font is not a TrueType font: " + e.getMessage(), e);
            }
            if (isBold) {
                bold = f;
            } else {
                regular = f;
            }
        }
        return f;
    }
}
