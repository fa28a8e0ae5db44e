package org.impactdesk.ui.shell;

/** Shows a screen (the shell's navigation), handed to every screen through its {@link ScreenContext}. */
@FunctionalInterface
public interface Navigator {
    void navigate(NavigationRequest request);

    default void navigate(ScreenId screen) {
        navigate(NavigationRequest.to(screen));
    }
}
