package org.impactdesk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Type-ahead's matching, on a clock the test moves (no waiting). */
class TypeAheadTest {
    static final List<String> MENTORS = List.of("Anna Dahl", "Kari Nordmann (Fjordlys Bergen)",
            "Kari Nordmann (Fjordlys Voss)", "Kjell Moe", "Ola Berg", "Åse Lund");
    long now;
    final TypeAhead typeAhead = new TypeAhead(Locale.forLanguageTag("nb"), () -> now);

    int type(String text, int current) {
        int selected = current;
        for (char c : text.toCharArray()) {
            now += 100_000_000L; // 0.1 s between keys
            int found = typeAhead.type(String.valueOf(c), MENTORS, selected);
            if (found >= 0) {
                selected = found;
            }
        }
        return selected;
    }

    @Test
    void typingSelectsTheFirstNameStartingWithWhatWasTypedIgnoringCase() {
        assertThat(type("k", -1)).isEqualTo(1);
        assertThat(type("j", 1)).isEqualTo(3); // "kj": Kjell
        assertThat(typeAhead.typed()).isEqualTo("kj");
        now += TypeAhead.PAUSE_NANOS + 1; // a pause starts a new search
        assertThat(type("ÅS", 3)).isEqualTo(5);
    }

    @Test
    void aWordInsideTheNameThenAnyPartOfItAlsoFind() {
        assertThat(type("nord", -1)).isEqualTo(1);
        now += TypeAhead.PAUSE_NANOS + 1;
        assertThat(type("voss", 0)).isEqualTo(2);
        now += TypeAhead.PAUSE_NANOS + 1;
        assertThat(type("erg", 0)).isEqualTo(1); // inside "Bergen" before "Berg": the first that contains it
    }

    @Test
    void typingMoreOfTheSelectedNameKeepsItAndTheSameLetterAgainMovesToTheNext() {
        assertThat(type("kari n", -1)).isEqualTo(1);
        now += TypeAhead.PAUSE_NANOS + 1;
        assertThat(type("kk", 1)).isEqualTo(2);
        assertThat(type("k", 2)).isEqualTo(3);
        assertThat(type("k", 3)).isEqualTo(1); // round again
    }

    @Test
    void backspaceTakesBackALetterAndNothingMatchingKeepsTheSelection() {
        assertThat(type("kj", -1)).isEqualTo(3);
        assertThat(typeAhead.back(MENTORS, 3)).isEqualTo(3); // "k" still matches the selected Kjell: kept
        assertThat(typeAhead.typed()).isEqualTo("k");
        assertThat(type("x", 3)).isEqualTo(3);
        typeAhead.reset();
        assertThat(typeAhead.typed()).isEmpty();
    }
}
