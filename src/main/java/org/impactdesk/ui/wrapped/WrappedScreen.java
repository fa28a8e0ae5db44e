package org.impactdesk.ui.wrapped;

import java.time.Year;
import java.time.ZoneId;
import javafx.scene.Parent;
import javafx.scene.layout.BorderPane;
import org.impactdesk.service.delivery.DeliveryService;
import org.impactdesk.service.release.ReleaseService;
import org.impactdesk.service.wrapped.WrappedSource;
import org.impactdesk.ui.shell.Screen;
import org.impactdesk.ui.shell.ScreenContext;

/** The Wrapped previewer's wiring in the shell: a request's mentor and year go to the ViewModel's visit. */
public final class WrappedScreen {
    private WrappedScreen() {
    }

    public static Screen create(WrappedSource source, ReleaseService releases, DeliveryService delivery, ZoneId zone,
                                ScreenContext ctx) {
        WrappedViewModel vm = new WrappedViewModel(source, ctx.tasks(), ctx.dialogs(), ctx.actor(), ctx.locale(),
                ctx.bundle(), () -> Year.now(zone).getValue());
        WrappedView view = new WrappedView(vm);
        Parent root = ctx.loader().load(WrappedView.FXML, view);
        if (ctx.actor().isAdmin() && root instanceof BorderPane pane) {
            // the admin's review before release: the year's list beside the previewer
            ReleaseListViewModel list = new ReleaseListViewModel(releases, delivery, ctx.actor(), ctx.tasks(), ctx.bundle(),
                    ctx.locale());
            pane.setRight(ctx.loader().load(ReleaseListView.FXML, new ReleaseListView(list)));
            vm.yearProperty().addListener((obs, old, now) -> list.load(now));
            vm.storedProperty().addListener((obs, old, now) -> list.load(vm.yearProperty().get()));
        }
        return Screen.of(root)
                .onShow(req -> vm.visit(req.peerMentorId(), req.year()))
                .onRefresh(vm::load)
                .onDispose(view::stop)
                .build();
    }
}
