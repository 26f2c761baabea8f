package com.smshub.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a simulator must remember across its own restarts, as a provider does across ours: lines of fields
 * appended to {@code smshub-simulator/<name>-journal.txt} in the server's data directory, flushed to the
 * operating system at once (so a kill -9 of the server keeps them), and read back when the simulator starts. The
 * simulators run in the gateway's server, so a crash test kills them with it; their journals make them the
 * provider that outlives it.
 */
public final class Journal {

    private final Path file;
    private BufferedWriter writer;

    public Journal(String name) {
        this.file = Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "smshub-simulator",
                name + "-journal.txt");
    }

    /** Appends one line of fields (each may hold any text). */
    public synchronized void append(String... fields) {
        StringBuilder line = new StringBuilder();
        for (String field : fields) {
            line.append(line.isEmpty() ? "" : " ").append(field == null ? "-" : "~" + URLEncoder.encode(field, StandardCharsets.UTF_8));
        }
        try {
            if (writer == null) {
                Files.createDirectories(file.getParent());
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            writer.write(line.toString());
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line written so far (since the last {@link #clear}), its fields as appended. */
    public synchronized List<String[]> lines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String[]> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(Arrays.stream(line.split(" ")).map(f -> f.equals("-") ? null
                            : URLDecoder.decode(f.substring(1), StandardCharsets.UTF_8)).toArray(String[]::new));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets everything (a test's reset). */
    public synchronized void clear() {
        try {
            if (writer != null) {
                writer.close();
                writer = null;
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
