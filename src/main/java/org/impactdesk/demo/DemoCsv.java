package org.impactdesk.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One CSV file being written: header first, rows counted. */
final class DemoCsv implements AutoCloseable {
    final String file;
    final Writer out;
    long rows;

    DemoCsv(Path dir, String file, String header) throws IOException {
        this.file = file;
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(dir.resolve(file)), StandardCharsets.UTF_8),
                1 << 16);
        out.write(header);
        out.write('\n');
    }

    void row(String line) {
        try {
            out.write(line);
            out.write('\n');
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
