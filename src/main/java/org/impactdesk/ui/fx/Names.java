package org.impactdesk.ui.fx;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.impactdesk.domain.BundleText;

/**
 * People's names as a person reads and picks them, in the chosen language: sorted with that
 * language's {@link Collator} (in Norwegian Æ, Ø and Å come after Z; in English Å sorts with A),
 * and two people of the same name told apart by their local association, or by their id where the
 * association is the same too. Every screen that sorts or lists names goes through this class.
 */
public final class Names {
    private final ResourceBundle messages;
    private final Locale locale;
    private final Collator collator;

    public Names(ResourceBundle messages) {
        this.messages = messages;
        this.locale = BundleText.locale(messages);
        this.collator = collator(locale);
    }

    /** The chosen language's collation (accents and case count, after the letters themselves). */
    public static Collator collator(Locale locale) {
        Collator c = Collator.getInstance(locale);
        c.setStrength(Collator.TERTIARY);
        return c;
    }

    public Locale locale() {
        return locale;
    }

    /** Compares two names in the chosen language (null first). */
    public Comparator<String> order() {
        return Comparator.nullsFirst(collator::compare);
    }

    /** Orders items by their name in the chosen language, then by {@code id} so equal names keep one order. */
    public <T> Comparator<T> order(Function<T, String> name, Function<T, String> id) {
        Comparator<String> byName = order();
        return Comparator.comparing(name, byName).thenComparing(id, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    /** A sorted copy of {@code items} (see {@link #order(Function, Function)}). */
    public <T> List<T> sorted(Collection<T> items, Function<T, String> name, Function<T, String> id) {
        List<T> out = new ArrayList<>(items);
        out.sort(order(name, id));
        return out;
    }

    /**
     * What each item is shown as, by its id: the name alone when nobody else in {@code items} has
     * it; "Kari Nordmann (Fjordlys Bergen)" when others share the name but not the place; "Kari
     * Nordmann (Fjordlys Bergen · pm-0012)" (or "(pm-0012)" without a place) when they share both.
     * Names count as the same regardless of case and surrounding spaces.
     */
    public <T> Map<String, String> labels(Collection<T> items, Function<T, String> name, Function<T, String> place,
                                          Function<T, String> id) {
        return labels(items, name, place, id, false);
    }

    /**
     * Like {@link #labels}, for a screen that shows the place in a column of its own (the Team
     * table): a shared name gets only the id, and only where the place is shared too.
     */
    public <T> Map<String, String> labelsBesidePlace(Collection<T> items, Function<T, String> name,
                                                     Function<T, String> place, Function<T, String> id) {
        return labels(items, name, place, id, true);
    }

    private <T> Map<String, String> labels(Collection<T> items, Function<T, String> name, Function<T, String> place,
                                           Function<T, String> id, boolean placeShown) {
        Map<String, List<T>> byName = new HashMap<>();
        for (T item : items) {
            byName.computeIfAbsent(key(name.apply(item)), k -> new ArrayList<>()).add(item);
        }
        Map<String, String> out = new HashMap<>();
        for (List<T> same : byName.values()) {
            Map<String, Integer> places = new HashMap<>();
            for (T item : same) {
                places.merge(key(place.apply(item)), 1, Integer::sum);
            }
            for (T item : same) {
                String n = Objects.requireNonNullElse(name.apply(item), "").strip();
                String where = place.apply(item) == null ? "" : place.apply(item).strip();
                String label;
                if (same.size() == 1) {
                    label = n;
                } else if (!where.isEmpty() && places.get(key(where)) == 1) {
                    label = placeShown ? n : text("names.apart.place", n, where);
                } else if (where.isEmpty() || placeShown) {
                    label = text("names.apart.id", n, id.apply(item));
                } else {
                    label = text("names.apart.placeAndId", n, where, id.apply(item));
                }
                out.put(id.apply(item), label);
            }
        }
        return out;
    }

    private String key(String s) {
        return s == null ? "" : s.strip().toLowerCase(locale);
    }

    private String text(String key, Object... args) {
        return BundleText.format(messages, locale, key, args);
    }
}
