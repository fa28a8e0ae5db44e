package org.impactdesk.ui.settings;

import org.impactdesk.service.funder.FunderSettingsService;
import org.impactdesk.service.settings.SettingsService;
import org.impactdesk.ui.shell.Screen;
import org.impactdesk.ui.shell.ScreenContext;

/** The Settings screen's wiring in the shell: the organisations load on the first visit. */
public final class SettingsScreen {
    private SettingsScreen() {
    }

    public static Screen create(SettingsService service, FunderSettingsService funder, ScreenContext ctx) {
        SettingsViewModel vm = new SettingsViewModel(service, funder, ctx.actor(), ctx.tasks(), ctx.bundle(), ctx.formats());
        SettingsView view = new SettingsView(vm);
        return Screen.of(ctx.loader().load(SettingsView.FXML, view))
                .onFirstShow(vm::load)
                .onRefresh(vm::revert)
                .search(view.searchField())
                .build();
    }
}
