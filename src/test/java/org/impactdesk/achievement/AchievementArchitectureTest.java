package org.impactdesk.achievement;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rules as plain code, screens away from the store, everything but the View (the ViewModel's parts, texts, hints) away from javafx.scene. */
class AchievementArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.impactdesk");

    @Test
    void theAchievementPackageHasNoJavaFx() {
        noClasses().that().resideInAPackage("org.impactdesk.achievement..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void rulesAndEvaluatorKnowNoDatabase() {
        noClasses().that().resideInAPackage("org.impactdesk.achievement..")
                .and().haveSimpleNameNotStartingWith("StoredAchievementService")
                .and().haveSimpleNameNotStartingWith("AchievementEvaluation")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "org.impactdesk.store..", "java.sql..")
                .because("validation, business rules and award computation are plain functions")
                .check(CLASSES);
    }

    @Test
    void theScreenUsesTheServiceNotTheStoreAndTheViewModelHasNoScene() {
        noClasses().that().resideInAPackage("org.impactdesk.ui.achievements..")
                .should().dependOnClassesThat().resideInAnyPackage("org.impactdesk.store..", "org.jdbi..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.impactdesk.ui.achievements..")
                .and().haveNameNotMatching("org\\.impactdesk\\.ui\\.achievements\\.AchievementsView(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(CLASSES);
    }
}
