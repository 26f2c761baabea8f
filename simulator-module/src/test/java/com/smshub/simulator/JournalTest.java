package com.smshub.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    @Test
    void linesComeBackAsAppendedWhateverTheirFieldsHold() {
        Journal journal = new Journal(dir.resolve("j.txt"));
        journal.append("K", "Räksmörgås and spaces", null, "~-%\n");
        journal.append("P", "42");

        List<String[]> lines = new Journal(dir.resolve("j.txt")).lines();

        assertEquals(2, lines.size());
        assertArrayEquals(new String[] {"K", "Räksmörgås and spaces", null, "~-%\n"}, lines.get(0));
        assertArrayEquals(new String[] {"P", "42"}, lines.get(1));
    }

    @Test
    void aRestartedJournalGoesOnAfterItsLastLineAndAcrossRegions() {
        Path file = dir.resolve("j.txt");
        new Journal(file).append("first");
        Journal again = new Journal(file);
        String wide = "x".repeat(1000);
        int many = Journal.REGION / 1000 + 10; // more than one mapped region
        for (int i = 0; i < many; i++) {
            again.append(String.valueOf(i), wide);
        }

        List<String[]> lines = new Journal(file).lines();

        assertEquals(many + 1, lines.size());
        assertArrayEquals(new String[] {"first"}, lines.get(0));
        assertArrayEquals(new String[] {String.valueOf(many - 1), wide}, lines.get(many));
    }

    @Test
    void linesAppendedByManyThreadsAtOnceComeBackWholeAndNoneLost() throws Exception {
        Journal journal = new Journal(dir.resolve("j.txt"));
        int threads = 8;
        int each = 2_000;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        List<Thread> writers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String writer = "w" + t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < each; i++) {
                    journal.append(writer, String.valueOf(i), "x".repeat(i % 200));
                }
            });
            writers.add(thread);
            thread.start();
        }
        for (Thread thread : writers) {
            thread.join();
        }
        java.util.Map<String, Integer> next = new java.util.HashMap<>();
        List<String[]> lines = new Journal(dir.resolve("j.txt")).lines();
        assertEquals(threads * each, lines.size());
        for (String[] line : lines) {
            int expected = next.getOrDefault(line[0], 0);
            assertEquals(String.valueOf(expected), line[1], "each writer's lines whole and in its order");
            assertEquals("x".repeat(expected % 200), line[2]);
            next.put(line[0], expected + 1);
        }
    }

    @Test
    void clearForgetsEverythingAndTheNextLineStartsAFreshFile() {
        Journal journal = new Journal(dir.resolve("j.txt"));
        journal.append("old");
        journal.clear();
        journal.append("new");

        assertEquals(List.of("new"), journal.lines().stream().map(l -> l[0]).toList());
    }

    @Test
    void whatWasAppendedSurvivesTheHaltOfTheProcessThatWroteIt() throws Exception {
        Path file = dir.resolve("killed.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), file.toString())
                .inheritIO().start();
        child.waitFor(60, TimeUnit.SECONDS);

        assertEquals(137, child.exitValue());
        assertEquals(1000, new Journal(file).lines().size());
        assertEquals("999", new Journal(file).lines().get(999)[0]);
        assertEquals(true, Files.size(file) >= Journal.REGION);
    }

    /** Appends a thousand lines and halts at once: no shutdown, no flush, no close (as kill -9). */
    public static final class Writer {
        public static void main(String[] args) {
            Journal journal = new Journal(Path.of(args[0]));
            for (int i = 0; i < 1000; i++) {
                journal.append(String.valueOf(i), "a message's text");
            }
            Runtime.getRuntime().halt(137);
        }
    }
}
