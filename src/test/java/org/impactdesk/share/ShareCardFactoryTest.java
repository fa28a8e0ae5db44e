package org.impactdesk.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.impactdesk.domain.PayloadException;
import org.impactdesk.domain.ShareRefusedException;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.service.sharing.WrappedFixtures;
import org.junit.jupiter.api.Test;
class ShareCardFactoryTest {

    @Test
    void takesEveryFigureFromThePayload() {
        ShareCard card = ShareCardFactory.fromPayload(WrappedFixtures.wrappedPayload(), null);
        assertThat(card.year()).isEqualTo(2025);
        assertThat(card.mentorFirstName()).isNull();
        assertThat(card.totalHours()).isEqualTo(new BigDecimal("15.92"));
        assertThat(card.totalActivities()).isEqualTo(17);
        assertThat(card.peopleSupported()).isEqualTo(5);
        assertThat(card.monthlyActivities()).containsExactly(3, 2, 4, 1, 2, 1, 0, 1, 1, 0, 1, 1);
        assertThat(card.busiestMonth()).isEqualTo(3);
        assertThat(card.activityMix()).containsExactly(
                new ShareCard.MixShare("Café meeting", "Kafémøte", 8),
                new ShareCard.MixShare("Phone support", "Telefonstøtte", 5),
                new ShareCard.MixShare("Support group", "Støttegruppe", 4));
        assertThat(card.longestStreakDays()).isEqualTo(3);
        assertThat(card.percentileRank()).isEqualTo(new BigDecimal("62.5"));
        assertThat(card.badges()).extracting(ShareCard.BadgeShare::label).containsExactly("First steps", "Ten hours");
        assertThat(card.monetaryEquivalent()).isEqualTo(new BigDecimal("6049.60"));
        assertThat(card.currency()).isEqualTo("NOK");
    }

    @Test
    void theCardSaysHoursWithOneDecimalAsTheSlidesDo() {
        ShareCard card = ShareCardFactory.fromPayload(SlidePayload.parse(WrappedFixtures.resource("payload-wrapped-2025.json")), null);
        assertThat(card.totalHours()).isEqualTo(new BigDecimal("15.92"));
        assertThat(texts(CardLayout.layout(card, java.util.Locale.ENGLISH))).contains("15.9").doesNotContain("15.92");
        assertThat(texts(CardLayout.layout(card, java.util.Locale.forLanguageTag("nb")))).contains("15,9");
    }

    @Test
    void aNorwegianCardNamesPlatformBadgesInNorwegianAndKeepsAnOrganisationsOwn() {
        SlidePayload payload = SlidePayload.parse(WrappedFixtures.resource("payload-wrapped-2025.json")
                .replace("\"First steps\"", "\"First step\""));
        ShareCard card = ShareCardFactory.fromPayload(payload, null);

        assertThat(texts(CardLayout.layout(card, java.util.Locale.forLanguageTag("nb"))))
                .anySatisfy(t -> assertThat(t).contains("Første steg · Ten hours"));
        assertThat(texts(CardLayout.layout(card, java.util.Locale.ENGLISH)))
                .anySatisfy(t -> assertThat(t).contains("First step · Ten hours"));
    }

    @Test
    void repeatedBadgesAreGroupedOnOneReadableLineAndWhatDoesNotFitIsCounted() {
        java.util.List<ShareCard.BadgeShare> badges = new java.util.ArrayList<>();
        badges.add(new ShareCard.BadgeShare("First step", "Første steg"));
        for (int i = 0; i < 8; i++) {
            badges.add(new ShareCard.BadgeShare("Regular this month", "Jevnlig denne måneden"));
        }
        badges.add(new ShareCard.BadgeShare("Ten hours", null)); // no Norwegian name: the English one
        var en = java.util.ResourceBundle.getBundle("i18n.messages", java.util.Locale.ENGLISH);
        var nb = java.util.ResourceBundle.getBundle("i18n.messages", java.util.Locale.forLanguageTag("nb"));
        double width = CardLayout.WIDTH - 120;

        java.util.Locale nbLocale = java.util.Locale.forLanguageTag("nb");
        assertThat(CardLayout.badgeLines(badges, en, java.util.Locale.ENGLISH, width, 2))
                .containsExactly("Badges: Regular this month ×8 · First step · Ten hours");
        assertThat(CardLayout.badgeLines(badges, nb, nbLocale, width, 2))
                .containsExactly("Merker: Jevnlig denne måneden ×8 · Første steg", "Ten hours");
        assertThat(CardLayout.badgeLines(badges, nb, nbLocale, width, 1))
                .containsExactly("Merker: Jevnlig denne måneden ×8 + 2 merker til");

        // many kinds: as many groups as fit at the facts' size, the rest counted in words on the last line
        for (int i = 1; i <= 12; i++) {
            badges.add(new ShareCard.BadgeShare("Organisation badge number " + i, null));
        }
        java.util.List<String> lines = CardLayout.badgeLines(badges, en, java.util.Locale.ENGLISH, width, 2);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("Badges: Regular this month ×8 · First step");
        assertThat(lines.get(1)).containsPattern("\\+ \\d+ more badges$");
        assertThat(lines).allSatisfy(l -> assertThat(CardLayout.textWidth(l, CardLayout.FACT_SIZE, false))
                .isLessThanOrEqualTo(width));
        assertThat(CardLayout.badgeLines(badges, nb, nbLocale, width, 1)).singleElement().asString()
                .containsPattern("\\+ \\d+ merker til$");
    }

    @Test
    void theOtherActivityTypesAreCountedInPlainWords() {
        ShareCard card = ShareCardFactory.fromPayload(WrappedFixtures.wrappedPayload(), null);
        ShareCard more = new ShareCard(card.year(), null, card.totalHours(), card.totalActivities(), card.peopleSupported(),
                card.monthlyActivities(), card.busiestMonth(), java.util.List.of(
                        new ShareCard.MixShare("Café meeting", "Kafémøte", 8), new ShareCard.MixShare("Phone support", "Telefonstøtte", 5),
                        new ShareCard.MixShare("Support group", "Støttegruppe", 4), new ShareCard.MixShare("Walk", "Tur", 29)),
                card.longestStreakDays(), card.percentileRank(), card.badges(), card.monetaryEquivalent(), card.currency());
        assertThat(texts(CardLayout.layout(more, java.util.Locale.ENGLISH))).contains("+ 29 activities of other types");
        assertThat(texts(CardLayout.layout(more, java.util.Locale.forLanguageTag("nb")))).contains("+ 29 aktiviteter av andre typer");
    }

    private static java.util.List<String> texts(java.util.List<CardLayout.Element> elements) {
        return elements.stream().filter(e -> e instanceof CardLayout.Text).map(e -> ((CardLayout.Text) e).text()).toList();
    }

    @Test
    void theMentorsFirstNameOnlyWhenConsentedAndNeverTheRest() {
        ShareCard card = ShareCardFactory.fromPayload(WrappedFixtures.wrappedPayload(), "  Mira Quintavalle-Ødegård ");
        assertThat(card.mentorFirstName()).isEqualTo("Mira");
        assertThat(ShareCardFactory.firstName(null)).isNull();
        assertThat(ShareCardFactory.firstName("  ")).isNull();
    }

    @Test
    void encouragementAndPreviewPayloadsAreNeverCards() {
        assertThatThrownBy(() -> ShareCardFactory.fromPayload(WrappedFixtures.encouragementPayload(), null))
                .isInstanceOf(ShareRefusedException.class).hasMessageContaining("never shared");
        SlidePayload preview = SlidePayload.parse(WrappedFixtures.resource("payload-wrapped-2025.json")
                .replace("\"preview\": false", "\"preview\": true"));
        assertThatThrownBy(() -> ShareCardFactory.fromPayload(preview, null))
                .isInstanceOf(ShareRefusedException.class).hasMessageContaining("preview");
    }

    @Test
    void aPayloadWithoutActivitiesLeavesTheChartsOut() {
        String json = """
                {"kind":"wrapped","year":2024,"slides":[
                 {"key":"hours","title_key":"a","body_key":"b","stats":{"total_hours":0.00},"animation":"count_up"},
                 {"key":"activities","title_key":"a","body_key":"b","stats":{"total_activities":0},"animation":"count_up"},
                 {"key":"people","title_key":"a","body_key":"b","stats":{"contacts_supported":0},"animation":"count_up"}]}""";
        ShareCard card = ShareCardFactory.fromPayload(SlidePayload.parse(json), null);
        assertThat(card.activityMix()).isEmpty();
        assertThat(card.busiestMonth()).isNull();
        assertThat(card.monthlyActivities()).containsOnly(0);
        assertThat(new PngCardRenderer().render(card, java.util.Locale.ENGLISH)).isNotEmpty();
    }

    @Test
    void aMissingTotalIsABadPayloadNotAZero() {
        String json = """
                {"kind":"wrapped","year":2024,"slides":[
                 {"key":"people","title_key":"a","body_key":"b","stats":{"contacts_supported":0},"animation":"count_up"}]}""";
        assertThatThrownBy(() -> ShareCardFactory.fromPayload(SlidePayload.parse(json), null))
                .isInstanceOf(PayloadException.class).hasMessageContaining("hours slide with stats.total_hours");
    }
}
