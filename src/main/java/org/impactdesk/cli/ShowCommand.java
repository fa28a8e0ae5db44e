package org.impactdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", description = "Print stored summaries (annual, impact, periodic, team).")
public final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    ImpactDeskCommand root;

    @Override
    public Integer call() {
        throw new CliException(ExitCode.USAGE, "show: arrives with its feature");
    }
}
