package org.impactdesk.service.digest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.impactdesk.TestSmtp;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.service.delivery.MailNotificationSender;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.service.importing.BundleSyncGateway;
import org.impactdesk.store.Database;
import org.impactdesk.store.DeliveryDao;
import org.impactdesk.store.OrganizationDao;

/**
 * The child JVM of {@link SyncDigestKillTest}: opens the database {@code args[0]} and syncs the
 * bundle {@code args[2]} as the window does, as admin Ada, with e-mail over the SMTP server on port
 * {@code args[1]} (the parent's GreenMail): the import commits ("IMPORTED"), then the regeneration
 * after it prints "REGENERATING" at its first step and never goes on. The parent kills the JVM
 * there: after the import's commit, before the regeneration and the digest.
 */
public final class SyncDigestChild {
    private SyncDigestChild() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (Database db = Database.open(Path.of(args[0]))) {
            MailNotificationSender mail = new MailNotificationSender(new DeliveryDao(db.jdbi()), new OrganizationDao(db.jdbi()),
                    s -> Optional.of(TestSmtp.PASSWORD.toCharArray()), TestSmtp.trustItsCertificate());
            BundleSyncGateway window = DigestExample.window(db, mail, DigestExample.digests(db, mail), List.of());
            SyncGateway.Outcome imported = window.importBundle(Path.of(args[2]), SyncGateway.Mode.ALL_OR_NOTHING,
                    ExampleDatabase.ADA, null);
            System.out.println("IMPORTED " + imported.written());
            System.out.flush();
            window.regenerate(ExampleDatabase.ADA, new SyncGateway.Progress() {
                @Override
                public void update(long done, long total, String message) {
                    System.out.println("REGENERATING " + message);
                    System.out.flush();
                    try {
                        never.await(); // the parent kills the JVM here
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
            System.out.println("DONE");
        }
        System.out.flush();
    }
}
