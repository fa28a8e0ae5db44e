package org.impactdesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.impactdesk.demo.DemoDataGenerator;
import org.impactdesk.demo.DemoSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo-data", description = "Write a synthetic export bundle (fictional people; deterministic for a seed).")
public final class DemoDataCommand implements Callable<Integer> {
    @ParentCommand
    ImpactDeskCommand root;

    @Option(names = "--mentors", defaultValue = "150", description = "Peer mentors (default 150).")
    int mentors;

    @Option(names = "--years", defaultValue = "3", description = "Closed years, ending in 2025 (default 3).")
    int years;

    @Option(names = "--seed", defaultValue = "" + DemoSpec.DEMO_SEED, description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the bundle into.")
    Path out;

    @Override
    public Integer call() {
        DemoSpec spec;
        try {
            spec = DemoSpec.demo(mentors, years, seed);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        try {
            DemoDataGenerator.Result r = DemoDataGenerator.write(spec, out);
            System.out.println("Wrote " + out + ": " + r.rows().get("peer_mentors.csv") + " peer mentors, "
                    + r.activities() + " activities (" + spec.firstDate() + " to " + spec.lastDate() + ").");
        } catch (IOException e) {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot write the bundle to " + out + ": " + e.getMessage());
        }
        return ExitCode.DONE;
    }
}
