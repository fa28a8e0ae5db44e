package org.impactdesk.summary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is plain Java: no SQL, no Jdbi, no stores, no JavaFX (DESIGN.md). Only the service talks to the database. */
class EngineArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.impactdesk");

    @Test
    void theEngineKnowsNoDatabase() {
        noClasses().that().resideInAPackage("org.impactdesk.summary..")
                // the generation run, split by responsibility: RunState, RunPlanning and RunComputing
                // run no SQL but still name the store's state records (SummaryWriteDao.AnnualState,
                // SummaryInputDao.MentorTotal, ActivityColumns) until those move to domain/
                .and().haveNameNotMatching("org\\.impactdesk\\.summary\\.(GenerationService|OrganizationRun|RunState|RunPlanning"
                        + "|RunComputing|RunNotifying|RunPersisting)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jdbi..", "org.h2..",
                        "org.impactdesk.store..")
                .because("metrics are functions of a mentor's history; only the generation run reads and writes")
                .check(CLASSES);
    }

    @Test
    void theEngineKnowsNoJavaFx() {
        noClasses().that().resideInAPackage("org.impactdesk.summary..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(CLASSES);
    }
}
