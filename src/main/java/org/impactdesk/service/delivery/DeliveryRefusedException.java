package org.impactdesk.service.delivery;

import java.util.List;
import org.impactdesk.domain.MailSettings;

/** E-mail settings that are not saved: who may not, or what is wrong, field by field. */
public final class DeliveryRefusedException extends RuntimeException {
    private final transient List<MailSettings.Problem> problems;

    public DeliveryRefusedException(String message, List<MailSettings.Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<MailSettings.Problem> problems() {
        return problems;
    }
}
