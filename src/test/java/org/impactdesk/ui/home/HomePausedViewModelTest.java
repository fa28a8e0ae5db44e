package org.impactdesk.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.impactdesk.domain.HomeFigures;
import org.impactdesk.domain.HomeFigures.Source;
import org.impactdesk.domain.Period;
import org.impactdesk.service.home.HomeService;
import org.impactdesk.ui.fx.Formats;
import org.impactdesk.ui.fx.SameThreadTaskRunner;
import org.impactdesk.ui.fx.ViewLoader;
import org.impactdesk.ui.home.HomeViewModel.TileKind;
import org.junit.jupiter.api.Test;

/** Home's underactive tile leaves paused mentors out and says how many. */
class HomePausedViewModelTest {
    static final Period Q4 = new Period.Quarter(2025, 4);
    final FakeHomeService service = new FakeHomeService(LocalDate.of(2026, 1, 10));

    HomeViewModel vm(Locale locale) {
        service.stored.put(HomeService.PeriodKind.QUARTER, List.of(Q4));
        HomeViewModel vm = new HomeViewModel(service, HomeViewModelTest.KIM, new SameThreadTaskRunner(),
                ResourceBundle.getBundle(ViewLoader.BUNDLE, locale), new Formats(locale), ZoneId.of("Europe/Oslo"),
                r -> { });
        vm.load();
        return vm;
    }

    @Test
    void theUnderactiveTileSaysHowManyPausedMentorsItLeavesOut() {
        service.figures.put(Q4, new HomeFigures(Q4, Source.MENTORS_IN_SCOPE, new BigDecimal("14.08"), 17, 5, 4, 1, 1,
                null, null, null, 2));
        HomeViewModel en = vm(Locale.ENGLISH);
        assertThat(en.tileProperty(TileKind.UNDERACTIVE).get().value()).isEqualTo("1");
        assertThat(en.tileProperty(TileKind.UNDERACTIVE).get().detail())
                .isEqualTo("mentors below the threshold; 2 paused mentors are left out");
        HomeViewModel nb = vm(Locale.forLanguageTag("nb-NO"));
        assertThat(nb.tileProperty(TileKind.UNDERACTIVE).get().detail())
                .isEqualTo("likepersoner under terskelen; 2 likepersoner med pause er holdt utenfor");
    }

    @Test
    void withoutPausedMentorsTheTileReadsAsBefore() {
        service.figures.put(Q4, new HomeFigures(Q4, Source.MENTORS_IN_SCOPE, new BigDecimal("14.08"), 17, 5, 4, 1, 1,
                null, null, null));
        assertThat(vm(Locale.ENGLISH).tileProperty(TileKind.UNDERACTIVE).get().detail())
                .isEqualTo("mentors below the threshold");
    }
}
