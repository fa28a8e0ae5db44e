package org.impactdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package tree is the architecture (DESIGN.md): ui -> service -> (engine, funder, sync, achievement,
 * share, demo, store) -> domain; cli -> service; App -> everything. No class is exempted: a class
 * that needs an exemption is in the wrong package.
 */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.impactdesk");
    }

    @Test
    void layersDependDownwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.impactdesk..")
                .layer("App").definedBy("org.impactdesk")
                .layer("Cli").definedBy("org.impactdesk.cli..")
                .layer("Ui").definedBy("org.impactdesk.ui..")
                .layer("Service").definedBy("org.impactdesk.service..")
                .layer("Engine").definedBy("org.impactdesk.engine..")
                .layer("Funder").definedBy("org.impactdesk.funder..")
                .layer("Sync").definedBy("org.impactdesk.sync..")
                .layer("Achievement").definedBy("org.impactdesk.achievement..")
                .layer("Share").definedBy("org.impactdesk.share..")
                .layer("Demo").definedBy("org.impactdesk.demo..")
                .layer("Store").definedBy("org.impactdesk.store..")
                .layer("Domain").definedBy("org.impactdesk.domain..", "org.impactdesk.access..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("App", "Cli", "Ui")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("App", "Service", "Achievement")
                .whereLayer("Funder").mayOnlyBeAccessedByLayers("App", "Service")
                .whereLayer("Sync").mayOnlyBeAccessedByLayers("App", "Service")
                .whereLayer("Achievement").mayOnlyBeAccessedByLayers("App", "Service")
                .whereLayer("Share").mayOnlyBeAccessedByLayers("App", "Service")
                .whereLayer("Demo").mayOnlyBeAccessedByLayers("App", "Service", "Cli")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("App", "Service", "Cli")
                .because("arrows run one way (DESIGN.md, Layout)")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.impactdesk.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void viewModelsAreFreeOfTheSceneGraph() {
        noClasses().that().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("ViewModels hold state and commands; Views own the nodes (DESIGN.md)")
                .check(classes);
    }

    @Test
    void theDomainTheEngineAndThePureRulesKnowNoJavaFxAndNoSql() {
        noClasses().that().resideInAnyPackage("org.impactdesk.domain..", "org.impactdesk.access..",
                        "org.impactdesk.engine..", "org.impactdesk.funder..", "org.impactdesk.sync..", "org.impactdesk.achievement..",
                        "org.impactdesk.share..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jdbi..", "java.sql..", "org.h2..")
                .because("the domain, the engine and the rules are plain Java (DESIGN.md)")
                .check(classes);
    }
}
