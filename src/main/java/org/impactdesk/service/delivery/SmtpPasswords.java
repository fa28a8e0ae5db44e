package org.impactdesk.service.delivery;

import java.util.Optional;
import org.impactdesk.domain.MailSettings;

/**
 * Where an SMTP password comes from when sending: never the database. The app reads
 * {@link MailSettings#PASSWORD_ENV} or what the admin typed when sending (kept in memory for the
 * session only); a command asks on the terminal.
 */
public interface SmtpPasswords {
    Optional<char[]> password(MailSettings settings);

    /** The environment variable only. */
    static SmtpPasswords fromEnvironment() {
        return s -> Optional.ofNullable(System.getenv(MailSettings.PASSWORD_ENV)).filter(p -> !p.isEmpty())
                .map(String::toCharArray);
    }

    /** The environment variable, else what {@code fallback} gives. */
    default SmtpPasswords orElse(SmtpPasswords fallback) {
        return s -> password(s).or(() -> fallback.password(s));
    }
}
