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
        assertThat(card.badgeNames()).containsExactly("First steps", "Ten hours");
        assertThat(card.monetaryEquivalent()).isEqualTo(new BigDecimal("6049.60"));
        assertThat(card.currency()).isEqualTo("NOK");
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
