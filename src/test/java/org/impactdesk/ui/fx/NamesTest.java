package org.impactdesk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Names in the chosen language: the collation of each language, and people of the same name told apart. */
class NamesTest {
    record Person(String id, String name, String association) {
    }

    static Names names(Locale locale) {
        return new Names(ResourceBundle.getBundle(ViewLoader.BUNDLE, locale));
    }

    @Test
    void norwegianSortsÆØÅAfterZAndEnglishSortsÅWithA() {
        List<Person> people = List.of(new Person("pm-1", "Åse Berg", null), new Person("pm-2", "Zara Lund", null),
                new Person("pm-3", "Anna Dahl", null), new Person("pm-4", "Øystein Moe", null),
                new Person("pm-5", "Ærlig Hansen", null), new Person("pm-6", "bjørn Aas", null));
        assertThat(names(Locale.forLanguageTag("nb")).sorted(people, Person::name, Person::id)).extracting(Person::name)
                .containsExactly("Anna Dahl", "bjørn Aas", "Zara Lund", "Ærlig Hansen", "Øystein Moe", "Åse Berg");
        assertThat(names(Locale.ENGLISH).sorted(people, Person::name, Person::id)).extracting(Person::name)
                // Java's English rules: Æ as "AE", Å with A (Ø is a letter of its own there, after Z)
                .containsExactly("Ærlig Hansen", "Anna Dahl", "Åse Berg", "bjørn Aas", "Zara Lund", "Øystein Moe");
    }

    @Test
    void equalNamesKeepOneOrderByTheirId() {
        List<Person> people = List.of(new Person("pm-9", "Kari Nordmann", "B"), new Person("pm-2", "Kari Nordmann", "A"));
        assertThat(names(Locale.ENGLISH).sorted(people, Person::name, Person::id)).extracting(Person::id)
                .containsExactly("pm-2", "pm-9");
    }

    @Test
    void aSharedNameGetsTheAssociationAndTheIdWhereTheAssociationIsSharedToo() {
        List<Person> people = List.of(
                new Person("pm-1", "Kari Nordmann", "Fjordlys Bergen"),
                new Person("pm-2", "kari nordmann ", "Fjordlys Voss"),
                new Person("pm-3", "Kari Nordmann", "Fjordlys Voss"),
                new Person("pm-4", "Kari Nordmann", null),
                new Person("pm-5", "Ola Berg", "Fjordlys Voss"));
        Map<String, String> labels = names(Locale.ENGLISH).labels(people, Person::name, Person::association, Person::id);
        assertThat(labels).containsEntry("pm-1", "Kari Nordmann (Fjordlys Bergen)")
                .containsEntry("pm-2", "kari nordmann (Fjordlys Voss · pm-2)")
                .containsEntry("pm-3", "Kari Nordmann (Fjordlys Voss · pm-3)")
                .containsEntry("pm-4", "Kari Nordmann (pm-4)")
                .containsEntry("pm-5", "Ola Berg");
        assertThat(labels.values()).doesNotHaveDuplicates();
    }

    @Test
    void besideAColumnOfAssociationsOnlyTheSameNameInTheSameAssociationGetsTheId() {
        List<Person> people = List.of(
                new Person("pm-1", "Kari Nordmann", "Fjordlys Bergen"),
                new Person("pm-2", "Kari Nordmann", "Fjordlys Voss"),
                new Person("pm-3", "Kari Nordmann", "Fjordlys Voss"));
        Map<String, String> labels = names(Locale.forLanguageTag("nb"))
                .labelsBesidePlace(people, Person::name, Person::association, Person::id);
        assertThat(labels).containsEntry("pm-1", "Kari Nordmann")
                .containsEntry("pm-2", "Kari Nordmann (pm-2)")
                .containsEntry("pm-3", "Kari Nordmann (pm-3)");
    }
}
