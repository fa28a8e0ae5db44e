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
     * An allow-list, stronger than the rule above: the card renderers see only themselves and the
     * stored payload's domain records (the payload, badge names, the two refusals), the owner-only file helper, the
     * bundles' one formatter (BundleText: a message key and the card's own figures in, words out), and the
     * Team report's payload (ready texts and month counts, made by the screen from what it shows). Nothing of
     * sync, the engine's activity and contact records, the UI, the services or any store.
     */
    @Test
    void shareSeesOnlyItselfAndThePayloadsRecords() {
        java.util.Set<String> payloadRecords = java.util.Set.of("SlidePayload", "BadgeNames", "PayloadException",
                "ShareRefusedException", "PrivateFiles", "BundleText");
        noClasses().that().resideInAPackage("org.impactdesk.share..")
                .should().dependOnClassesThat(describe("anything of the app but share and the payload's records",
                        (JavaClass c) -> c.getPackageName().startsWith("org.impactdesk")
                                && !c.getPackageName().startsWith("org.impactdesk.share")
                                && !(c.getPackageName().startsWith("org.impactdesk.domain")
                                    && payloadRecords.contains(outermost(c)))))
                .because("a card is made from the stored payload alone")
                .check(CLASSES);
    }

    private static String outermost(JavaClass c) {
        String name = c.getName().substring(c.getPackageName().length() + 1);
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }

    @Test
    void shareHasNoJavaFx() {
        noClasses().that().resideInAPackage("org.impactdesk.share..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("cards render off-screen, headless, from the command line too")
                .check(CLASSES);
    }
}
