package org.impactdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", description = "See CLI.md.")
public final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    ImpactDeskCommand root;

    @Override
    public Integer call() {
        throw new CliException(ExitCode.USAGE, "bench: arrives with its feature");
    }
}
