package org.impactdesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ImportMessage;
import org.impactdesk.domain.SyncGateway;
import org.impactdesk.service.Services;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ScriptedDialogs;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.sync.SyncViewModel.State;
import org.impactdesk.ui.sync.SyncViewModel.Tone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sync ViewModel without the toolkit: same-thread tasks and a scripted gateway that records what it is asked. */
@MigratedH2
class SyncViewModelTest {

    @TempDir
    Path dir;
    Path bundle;
    ScriptedGateway gateway = new ScriptedGateway();
    List<String> synced = new ArrayList<>();
    ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    void bundle() throws Exception {
        bundle = Files.createDirectories(dir.resolve("export"));
        Files.writeString(bundle.resolve("activities.csv"), "id\n");
    }

    SyncViewModel viewModel(Locale locale) {
        return new SyncViewModel(gateway, Actor.localOperator(), new SameThreadTaskRunner(), dialogs,
                ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), ZoneId.of("Europe/Oslo"), () -> synced.add("synced"));
    }

    static SyncGateway.Preview cleanPreview(Path bundle) {
        return new SyncGateway.Preview(bundle, List.of(new SyncGateway.FileCount("activities.csv", 1234, 0),
                new SyncGateway.FileCount("peer_mentors.csv", 3, 0)), List.of(), 0, List.of());
    }

    static SyncGateway.Preview badPreview(Path bundle) {
        return new SyncGateway.Preview(bundle, List.of(new SyncGateway.FileCount("activities.csv", 20, 1)),
                List.of(new SyncGateway.Problem("activities.csv", 812L, "duration_minutes",
                        "\"90 min\" is not a whole number of minutes")), 0, List.of());
    }

    @Test
    void aChosenBundleIsPreviewedWithCountsPerFileAndNothingWritten() {
        gateway.preview = cleanPreview(bundle);
        SyncViewModel vm = viewModel(Locale.ENGLISH);

        vm.choose(bundle);

        assertThat(gateway.calls).containsExactly("preview " + bundle);
        assertThat(vm.stateProperty().get()).isEqualTo(State.PREVIEWED);
        assertThat(vm.files()).containsExactly(new SyncViewModel.FileRow("activities.csv", "1,234", "0", "0"),
                new SyncViewModel.FileRow("peer_mentors.csv", "3", "0", "0"));
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.previewSummaryProperty().get()).isEqualTo("1,237 rows in 2 files; rows with errors: 0.");
        assertThat(vm.canImportAllProperty().get()).isTrue();
        assertThat(vm.importAllExplanationProperty().get()).isEmpty();
    }

    @Test
    void thePreviewIsTheSignedInUsersAndShowsTheRowsTheirImportSkipsPerFile() {
        Actor kim = new Actor("user-kim", "Kim Koordinator", "org-1", java.util.Set.of(org.impactdesk.access.Role.COORDINATOR), null);
        gateway.preview = new SyncGateway.Preview(bundle, List.of(new SyncGateway.FileCount("users.csv", 5, 0, 2),
                new SyncGateway.FileCount("activities.csv", 40, 0, 18)), List.of(), 0,
                List.of(ImportMessage.plain("users.csv: 2 rows skipped, not written, as not yours to import (lines 3, 6).")));
        SyncViewModel vm = new SyncViewModel(gateway, kim, new SameThreadTaskRunner(), dialogs,
                ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH), ZoneId.of("Europe/Oslo"), () -> synced.add("synced"));

        vm.choose(bundle);

        assertThat(gateway.actors).containsExactly(kim);
        assertThat(vm.files()).containsExactly(new SyncViewModel.FileRow("users.csv", "5", "0", "2"),
                new SyncViewModel.FileRow("activities.csv", "40", "0", "18"));
        assertThat(vm.previewSummaryProperty().get()).isEqualTo("45 rows in 2 files; rows with errors: 0. Rows not yours to "
                + "import, which the import skips (the notes say which and why): 20.");
        assertThat(vm.previewNotesProperty().get()).startsWith("users.csv: 2 rows skipped, not written, "
                + "as not yours to import (lines 3, 6).");
        assertThat(vm.canImportAllProperty().get()).isTrue();
    }

    @Test
    void anOrgAdminsBundleOfAnotherOrganisationsRowsSaysInThePreviewAndAfterImportingValidRowsWhyNothingWasWritten() {
        Actor ada = new Actor("user-ada", "Ada Admin", "org-1", java.util.Set.of(org.impactdesk.access.Role.ORG_ADMIN), null);
        ImportMessage why = ImportMessage.plain("activities.csv: 1399 rows skipped, not written, as not yours to import "
                + "(lines 2, 3, 4): Ada Admin may import only rows of organisation org-1.");
        gateway.preview = new SyncGateway.Preview(bundle, List.of(new SyncGateway.FileCount("activities.csv", 1399, 0, 1399)),
                List.of(), 0, List.of(why));
        gateway.outcome = new SyncGateway.Outcome(true, 0, 0, 0, 0, 0, 1399, null, List.of(), List.of(why));
        SyncViewModel vm = new SyncViewModel(gateway, ada, new SameThreadTaskRunner(), dialogs,
                ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH), ZoneId.of("Europe/Oslo"), () -> synced.add("synced"));

        vm.choose(bundle);

        assertThat(vm.files()).containsExactly(new SyncViewModel.FileRow("activities.csv", "1,399", "0", "1,399"));
        assertThat(vm.previewSummaryProperty().get()).contains("Rows not yours to import, which the import skips "
                + "(the notes say which and why): 1,399.");
        assertThat(vm.previewNotesProperty().get()).contains("may import only rows of organisation org-1");

        vm.importValidOnly();

        assertThat(vm.messageProperty().get()).startsWith("Imported: 0 new, 0 changed, 0 unchanged, 0 removed. "
                + "Nothing was written: 1,399 rows are not yours to import and were skipped (the notes say which and why, per file).");
        assertThat(vm.previewNotesProperty().get()).contains("may import only rows of organisation org-1");
    }

    @Test
    void errorsAreListedByFileAndLineAndImportAllIsRefusedWithTheReason() {
        gateway.preview = badPreview(bundle);
        SyncViewModel vm = viewModel(Locale.ENGLISH);

        vm.choose(bundle);

        assertThat(vm.errors()).containsExactly(new SyncViewModel.ErrorRow("activities.csv", "812", "duration_minutes",
                "\"90 min\" is not a whole number of minutes"));
        assertThat(vm.canImportAllProperty().get()).isFalse();
        assertThat(vm.canImportValidProperty().get()).isTrue();
        assertThat(vm.importAllExplanationProperty().get()).startsWith("Import all is off: 1 row has errors");
        assertThat(vm.toneProperty().get()).isEqualTo(Tone.WARNING);

        vm.importAll();

        assertThat(gateway.calls).containsExactly("preview " + bundle);
        assertThat(vm.messageProperty().get()).startsWith("Import all is off");
    }

    @Test
    void importingValidRowsSaysWhereTheRejectFileWentRegeneratesAndRefreshesTheLastSync() {
        gateway.preview = badPreview(bundle);
        Path rejects = dir.resolve("export.rejects.csv");
        gateway.outcome = new SyncGateway.Outcome(true, 19, 0, 0, 0, 1, 0, rejects, List.of(), List.of());
        gateway.history.add(new SyncGateway.HistoryEntry(Instant.parse("2026-11-22T09:30:00Z"), bundle.toString(),
                null, null, "imported", 20, 19, 0, 0, 1, 0));
        SyncViewModel vm = viewModel(Locale.ENGLISH);
        vm.choose(bundle);

        vm.importValidOnly();

        assertThat(gateway.calls).containsExactly("preview " + bundle, "import VALID_ROWS_ONLY", "history",
                "regenerate");
        assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
        assertThat(vm.messageProperty().get())
                .contains("Imported: 19 new, 0 changed, 0 unchanged, 0 removed.")
                .contains("1 row with errors was left out; they are saved with their reasons in " + rejects.toAbsolutePath())
                .contains("Summaries brought up to date (7 written).");
        assertThat(synced).containsExactly("synced");
        assertThat(vm.history()).singleElement().satisfies(h -> {
            assertThat(h.file()).isEqualTo("export");
            assertThat(h.who()).isEqualTo("Local operator");
            assertThat(h.outcome()).isEqualTo("Imported");
            assertThat(h.counts()).as("only the counts that are not zero").isEqualTo("20 read: 19 new, 1 rejected");
            assertThat(h.time()).isEqualTo("Nov 22, 2026, 10:30\u202fAM");
        });
    }

    @Test
    void theFirstVisitReadsTheHistoryAndPreviewsTheBundleAskedForOnceAndImportOpensTheChooser() {
        gateway.preview = cleanPreview(bundle);
        SyncViewModel vm = viewModel(Locale.ENGLISH);
        vm.previewOnFirstVisit(bundle);

        vm.visit(false);
        assertThat(gateway.calls).containsExactly("history", "preview " + bundle);
        assertThat(vm.stateProperty().get()).isEqualTo(SyncViewModel.State.PREVIEWED);

        vm.visit(false);
        assertThat(gateway.calls).as("a later visit reads and previews nothing").hasSize(2);

        vm.visit(true);
        assertThat(dialogs.openExtensions).as("Import (Shortcut+O) opens the chooser").hasSize(1);
    }

    @Test
    void theHistorySaysWhoRanAnImportByNameAndFallsBackToTheIdOfARemovedUser() {
        Instant at = Instant.parse("2026-11-22T09:30:00Z");
        gateway.history.add(new SyncGateway.HistoryEntry(at, bundle.toString(), "u-kari", "Kari Nordmann", "imported",
                20, 20, 0, 0, 0, 0));
        gateway.history.add(new SyncGateway.HistoryEntry(at, bundle.toString(), "u-gone", null, "refused",
                20, 0, 0, 0, 0, 0));
        SyncViewModel vm = viewModel(Locale.ENGLISH);

        vm.refreshHistory();

        assertThat(vm.history()).extracting(SyncViewModel.HistoryRow::who).containsExactly("Kari Nordmann", "u-gone");
    }

    @Test
    void aCancelledImportSaysNothingWasWrittenAndDoesNotRegenerate() {
        gateway.preview = cleanPreview(bundle);
        gateway.importFailure = new CancellationException("sync-import cancelled");
        SyncViewModel vm = viewModel(Locale.ENGLISH);
        vm.choose(bundle);

        vm.importAll();

        assertThat(gateway.calls).containsExactly("preview " + bundle, "import ALL_OR_NOTHING", "history");
        assertThat(vm.messageProperty().get()).isEqualTo("Import cancelled: nothing was written.");
        assertThat(vm.stateProperty().get()).isEqualTo(State.PREVIEWED);
        assertThat(synced).isEmpty();
    }

    @Test
    void aFileThatIsNotABundleIsRefusedInPlainWords() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        SyncViewModel vm = viewModel(Locale.ENGLISH);

        vm.choose(text);

        assertThat(gateway.calls).isEmpty();
        assertThat(vm.messageProperty().get())
                .isEqualTo("notes.txt is not an export bundle: choose a folder, a .zip or a .csv file.");
        assertThat(vm.toneProperty().get()).isEqualTo(Tone.ERROR);
    }

    @Test
    void theFileChooserOffersZipAndCsvAndNorwegianNumbersUseSpaces() {
        gateway.preview = cleanPreview(bundle);
        dialogs.fileToOpen = bundle;
        SyncViewModel vm = viewModel(Locale.forLanguageTag("nb-NO"));

        vm.chooseFile();

        assertThat(dialogs.openExtensions).containsExactly(List.of("*.zip", "*.csv"));
        assertThat(vm.files().get(0).rows()).isEqualTo("1\u00a0234");
        assertThat(vm.previewSummaryProperty().get()).isEqualTo("1\u00a0237 rader i 2 filer; rader med feil: 0.");
    }

    /** The real importer behind the gateway: its problems and warnings reach the screen as messages, not English. */
    @Test
    void aNorwegianPreviewOfABundleWithABadRowSaysTheErrorInNorwegianWithItsFileLineAndColumn(Database db) throws Exception {
        Path example = dir.resolve("example");
        Files.createDirectories(example);
        try (var files = Files.list(Path.of("src/test/resources/example/bundle"))) {
            for (Path f : files.toList()) {
                Files.copy(f, example.resolve(f.getFileName()));
            }
        }
        Files.writeString(example.resolve("activities.csv"),
                "act-999;org-1;la-1;pm-1;cafe_meeting;2025-03-01T10:00;90 min;;approved;\n", StandardOpenOption.APPEND); // line 57
        Files.writeString(example.resolve("notes.txt"), "not part of the bundle");
        SyncViewModel vm = new SyncViewModel(new Services(db).sync, Actor.localOperator(), new SameThreadTaskRunner(),
                dialogs, ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.forLanguageTag("nb-NO")),
                ZoneId.of("Europe/Oslo"), () -> synced.add("synced"));

        vm.choose(example);

        assertThat(vm.errors()).containsExactly(new SyncViewModel.ErrorRow("activities.csv", "57", "duration_minutes",
                "«90 min» er ikke et helt antall minutter"));
        assertThat(vm.previewNotesProperty().get()).endsWith("notes.txt: ikke en pakkefil, ignorert.");
        assertThat(vm.messageProperty().get()).isEqualTo("Pakken har 1 rad med feil (listet under). Ingenting er skrevet.");
    }

    @Test
    void aRefusedImportListsItsErrorsInTheScreensLanguage() {
        gateway.preview = cleanPreview(bundle);
        gateway.outcome = new SyncGateway.Outcome(false, 0, 0, 0, 0, 1, 0, null, List.of(new SyncGateway.Problem(
                "activities.csv", 1812L, "organization_id", new ImportMessage("import.error.snapshotOtherOrganisation",
                        List.of("org-2", new ImportMessage("import.thisUser", List.of()), "org-1")))), List.of());
        SyncViewModel vm = viewModel(Locale.forLanguageTag("nb-NO"));
        vm.choose(bundle);

        vm.importAll();

        assertThat(vm.errors()).containsExactly(new SyncViewModel.ErrorRow("activities.csv", "1\u00a0812", "organization_id",
                "gjelder organisasjon org-2: denne brukeren kan bare importere organisasjon org-1"));
        assertThat(vm.messageProperty().get()).isEqualTo("Ingenting ble importert: 1 rad har feil (listet under).");
    }

    @Test
    void discardingThePreviewWritesNothing() {
        gateway.preview = badPreview(bundle);
        SyncViewModel vm = viewModel(Locale.ENGLISH);
        vm.choose(bundle);

        vm.cancel();

        assertThat(vm.stateProperty().get()).isEqualTo(State.EMPTY);
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("The preview was discarded. Nothing was written.");
        assertThat(gateway.calls).containsExactly("preview " + bundle);
    }

    @Test
    void theRegenerationAfterAnImportCanBeCancelledAndTheScreenSaysWhatWasKept() {
        gateway.preview = cleanPreview(bundle);
        gateway.outcome = new SyncGateway.Outcome(true, 12, 0, 0, 0, 0, 0, null, List.of(), List.of());
        SyncViewModel vm = viewModel(Locale.ENGLISH);
        List<Boolean> seen = new ArrayList<>();
        gateway.regeneration = progress -> {
            // the regeneration is running: Cancel is offered, and pressing it reaches the work
            seen.add(vm.cancellableProperty().get());
            seen.add(progress.isCancelled());
            vm.cancel();
            seen.add(progress.isCancelled());
            assertThat(vm.progressMessageProperty().get()).startsWith("Stopping: the organisation being written is rolled back");
            return new SyncGateway.Regeneration(40, true, List.of("Fjordlys"), List.of("Nordlys", "Sørlys"));
        };
        vm.choose(bundle);
        vm.importAll();

        assertThat(seen).containsExactly(true, false, true);
        assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
        assertThat(vm.cancellableProperty().get()).isFalse();
        assertThat(vm.toneProperty().get()).isEqualTo(Tone.WARNING);
        assertThat(vm.messageProperty().get()).contains("Summaries: stopped. Kept: Fjordlys (40 written). "
                + "Left as they were until the next import: Nordlys, Sørlys.");
    }

    @Test
    void aRegenerationStoppedBeforeAnyOrganisationSaysNothingChangedInNorwegian() {
        gateway.preview = cleanPreview(bundle);
        gateway.outcome = new SyncGateway.Outcome(true, 12, 0, 0, 0, 0, 0, null, List.of(), List.of());
        SyncViewModel vm = viewModel(Locale.forLanguageTag("nb"));
        gateway.regeneration = progress -> {
            vm.cancel();
            return new SyncGateway.Regeneration(0, true, List.of(), List.of("Fjordlys"));
        };
        vm.choose(bundle);
        vm.importAll();
        assertThat(vm.messageProperty().get()).endsWith("Oppsummeringene: stoppet, ingenting ble endret. "
                + "Som før til neste import: Fjordlys.");
    }

    /** Answers as scripted and records each call. */
    static final class ScriptedGateway implements SyncGateway {
        final List<String> calls = new ArrayList<>();
        final List<Actor> actors = new ArrayList<>();
        final List<HistoryEntry> history = new ArrayList<>();
        Preview preview;
        Outcome outcome;
        RuntimeException importFailure;

        @Override
        public Preview preview(Path bundle, Actor actor) {
            calls.add("preview " + bundle);
            actors.add(actor);
            return preview;
        }

        @Override
        public Outcome importBundle(Path bundle, Mode mode, Actor actor, Progress progress) {
            calls.add("import " + mode);
            if (importFailure != null) {
                throw importFailure;
            }
            return outcome;
        }

        /** What the regeneration does (null: writes 7 summaries). */
        java.util.function.Function<Progress, Regeneration> regeneration;

        @Override
        public Regeneration regenerate(Actor actor, Progress progress) {
            calls.add("regenerate");
            return regeneration == null ? new Regeneration(7) : regeneration.apply(progress);
        }

        @Override
        public List<HistoryEntry> history(int limit) {
            calls.add("history");
            return history;
        }
    }
}
