package org.impactdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "share", description = "See CLI.md.")
public final class ShareCommand implements Callable<Integer> {
    @ParentCommand
    ImpactDeskCommand root;

    @Override
    public Integer call() {
        throw new CliException(ExitCode.USAGE, "share: arrives with its feature");
    }
}
