package org.impactdesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.domain.NotificationQueue;
import org.impactdesk.ui.delivery.FakeDeliveryService;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.settings.MailSettingsViewModel.Field;
import org.junit.jupiter.api.Test;

/**
 * The Settings screen's e-mail section (issue 19) against a fake delivery service, no toolkit
 * and no database: what is stored is shown, each wrong field is marked beside it and blocks
 * saving (nothing reaches the service), a valid form is saved as typed, the queue says how many
 * wait and why, and a typed password is handed over once and then forgotten.
 */
class MailSettingsViewModelTest {
    static final Actor ADMIN = new Actor("u-admin", "Ada Admin", "o1", Set.of(Role.ORG_ADMIN), null);
    static final Actor OTHER_ORG_ADMIN = new Actor("u-x", "Xena", "o2", Set.of(Role.ORG_ADMIN), null);

    FakeDeliveryService service = new FakeDeliveryService();

    MailSettingsViewModel vm(Actor actor, Locale locale) {
        return new MailSettingsViewModel(service, actor, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), locale);
    }

    @Test
    void showsTheStoredSettingsAndTheQueueWithWhyItWaits() {
        service.settings.put("o1", new MailSettings("o1", "en", false, "smtp.example.org", 465, MailSettings.Security.TLS,
                "desk", "impact@example.org"));
        service.queue = new NotificationQueue(4, 0, 9);
        MailSettingsViewModel vm = vm(ADMIN, Locale.ENGLISH);

        vm.open("o1");

        assertThat(vm.languageProperty().get()).isEqualTo("en");
        assertThat(vm.reviewRequiredProperty().get()).isFalse();
        assertThat(vm.value(Field.HOST).get()).isEqualTo("smtp.example.org");
        assertThat(vm.value(Field.PORT).get()).isEqualTo("465");
        assertThat(vm.value(Field.SECURITY).get()).isEqualTo("TLS");
        assertThat(vm.value(Field.USER).get()).isEqualTo("desk");
        assertThat(vm.value(Field.SENDER).get()).isEqualTo("impact@example.org");
        assertThat(vm.queueProperty().get()).isEqualTo("Queue: 4 waiting, 0 failed (retried later), 9 sent. They wait "
                + "because the server needs a password: set IMPACT_DESK_SMTP_PASSWORD or type it below.");
        assertThat(vm.passwordNoteProperty().get()).startsWith("The SMTP password is not stored");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void withNoServerTheQueueSaysHowManyWaitAndThatNoServerIsSetUp() {
        service.queue = new NotificationQueue(12, 0, 0);
        MailSettingsViewModel vm = vm(ADMIN, Locale.forLanguageTag("nb-NO"));

        vm.open("o1");

        assertThat(vm.value(Field.HOST).get()).isEmpty();
        assertThat(vm.languageProperty().get()).isEqualTo("nb");
        assertThat(vm.reviewRequiredProperty().get()).isTrue();
        assertThat(vm.queueProperty().get()).isEqualTo("Kø: 12 venter, 0 feilet (prøves igjen senere), 0 sendt. "
                + "De venter fordi ingen e-postserver er satt opp for denne organisasjonen.");
    }

    @Test
    void eachWrongFieldIsMarkedBesideItAndNothingIsSavedUntilItIsRight() {
        MailSettingsViewModel vm = vm(ADMIN, Locale.ENGLISH);
        vm.open("o1");
        vm.value(Field.HOST).set("smtp example");
        vm.value(Field.PORT).set("70000");
        vm.value(Field.SENDER).set("impact-at-example.org");

        assertThat(vm.error(Field.HOST).get()).isEqualTo("Not a host name (letters, digits, dots and hyphens)");
        assertThat(vm.error(Field.PORT).get()).isEqualTo("A port from 1 to 65535");
        assertThat(vm.error(Field.SENDER).get()).isEqualTo("An e-mail address such as impact@example.org");
        assertThat(vm.error(Field.USER).get()).isEmpty();
        assertThat(vm.validProperty().get()).isFalse();

        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Fix the fields marked in red before saving.");
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(service.saved).isEmpty();

        vm.value(Field.PORT).set("5x7");
        assertThat(vm.error(Field.PORT).get()).isEqualTo("“5x7” is not a whole number");

        vm.value(Field.HOST).set("smtp.example.org");
        vm.value(Field.PORT).set("587");
        vm.value(Field.SECURITY).set("STARTTLS");
        vm.value(Field.SENDER).set(" impact@example.org ");
        assertThat(vm.validProperty().get()).isTrue();
        vm.languageProperty().set("en");
        vm.reviewRequiredProperty().set(false);
        vm.save();

        assertThat(service.saved).containsExactly(new MailSettings("o1", "en", false, "smtp.example.org", 587,
                MailSettings.Security.STARTTLS, null, "impact@example.org"));
        assertThat(vm.messageProperty().get()).isEqualTo("E-mail settings saved.");
        assertThat(vm.messageIsErrorProperty().get()).isFalse();
        assertThat(vm.queueProperty().get()).contains("0 waiting");
    }

    @Test
    void anEmptyHostMeansNoEmailAndIsValid() {
        MailSettingsViewModel vm = vm(ADMIN, Locale.ENGLISH);
        vm.open("o1");
        vm.value(Field.HOST).set("");
        vm.value(Field.SENDER).set("");
        assertThat(vm.validProperty().get()).isTrue();
        vm.save();
        assertThat(service.saved).singleElement().satisfies(s -> assertThat(s.configured()).isFalse());
    }

    @Test
    void sendingNowHandsTheTypedPasswordOverOnceAndForgetsIt() {
        service.settings.put("o1", new MailSettings("o1", "en", true, "smtp.example.org", 465, MailSettings.Security.TLS,
                "desk", "impact@example.org"));
        service.queue = new NotificationQueue(3, 1, 0);
        MailSettingsViewModel vm = vm(ADMIN, Locale.ENGLISH);
        vm.open("o1");

        vm.passwordProperty().set("s3cret");
        vm.sendNow();

        assertThat(service.passwordsGiven).containsExactly("s3cret");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("4 message(s) sent.");
        assertThat(vm.queueProperty().get()).startsWith("Queue: 0 waiting, 0 failed (retried later), 4 sent.");
    }

    @Test
    void anAdminOfAnotherOrganisationIsRefusedWithTheReason() {
        MailSettingsViewModel vm = vm(OTHER_ORG_ADMIN, Locale.ENGLISH);

        vm.open("o1");

        assertThat(vm.messageProperty().get())
                .isEqualTo("Could not save or load the settings: Only an administrator of o1 sees and changes its e-mail settings.");
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
