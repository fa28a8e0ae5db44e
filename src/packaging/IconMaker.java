import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the app's icon and writes it in the three forms jpackage takes: PNG (Linux), ICO
 * (Windows) and ICNS (macOS), the latter two holding PNG images (Windows Vista and later, macOS
 * 10.7 and later read those). Build tooling, not part of the app; the files it writes are
 * committed beside it, so a package build does not run it:
 *
 * <pre>java -Djava.awt.headless=true src/packaging/IconMaker.java src/packaging</pre>
 *
 * The picture: the accent blue of styles/tokens.css as a rounded square, three rising bars (the
 * summaries) and a person above the tallest (the peer mentor whose impact they count).
 */
public final class IconMaker {
    private static final Color ACCENT = new Color(0x2f5fb3);
    private static final Color ACCENT_DARK = new Color(0x234a8e);
    private static final Color LIGHT = new Color(0xe3ecfb);

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        byte[] png512 = png(draw(512));
        byte[] png256 = png(draw(256));
        Files.write(out.resolve("impact-desk.png"), png512);
        Files.write(out.resolve("impact-desk.ico"), ico(png256, png(draw(48)), png(draw(32)), png(draw(16))));
        Files.write(out.resolve("impact-desk.icns"), icns(png256, png512));
        System.out.println("wrote impact-desk.png, .ico and .icns to " + out.toAbsolutePath());
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 512.0, size / 512.0);
        // the tile, with a darker lower edge
        g.setColor(ACCENT_DARK);
        g.fill(new RoundRectangle2D.Double(24, 32, 464, 464, 110, 110));
        g.setColor(ACCENT);
        g.fill(new RoundRectangle2D.Double(24, 16, 464, 464, 110, 110));
        // three rising bars
        double[][] bars = {{104, 300, 80, 110}, {216, 236, 80, 174}, {328, 172, 80, 238}};
        for (int i = 0; i < bars.length; i++) {
            double[] b = bars[i];
            g.setColor(i == bars.length - 1 ? Color.WHITE : LIGHT);
            g.fill(new RoundRectangle2D.Double(b[0], b[1], b[2], b[3], 22, 22));
        }
        // the person above the tallest bar
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(342, 62, 52, 52));
        // a rising line over the bars, ending at the person
        g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D line = new Path2D.Double();
        line.moveTo(120, 250);
        line.lineTo(232, 186);
        line.lineTo(318, 134);
        g.draw(line);
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** An ICO file of PNG images (largest first), sizes read from the PNG headers. */
    static byte[] ico(byte[]... pngs) {
        int headerSize = 6 + 16 * pngs.length;
        int total = headerSize;
        for (byte[] p : pngs) {
            total += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) pngs.length);
        int offset = headerSize;
        for (byte[] p : pngs) {
            int side = ByteBuffer.wrap(p, 16, 4).getInt(); // IHDR width, big-endian
            b.put((byte) (side >= 256 ? 0 : side)).put((byte) (side >= 256 ? 0 : side));
            b.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            b.putInt(p.length).putInt(offset);
            offset += p.length;
        }
        for (byte[] p : pngs) {
            b.put(p);
        }
        return b.array();
    }

    /** An ICNS file with a 256 (ic08) and a 512 (ic09) pixel PNG. */
    static byte[] icns(byte[] png256, byte[] png512) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        d.writeBytes("ic08");
        d.writeInt(8 + png256.length);
        d.write(png256);
        d.writeBytes("ic09");
        d.writeInt(8 + png512.length);
        d.write(png512);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream a = new DataOutputStream(all);
        a.writeBytes("icns");
        a.writeInt(8 + body.size());
        a.write(body.toByteArray());
        return all.toByteArray();
    }
}
