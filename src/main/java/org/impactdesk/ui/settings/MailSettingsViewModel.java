package org.impactdesk.ui.settings;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.BundleText;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.service.delivery.DeliveryRefusedException;
import org.impactdesk.service.delivery.DeliveryService;
import org.impactdesk.ui.delivery.QueueText;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * The Settings screen's e-mail section (issue 19): the organisation's language of messages, the
 * review before release, its SMTP server (host, port, STARTTLS or TLS, user, sender address;
 * never a password, which comes from the environment or is typed for this session), validated
 * here beside each field, and the queue: how many wait and why, failed, sent.
 */
public final class MailSettingsViewModel {

    public enum Field { HOST, PORT, SECURITY, USER, SENDER }

    private final DeliveryService service;
    private final Actor actor;
    private final TaskRunner tasks;
    private final ResourceBundle messages;
    private final java.util.Locale locale;

    private final ObjectProperty<String> language = new SimpleObjectProperty<>(this, "language", "nb");
    private final BooleanProperty reviewRequired = new SimpleBooleanProperty(this, "reviewRequired", true);
    private final Map<Field, StringProperty> values = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper queue = new ReadOnlyStringWrapper(this, "queue", "");
    private final ReadOnlyStringWrapper passwordNote = new ReadOnlyStringWrapper(this, "passwordNote", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final BooleanBinding valid;
    private String organizationId;

    public MailSettingsViewModel(DeliveryService service, Actor actor, TaskRunner tasks, ResourceBundle messages,
                                 java.util.Locale locale) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.messages = messages;
        this.locale = locale;
        for (Field f : Field.values()) {
            StringProperty p = new SimpleStringProperty(this, f.name(), "");
            values.put(f, p);
            errors.put(f, new ReadOnlyStringWrapper(this, f.name() + "Error", ""));
            p.addListener((obs, old, now) -> validate());
        }
        valid = Bindings.createBooleanBinding(() -> errors.values().stream().allMatch(e -> e.get().isEmpty()),
                errors.values().toArray(ReadOnlyStringWrapper[]::new));
    }

    /** Opens the e-mail settings and queue of an organisation (the one chosen above). */
    public void open(String organizationId) {
        this.organizationId = organizationId;
        if (organizationId == null || !actor.isAdmin()) {
            return;
        }
        busy.set(true);
        tasks.run("mail-settings", p -> service.status(organizationId, actor), TaskRunner.Callbacks.of(s -> {
            busy.set(false);
            show(s);
        }, this::failed));
    }

    /** Saves the settings; refused beside the fields while any is wrong. */
    public void save() {
        validate();
        if (!valid.get() || organizationId == null) {
            say(messages.getString("settings.fixErrors"), true);
            return;
        }
        MailSettings s = toSettings();
        busy.set(true);
        tasks.run("mail-save", p -> {
            service.save(s, actor);
            return service.status(s.organizationId(), actor);
        }, TaskRunner.Callbacks.of(st -> {
            busy.set(false);
            show(st);
            say(messages.getString("settings.mail.saved"), false);
        }, this::failed));
    }

    /** Sends what is due now, with the password typed (kept for this session only, never stored). */
    public void sendNow() {
        if (organizationId == null) {
            return;
        }
        char[] typed = password.get().toCharArray();
        password.set("");
        String org = organizationId;
        busy.set(true);
        tasks.run("mail-send", p -> {
            int sent;
            try {
                sent = service.sendQueuedNow(org, typed, actor);
            } finally {
                java.util.Arrays.fill(typed, '\0'); // sent or not, the typed password leaves this array
            }
            return java.util.Map.entry(sent, service.status(org, actor));
        }, TaskRunner.Callbacks.of(r -> {
            busy.set(false);
            show(r.getValue());
            say(fmt("settings.mail.sent", r.getKey()), false);
        }, this::failed));
    }

    private void show(DeliveryService.Status s) {
        MailSettings m = s.settings();
        language.set(m.language());
        reviewRequired.set(m.reviewRequired());
        values.get(Field.HOST).set(m.host() == null ? "" : m.host());
        values.get(Field.PORT).set(m.port() == null ? "" : String.valueOf(m.port()));
        values.get(Field.SECURITY).set(m.security() == null ? MailSettings.Security.STARTTLS.name() : m.security().name());
        values.get(Field.USER).set(m.user() == null ? "" : m.user());
        values.get(Field.SENDER).set(m.senderAddress() == null ? "" : m.senderAddress());
        queue.set(QueueText.describe(s, messages, locale, true));
        passwordNote.set(s.passwordFromEnvironment() ? fmt("settings.mail.password.env", MailSettings.PASSWORD_ENV)
                : fmt("settings.mail.password.ask", MailSettings.PASSWORD_ENV));
        validate();
    }

    private MailSettings toSettings() {
        String host = values.get(Field.HOST).get().strip();
        String port = values.get(Field.PORT).get().strip();
        String user = values.get(Field.USER).get().strip();
        String sender = values.get(Field.SENDER).get().strip();
        return new MailSettings(organizationId, language.get(), reviewRequired.get(), host.isEmpty() ? null : host,
                port.isEmpty() ? null : parsePort(port), security(), user.isEmpty() ? null : user,
                sender.isEmpty() ? null : sender);
    }

    private MailSettings.Security security() {
        String s = values.get(Field.SECURITY).get();
        return s == null || s.isBlank() ? null : MailSettings.Security.valueOf(s);
    }

    private static Integer parsePort(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Each field's problem, in the window's language, beside the field. */
    void validate() {
        errors.values().forEach(e -> e.set(""));
        if (organizationId == null) {
            return;
        }
        String port = values.get(Field.PORT).get().strip();
        if (!port.isEmpty() && !port.matches("\\d{1,5}")) {
            errors.get(Field.PORT).set(fmt("settings.error.wholeNumber", port));
        }
        for (MailSettings.Problem p : toSettings().problems()) {
            Field f = switch (p.field()) {
                case "smtp_host" -> Field.HOST;
                case "smtp_port" -> Field.PORT;
                case "smtp_security" -> Field.SECURITY;
                case "smtp_user" -> Field.USER;
                default -> Field.SENDER;
            };
            if (errors.get(f).get().isEmpty()) {
                errors.get(f).set(messages.getString("settings.mail.error." + f.name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
    }

    private void failed(Throwable t) {
        busy.set(false);
        if (t instanceof DeliveryRefusedException d && !d.problems().isEmpty()) {
            validate();
        }
        say(fmt("settings.error.failed", t.getMessage() == null ? t.toString() : t.getMessage()), true);
    }

    private void say(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }

    private String fmt(String key, Object... args) {
        return BundleText.format(messages, locale, key, args);
    }

    /** A message language's name in the window's language. */
    public String languageName(String code) {
        return messages.getString("settings.mail.language." + code);
    }

    // ---------------------------------------------------------------- properties

    public ObjectProperty<String> languageProperty() {
        return language;
    }

    public BooleanProperty reviewRequiredProperty() {
        return reviewRequired;
    }

    public StringProperty value(Field f) {
        return values.get(f);
    }

    public ReadOnlyStringProperty error(Field f) {
        return errors.get(f).getReadOnlyProperty();
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty queueProperty() {
        return queue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordNoteProperty() {
        return passwordNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
