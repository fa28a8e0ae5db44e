package org.impactdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.domain.JsonSyntax.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonSyntaxTest {
    private static final ResourceBundle NB = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag("nb-NO"));

    private static JsonSyntax syntax(String text) {
        try {
            JsonSyntax.read(text);
        } catch (JsonSyntax.Invalid e) {
            return e.syntax();
        }
        throw new AssertionError("read as JSON: " + text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{\"period\": calendar_year}`  | 1 | 12 | UNKNOWN_WORD        | calendar_year",
            "`{period: 1}`                  | 1 | 2  | NAME_EXPECTED       | p",
            "`{\"a\": 1,}`                  | 1 | 9  | NAME_EXPECTED       | }",
            "`{\"a\"  1}`                   | 1 | 7  | COLON_EXPECTED      | 1",
            "`[1 2]`                        | 1 | 4  | COMMA_EXPECTED      | 2",
            "`{\"a\": 'x'}`                 | 1 | 7  | UNEXPECTED_CHARACTER| '",
            "`{\"a\": \"b\\q\"}`            | 1 | 9  | BAD_ESCAPE          | \\q",
            "`{\"a\": 01}`                  | 1 | 8  | BAD_NUMBER          | ",
            "`{\"a\": 1} {}`                | 1 | 10 | TRAILING            | {",
            "`}`                            | 1 | 1  | UNMATCHED_CLOSE     | }",
    })
    void namesTheReasonAndWhereItStarts(String text, int line, int column, Reason reason, String detail) {
        JsonSyntax s = syntax(text);
        assertThat(s.reason()).isEqualTo(reason);
        assertThat(s.line()).isEqualTo(line);
        assertThat(s.column()).isEqualTo(column);
        assertThat(s.detail()).isEqualTo(detail);
    }

    @Test
    void lineBreaksAndTheEndOfTheTextAreFound() {
        JsonSyntax word = syntax("{\n  \"activity_type\": home_visit\n}");
        assertThat(word.line()).isEqualTo(2);
        assertThat(word.column()).isEqualTo(20);
        assertThat(syntax("{\"a\": \"b\nc\"}").reason()).isEqualTo(Reason.CONTROL_CHARACTER);
        JsonSyntax open = syntax("{\"period\": \"x\"");
        assertThat(open.reason()).isEqualTo(Reason.ENDS_EARLY);
        assertThat(open.detail()).isNull();
    }

    @Test
    void everyReasonIsSaidInBothLanguagesWithoutTheParsersWords() {
        for (Reason r : Reason.values()) {
            JsonSyntax s = new JsonSyntax(1, 1, r, "x");
            assertThat(s.reasonMessage().english()).isNotBlank().doesNotContain("json.error", "{0}");
            assertThat(s.reasonMessage().in(NB)).isNotBlank().isNotEqualTo(s.reasonMessage().english());
        }
        assertThat(syntax("{\"a\": 1,}").reasonMessage().in(NB))
                .isEqualTo("fant «}» der et navn i doble anførselstegn skulle begynne (et komma foran en avsluttende "
                        + "klamme, eller et navn uten anførselstegn?)");
        assertThat(new JsonSyntax(1, 1, Reason.ENDS_EARLY, null).reasonMessage().english())
                .isEqualTo("the text ends before the JSON is complete (a closing }, ] or \" is missing)");
    }

    @Test
    void validJsonAndBlankTextAreRead() throws JsonSyntax.Invalid {
        assertThat(JsonSyntax.read("{\"a\": [1, 2]}").get("a").size()).isEqualTo(2);
        assertThat(JsonSyntax.read("  ").isMissingNode()).isTrue();
        assertThatThrownBy(() -> JsonSyntax.read("{")).isInstanceOf(JsonSyntax.Invalid.class)
                .hasMessageContaining("line 1, column");
    }
}
