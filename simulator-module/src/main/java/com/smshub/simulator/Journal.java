package com.smshub.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a simulator must remember across its own restarts, as a provider does across ours: lines of fields
 * appended to {@code smshub-simulator/<name>-journal.txt} in the server's data directory and read back when the
 * simulator starts. The simulators run in the gateway's server, so a crash test kills them with it; their journals
 * make them the provider that outlives it.
 *
 * <p>The file is written through a memory mapping: a line put into the mapped pages is in the operating system's
 * page cache at once, so a kill -9 of the server keeps it, and an arrival costs no system call. A write and flush
 * per arrival (as before) cost the gateway's benchmark, which runs the simulators in the same JVM, several per cent
 * of its throughput. The mapped file grows by {@link #REGION} at a time; what follows the last line is zeros.
 */
public final class Journal {

    /** How much of the file is mapped at a time (sparse on disk until written). */
    static final int REGION = 4 << 20;

    private final Path file;
    private FileChannel channel;
    private MappedByteBuffer region;
    private long regionStart;

    public Journal(String name) {
        this(Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "smshub-simulator",
                name + "-journal.txt"));
    }

    Journal(Path file) {
        this.file = file;
    }

    /** Appends one line of fields (each may hold any text). */
    public void append(String... fields) {
        StringBuilder line = new StringBuilder(64);
        for (String field : fields) {
            line.append(line.isEmpty() ? "" : " ").append(field == null ? "-" : "~" + URLEncoder.encode(field, StandardCharsets.UTF_8));
        }
        byte[] bytes = line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                if (region == null) {
                    open();
                }
                if (region.remaining() < bytes.length) {
                    map(regionStart + region.position(), bytes.length);
                }
                region.put(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every line written so far (since the last {@link #clear}), its fields as appended. */
    public synchronized List<String[]> lines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String[]> lines = new ArrayList<>();
            for (String line : text().split("\n")) {
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
            close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines as written: the file up to its first zero byte. */
    private String text() throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new String(all, 0, end(all), StandardCharsets.UTF_8);
    }

    private static int end(byte[] all) {
        int end = 0;
        while (end < all.length && all[end] != 0) {
            end++;
        }
        return end;
    }

    /** Maps the file from the end of what it holds, so a restart goes on after the last line. */
    private void open() throws IOException {
        Files.createDirectories(file.getParent());
        long end = Files.exists(file) ? end(Files.readAllBytes(file)) : 0;
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        map(end, 0);
    }

    private void map(long from, int atLeast) throws IOException {
        regionStart = from;
        region = channel.map(FileChannel.MapMode.READ_WRITE, from, Math.max(REGION, atLeast));
    }

    private void close() throws IOException {
        // the mapping itself goes with the buffer (no unmap in the JDK); the file may be deleted while mapped
        region = null;
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
