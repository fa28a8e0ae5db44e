package org.impactdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md, checked on the compiled main classes. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.impactdesk");
    }

    @Test
    void viewModelsAreFreeOfTheSceneGraph() {
        ArchRule rule = noClasses().that().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("ViewModels hold state and commands; Views own the nodes (DESIGN.md)");
        rule.check(classes);
    }

    @Test
    void theUiDoesNotTouchTheStore() {
        noClasses().that().resideInAPackage("org.impactdesk.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.impactdesk.store..")
                .because("screens read through scoped services, never DAOs")
                .check(classes);
    }

    @Test
    void theDomainIsPlain() {
        noClasses().that().resideInAPackage("org.impactdesk.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jdbi..")
                .check(classes);
    }

    /**
     * KNOWN VIOLATION, reported to the lead: {@code GenerationService} and {@link
     * org.impactdesk.summary.OrganizationRun} (the orchestration split out of it) run the
     * transaction on a Jdbi {@code Handle}.
     * Until that moves behind store/ (a transaction port), the rule holds for everything else in
     * summary/, so no new class can bring Jdbi or JavaFX in.
     */
    @Test
    void theSummaryEngineKnowsNoJavaFxAndNoJdbi() {
        noClasses().that().resideInAPackage("org.impactdesk.summary..")
                .and().haveNameNotMatching("org\\.impactdesk\\.summary\\.(GenerationService|OrganizationRun)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jdbi..")
                .because("the engine is plain Java; SQL lives in store/ (DESIGN.md)")
                .check(classes);
        noClasses().that().resideInAPackage("org.impactdesk.summary..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }
}
