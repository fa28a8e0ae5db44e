package org.impactdesk.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Fictional Norwegian-style names for the demo: common first names combined at random with
 * made-up farm-style surnames. Any likeness to a real person is chance; the bundle's README says so.
 */
final class DemoNames {
    private DemoNames() {
    }

    static final List<String> FIRST = List.of(
            "Ingrid", "Kari", "Marit", "Liv", "Anne", "Solveig", "Ragnhild", "Astrid", "Sigrid", "Hilde",
            "Tone", "Silje", "Ida", "Nora", "Emma", "Sofie", "Thea", "Maja", "Ingeborg", "Åse",
            "Berit", "Gunn", "Randi", "Turid", "Eli", "Frøydis", "Synnøve", "Mari", "Vilde", "Hedda",
            "Ola", "Per", "Lars", "Knut", "Bjørn", "Arne", "Jon", "Nils", "Hans", "Terje",
            "Geir", "Svein", "Rune", "Trond", "Øyvind", "Håkon", "Sindre", "Eirik", "Magnus", "Jonas",
            "Even", "Vegard", "Torstein", "Aksel", "Sverre", "Halvard", "Ivar", "Audun", "Kjetil", "Ørjan");

    /** Invented surnames in the style of Norwegian farm names. */
    static final List<String> LAST = List.of(
            "Fjelldal", "Solbakkvik", "Lyngheim", "Bekkelund", "Nordtveit", "Myrstrand", "Haugsæter", "Vikbrekke",
            "Steinmo", "Birkely", "Fossnes", "Grønlid", "Ospeland", "Kvernmo", "Lauvhaug", "Tjernsli",
            "Åsvollen", "Fjordgard", "Bråtmyr", "Elvestrand", "Hegglund", "Rypedal", "Skogvoll", "Sjøbakk",
            "Torvmoen", "Øvredal", "Furuheim", "Liabø", "Nesbrekke", "Kleivstad", "Mosvik", "Heiaas",
            "Rognstad", "Tindvoll", "Blåfjell", "Snøheim", "Kløverud", "Granlund", "Vardeby", "Strandmo");

    static final List<String> OSLO_ASSOCIATIONS = List.of(
            "Bergen", "Stavanger", "Trondheim", "Tromsø", "Kristiansand", "Drammen", "Bodø", "Ålesund",
            "Hamar", "Lillehammer", "Molde", "Harstad", "Sandefjord", "Arendal", "Haugesund", "Gjøvik",
            "Narvik", "Førde", "Kongsberg", "Steinkjer", "Larvik", "Skien", "Halden", "Alta");

    static final List<String> LONDON_ASSOCIATIONS = List.of(
            "London", "Aberdeen", "Edinburgh", "Newcastle", "Manchester", "Bristol", "Glasgow", "Cardiff");

    static final List<String> EVENT_TITLES = List.of(
            "Likepersonsamling", "Temakveld: mestring i hverdagen", "Kurs: den gode samtalen", "Fagdag for likepersoner",
            "Digital kaffeprat", "Erfaringsmøte", "Kurs: å lytte uten å løse");

    static String person(SplittableRandom r) {
        return FIRST.get(r.nextInt(FIRST.size())) + " " + LAST.get(r.nextInt(LAST.size()));
    }

    /** {@code ingrid.fjelldal.42@fjordlys.example}: example domains, never a real address. */
    static String email(String displayName, int n, String domain) {
        String local = displayName.toLowerCase(java.util.Locale.ROOT)
                .replace("æ", "ae").replace("ø", "o").replace("å", "a").replace(' ', '.');
        return local + "." + n + "@" + domain;
    }

    static String association(List<String> places, int i) {
        String place = places.get(i % places.size());
        int round = i / places.size();
        return round == 0 ? place : place + " " + (round + 1);
    }
}
