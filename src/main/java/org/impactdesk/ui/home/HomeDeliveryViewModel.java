package org.impactdesk.ui.home;

import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.BundleText;
import org.impactdesk.service.delivery.DeliveryService;
import org.impactdesk.service.digest.DigestService;
import org.impactdesk.ui.delivery.QueueText;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * Home's part of issue 19: a coordinator's opt-in to the digest each sync e-mails them (beside
 * "Since the last sync", which is what it sends), and for an organisation's admin the
 * notification queue (waiting, failed with why, sent) as the Wrapped screen and Settings show it.
 */
public final class HomeDeliveryViewModel {
    private final DigestService digests;
    private final DeliveryService delivery;
    private final Actor actor;
    private final TaskRunner tasks;
    private final ResourceBundle messages;
    private final Locale locale;

    private final ReadOnlyBooleanWrapper optInShown = new ReadOnlyBooleanWrapper(this, "optInShown", false);
    private final BooleanProperty optedIn = new SimpleBooleanProperty(this, "optedIn", false);
    private final ReadOnlyStringWrapper optInMessage = new ReadOnlyStringWrapper(this, "optInMessage", "");
    private final ReadOnlyBooleanWrapper queueShown = new ReadOnlyBooleanWrapper(this, "queueShown", false);
    private final ReadOnlyStringWrapper queue = new ReadOnlyStringWrapper(this, "queue", "");
    /** True while a stored value is being shown: that is no change of the user's to save. */
    private boolean applying;

    public HomeDeliveryViewModel(DigestService digests, DeliveryService delivery, Actor actor, TaskRunner tasks,
                                 ResourceBundle messages, Locale locale) {
        this.digests = digests;
        this.delivery = delivery;
        this.actor = actor;
        this.tasks = tasks;
        this.messages = messages;
        this.locale = locale;
        optInShown.set(digests != null && digests.canOptIn(actor));
        queueShown.set(delivery != null && actor.isAdmin() && actor.organizationId() != null);
        optedIn.addListener((obs, old, now) -> {
            if (!applying && old != now) {
                save(now);
            }
        });
    }

    /** Reads the opt-in and the queue (each only for whom it is shown). */
    public void load() {
        if (optInShown.get()) {
            tasks.run("home-digest", p -> digests.optedIn(actor), TaskRunner.Callbacks.of(this::showOptIn,
                    t -> optInMessage.set(fmt("home.digest.error", message(t)))));
        }
        if (queueShown.get()) {
            tasks.run("home-queue", p -> delivery.status(actor.organizationId(), actor), TaskRunner.Callbacks.of(
                    s -> queue.set(QueueText.describe(s, messages, locale, false)),
                    t -> queue.set(fmt("home.queue.error", message(t)))));
        }
    }

    private void save(boolean in) {
        optInMessage.set("");
        tasks.run("home-digest-save", p -> {
            digests.setOptedIn(actor, in);
            return in;
        }, TaskRunner.Callbacks.of(saved -> optInMessage.set(messages.getString(saved ? "home.digest.on" : "home.digest.off")),
                t -> {
                    showOptIn(!in); // not saved: the box shows what is stored
                    optInMessage.set(fmt("home.digest.error", message(t)));
                }));
    }

    private void showOptIn(boolean stored) {
        applying = true;
        optedIn.set(stored);
        applying = false;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private String fmt(String key, Object... args) {
        return BundleText.format(messages, locale, key, args);
    }

    public ReadOnlyBooleanProperty optInShownProperty() {
        return optInShown.getReadOnlyProperty();
    }

    public BooleanProperty optedInProperty() {
        return optedIn;
    }

    public ReadOnlyStringProperty optInMessageProperty() {
        return optInMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty queueShownProperty() {
        return queueShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queueProperty() {
        return queue.getReadOnlyProperty();
    }
}
