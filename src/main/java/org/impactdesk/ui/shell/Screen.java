package org.impactdesk.ui.shell;

import javafx.scene.Parent;

/**
 * One screen in the shell: its root node and what the menus ask of it. The shell creates a
 * screen once per signed-in session and language (through its {@link ScreenRegistry.ScreenFactory},
 * on a worker: the ViewModel and the FXML loaded into a detached node, no load started) and calls
 * {@link #show} on the FX thread each time it is navigated to, the first time once it is attached:
 * that is where a screen starts loading its data. The menu commands return false when the screen has
 * no such command (the status bar then says so).
 */
public interface Screen {

    Parent root();

    /** Called every time the screen becomes the current one, with the request that led there. */
    default void show(NavigationRequest request) {
    }

    /** F5. */
    default boolean refresh() {
        return false;
    }

    /** Shortcut+F: focus the screen's search or filter field. */
    default boolean focusSearch() {
        return false;
    }

    /** Shortcut+E: export what the screen shows. */
    default boolean export() {
        return false;
    }

    /** The screen is dropped (sign out, language change, window closed): stop timers and animations. */
    default void dispose() {
    }

    /** A screen from a View's root node and optional commands, for the registrations in App. */
    static Builder of(Parent root) {
        return new Builder(root);
    }

    /** Builds a {@link Screen} from lambdas. */
    final class Builder {
        private final Parent root;
        private java.util.function.Consumer<NavigationRequest> show = r -> { };
        private Runnable firstShow = () -> { };
        private java.util.function.BooleanSupplier refresh = () -> false;
        private java.util.function.BooleanSupplier search = () -> false;
        private java.util.function.BooleanSupplier export = () -> false;
        private Runnable dispose = () -> { };

        private Builder(Parent root) {
            this.root = root;
        }

        public Builder onShow(java.util.function.Consumer<NavigationRequest> c) {
            this.show = c;
            return this;
        }

        /** Runs {@code r} on the screen's first show only, before its {@link #onShow} (e.g. its first load). */
        public Builder onFirstShow(Runnable r) {
            this.firstShow = r;
            return this;
        }

        public Builder onRefresh(Runnable r) {
            this.refresh = () -> {
                r.run();
                return true;
            };
            return this;
        }

        /** Focuses {@code node} on Shortcut+F. */
        public Builder search(javafx.scene.Node node) {
            this.search = () -> {
                node.requestFocus();
                return true;
            };
            return this;
        }

        /** Runs {@code r} on Shortcut+F (e.g. a View's own focusSearch()). */
        public Builder onSearch(Runnable r) {
            this.search = () -> {
                r.run();
                return true;
            };
            return this;
        }

        public Builder onExport(Runnable r) {
            this.export = () -> {
                r.run();
                return true;
            };
            return this;
        }

        public Builder onDispose(Runnable r) {
            this.dispose = r;
            return this;
        }

        public Screen build() {
            Builder b = this;
            return new Screen() {
                private boolean shown;

                @Override
                public Parent root() {
                    return b.root;
                }

                @Override
                public void show(NavigationRequest request) {
                    if (!shown) {
                        shown = true;
                        b.firstShow.run();
                    }
                    b.show.accept(request);
                }

                @Override
                public boolean refresh() {
                    return b.refresh.getAsBoolean();
                }

                @Override
                public boolean focusSearch() {
                    return b.search.getAsBoolean();
                }

                @Override
                public boolean export() {
                    return b.export.getAsBoolean();
                }

                @Override
                public void dispose() {
                    b.dispose.run();
                }
            };
        }
    }
}
