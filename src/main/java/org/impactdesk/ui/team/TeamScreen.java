package org.impactdesk.ui.team;

import javafx.scene.Parent;
import org.impactdesk.service.followup.FollowUpService;
import org.impactdesk.service.team.TeamService;
import org.impactdesk.ui.shell.NavigationRequest;
import org.impactdesk.ui.shell.Screen;
import org.impactdesk.ui.shell.ScreenContext;
import org.impactdesk.ui.shell.ScreenId;

/** The Team screen's wiring in the shell: a request's period and filter go to the ViewModel's visit. */
public final class TeamScreen {
    private TeamScreen() {
    }

    public static Screen create(TeamService service, FollowUpService followUps, ScreenContext ctx) {
        return create(service, followUps, null, ctx);
    }

    /**
     * {@code selectFirst}: a peer mentor id selected when the first table is in (the screenshots
     * pass {@code -Dimpactdesk.teamSelect} to show the side panel); null selects nobody.
     */
    public static Screen create(TeamService service, FollowUpService followUps, String selectFirst, ScreenContext ctx) {
        TeamViewModel vm = new TeamViewModel(service, ctx.actor(), ctx.tasks(), ctx.bundle(), ctx.dialogs(),
                (pm, year) -> ctx.navigator().navigate(NavigationRequest.to(ScreenId.MENTOR).withMentor(pm, year)));
        TeamView view = new TeamView(vm);
        Parent root = ctx.loader().load(TeamView.FXML, view);
        TeamSidePanelViewModel panelVm = new TeamSidePanelViewModel(vm, followUps, ctx.actor(), ctx.tasks(),
                () -> service.today(ctx.actor()));
        TeamSidePanel panel = new TeamSidePanel(panelVm);
        view.attachSidePanelWhenOpen(ctx.loader().load(TeamSidePanel.FXML, panel), panelVm.openProperty());
        if (selectFirst != null) {
            vm.rows().addListener(new javafx.collections.ListChangeListener<org.impactdesk.domain.TeamLine>() {
                @Override
                public void onChanged(Change<? extends org.impactdesk.domain.TeamLine> change) {
                    vm.rows().stream().filter(l -> selectFirst.equals(l.peerMentorId())).findFirst().ifPresent(l -> {
                        vm.rows().removeListener(this);
                        javafx.application.Platform.runLater(() -> vm.selectedProperty().set(l));
                    });
                }
            });
        }
        TeamReportViewModel reportVm = new TeamReportViewModel(vm, panelVm, ctx.actor(), ctx.tasks(), ctx.dialogs(),
                () -> service.today(ctx.actor()));
        view.addHeaderControl(TeamReportMenu.create(reportVm, vm.format(), followUps.canFollowUp(ctx.actor())));
        view.addSummaryLabel(reportVm.messageProperty());
        // after the name and the status (which stay in view at 1024 px with the side panel open)
        view.addColumn(SparklineCell.column(panelVm), 2);
        var marks = TeamSidePanel.markColumn(panelVm);
        view.addColumn(marks, 3);
        view.fitColumn(marks, panelVm::markText, panelVm.marksVersionProperty()); // "Followed up Oct 6, 2026" whole
        return Screen.of(root)
                .onShow(req -> {
                    if (req.mentors() != null && req.period() != null) {
                        vm.showOnly(req.period(), new TeamViewModel.MentorSet(req.mentors().label(),
                                req.mentors().peerMentorIds()));
                    } else {
                        vm.visit(req.period(), filter(req.status()));
                    }
                })
                .onRefresh(vm::reload)
                .onExport(vm::export)
                .onSearch(view::focusSearch)
                .build();
    }

    /** Home's tiles carry an outlier filter (null: keep the one shown). */
    static TeamViewModel.StatusFilter filter(NavigationRequest.StatusFilter status) {
        return status == null ? null : TeamViewModel.StatusFilter.valueOf(status.name());
    }
}
