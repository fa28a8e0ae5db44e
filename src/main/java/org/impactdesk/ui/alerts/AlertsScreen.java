package org.impactdesk.ui.alerts;

import java.time.ZoneId;
import org.impactdesk.service.alerts.AlertService;
import org.impactdesk.ui.shell.Screen;
import org.impactdesk.ui.shell.ScreenContext;

/** The Alerts screen's wiring in the shell (admins): the failures load on each visit and on refresh. */
public final class AlertsScreen {
    private AlertsScreen() {
    }

    public static Screen create(AlertService service, ZoneId zone, ScreenContext ctx) {
        AlertsViewModel vm = new AlertsViewModel(service, ctx.actor(), ctx.tasks(), ctx.bundle(), ctx.formats(), zone);
        AlertsView view = new AlertsView(vm);
        return Screen.of(ctx.loader().load(AlertsView.FXML, view))
                .onShow(req -> vm.load())
                .onRefresh(vm::load)
                .build();
    }
}
