package org.impactdesk.service.release;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.impactdesk.TestSmtp;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.service.delivery.MailNotificationSender;
import org.impactdesk.store.Database;
import org.impactdesk.store.DeliveryDao;
import org.impactdesk.store.OrganizationDao;

/**
 * The child JVM of {@link ReleaseKillTest}: opens the database {@code args[0]} (an H2 file's path or a PostgreSQL URL) and, as its admin,
 * releases the previewed Wrapped of 2025, sending over the SMTP server on port {@code args[1]}
 * (the parent's GreenMail): the first message really goes out ("DELIVERED id"), the second prints
 * "SENDING id" and never returns. The parent kills the JVM there: after the release's commit,
 * in its dispatch.
 */
public final class ReleaseChild {
    private ReleaseChild() {
    }

    public static void main(String[] args) throws Exception {
        AtomicInteger count = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        try (Database db = Database.open(args[0], null)) {
            MailNotificationSender mail = new MailNotificationSender(new DeliveryDao(db.jdbi()), new OrganizationDao(db.jdbi()),
                    s -> Optional.of(TestSmtp.PASSWORD.toCharArray()), TestSmtp.trustItsCertificate());
            NotificationSender sender = n -> {
                if (count.incrementAndGet() > 1) {
                    System.out.println("SENDING " + n.summaryId());
                    System.out.flush();
                    never.await(); // the parent kills the JVM here
                }
                mail.send(n);
                System.out.println("DELIVERED " + n.summaryId());
                System.out.flush();
            };
            Actor admin = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
            ReleaseService.Outcome o = new StoredReleaseService(db, sender, Clock.systemUTC())
                    .release(2025, "org-1", ReleaseService.Selection.PREVIEWED, null, admin);
            System.out.println("DONE " + o);
        }
        System.out.flush();
    }
}
