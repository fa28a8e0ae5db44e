package org.impactdesk;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.DummySSLSocketFactory;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.Properties;

/**
 * A real SMTP server in the test JVM (GreenMail), TLS from the first byte, on a free port, with
 * one account ({@link #USER} / {@link #PASSWORD}); and the JavaMail properties that make the
 * app's sender trust its self-signed certificate (tests only: the app trusts the JVM's CAs).
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

    public static int port(GreenMailExtension server) {
        return server.getSmtps().getPort();
    }

    public static Properties trustItsCertificate() {
        Properties p = new Properties();
        p.put("mail.smtps.ssl.socketFactory", new DummySSLSocketFactory());
        p.put("mail.smtps.ssl.checkserveridentity", "false");
        return p;
    }
}
