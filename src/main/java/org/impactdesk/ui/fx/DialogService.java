package org.impactdesk.ui.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Dialogs, behind an interface so ViewModels can ask for them and tests can answer them.
 * Texts passed in are already localised.
 */
public interface DialogService {

    void showError(String title, String message);

    void showInfo(String title, String message);

    boolean confirm(String title, String message);

    /** A file to open; {@code extensions} like "*.zip", "*.csv" (empty: any). */
    Optional<Path> chooseFileToOpen(String title, List<String> extensions);

    Optional<Path> chooseFolder(String title);

    Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions);
}
