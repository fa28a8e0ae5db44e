package org.impactdesk.service.sharing;

/** No such summary in the actor's scope: CLI exit 4. */
public final class ShareNotFoundException extends RuntimeException {
    public ShareNotFoundException(String message) {
        super(message);
    }
}
