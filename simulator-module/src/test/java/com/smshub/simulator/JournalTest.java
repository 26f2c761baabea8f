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
