package org.impactdesk.service.bench;

import java.nio.file.Path;
import java.time.Clock;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.service.importing.BundleImporter;
import org.impactdesk.store.Database;

/** The benchmark's importer: the app's {@link BundleImporter}, all or nothing, as the local operator. */
public final class BundleImporterBench implements Benchmark.Importer {
    @Override
    public Benchmark.ImportFigures importBundle(Database database, Path bundle) throws Exception {
        ImportReport r = new BundleImporter(database, Clock.systemUTC())
                .importBundle(bundle, ImportOptions.allOrNothing(), Actor.localOperator(), null);
        String detail = "inserted " + r.inserted() + ", updated " + r.updated() + ", unchanged " + r.unchanged()
                + ", rejected " + r.rejected() + (r.hasErrors() ? ", first error: " + ImportReport.describe(r.errors().get(0)) : "");
        return new Benchmark.ImportFigures(r.written(), r.inserted(), r.updated(), r.unchanged(), r.rejected(), detail);
    }
}
