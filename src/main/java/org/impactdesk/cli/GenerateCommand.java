package org.impactdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "generate", description = "See CLI.md.")
public final class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    ImpactDeskCommand root;

    @Override
    public Integer call() {
        throw new CliException(ExitCode.USAGE, "generate: arrives with its feature");
    }
}
