package org.impactdesk.ui.shell;

import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.access.Actor;
import org.impactdesk.ui.DialogService;
import org.impactdesk.ui.Formats;
import org.impactdesk.ui.TaskRunner;
import org.impactdesk.ui.ViewLoader;

/**
 * What a screen is built with: the signed-in actor (every service call carries it), the
 * language (loader, bundle, formats), the task runner and dialogs, and the navigator.
 */
public record ScreenContext(Actor actor, ViewLoader loader, TaskRunner tasks, DialogService dialogs, Navigator navigator) {

    public Locale locale() {
        return loader.locale();
    }

    public ResourceBundle bundle() {
        return loader.bundle();
    }

    public Formats formats() {
        return new Formats(loader.locale());
    }
}
