package org.impactdesk.service.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.SyncDigest;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.share.PngCardRenderer;
import org.impactdesk.share.ShareCardFactory;
import org.impactdesk.store.DeliveryDao;
import org.impactdesk.store.DigestDao;
import org.impactdesk.store.OrganizationDao;

/**
 * Delivers a notification as one e-mail over the organisation's SMTP server (Jakarta Mail through
 * Eclipse Angus Mail): to the person it is for and nobody else, in the organisation's language
 * (en/nb), a short text, and for an annual Wrapped the mentor's own share card as a PNG; a
 * coordinator's digest after a sync says what changed for their own mentors ({@link DigestText}). It holds
 * nothing about anyone else: no other person's name, address, contact or figures, in the text,
 * the headers or the attachment.
 *
 * <p>No e-mail configured for the organisation, or a server that needs a password none was given
 * for: {@link NotificationSender.NoChannelException}, and the notification stays queued. A user
 * without an e-mail address, or a server that refuses: an ordinary failure, retried with backoff.
 */
public final class MailNotificationSender implements NotificationSender {
    private final DeliveryDao dao;
    private final OrganizationDao organizations;
    private final SmtpPasswords passwords;
    private final Properties extra;
    private final PngCardRenderer png = new PngCardRenderer();

    /**
     * @param extra JavaMail properties added to each session (a test's trust of its server's
     *              certificate); empty in the app
     */
    public MailNotificationSender(DeliveryDao dao, OrganizationDao organizations, SmtpPasswords passwords, Properties extra) {
        this.dao = dao;
        this.organizations = organizations;
        this.passwords = passwords;
        this.extra = extra;
    }

    @Override
    public void send(Notification n) throws Exception {
        try (Batch one = batch()) {
            one.send(n);
        }
    }

    /** A message ready to go: the organisation's server settings, its password, and the e-mail. */
    private record Outgoing(MailSettings settings, char[] password, MimeMessage message) {
    }

    private Outgoing prepare(Notification n) throws Exception {
        DeliveryDao.Recipient to = dao.recipient(n.userId())
                .orElseThrow(() -> new IllegalStateException("user " + n.userId() + " no longer exists"));
        if (to.organizationId() == null) {
            throw new NoChannelException("user " + n.userId() + " belongs to no organisation, so no e-mail is configured");
        }
        MailSettings s = dao.settings(to.organizationId());
        if (!s.configured()) {
            throw new NoChannelException("no e-mail is configured for organisation " + to.organizationId());
        }
        char[] password = null;
        if (s.user() != null) {
            password = passwords.password(s).orElseThrow(() -> new NoChannelException("the SMTP password of "
                    + s.user() + "@" + s.host() + " was not given (set " + MailSettings.PASSWORD_ENV + ")"));
        }
        if (to.email() == null || to.email().isBlank()) {
            throw new IllegalStateException("user " + n.userId() + " has no e-mail address");
        }
        return new Outgoing(s, password, compose(n, to, s));
    }

    /**
     * One SMTP session per server (host, port, user, security) for the whole batch: a dispatch of
     * many notifications connects (and shakes hands over TLS) once, not once a message. A send that
     * fails closes its session, so the next message connects afresh.
     */
    @Override
    public Batch batch() {
        return new Batch() {
            private final java.util.Map<String, Transport> open = new java.util.HashMap<>();

            @Override
            public void send(Notification n) throws Exception {
                Outgoing out = prepare(n);
                MailSettings s = out.settings();
                String key = s.security() + "|" + s.host() + "|" + s.port() + "|" + s.user();
                Transport t = open.get(key);
                try {
                    if (t == null || !t.isConnected()) {
                        t = session(s).getTransport(s.security() == MailSettings.Security.TLS ? "smtps" : "smtp");
                        open.put(key, t);
                        t.connect(s.host(), s.port(), s.user(), out.password() == null ? null : new String(out.password()));
                    }
                    t.sendMessage(out.message(), out.message().getAllRecipients());
                } catch (Exception e) {
                    Transport broken = open.remove(key);
                    closeQuietly(broken);
                    throw e;
                }
            }

            @Override
            public void close() {
                open.values().forEach(MailNotificationSender::closeQuietly);
                open.clear();
            }
        };
    }

    private static void closeQuietly(Transport t) {
        if (t != null) {
            try {
                t.close();
            } catch (MessagingException ignored) {
                // the session is ended either way
            }
        }
    }

    /** The message for one notification: only the recipient's own data. */
    MimeMessage compose(Notification n, DeliveryDao.Recipient to, MailSettings s) throws MessagingException {
        Locale locale = s.locale();
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale);
        String kind = switch (n.messageKey()) {
            case "notification.annual_ready" -> "annual_ready";
            case "notification.impact_ready" -> "impact_ready";
            case "notification.team_ready" -> "team_ready";
            case DigestDao.MESSAGE_KEY -> "sync_digest";
            default -> "periodic_ready";
        };
        java.util.Optional<OrganizationSettings> org = organizations.find(to.organizationId());
        String orgName = org.map(OrganizationSettings::name).orElse(to.organizationId());
        MimeMessage m = new MimeMessage(session(s));
        m.setFrom(new InternetAddress(s.senderAddress()));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to.email()));
        m.setSentDate(new Date());
        m.setHeader("Content-Language", locale.getLanguage());
        if ("sync_digest".equals(kind)) {
            DeliveryDao.Digest digest = dao.digest(n.summaryId())
                    .filter(d -> d.userId().equals(to.userId())) // a digest goes to its own coordinator only
                    .orElseThrow(() -> new IllegalStateException("digest " + n.summaryId() + " of " + to.userId() + " is gone"));
            ZoneId zone = org.map(OrganizationSettings::zone).orElse(OrganizationSettings.DEFAULT_ZONE);
            m.setSubject(format(bundle, locale, "mail.sync_digest.subject"), "UTF-8");
            m.setText(DigestText.body(SyncDigest.parse(digest.contentJson()), digest.syncedAt().atZone(zone), to.displayName(),
                    bundle, locale) + format(bundle, locale, "mail.footer", orgName), "UTF-8");
            m.saveChanges();
            return m;
        }
        DeliveryDao.AnnualCard card = "annual_ready".equals(kind) ? dao.annualCard(n.summaryId()).orElse(null) : null;
        String year = card == null ? "" : String.valueOf(card.year());
        m.setSubject(format(bundle, locale, "mail." + kind + ".subject", year), "UTF-8");
        String text = format(bundle, locale, "mail." + kind + ".body", to.displayName(), year)
                + format(bundle, locale, "mail.footer", orgName);
        if (card == null) {
            m.setText(text, "UTF-8");
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            MimeBodyPart image = new MimeBodyPart();
            byte[] bytes = png.render(ShareCardFactory.fromPayload(SlidePayload.parse(card.payloadJson()),
                    card.consentedDisplayName()), locale);
            image.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(bytes, "image/png")));
            image.setFileName(format(bundle, locale, "mail.card.file", year));
            image.setDisposition(MimeBodyPart.ATTACHMENT);
            m.setContent(new MimeMultipart(body, image));
        }
        m.saveChanges();
        return m;
    }

    private Session session(MailSettings s) {
        Properties p = new Properties();
        String proto = s.security() == MailSettings.Security.TLS ? "smtps" : "smtp";
        p.put("mail." + proto + ".host", s.host());
        p.put("mail." + proto + ".port", String.valueOf(s.port()));
        p.put("mail." + proto + ".auth", String.valueOf(s.user() != null));
        p.put("mail." + proto + ".connectiontimeout", "20000");
        p.put("mail." + proto + ".timeout", "30000");
        p.put("mail." + proto + ".writetimeout", "30000");
        if (s.security() == MailSettings.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        } else {
            p.put("mail.smtps.ssl.checkserveridentity", "true");
        }
        p.putAll(extra);
        return Session.getInstance(p);
    }

    private static String format(ResourceBundle bundle, Locale locale, String key, Object... args) {
        return BundleText.format(bundle, locale, key, args);
    }
}
