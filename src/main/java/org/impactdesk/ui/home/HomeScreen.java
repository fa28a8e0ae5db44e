package org.impactdesk.ui.home;

import java.time.ZoneId;
import org.impactdesk.service.alerts.AlertService;
import org.impactdesk.service.delivery.DeliveryService;
import org.impactdesk.service.digest.DigestService;
import org.impactdesk.service.followup.TeamChangesSource;
import org.impactdesk.service.home.HomeService;
import org.impactdesk.ui.shell.Screen;
import org.impactdesk.ui.shell.ScreenContext;

/** The Home screen's wiring in the shell: built on a worker, its tiles loaded on each visit. */
public final class HomeScreen {
    private HomeScreen() {
    }

    /** ViewModel and View (FXML into a detached node); nothing is loaded until the first show. */
    public static Screen create(HomeService service, AlertService alerts, TeamChangesSource changes, ZoneId zone,
                                ScreenContext ctx) {
        return create(service, alerts, changes, null, null, zone, ctx);
    }

    /** With a coordinator's digest opt-in and an admin's e-mail queue (issue 19); either null: not shown. */
    public static Screen create(HomeService service, AlertService alerts, TeamChangesSource changes, DigestService digests,
                                DeliveryService delivery, ZoneId zone, ScreenContext ctx) {
        HomeViewModel vm = new HomeViewModel(service, alerts, changes, ctx.actor(), ctx.tasks(), ctx.bundle(), ctx.formats(), zone,
                ctx.navigator());
        HomeDeliveryViewModel mail = new HomeDeliveryViewModel(digests, delivery, ctx.actor(), ctx.tasks(), ctx.bundle(),
                ctx.locale());
        HomeView view = new HomeView(vm, mail);
        return Screen.of(ctx.loader().load(HomeView.FXML, view))
                .onShow(req -> {
                    vm.show(req.period());
                    mail.load();
                })
                .onRefresh(() -> {
                    vm.refresh();
                    mail.load();
                })
                .build();
    }
}
