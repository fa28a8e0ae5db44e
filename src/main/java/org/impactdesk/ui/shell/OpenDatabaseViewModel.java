package org.impactdesk.ui.shell;

import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.impactdesk.domain.BundleText;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * The "Open database…" dialog's state: an H2 file (a path, chosen or typed) or a PostgreSQL team
 * database (its JDBC URL, the user to log in as and, for this time only, the password). {@link #open}
 * checks the input (a message saying what is wrong and where; nothing is opened), then on a worker asks
 * what the file needs, asks the passphrase when it needs one (again after a wrong one), opens the
 * database and builds the window on it, and hands that over. While it works, and after a failure, the
 * database open until now stays open and in use.
 */
public final class OpenDatabaseViewModel {
    /** What kind of database is chosen. */
    public enum Kind { FILE, TEAM }

    /**
     * Asks a passphrase on the FX thread: {@code lock} says which question (an encrypted file's, or the
     * choice for a new one); null when the person cancels, an empty array for "no encryption".
     */
    public interface PassphraseQuestion {
        char[] ask(String database, DatabaseOpener.Lock lock, boolean wrongBefore);
    }

    private static final String URL_PREFIX = "jdbc:postgresql://";

    private final DatabaseOpener opener;
    private final TaskRunner tasks;
    private final ResourceBundle messages;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.FILE);
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canOpen;

    public OpenDatabaseViewModel(DatabaseOpener opener, TaskRunner tasks, ResourceBundle messages) {
        this.opener = opener;
        this.tasks = tasks;
        this.messages = messages;
        canOpen = Bindings.createBooleanBinding(() -> !working.get()
                        && !(kind.get() == Kind.FILE ? file.get() : url.get()).isBlank(),
                working, kind, file, url);
        String last = opener.remembered();
        if (last != null && last.regionMatches(true, 0, URL_PREFIX, 0, URL_PREFIX.length())) {
            kind.set(Kind.TEAM);
            TeamUrl parsed = TeamUrl.split(last);
            url.set(parsed.url());
            user.set(parsed.user());
        } else if (last != null) {
            file.set(last.endsWith(".mv.db") ? last : last + ".mv.db");
        }
    }

    /**
     * Checks the input and opens the chosen database; {@code opened} gets it on the FX thread once
     * open. Bad input or a failure sets {@link #messageProperty()} and opens nothing.
     */
    public void open(PassphraseQuestion passphrases, Consumer<DatabaseOpener.Opened> opened) {
        Optional<DatabaseChoice> checked = choice();
        if (checked.isEmpty() || working.get()) {
            return;
        }
        DatabaseChoice choice = checked.get();
        working.set(true);
        message.set(BundleText.format(messages, "opendb.opening", shown(choice)));
        tasks.run("open-database-check", p -> opener.lockOf(choice), TaskRunner.Callbacks.of(
                lock -> openWith(choice, lock, false, passphrases, opened), this::failed));
    }

    private void openWith(DatabaseChoice choice, DatabaseOpener.Lock lock, boolean wrongBefore, PassphraseQuestion passphrases,
                          Consumer<DatabaseOpener.Opened> opened) {
        char[] passphrase = null;
        if (lock != DatabaseOpener.Lock.NONE) {
            passphrase = passphrases.ask(shown(choice), lock, wrongBefore);
            if (passphrase == null) { // cancelled: nothing opened, the current database stays
                working.set(false);
                message.set("");
                return;
            }
        }
        char[] given = passphrase;
        tasks.run("open-database", p -> {
            try {
                return opener.open(choice, given);
            } finally {
                if (given != null) {
                    java.util.Arrays.fill(given, '\0');
                }
            }
        }, TaskRunner.Callbacks.of(done -> {
            working.set(false);
            message.set("");
            password.set("");
            opened.accept(done);
        }, failure -> {
            if (failure instanceof DatabaseOpener.WrongPassphraseException) {
                openWith(choice, lock, true, passphrases, opened);
            } else {
                failed(failure);
            }
        }));
    }

    private void failed(Throwable failure) {
        working.set(false);
        message.set(BundleText.format(messages, "opendb.failed",
                failure.getMessage() == null ? failure.toString() : failure.getMessage()));
    }

    /** The choice the fields make, or empty with a message saying what to correct. */
    Optional<DatabaseChoice> choice() {
        if (kind.get() == Kind.FILE) {
            String f = file.get().strip();
            if (f.isEmpty()) {
                return problem("opendb.problem.noFile");
            }
            if (f.regionMatches(true, 0, "jdbc:", 0, 5)) {
                return problem("opendb.problem.urlAsFile", f);
            }
            java.nio.file.Path path;
            try {
                path = java.nio.file.Path.of(f).toAbsolutePath().normalize();
            } catch (java.nio.file.InvalidPathException e) {
                return problem("opendb.problem.badPath", f, e.getReason());
            }
            if (java.nio.file.Files.isDirectory(path)) {
                return problem("opendb.problem.folder", f);
            }
            String chosen = DatabaseChoice.file(path.toString()).fileBase() + ".mv.db";
            if (chosen.equals(opener.current())) {
                return problem("opendb.problem.same", chosen);
            }
            message.set("");
            return Optional.of(DatabaseChoice.file(f));
        }
        String u = url.get().strip();
        if (u.isEmpty()) {
            return problem("opendb.problem.noUrl");
        }
        if (!u.regionMatches(true, 0, URL_PREFIX, 0, URL_PREFIX.length()) || u.length() == URL_PREFIX.length()) {
            return problem("opendb.problem.notUrl", u);
        }
        if (u.toLowerCase(java.util.Locale.ROOT).matches(".*[?&;]password=.*")) {
            return problem("opendb.problem.passwordInUrl");
        }
        TeamUrl parsed = TeamUrl.split(u);
        String who = user.get().strip().isEmpty() ? parsed.user() : user.get().strip();
        if (who.isEmpty()) {
            return problem("opendb.problem.noUser");
        }
        message.set("");
        return Optional.of(DatabaseChoice.team(parsed.url(), who, password.get().isEmpty() ? null : password.get()));
    }

    private Optional<DatabaseChoice> problem(String key, Object... args) {
        message.set(BundleText.format(messages, key, args));
        return Optional.empty();
    }

    private static String shown(DatabaseChoice choice) {
        return choice.isFile() ? choice.fileBase() + ".mv.db" : choice.url() + " (" + choice.user() + ")";
    }

    /** A team database's URL without its {@code user=} parameter, and that user (empty when none). */
    record TeamUrl(String url, String user) {
        static TeamUrl split(String full) {
            int q = full.indexOf('?');
            if (q < 0) {
                return new TeamUrl(full, "");
            }
            StringBuilder rest = new StringBuilder();
            String who = "";
            for (String param : full.substring(q + 1).split("&")) {
                if (param.regionMatches(true, 0, "user=", 0, 5)) {
                    who = java.net.URLDecoder.decode(param.substring(5), java.nio.charset.StandardCharsets.UTF_8);
                } else if (!param.isEmpty()) {
                    rest.append(rest.isEmpty() ? "?" : "&").append(param);
                }
            }
            return new TeamUrl(full.substring(0, q) + rest, who);
        }
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public BooleanBinding canOpenProperty() {
        return canOpen;
    }
}
