package org.impactdesk.service.generation;

/** A rule refuses the request (period not closed, no access): CLI exit 3. */
public final class GenerationRefusedException extends RuntimeException {
    public GenerationRefusedException(String message) {
        super(message);
    }
}
