package org.impactdesk.ui.settings;

import org.impactdesk.service.funder.FunderSettingsService;
import org.impactdesk.service.delivery.DeliveryService;
import org.impactdesk.service.settings.SettingsService;
import org.impactdesk.ui.shell.Screen;
import org.impactdesk.ui.shell.ScreenContext;

/** The Settings screen's wiring in the shell: the organisations load on the first visit. */
public final class SettingsScreen {
    private SettingsScreen() {
    }

    public static Screen create(SettingsService service, FunderSettingsService funder, DeliveryService delivery,
                                ScreenContext ctx) {
        return create(service, funder, delivery, null, ctx);
    }

    /** {@code section}: "mail" opens the screen scrolled to its e-mail section (screenshots); null: the top. */
    public static Screen create(SettingsService service, FunderSettingsService funder, DeliveryService delivery,
                                String section, ScreenContext ctx) {
        SettingsViewModel vm = new SettingsViewModel(service, funder, ctx.actor(), ctx.tasks(), ctx.bundle(), ctx.formats());
        MailSettingsViewModel mail = new MailSettingsViewModel(delivery, ctx.actor(), ctx.tasks(), ctx.bundle(), ctx.locale());
        SettingsView view = new SettingsView(vm, mail);
        return Screen.of(ctx.loader().load(SettingsView.FXML, view))
                .onFirstShow(() -> {
                    vm.load();
                    if ("mail".equals(section)) {
                        view.showMailSection();
                    }
                })
                .onRefresh(vm::revert)
                .search(view.searchField())
                .build();
    }
}
