package org.impactdesk.ui.fx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one test double of {@link DialogService}: answers choosers and confirmations with what a
 * test sets, and records what the ViewModel asked (messages, suggested names, file filters).
 */
public class ScriptedDialogs implements DialogService {
    /** The answer of "save as" (null: cancelled). */
    public Path saveAs;
    /** The answer of "open file" (null: cancelled). */
    public Path fileToOpen;
    /** The answer of "choose folder" (null: cancelled). */
    public Path folder;
    public boolean confirmAnswer = true;

    public final List<String> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    public final List<String> confirmations = new ArrayList<>();
    public final List<List<String>> openExtensions = new ArrayList<>();
    public final List<String> folderTitles = new ArrayList<>();
    /** The file name last suggested by "save as". */
    public String suggestedName;

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(message);
    }

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add(message);
        return confirmAnswer;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
        openExtensions.add(List.copyOf(extensions));
        return Optional.ofNullable(fileToOpen);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        folderTitles.add(title);
        return Optional.ofNullable(folder);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions) {
        this.suggestedName = suggestedName;
        return Optional.ofNullable(saveAs);
    }
}
