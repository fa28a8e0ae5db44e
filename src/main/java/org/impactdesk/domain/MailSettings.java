package org.impactdesk.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An organisation's delivery settings (issue 19): the language of its messages, whether each
 * Wrapped is reviewed before release, and its SMTP server. The password is no part of it: it
 * comes from the environment ({@link #PASSWORD_ENV}) or is asked when sending, never stored.
 */
public record MailSettings(String organizationId, String language, boolean reviewRequired, String host, Integer port,
                           Security security, String user, String senderAddress) {

    /** The environment variable an SMTP password is read from. */
    public static final String PASSWORD_ENV = "IMPACT_DESK_SMTP_PASSWORD";
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,253}[A-Za-z0-9])?");

    /** STARTTLS on the submission port (587) or TLS from the first byte (465). */
    public enum Security { STARTTLS, TLS }

    /** No row stored: Norwegian, review on, no e-mail. */
    public static MailSettings defaults(String organizationId) {
        return new MailSettings(organizationId, "nb", true, null, null, null, null, null);
    }

    /** Whether e-mail is configured (a host, and with it port, security and sender). */
    public boolean configured() {
        return host != null && !host.isBlank();
    }

    public Locale locale() {
        return "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("nb");
    }

    /**
     * What is wrong with these settings, field by field (empty when they can be saved). No host
     * means no e-mail; with a host, port, security and sender address are needed.
     */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        if (!"en".equals(language) && !"nb".equals(language)) {
            out.add(new Problem("language", "the language is 'en' or 'nb', not '" + language + "'"));
        }
        if (!configured()) {
            return out;
        }
        if (!HOST.matcher(host).matches()) {
            out.add(new Problem("smtp_host", "'" + host + "' is no host name (letters, digits, dots and hyphens)"));
        }
        if (port == null || port < 1 || port > 65535) {
            out.add(new Problem("smtp_port", "the port is a number from 1 to 65535" + (port == null ? "" : ", not " + port)));
        }
        if (security == null) {
            out.add(new Problem("smtp_security", "choose STARTTLS or TLS"));
        }
        if (senderAddress == null || !ADDRESS.matcher(senderAddress).matches()) {
            out.add(new Problem("sender_address", senderAddress == null || senderAddress.isBlank()
                    ? "a sender address is needed" : "'" + senderAddress + "' is no e-mail address"));
        }
        if (user != null && user.length() > 320) {
            out.add(new Problem("smtp_user", "the user name is longer than 320 characters"));
        }
        return out;
    }

    /** One problem of a field. */
    public record Problem(String field, String message) {
    }
}
