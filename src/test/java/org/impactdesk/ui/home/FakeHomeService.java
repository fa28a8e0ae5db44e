package org.impactdesk.ui.home;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.HomeFigures;
import org.impactdesk.domain.Period;
import org.impactdesk.service.home.HomeService;

/**
 * An in-memory {@link HomeService} for the Home ViewModel's tests: the figures given per period
 * (an empty period otherwise), the stored periods per kind, a fixed today; it records the periods
 * asked for and can fail. The scoping in SQL is {@code HomeServiceTest}'s concern.
 */
final class FakeHomeService implements HomeService {
    final Map<Period, HomeFigures> figures = new HashMap<>();
    final Map<PeriodKind, List<Period>> stored = new EnumMap<>(PeriodKind.class);
    final List<Period> asked = new ArrayList<>();
    LocalDate today;
    Instant lastSync;
    RuntimeException failure;

    FakeHomeService(LocalDate today) {
        this.today = today;
    }

    @Override
    public HomeFigures figures(Actor actor, Period period) {
        asked.add(period);
        if (failure != null) {
            throw failure;
        }
        return figures.getOrDefault(period, new HomeFigures(period, HomeFigures.Source.MENTORS_IN_SCOPE, BigDecimal.ZERO,
                0, 0, 0, 0, 0, null, null, lastSync));
    }

    @Override
    public List<Period> storedPeriods(Actor actor, PeriodKind kind) {
        return stored.getOrDefault(kind, List.of());
    }

    @Override
    public Optional<Instant> lastSync() {
        return Optional.ofNullable(lastSync);
    }

    @Override
    public LocalDate today(Actor actor) {
        return today;
    }
}
