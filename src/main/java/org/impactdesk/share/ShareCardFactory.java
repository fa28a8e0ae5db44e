package org.impactdesk.share;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.impactdesk.domain.PayloadException;
import org.impactdesk.domain.ShareRefusedException;
import org.impactdesk.domain.SlidePayload;
/**
 * Builds a {@link ShareCard} from a stored slide payload: only a final (non-preview)
 * {@code wrapped} payload can become a card. The mentor's first name is taken only when the
 * caller passes a consented display name.
 */
public final class ShareCardFactory {
    private ShareCardFactory() {
    }

    /**
     * @param consentedDisplayName the mentor's display name when they allow their first name on
     *                             cards, else null (the card then carries no name)
     */
    public static ShareCard fromPayload(SlidePayload payload, String consentedDisplayName) {
        if (payload.kind() != SlidePayload.Kind.WRAPPED) {
            throw new ShareRefusedException("an encouragement payload (too little data) is never shared");
        }
        if (payload.preview()) {
            throw new ShareRefusedException("a preview of an open period is never shared");
        }
        SlidePayload.Slide closing = payload.slide("closing").orElse(null);
        BigDecimal hours = stat(payload, "hours", "total_hours", closing);
        BigDecimal activities = stat(payload, "activities", "total_activities", closing);
        BigDecimal people = payload.slide("people").flatMap(s -> s.number("contacts_supported"))
                .orElseThrow(() -> new PayloadException("payload has no people slide with stats.contacts_supported"));

        List<Integer> monthly = new ArrayList<>(Collections.nCopies(12, 0));
        Integer busiest = null;
        var busiestSlide = payload.slide("busiest_month");
        if (busiestSlide.isPresent()) {
            busiest = busiestSlide.get().number("busiest_month").map(BigDecimal::intValueExact).orElse(null);
            for (Map<String, Object> m : busiestSlide.get().objects("monthly")) {
                int month = intOf(m.get("month"), "busiest_month.stats.monthly[].month");
                if (month < 1 || month > 12) {
                    throw new PayloadException("busiest_month.stats.monthly has month " + month + " (1..12)");
                }
                monthly.set(month - 1, intOf(m.get("activities"), "busiest_month.stats.monthly[].activities"));
            }
        }
        List<ShareCard.MixShare> mix = new ArrayList<>();
        payload.slide("activity_mix").ifPresent(s -> {
            for (Map<String, Object> b : s.objects("breakdown")) {
                Object name = b.get("activity_type_name");
                Object nameNb = b.get("activity_type_name_nb");
                mix.add(new ShareCard.MixShare(name == null ? String.valueOf(b.get("activity_type_id")) : name.toString(),
                        nameNb == null ? null : nameNb.toString(),
                        intOf(b.get("count"), "activity_mix.stats.breakdown[].count")));
            }
        });
        Integer streak = payload.slide("streak").flatMap(s -> s.number("longest_streak_days"))
                .map(BigDecimal::intValueExact).orElse(null);
        BigDecimal percentile = payload.slide("percentile").flatMap(s -> s.number("percentile_rank")).orElse(null);
        List<ShareCard.BadgeShare> badges = new ArrayList<>();
        payload.slide("badges").ifPresent(s -> s.objects("badges").forEach(b -> {
            if (b.get("name") != null) {
                Object nameNb = b.get("name_nb");
                badges.add(new ShareCard.BadgeShare(b.get("name").toString(), nameNb == null ? null : nameNb.toString()));
            }
        }));
        BigDecimal money = payload.slide("impact").flatMap(s -> s.number("monetary_equivalent")).orElse(null);
        String currency = payload.slide("impact").flatMap(s -> s.text("currency")).orElse(null);
        return new ShareCard(payload.year(), firstName(consentedDisplayName), hours, activities.intValueExact(),
                people.intValueExact(), monthly, busiest, mix, streak, percentile, badges, money, currency);
    }

    /** The first word of a display name; null for none. */
    public static String firstName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return null;
        }
        return displayName.strip().split("\\s+")[0];
    }

    private static BigDecimal stat(SlidePayload p, String slideKey, String stat, SlidePayload.Slide closing) {
        return p.slide(slideKey).flatMap(s -> s.number(stat))
                .or(() -> closing == null ? java.util.Optional.empty() : closing.number(stat))
                .orElseThrow(() -> new PayloadException("payload has no " + slideKey + " slide with stats." + stat));
    }

    private static int intOf(Object v, String where) {
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).intValueExact();
        }
        throw new PayloadException(where + " is missing or not a number");
    }
}
