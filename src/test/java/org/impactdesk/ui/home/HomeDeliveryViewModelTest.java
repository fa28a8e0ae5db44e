package org.impactdesk.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.domain.NotificationQueue;
import org.impactdesk.service.digest.DigestRefusedException;
import org.impactdesk.service.digest.DigestService;
import org.impactdesk.ui.delivery.FakeDeliveryService;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.Test;

/**
 * Home's part of issue 19 against fakes: a coordinator sees and changes their opt-in to the digest
 * (a refused save puts the box back and says why); an admin of an organisation sees the e-mail
 * queue with why it waits and why the failed ones failed; a peer mentor sees neither.
 */
class HomeDeliveryViewModelTest {
    static final Actor KIM = new Actor("user-kim", "Kim", "org-1", Set.of(Role.COORDINATOR), null);
    static final Actor ADA = new Actor("user-ada", "Ada", "org-1", Set.of(Role.ORG_ADMIN), null);
    static final Actor SOFIE = new Actor("user-sofie", "Sofie", "org-1", Set.of(Role.PEER_MENTOR), "pm-3");

    /** Opt-ins in memory; refuses what the stored one refuses, or everything when {@code broken}. */
    static final class FakeDigests implements DigestService {
        final List<String> optedIn = new ArrayList<>();
        boolean broken;

        @Override
        public boolean canOptIn(Actor actor) {
            return actor.has(Role.COORDINATOR);
        }

        @Override
        public boolean optedIn(Actor actor) {
            return optedIn.contains(actor.userId());
        }

        @Override
        public void setOptedIn(Actor actor, boolean in) {
            if (broken || !canOptIn(actor)) {
                throw new DigestRefusedException("the database is read-only");
            }
            optedIn.remove(actor.userId());
            if (in) {
                optedIn.add(actor.userId());
            }
        }
    }

    FakeDigests digests = new FakeDigests();
    FakeDeliveryService delivery = new FakeDeliveryService();

    HomeDeliveryViewModel vm(Actor actor, Locale locale) {
        return new HomeDeliveryViewModel(digests, delivery, actor, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), locale);
    }

    @Test
    void aCoordinatorSeesTheirStoredChoiceAndChangesIt() {
        digests.optedIn.add("user-kim");
        HomeDeliveryViewModel vm = vm(KIM, Locale.ENGLISH);
        assertThat(vm.optInShownProperty().get()).isTrue();
        assertThat(vm.queueShownProperty().get()).isFalse();

        vm.load();
        assertThat(vm.optedInProperty().get()).isTrue();
        assertThat(digests.optedIn).containsExactly("user-kim"); // showing it saved nothing

        vm.optedInProperty().set(false);
        assertThat(digests.optedIn).isEmpty();
        assertThat(vm.optInMessageProperty().get()).isEqualTo("No more e-mail after a sync.");

        vm.optedInProperty().set(true);
        assertThat(digests.optedIn).containsExactly("user-kim");
        assertThat(vm.optInMessageProperty().get())
                .isEqualTo("After each sync you get these changes by e-mail (when something changed).");
        assertThat(delivery.statusCalls).as("a coordinator reads no queue").isZero();
    }

    @Test
    void aRefusedSavePutsTheBoxBackAndSaysWhy() {
        HomeDeliveryViewModel vm = vm(KIM, Locale.forLanguageTag("nb-NO"));
        vm.load();
        digests.broken = true;

        vm.optedInProperty().set(true);

        assertThat(vm.optedInProperty().get()).isFalse();
        assertThat(digests.optedIn).isEmpty();
        assertThat(vm.optInMessageProperty().get())
                .isEqualTo("Valget ditt om e-post etter hver synkronisering ble ikke lagret: the database is read-only");
    }

    @Test
    void anAdminSeesTheQueueWithWhyItWaitsAndWhyTheFailedOnesFailed() {
        delivery.queue = new NotificationQueue(5, 0, 0);
        HomeDeliveryViewModel vm = vm(ADA, Locale.ENGLISH);
        assertThat(vm.optInShownProperty().get()).isFalse();
        assertThat(vm.queueShownProperty().get()).isTrue();

        vm.load();
        assertThat(vm.queueProperty().get()).isEqualTo("Queue: 5 waiting, 0 failed (retried later), 0 sent. "
                + "They wait because no e-mail server is set up for this organisation.");

        delivery.settings.put("org-1", new MailSettings("org-1", "en", true, "smtp.example.org", 587,
                MailSettings.Security.STARTTLS, null, "impact@example.org"));
        delivery.queue = new NotificationQueue(0, 1, 41, "jakarta.mail.SendFailedException: 550 5.1.1 user unknown",
                Instant.parse("2026-01-05T10:15:00Z"));
        vm.load();
        assertThat(vm.queueProperty().get()).startsWith("Queue: 0 waiting, 1 failed (retried later), 41 sent.")
                .contains("Latest failure: jakarta.mail.SendFailedException: 550 5.1.1 user unknown (next attempt ");
    }

    @Test
    void aPeerMentorSeesNeitherAndNothingIsRead() {
        HomeDeliveryViewModel vm = vm(SOFIE, Locale.ENGLISH);
        vm.load();
        assertThat(vm.optInShownProperty().get()).isFalse();
        assertThat(vm.queueShownProperty().get()).isFalse();
        assertThat(delivery.statusCalls).isZero();
        assertThat(vm.queueProperty().get()).isEmpty();
    }
}
