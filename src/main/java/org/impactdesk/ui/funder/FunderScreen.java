package org.impactdesk.ui.funder;

import java.time.LocalDate;
import java.time.ZoneId;
import org.impactdesk.service.funder.FunderReportService;
import org.impactdesk.ui.shell.NavigationRequest;
import org.impactdesk.ui.shell.Screen;
import org.impactdesk.ui.shell.ScreenContext;
import org.impactdesk.ui.shell.ScreenId;

/** The Funder report screen's wiring in the shell: the organisations and the last closed year load on the first visit. */
public final class FunderScreen {
    private FunderScreen() {
    }

    public static Screen create(FunderReportService service, ZoneId zone, ScreenContext ctx) {
        FunderViewModel vm = new FunderViewModel(service, ctx.actor(), ctx.tasks(), ctx.dialogs(), ctx.bundle(),
                ctx.formats(), LocalDate.now(zone).getYear(),
                () -> ctx.navigator().navigate(NavigationRequest.to(ScreenId.SETTINGS)));
        FunderView view = new FunderView(vm);
        return Screen.of(ctx.loader().load(FunderView.FXML, view))
                .onFirstShow(vm::load)
                .onRefresh(vm::reload)
                .onExport(vm::exportXlsx)
                .search(view.yearField())
                .build();
    }
}
