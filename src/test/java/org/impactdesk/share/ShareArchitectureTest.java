package org.impactdesk.share;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The share package sees summaries only: never contact or user records, nor their DAOs. */
class ShareArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.impactdesk");

    @Test
    void shareDoesNotDependOnContactOrUserRecordsOrTheirStores() {
        ArchRule rule = noClasses().that().resideInAPackage("org.impactdesk.share..")
                .should().dependOnClassesThat(describe("contact or user records, or stores of contacts and users",
                        (JavaClass c) -> c.getPackageName().startsWith("org.impactdesk")
                                && (c.getSimpleName().matches(".*(Contact|User|Actor|Person|Email).*")
                                || c.getFullName().equals("org.impactdesk.access.Actor")
                                || (c.getPackageName().equals("org.impactdesk.store")
                                    && c.getSimpleName().matches(".*(Contact|User|Actor|People|Person|Mentor).*Dao.*")))))
                .because("share cards hold aggregates only (METRICS.md: no personal data of anyone but the mentor)");
        rule.check(CLASSES);
    }

    /**
     * An allow-list, stronger than the rule above: inside the app, share sees only itself, the
     * scope it passes on, and the one DAO that reads summaries (which hands out the mentor's
     * display name only with their consent). Nothing of sync, the engine's activity and contact
     * records, the UI, or any other store.
     */
    @Test
    void shareSeesOnlyItselfTheScopeAndTheShareDao() {
        noClasses().that().resideInAPackage("org.impactdesk.share..")
                .should().dependOnClassesThat(describe("anything of the app but share, Scope, ShareDao and the owner-only file helper",
                        (JavaClass c) -> c.getPackageName().startsWith("org.impactdesk")
                                && !c.getPackageName().startsWith("org.impactdesk.share")
                                && !c.getFullName().equals("org.impactdesk.access.Scope")
                                && !c.getFullName().startsWith("org.impactdesk.store.ShareDao")
                                && !c.getFullName().equals("org.impactdesk.domain.PrivateFiles")))
                .because("a card is made from the stored payload alone")
                .check(CLASSES);
    }

    @Test
    void shareHasNoJavaFx() {
        noClasses().that().resideInAPackage("org.impactdesk.share..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("cards render off-screen, headless, from the command line too")
                .check(CLASSES);
    }
}
