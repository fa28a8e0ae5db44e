package org.impactdesk.ui.wrapped;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.impactdesk.ui.DialogService;

/** Answers file choosers with a fixed path (or none). */
final class FakeDialogs implements DialogService {
    Path saveAs;
    String lastSuggestedName;

    @Override
    public void showError(String title, String message) {
    }

    @Override
    public void showInfo(String title, String message) {
    }

    @Override
    public boolean confirm(String title, String message) {
        return true;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions) {
        lastSuggestedName = suggestedName;
        return Optional.ofNullable(saveAs);
    }
}
