package org.impactdesk.ui.signin;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.BundleText;
import org.impactdesk.ui.fx.Names;
import org.impactdesk.ui.fx.TaskRunner;

/**
 * Sign in: choose who you are from the users with a role in the database (administrators and
 * coordinators first, then peer mentors, who see only their own). On an empty database the
 * demo bundle is imported first (off the FX thread, with progress).
 */
public final class SignInViewModel {

    /** Who may sign in. */
    @FunctionalInterface
    public interface Directory {
        List<Actor> candidates();

        /** Organisation names by id, shown beside each user (empty: the ids are shown). */
        default java.util.Map<String, String> organizationNames() {
            return java.util.Map.of();
        }
    }

    /** The import that fills an empty database (the demo bundle); {@code needed} is asked off the FX thread. */
    public interface FirstRun {
        boolean needed();

        /** Imports and generates; reports progress, said with {@code messages}. Returns a line saying what was loaded. */
        String run(TaskRunner.Progress progress, java.util.ResourceBundle messages) throws Exception;

        FirstRun NONE = new FirstRun() {
            @Override
            public boolean needed() {
                return false;
            }

            @Override
            public String run(TaskRunner.Progress progress, java.util.ResourceBundle messages) {
                return "";
            }
        };
    }

    /** OPENING: signed in, the main window is being built (the list waits, disabled). */
    public enum State { PREPARING, IMPORTING, LOADING, READY, OPENING, FAILED }

    /**
     * A user to pick, with their widest role in words and their organisation (empty: none, a global
     * admin). {@code shownName}: the name as the list shows it, with the user id added where another
     * user of the same name has the same role and organisation.
     */
    public record Candidate(Actor actor, String role, String organization, String shownName) {
        public Candidate(Actor actor, String role, String organization) {
            this(actor, role, organization, actor.displayName());
        }

        public Candidate(Actor actor, String role) {
            this(actor, role, "");
        }

        @Override
        public String toString() {
            return shownName + " · " + role + (organization.isEmpty() ? "" : " · " + organization);
        }
    }

    private final Directory directory;
    private final FirstRun firstRun;
    private final TaskRunner tasks;
    private final ResourceBundle messages;
    private final String rememberedUserId;
    private final Consumer<Actor> onSignedIn;

    private final ObservableList<Candidate> candidates = FXCollections.observableArrayList();
    private final FilteredList<Candidate> shown = new FilteredList<>(candidates, c -> true);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<Candidate> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.PREPARING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanBinding canSignIn;
    private final BooleanBinding working;

    public SignInViewModel(Directory directory, FirstRun firstRun, TaskRunner tasks, ResourceBundle messages,
                           String rememberedUserId, Consumer<Actor> onSignedIn) {
        this.directory = directory;
        this.firstRun = firstRun;
        this.tasks = tasks;
        this.messages = messages;
        this.rememberedUserId = rememberedUserId;
        this.onSignedIn = onSignedIn;
        canSignIn = Bindings.createBooleanBinding(() -> state.get() == State.READY && selected.get() != null,
                state, selected);
        working = Bindings.createBooleanBinding(() -> switch (state.get()) {
            case PREPARING, IMPORTING, LOADING, OPENING -> true;
            default -> false;
        }, state);
        filter.addListener((obs, old, now) -> {
            String f = now == null ? "" : now.strip().toLowerCase(locale());
            shown.setPredicate(c -> f.isEmpty() || c.actor().displayName().toLowerCase(locale()).contains(f)
                    || c.role().toLowerCase(locale()).contains(f) || c.organization().toLowerCase(locale()).contains(f));
            // the one Enter signs in is always a row the list shows (highlighted): the top one when the
            // filter hid the chosen one, nobody when it hides everyone
            if (shown.isEmpty()) {
                selected.set(null);
            } else if (selected.get() == null || !shown.contains(selected.get())) {
                selected.set(shown.get(0));
            }
        });
    }

    private Locale locale() {
        return messages.getLocale() == null ? Locale.ENGLISH : messages.getLocale();
    }

    /** Imports the demo bundle when the database is empty, then lists who may sign in. */
    public void start() {
        state.set(State.PREPARING);
        message.set(messages.getString("signin.preparing"));
        tasks.run("signin-first-run-check", p -> firstRun.needed(), TaskRunner.Callbacks.of(needed -> {
            if (needed) {
                importDemo();
            } else {
                loadCandidates("");
            }
        }, this::failed));
    }

    private void importDemo() {
        state.set(State.IMPORTING);
        progress.set(-1);
        message.set(messages.getString("signin.importingDemo"));
        tasks.run("signin-demo-import", p -> firstRun.run(p, messages), new TaskRunner.Callbacks<>(
                this::loadCandidates, this::failed, (fraction, text) -> {
                    progress.set(fraction);
                    if (text != null && !text.isBlank()) {
                        message.set(BundleText.format(messages, "signin.importingDemoStep", text));
                    }
                }));
    }

    private void loadCandidates(String note) {
        state.set(State.LOADING);
        progress.set(-1);
        message.set(messages.getString("signin.loading"));
        record Found(List<Actor> actors, java.util.Map<String, String> organizations) {
        }
        tasks.run("signin-candidates", p -> new Found(directory.candidates(), directory.organizationNames()),
                TaskRunner.Callbacks.of(found -> {
            List<Actor> list = found.actors();
            Names names = new Names(messages);
            List<Candidate> plain = list.stream().map(a -> new Candidate(a, roleText(a), a.organizationId() == null ? ""
                    : found.organizations().getOrDefault(a.organizationId(), a.organizationId()))).toList();
            // the role and organisation are shown beside the name: the same name there gets the user id
            java.util.Map<String, String> shownNames = names.labelsBesidePlace(plain, c -> c.actor().displayName(),
                    c -> c.role() + "\u0000" + c.organization(), c -> c.actor().userId());
            candidates.setAll(plain.stream()
                    .map(c -> new Candidate(c.actor(), c.role(), c.organization(), shownNames.get(c.actor().userId())))
                    .sorted(Comparator.comparingInt((Candidate c) -> rank(c.actor()))
                            .thenComparing(names.<Candidate>order(c -> c.actor().displayName(), c -> c.actor().userId())))
                    .toList());
            candidates.stream().filter(c -> c.actor().userId().equals(rememberedUserId)).findFirst()
                    .or(() -> candidates.stream().findFirst())
                    .ifPresent(selected::set);
            progress.set(0);
            message.set(list.isEmpty() ? messages.getString("signin.nobody")
                    : note == null || note.isBlank() ? "" : note);
            state.set(State.READY);
        }, this::failed));
    }

    public void signIn() {
        if (canSignIn.get()) {
            state.set(State.OPENING);
            progress.set(-1);
            message.set(messages.getString("signin.opening"));
            onSignedIn.accept(selected.get().actor());
        }
    }

    /** The main window could not be opened after signing in: the list is usable again, with why. */
    public void openFailed(String reason) {
        progress.set(0);
        message.set(BundleText.format(messages, "signin.openFailed", reason));
        state.set(State.READY);
    }

    private void failed(Throwable t) {
        state.set(State.FAILED);
        progress.set(0);
        message.set(BundleText.format(messages, "signin.failed",
                t.getMessage() == null ? t.toString() : t.getMessage()));
    }

    static int rank(Actor a) {
        if (a.isGlobalAdmin()) {
            return 0;
        }
        if (a.has(Role.ORG_ADMIN)) {
            return 1;
        }
        if (a.has(Role.COORDINATOR)) {
            return 2;
        }
        return 3;
    }

    private String roleText(Actor a) {
        Role r = switch (rank(a)) {
            case 0 -> Role.GLOBAL_ADMIN;
            case 1 -> Role.ORG_ADMIN;
            case 2 -> Role.COORDINATOR;
            default -> Role.PEER_MENTOR;
        };
        return messages.getString("role." + r.code());
    }

    public ObservableList<Candidate> shown() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Candidate> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }

    public BooleanBinding workingProperty() {
        return working;
    }
}
