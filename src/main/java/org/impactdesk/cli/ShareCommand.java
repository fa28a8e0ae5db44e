package org.impactdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.impactdesk.domain.PayloadException;
import org.impactdesk.domain.ShareRefusedException;
import org.impactdesk.service.sharing.ShareNotFoundException;
import org.impactdesk.service.sharing.ShareService;
import org.impactdesk.store.Database;
import org.impactdesk.store.ShareDao;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code share --mentor PEER_MENTOR_ID --year Y [--png FILE] [--pdf FILE]}: writes the share
 * card of a ready annual Wrapped (aggregates only) and counts the share.
 */
@Command(name = "share", description = "Export a mentor's Wrapped share card (PNG 1080x1920 and/or PDF) and count the share.")
public final class ShareCommand implements Callable<Integer> {
    @ParentCommand
    ImpactDeskCommand root;

    @Option(names = "--mentor", required = true, paramLabel = "PEER_MENTOR_ID", description = "The peer mentor.")
    String mentor;

    @Option(names = "--year", required = true, paramLabel = "Y", description = "The Wrapped year.")
    int year;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the card as a 1080x1920 PNG here.")
    Path png;

    @Option(names = "--pdf", paramLabel = "FILE", description = "Write the card as a one-page PDF here.")
    Path pdf;

    @Override
    public Integer call() {
        if (png == null && pdf == null) {
            throw new CliException(ExitCode.USAGE, "share: give --png FILE, --pdf FILE, or both");
        }
        try (Database db = root.openExistingDatabase()) {
            ShareService service = new ShareService(new ShareDao(db.jdbi()));
            ShareService.Result r = service.export(mentor, year, root.actor(db).scope(), png, pdf, root.locale());
            if (r.png() != null) {
                System.out.println("PNG: " + r.png().toAbsolutePath());
            }
            if (r.pdf() != null) {
                System.out.println("PDF: " + r.pdf().toAbsolutePath());
            }
            System.out.println("Shared " + r.sharedCount() + (r.sharedCount() == 1 ? " time" : " times")
                    + "; the summary is now frozen.");
            return ExitCode.DONE;
        } catch (ShareNotFoundException e) {
            throw new CliException(ExitCode.NOT_FOUND, e.getMessage());
        } catch (ShareRefusedException e) {
            throw new CliException(ExitCode.REFUSED, e.getMessage());
        } catch (PayloadException e) {
            throw new CliException(ExitCode.BAD_INPUT, "The stored Wrapped " + year + " of " + mentor
                    + " has a bad slide payload: " + e.getMessage());
        }
    }
}
