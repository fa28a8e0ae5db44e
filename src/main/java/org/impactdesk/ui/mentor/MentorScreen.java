package org.impactdesk.ui.mentor;

import java.time.LocalDate;
import java.time.ZoneId;
import org.impactdesk.service.mentor.MentorService;
import org.impactdesk.ui.shell.NavigationRequest;
import org.impactdesk.ui.shell.Screen;
import org.impactdesk.ui.shell.ScreenContext;
import org.impactdesk.ui.shell.ScreenId;

/** The Mentor screen's wiring in the shell: a request's mentor and year go to the ViewModel's visit. */
public final class MentorScreen {
    private MentorScreen() {
    }

    public static Screen create(MentorService service, ZoneId zone, ScreenContext ctx) {
        MentorViewModel vm = new MentorViewModel(service, ctx.actor(), ctx.tasks(), ctx.bundle(), zone,
                () -> LocalDate.now(zone), (pm, year) -> ctx.navigator().navigate(
                        NavigationRequest.to(ScreenId.WRAPPED).withMentor(pm, year)));
        MentorView view = new MentorView(vm);
        var root = ctx.loader().load(MentorView.FXML, view);
        return Screen.of(root)
                .onShow(req -> vm.visit(req.peerMentorId(), req.year()))
                .onRefresh(() -> {
                    vm.loadMentors();
                    vm.reload();
                })
                .search(root.lookup("#mentorPicker"))
                .build();
    }
}
