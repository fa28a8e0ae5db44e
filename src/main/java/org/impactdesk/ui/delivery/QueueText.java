package org.impactdesk.ui.delivery;

import java.util.Date;
import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.domain.NotificationQueue;
import org.impactdesk.service.delivery.DeliveryService;

/**
 * The notification queue said in the window's language, the same on Settings, the Wrapped
 * screen and Home (issue 19): how many wait, failed and were sent; why what waits is waiting (no
 * e-mail server, no password); and of the failed ones the latest error and the next attempt.
 */
public final class QueueText {
    /** At most this much of a server's error is shown (the whole of it stays in the outbox and the log). */
    static final int MAX_ERROR = 300;

    private QueueText() {
    }

    /**
     * @param passwordHere whether the screen has the password field ("type it below") or not
     *                     ("type it on the Settings screen")
     */
    public static String describe(DeliveryService.Status s, ResourceBundle messages, Locale locale, boolean passwordHere) {
        NotificationQueue q = s.queue();
        StringBuilder out = new StringBuilder(fmt(messages, locale, "settings.mail.queue", q.waiting(), q.failed(), q.sent()));
        String why = switch (s.blocked()) {
            case NONE -> q.waiting() + q.failed() == 0 ? "" : messages.getString("settings.mail.why.none");
            case NO_EMAIL_CONFIGURED -> messages.getString("settings.mail.why.noEmail");
            case NO_PASSWORD -> fmt(messages, locale, passwordHere ? "settings.mail.why.noPassword"
                    : "settings.mail.why.noPasswordSettings", MailSettings.PASSWORD_ENV);
        };
        if (!why.isEmpty()) {
            out.append(' ').append(why);
        }
        if (q.failed() > 0 && q.lastError() != null) {
            String error = q.lastError().strip();
            if (error.length() > MAX_ERROR) {
                error = error.substring(0, MAX_ERROR - 1) + '…';
            }
            out.append(' ').append(q.nextAttemptAt() == null
                    ? fmt(messages, locale, "settings.mail.lastFailure", error)
                    : fmt(messages, locale, "settings.mail.lastFailure.retry", error, Date.from(q.nextAttemptAt())));
        }
        return out.toString();
    }

    private static String fmt(ResourceBundle messages, Locale locale, String key, Object... args) {
        return BundleText.format(messages, locale, key, args);
    }
}
