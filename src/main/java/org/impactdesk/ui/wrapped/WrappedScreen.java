package org.impactdesk.ui.wrapped;

import java.time.Year;
import java.time.ZoneId;
import org.impactdesk.service.wrapped.WrappedSource;
import org.impactdesk.ui.shell.Screen;
import org.impactdesk.ui.shell.ScreenContext;

/** The Wrapped previewer's wiring in the shell: a request's mentor and year go to the ViewModel's visit. */
public final class WrappedScreen {
    private WrappedScreen() {
    }

    public static Screen create(WrappedSource source, ZoneId zone, ScreenContext ctx) {
        WrappedViewModel vm = new WrappedViewModel(source, ctx.tasks(), ctx.dialogs(), ctx.actor(), ctx.locale(),
                ctx.bundle(), () -> Year.now(zone).getValue());
        WrappedView view = new WrappedView(vm);
        return Screen.of(ctx.loader().load(WrappedView.FXML, view))
                .onShow(req -> vm.visit(req.peerMentorId(), req.year()))
                .onRefresh(vm::load)
                .onDispose(view::stop)
                .build();
    }
}
