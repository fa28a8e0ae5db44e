package org.impactdesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.TaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {
    static final Actor MIRA = new Actor("user-mira", "Mira Eksempel", "org-1", Set.of(Role.PEER_MENTOR), "pm-1");
    static final Actor KIM = new Actor("user-kim", "Kim Koordinator", "org-1", Set.of(Role.COORDINATOR), null);
    static final Actor ADA = new Actor("user-ada", "Ada Admin", "org-1", Set.of(Role.ORG_ADMIN), null);
    final ResourceBundle en = ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.ENGLISH);
    final List<Actor> signedIn = new ArrayList<>();

    @Test
    void listsAdminsAndCoordinatorsFirstAndPreselectsTheRememberedUser() {
        SignInViewModel vm = new SignInViewModel(() -> List.of(MIRA, KIM, ADA), SignInViewModel.FirstRun.NONE,
                new SameThreadTaskRunner(), en, "user-kim", signedIn::add);
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(SignInViewModel.State.READY);
        assertThat(vm.shown()).extracting(c -> c.actor().userId()).containsExactly("user-ada", "user-kim", "user-mira");
        assertThat(vm.shown()).extracting(SignInViewModel.Candidate::role)
                .containsExactly("organisation admin", "coordinator", "peer mentor");
        assertThat(vm.selectedProperty().get().actor()).isEqualTo(KIM);
        vm.signIn();
        assertThat(signedIn).containsExactly(KIM);
    }

    @Test
    void signingInSaysTheWindowIsOpeningAndIgnoresASecondClickMeanwhile() {
        SignInViewModel vm = new SignInViewModel(() -> List.of(MIRA, KIM, ADA), SignInViewModel.FirstRun.NONE,
                new SameThreadTaskRunner(), en, "user-ada", signedIn::add);
        vm.start();
        vm.signIn();
        assertThat(vm.stateProperty().get()).isEqualTo(SignInViewModel.State.OPENING);
        assertThat(vm.messageProperty().get()).isEqualTo("Opening the main window…");
        assertThat(vm.workingProperty().get()).isTrue();
        assertThat(vm.canSignInProperty().get()).isFalse();
        vm.signIn();
        assertThat(signedIn).containsExactly(ADA);
    }

    @Test
    void filtersByNameOrRole() {
        SignInViewModel vm = new SignInViewModel(() -> List.of(MIRA, KIM, ADA), SignInViewModel.FirstRun.NONE,
                new SameThreadTaskRunner(), en, null, signedIn::add);
        vm.start();
        vm.filterProperty().set("mentor");
        assertThat(vm.shown()).extracting(c -> c.actor().userId()).containsExactly("user-mira");
        assertThat(vm.selectedProperty().get().actor()).isEqualTo(MIRA);
    }

    @Test
    void enterSignsInOnlyAShownRowEachShowsTheirOrganisationAndNamesSortByTheLanguage() {
        Actor aase = new Actor("user-aase", "Åse Berg", "org-1", Set.of(Role.PEER_MENTOR), "pm-8");
        Actor zara = new Actor("user-zara", "Zara Lund", "org-2", Set.of(Role.PEER_MENTOR), "pm-9");
        Actor anna = new Actor("user-anna", "Anna Dahl", "org-1", Set.of(Role.PEER_MENTOR), "pm-7");
        SignInViewModel.Directory directory = new SignInViewModel.Directory() {
            @Override
            public List<Actor> candidates() {
                return List.of(zara, aase, anna, KIM);
            }

            @Override
            public java.util.Map<String, String> organizationNames() {
                return java.util.Map.of("org-1", "Fjordlys", "org-2", "Nordlys");
            }
        };
        SignInViewModel nb = new SignInViewModel(directory, SignInViewModel.FirstRun.NONE, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, Locale.forLanguageTag("nb-NO")), "user-kim", signedIn::add);
        nb.start();
        // Å after Z in Norwegian
        assertThat(nb.shown()).extracting(c -> c.actor().displayName())
                .containsExactly("Kim Koordinator", "Anna Dahl", "Zara Lund", "Åse Berg");
        assertThat(nb.shown().get(2).toString()).isEqualTo("Zara Lund · likeperson · Nordlys");
        SignInViewModel en = new SignInViewModel(directory, SignInViewModel.FirstRun.NONE, new SameThreadTaskRunner(),
                this.en, "user-kim", signedIn::add);
        en.start();
        // English: Å sorts with A
        assertThat(en.shown()).extracting(c -> c.actor().displayName())
                .containsExactly("Kim Koordinator", "Anna Dahl", "Åse Berg", "Zara Lund");
        // the remembered user filtered out: the top shown row is the one, and none when nobody is shown
        en.filterProperty().set("nordlys");
        assertThat(en.selectedProperty().get().actor()).isEqualTo(zara);
        en.filterProperty().set("nobody here");
        assertThat(en.selectedProperty().get()).isNull();
        assertThat(en.canSignInProperty().get()).isFalse();
        en.signIn();
        assertThat(signedIn).isEmpty();
    }

    @Test
    void importsTheDemoBundleIntoAnEmptyDatabaseFirst() {
        List<String> steps = new ArrayList<>();
        SignInViewModel.FirstRun firstRun = new SignInViewModel.FirstRun() {
            boolean done;

            @Override
            public boolean needed() {
                return !done;
            }

            @Override
            public String run(TaskRunner.Progress progress, java.util.ResourceBundle messages) {
                progress.update(1, 2, "activities.csv");
                steps.add("imported");
                done = true;
                return "";
            }
        };
        SignInViewModel vm = new SignInViewModel(() -> steps.isEmpty() ? List.of() : List.of(KIM), firstRun,
                new SameThreadTaskRunner(), en, null, signedIn::add);
        vm.start();
        assertThat(steps).containsExactly("imported");
        assertThat(vm.shown()).hasSize(1);
        assertThat(vm.canSignInProperty().get()).isTrue();
    }

    @Test
    void aFailureIsExplained() {
        SignInViewModel vm = new SignInViewModel(() -> {
            throw new IllegalStateException("disk on fire");
        }, SignInViewModel.FirstRun.NONE, new SameThreadTaskRunner(), en, null, signedIn::add);
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(SignInViewModel.State.FAILED);
        assertThat(vm.messageProperty().get()).isEqualTo("Could not prepare the sign-in: disk on fire");
        assertThat(vm.canSignInProperty().get()).isFalse();
    }

    @Test
    void usersOfTheSameNameRoleAndOrganisationAreToldApartByTheirId() {
        Actor kari1 = new Actor("user-kari-1", "Kari Nordmann", "org-1", Set.of(Role.PEER_MENTOR), "pm-1");
        Actor kari2 = new Actor("user-kari-2", "Kari Nordmann", "org-1", Set.of(Role.PEER_MENTOR), "pm-2");
        Actor kariCoordinator = new Actor("user-kari-3", "Kari Nordmann", "org-1", Set.of(Role.COORDINATOR), null);
        SignInViewModel vm = new SignInViewModel(() -> List.of(kari2, kari1, kariCoordinator), SignInViewModel.FirstRun.NONE,
                new SameThreadTaskRunner(), en, null, signedIn::add);
        vm.start();
        assertThat(vm.shown()).extracting(SignInViewModel.Candidate::toString).containsExactly(
                "Kari Nordmann · coordinator · org-1",
                "Kari Nordmann (user-kari-1) · peer mentor · org-1",
                "Kari Nordmann (user-kari-2) · peer mentor · org-1");
    }
}
