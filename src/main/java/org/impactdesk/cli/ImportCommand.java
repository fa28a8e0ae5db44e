package org.impactdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", description = "See CLI.md.")
public final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    ImpactDeskCommand root;

    @Override
    public Integer call() {
        throw new CliException(ExitCode.USAGE, "import: arrives with its feature");
    }
}
