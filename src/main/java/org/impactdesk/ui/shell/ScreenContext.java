package org.impactdesk.ui.shell;

import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.access.Actor;
import org.impactdesk.ui.fx.DialogService;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.TaskRunner;
import org.impactdesk.ui.fx.ViewLoader;

/**
 * What a screen is built with: the signed-in actor (every service call carries it), the
 * language (loader, bundle, formats), the task runner and dialogs, the navigator, and
 * {@code dataChanged}: call it after writing to the database (an import) so the status bar and
 * the other screens refresh.
 */
public record ScreenContext(Actor actor, ViewLoader loader, TaskRunner tasks, DialogService dialogs, Navigator navigator,
                            Runnable dataChanged) {

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
