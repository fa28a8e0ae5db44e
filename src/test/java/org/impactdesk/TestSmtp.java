package org.impactdesk;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.DummySSLSocketFactory;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A real SMTP server in the test JVM (GreenMail), TLS from the first byte, on a free port, with
 * one account ({@link #USER} / {@link #PASSWORD}); and the JavaMail properties that make the
 * app's sender trust its self-signed certificate (tests only: the app trusts the JVM's CAs).
 *
 * <p>GreenMail 2.1 has no STARTTLS (its SMTP server knows no such command: greenmail issue 135,
 * open). {@link StartTlsFront} puts one in front of GreenMail's plain SMTP port: it greets,
 * offers STARTTLS and nothing else, answers anything but EHLO, HELO, STARTTLS and QUIT with 530
 * until the client has upgraded, upgrades the connection with GreenMail's own certificate, and
 * only then relays the encrypted session to GreenMail (whose greeting it swallows, so the client
 * sees one). What GreenMail receives thus came only over TLS, and the front records what the
 * client said before the upgrade and which protocol the upgrade negotiated.
 */
public final class TestSmtp {
    public static final String USER = "desk";
    public static final String PASSWORD = "s3cret";

    private TestSmtp() {
    }

    public static GreenMailExtension server() {
        ServerSetup setup = ServerSetupTest.SMTPS.dynamicPort();
        setup.setServerStartupTimeout(60_000); // two cores shared by many builds
        return new GreenMailExtension(setup).withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));
    }

    /** GreenMail on a plain SMTP port (no TLS at all): what a {@link StartTlsFront} relays to. */
    public static GreenMailExtension plainServer() {
        ServerSetup setup = ServerSetupTest.SMTP.dynamicPort();
        setup.setServerStartupTimeout(60_000);
        return new GreenMailExtension(setup).withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));
    }

    public static int port(GreenMailExtension server) {
        return server.getSmtps().getPort();
    }

    public static int plainPort(GreenMailExtension server) {
        return server.getSmtp().getPort();
    }

    public static Properties trustItsCertificate() {
        Properties p = new Properties();
        p.put("mail.smtps.ssl.socketFactory", new DummySSLSocketFactory());
        p.put("mail.smtps.ssl.checkserveridentity", "false");
        // STARTTLS upgrades a plain smtp connection with the smtp protocol's SSL settings
        p.put("mail.smtp.ssl.socketFactory", new DummySSLSocketFactory());
        p.put("mail.smtp.ssl.checkserveridentity", "false");
        return p;
    }

    /** An SMTP front that requires STARTTLS, then relays the encrypted session to a plain SMTP server. */
    public static final class StartTlsFront implements AutoCloseable {
        private final ServerSocket listening;
        private final int target;
        private final SSLContext tls;
        /** Each command the client sent before its connection was upgraded, as sent. */
        public final List<String> beforeUpgrade = new CopyOnWriteArrayList<>();
        /** The protocol each upgrade negotiated (TLSv1.3, ...). */
        public final List<String> upgrades = new CopyOnWriteArrayList<>();

        public StartTlsFront(int plainSmtpPort) throws Exception {
            this.target = plainSmtpPort;
            DummySSLServerSocketFactory greenMail = new DummySSLServerSocketFactory();
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(greenMail.getKeyStore(), "changeit".toCharArray());
            tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            listening = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(this::acceptLoop, "starttls-front");
            accept.setDaemon(true);
            accept.start();
        }

        public int port() {
            return listening.getLocalPort();
        }

        private void acceptLoop() {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Thread t = new Thread(() -> serve(client), "starttls-front-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private void serve(Socket client) {
            try (client) {
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                say(out, "220 localhost ESMTP STARTTLS front");
                while (true) {
                    String line = readLine(in);
                    if (line == null) {
                        return;
                    }
                    beforeUpgrade.add(line);
                    String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                    if (verb.equals("EHLO")) {
                        say(out, "250-localhost\r\n250 STARTTLS");
                    } else if (verb.equals("HELO")) {
                        say(out, "250 localhost");
                    } else if (line.equalsIgnoreCase("STARTTLS")) {
                        say(out, "220 2.0.0 Ready to start TLS");
                        break;
                    } else if (verb.equals("QUIT")) {
                        say(out, "221 bye");
                        return;
                    } else {
                        say(out, "530 5.7.0 Must issue a STARTTLS command first");
                    }
                }
                SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client, "localhost", client.getPort(), true);
                secure.setUseClientMode(false);
                secure.startHandshake();
                upgrades.add(secure.getSession().getProtocol());
                try (secure; Socket server = new Socket(InetAddress.getLoopbackAddress(), target)) {
                    InputStream fromServer = server.getInputStream();
                    if (readLine(fromServer) == null) { // GreenMail's greeting: the client had the front's
                        return;
                    }
                    Thread up = new Thread(() -> pipe(secure, server), "starttls-front-up");
                    up.setDaemon(true);
                    up.start();
                    fromServer.transferTo(secure.getOutputStream());
                }
            } catch (IOException e) {
                // the client or GreenMail hung up
            }
        }

        private static void pipe(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
                to.shutdownOutput();
            } catch (IOException e) {
                // one side closed
            }
        }

        /** One CRLF-terminated line, read byte by byte so nothing after it is consumed (the TLS handshake follows). */
        private static String readLine(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int n = b.length();
                    return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
                }
                b.append((char) c);
            }
            return null;
        }

        private static void say(OutputStream out, String reply) throws IOException {
            out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            listening.close();
        }
    }
}
