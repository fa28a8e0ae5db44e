package org.impactdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.impactdesk.service.sharing.WrappedFixtures;
import org.junit.jupiter.api.Test;
class SlidePayloadTest {

    @Test
    void readsTheContractsSlidesInOrderWithExactNumbers() {
        SlidePayload p = WrappedFixtures.wrappedPayload();
        assertThat(p.kind()).isEqualTo(SlidePayload.Kind.WRAPPED);
        assertThat(p.year()).isEqualTo(2025);
        assertThat(p.preview()).isFalse();
        assertThat(p.slides()).extracting(SlidePayload.Slide::key).containsExactly("intro", "hours", "activities",
                "people", "busiest_month", "activity_mix", "streak", "percentile", "milestones", "badges", "impact",
                "closing");
        SlidePayload.Slide hours = p.slide("hours").orElseThrow();
        assertThat(hours.animation()).isEqualTo(SlidePayload.Animation.COUNT_UP);
        assertThat(hours.number("total_hours")).contains(new BigDecimal("15.92"));
        assertThat(hours.argArray()).containsExactly(new BigDecimal("15.92"));
        assertThat(p.slide("busiest_month").orElseThrow().objects("monthly")).hasSize(12);
        assertThat(p.slide("impact").orElseThrow().number("monetary_equivalent")).contains(new BigDecimal("6049.60"));
    }

    @Test
    void readsTheEncouragementSequence() {
        SlidePayload p = WrappedFixtures.encouragementPayload();
        assertThat(p.isEncouragement()).isTrue();
        assertThat(p.slides()).extracting(SlidePayload.Slide::key).containsExactly("intro", "progress", "closing");
        assertThat(p.slide("progress").orElseThrow().number("needed_hours")).contains(new BigDecimal("3.00"));
    }

    @Test
    void badPayloadsSayWhatAndWhere() {
        assertThatThrownBy(() -> SlidePayload.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SlidePayload.parse("{\"kind\":")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> SlidePayload.parse("{\"kind\":\"other\",\"year\":2025,\"slides\":[]}"))
                .hasMessageContaining("payload.kind");
        assertThatThrownBy(() -> SlidePayload.parse("""
                {"kind":"wrapped","year":2025,"slides":[{"key":"hours","title_key":"t","body_key":"b","animation":"spin"}]}"""))
                .isInstanceOf(PayloadException.class)
                .hasMessageContaining("payload.slides[0] (hours).animation")
                .hasMessageContaining("spin");
        assertThatThrownBy(() -> SlidePayload.parse("""
                {"kind":"wrapped","year":2025,"slides":[{"key":"hours","body_key":"b","animation":"fade"}]}"""))
                .hasMessageContaining("payload.slides[0] (hours).title_key is missing");
    }
}
