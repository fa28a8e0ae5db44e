package org.impactdesk.ui.team;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The Team header's "PDF report" menu: save, and whether the user's follow-up marks and note texts go in. */
public final class TeamReportMenu {
    private TeamReportMenu() {
    }

    public static MenuButton create(TeamReportViewModel vm, TeamFormat format, boolean followUps) {
        MenuItem save = new MenuItem(format.text("team.report.export"));
        save.setId("teamReportSave");
        save.setOnAction(e -> vm.export());
        save.disableProperty().bind(vm.canExportProperty().not());
        MenuButton menu = new MenuButton(format.text("team.report.menu"));
        menu.setId("teamReport");
        menu.getItems().add(save);
        if (followUps) {
            CheckMenuItem marks = new CheckMenuItem(format.text("team.report.marks"));
            marks.selectedProperty().bindBidirectional(vm.includeMarksProperty());
            CheckMenuItem notes = new CheckMenuItem(format.text("team.report.withNotes"));
            notes.selectedProperty().bindBidirectional(vm.includeNotesProperty());
            notes.disableProperty().bind(vm.includeMarksProperty().not());
            menu.getItems().addAll(new SeparatorMenuItem(), marks, notes);
        }
        return menu;
    }
}
