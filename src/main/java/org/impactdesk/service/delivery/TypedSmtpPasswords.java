package org.impactdesk.service.delivery;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.impactdesk.domain.MailSettings;

/**
 * SMTP passwords an admin typed (the Settings screen's "Send queued now", a command's prompt),
 * by organisation, held in memory for as long as the program runs and never written anywhere.
 */
public final class TypedSmtpPasswords implements SmtpPasswords {
    private final Map<String, char[]> typed = new ConcurrentHashMap<>();

    public void put(String organizationId, char[] password) {
        char[] old = typed.put(organizationId, password.clone());
        if (old != null) {
            Arrays.fill(old, '\0');
        }
    }

    public boolean has(String organizationId) {
        return typed.containsKey(organizationId);
    }

    @Override
    public Optional<char[]> password(MailSettings settings) {
        return Optional.ofNullable(typed.get(settings.organizationId())).map(char[]::clone);
    }
}
