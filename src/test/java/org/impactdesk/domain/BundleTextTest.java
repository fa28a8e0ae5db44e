package org.impactdesk.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** BundleText is the one place where a bundle's pattern and its arguments become words. */
class BundleTextTest {
    private static final ResourceBundle EN = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH);
    private static final ResourceBundle NB = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag("nb"));

    @Test
    void aMessageIsSaidInTheBundlesLanguageOrInTheLocaleGiven() {
        assertThat(BundleText.format(NB, "progress.imported", 32719L)).isEqualTo("Importerte 32\u00a0719 rader");
        assertThat(BundleText.format(EN, "progress.imported", 32719L)).isEqualTo("Imported 32,719 rows");
        // the words of the bundle, the numbers of the locale (a screen's chosen locale, a mail's recipient's)
        assertThat(BundleText.format(EN, Locale.GERMAN, "progress.imported", 32719L)).isEqualTo("Imported 32.719 rows");
        assertThat(BundleText.locale(EN)).isEqualTo(Locale.ENGLISH);
        assertThat(BundleText.locale(NB).getLanguage()).isEqualTo("nb");
    }

    @Test
    void theEnglishBundlesParsedPatternsSayWhatAFreshPatternSays() {
        ResourceBundle english = BundleText.english();
        for (int i = 0; i < 2; i++) { // the second time from the parsed patterns
            assertThat(BundleText.format(english, "progress.writing", "a.csv", 16384L, 28474L))
                    .isEqualTo(new MessageFormat(english.getString("progress.writing"), Locale.ENGLISH)
                            .format(new Object[] {"a.csv", 16384L, 28474L}))
                    .isEqualTo("Writing a.csv: 16,384 of 28,474 rows");
        }
        // another locale asked of the English bundle is not answered from the English patterns
        assertThat(BundleText.format(english, Locale.forLanguageTag("nb"), "progress.imported", 32719L))
                .isEqualTo("Imported 32\u00a0719 rows");
    }

    @Test
    void aPatternThatIsNoKeyIsFormattedInTheLocaleGiven() {
        assertThat(BundleText.pattern("{0} of {1}", Locale.forLanguageTag("nb"), 1234, 5000))
                .isEqualTo("1\u00a0234 of 5\u00a0000");
        assertThat(BundleText.pattern("the team''s {0}", Locale.ENGLISH, "median")).isEqualTo("the team's median");
    }

    @Test
    void noOtherClassMakesItsOwnMessageFormat() {
        noClasses().that().doNotHaveFullyQualifiedName(BundleText.class.getName())
                .should().dependOnClassesThat().haveFullyQualifiedName(MessageFormat.class.getName())
                .because("BundleText is the one MessageFormat helper of every layer; a private copy drifts "
                        + "(another locale, another cache)")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.impactdesk"));
    }
}
