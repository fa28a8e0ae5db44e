package org.impactdesk.ui.sync;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.ui.shell.NavigationRequest;
import org.impactdesk.ui.shell.Screen;
import org.impactdesk.ui.shell.ScreenContext;

/**
 * The Sync screen's wiring in the shell. {@code previewBundle} (null: none; the screenshots pass
 * {@code -Dimpactdesk.previewBundle}) is previewed on the first visit; nothing is written.
 */
public final class SyncScreen {
    private SyncScreen() {
    }

    public static Screen create(SyncGateway gateway, ZoneId zone, String previewBundle, ScreenContext ctx) {
        SyncViewModel vm = new SyncViewModel(gateway, ctx.actor(), ctx.tasks(), ctx.dialogs(), ctx.bundle(), zone,
                ctx.dataChanged());
        if (previewBundle != null) {
            try {
                vm.previewOnFirstVisit(Path.of(previewBundle));
            } catch (InvalidPathException e) {
                // a screenshot run's typo: the screen opens without a preview
            }
        }
        SyncView view = new SyncView(vm);
        return Screen.of(ctx.loader().load(SyncView.FXML, view))
                .onShow(req -> vm.visit(req.intent() == NavigationRequest.Intent.IMPORT))
                .onRefresh(vm::refreshHistory)
                .build();
    }
}
