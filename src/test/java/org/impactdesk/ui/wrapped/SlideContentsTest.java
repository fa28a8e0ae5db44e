package org.impactdesk.ui.wrapped;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.service.sharing.WrappedFixtures;
import org.junit.jupiter.api.Test;

/** Slide texts and visuals resolved from the payload, in each language, without the toolkit. */
class SlideContentsTest {
    static SlideContents contents(String lang) {
        Locale l = Locale.forLanguageTag(lang);
        return new SlideContents(l, ResourceBundle.getBundle("i18n.messages", l));
    }

    static SlideContent slide(SlideContents c, String key) {
        return c.resolve(WrappedFixtures.wrappedPayload()).stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void argumentsAreShownTheWayTheLanguageWritesThem() {
        SlideContents en = contents("en");
        assertThat(slide(en, "intro").title()).isEqualTo("Your 2025 in review");
        assertThat(slide(en, "busiest_month").body()).isEqualTo("March was your busiest month, with 4 activities.");
        assertThat(slide(en, "activity_mix").body()).isEqualTo("Most often: Café meeting.");
        assertThat(slide(en, "streak").body())
                .isEqualTo("Your longest streak ran from Mar 4, 2025 to Mar 6, 2025. You were active in 15 weeks.");
        assertThat(slide(en, "impact").body()).isEqualTo("Your hours are worth 6,049.60 NOK to your community.");
        assertThat(slide(en, "closing").body()).isEqualTo("15.9 hours and 17 activities in 2025. Thank you for being there.");
        assertThat(slide(en, "hours").title()).isEqualTo("15.9 hours");

        SlideContents nb = contents("nb");
        assertThat(slide(nb, "intro").title()).isEqualTo("Ditt 2025 oppsummert");
        assertThat(slide(nb, "activity_mix").body()).isEqualTo("Oftest: Kafémøte.");
        assertThat(slide(nb, "percentile").title()).isEqualTo("Topp 37,5 %");
        // the big figure says the same as the title, not the share given less
        assertThat(contents("nb").figureText(slide(nb, "percentile").figure(), 1)).isEqualTo("37,5 %");
        assertThat(slide(nb, "impact").body()).isEqualTo("Timene dine er verdt 6\u00a0049,60 NOK for lokalsamfunnet ditt.");
        assertThat(slide(nb, "closing").body()).isEqualTo("15,9 timer og 17 aktiviteter i 2025. Takk for at du stiller opp.");
    }

    @Test
    void platformBadgesAreNamedInTheSlideLanguageAndAnOrganisationsOwnBadgesAsStored() {
        // the fixture's "First steps" is an organisation's own badge; "First step" is the platform's
        SlidePayload payload = SlidePayload.parse(WrappedFixtures.resource("payload-wrapped-2025.json")
                .replace("\"First steps\"", "\"First step\""));
        SlideContent en = contents("en").resolve(payload).stream().filter(s -> s.key().equals("badges")).findFirst().orElseThrow();
        SlideContent nb = contents("nb").resolve(payload).stream().filter(s -> s.key().equals("badges")).findFirst().orElseThrow();

        assertThat(en.items()).containsExactly("First step", "Ten hours");
        assertThat(nb.items()).containsExactly("Første steg", "Ten hours");
        assertThat(slide(contents("nb"), "badges").items()).containsExactly("First steps", "Ten hours");
    }

    @Test
    void aBadgesNorwegianNameFromThePayloadIsShownInNorwegian() {
        SlidePayload payload = SlidePayload.parse(WrappedFixtures.resource("payload-wrapped-2025.json")
                .replace("\"name\": \"First steps\"", "\"name\": \"First steps\", \"name_nb\": \"Første skritt\""));
        assertThat(slide(contents("nb"), payload, "badges").items()).containsExactly("Første skritt", "Ten hours");
        assertThat(slide(contents("en"), payload, "badges").items()).containsExactly("First steps", "Ten hours");
    }

    private static SlideContent slide(SlideContents c, SlidePayload p, String key) {
        return c.resolve(p).stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theMixGivesFiveKindsAColourAndGroupsTheRest() {
        StringBuilder breakdown = new StringBuilder();
        int[] counts = {40, 30, 20, 10, 8, 5, 3, 1};
        for (int i = 0; i < counts.length; i++) {
            breakdown.append(i == 0 ? "" : ",").append("{\"activity_type_id\": \"t").append(i)
                    .append("\", \"activity_type_name\": \"Type ").append(i).append("\", \"activity_type_name_nb\": \"Type nb ")
                    .append(i).append("\", \"count\": ").append(counts[i]).append(", \"hours\": 1.00}");
        }
        SlidePayload p = SlidePayload.parse("""
                {"version": 1, "kind": "wrapped", "year": 2025, "preview": false, "slides": [
                  {"key": "activity_mix", "title_key": "wrapped.activity_mix.title", "body_key": "wrapped.activity_mix.body",
                   "args": {"top_activity_type": "t0"}, "stats": {"breakdown": [%s]}, "animation": "grow_segments"}]}
                """.formatted(breakdown));
        SlideContent en = contents("en").resolve(p).get(0);
        assertThat(en.segments()).extracting(SlideContent.Segment::label)
                .containsExactly("Type 0", "Type 1", "Type 2", "Type 3", "Type 4", "3 other kinds");
        assertThat(en.segments()).extracting(SlideContent.Segment::count).containsExactly(40, 30, 20, 10, 8, 9);
        assertThat(en.segments().stream().mapToDouble(SlideContent.Segment::fraction).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(en.body()).isEqualTo("Most often: Type 0.");
        SlideContent nb = contents("nb").resolve(p).get(0);
        assertThat(nb.segments().get(5).label()).isEqualTo("3 andre typer");
        assertThat(nb.body()).isEqualTo("Oftest: Type nb 0.");
        // six kinds or fewer: each its own
        SlidePayload six = SlidePayload.parse(p.toString().isEmpty() ? "" : """
                {"version": 1, "kind": "wrapped", "year": 2025, "preview": false, "slides": [
                  {"key": "activity_mix", "title_key": "wrapped.activity_mix.title", "body_key": "wrapped.activity_mix.body",
                   "args": {"top_activity_type": "t0"}, "stats": {"breakdown": [%s]}, "animation": "grow_segments"}]}
                """.formatted(breakdown.substring(0, breakdown.indexOf(",{\"activity_type_id\": \"t6\""))));
        assertThat(contents("en").resolve(six).get(0).segments()).hasSize(6).extracting(SlideContent.Segment::label)
                .endsWith("Type 5");
    }
}
