package org.impactdesk.service.catalog;

import java.util.List;
import org.impactdesk.domain.Problem;
/** A change the rules refuse: who may not do it, or the errors that block saving. */
public final class AchievementRefusedException extends RuntimeException {
    private final List<Problem> problems;

    public AchievementRefusedException(String message, List<Problem> problems) {
        super(message + (problems.isEmpty() ? "" : ": " + problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
