package com.smshub.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A provider is its package: its code is written in Java only in its own packages (the adapter's {@code CODE}, its
 * XML vocabularies, its simulator), never in a list the core or the web edge keeps (an enumeration's constant, a
 * literal), so that the next provider needs no change there. Comments may name providers. The demo data and the migrations already applied are configuration and
 * history, outside this rule. (The sixth provider's side of the same promise: {@code SixthProviderFilesTest}.)
 */
class ProvidersNamedInTheirPackagesTest {

    private static final List<String> SOURCES = List.of("ejb-module/src/main/java", "web-module/src/main/java",
            "provider-contracts-module/src/main/java", "simulator-module/src/main/java");

    /** A provider's code as a word of code: an identifier or within a literal. */
    private static final Pattern CODE = Pattern.compile("\\b(MYMSP|SMSPRO|MYMOBILEAPI|MASIV|MOBIPACE)\\b");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\n]*", Pattern.DOTALL);

    @Test
    void aProvidersCodeIsWrittenOnlyInItsOwnPackages() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> outside = new ArrayList<>();
        int found = 0;
        for (String source : SOURCES) {
            try (Stream<Path> files = Files.walk(root.resolve(source))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String path = root.relativize(file).toString().replace('\\', '/');
                    String code = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
                    Matcher literal = CODE.matcher(code);
                    while (literal.find()) {
                        found++;
                        String own = literal.group(1).toLowerCase(Locale.ROOT);
                        if (!path.contains("/provider/" + own + "/") && !path.contains("/simulator/" + own + "/")) {
                            outside.add(path + ": " + literal.group());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), outside, "a provider's code named outside its packages");
        assertTrue(found >= 5, "each adapter declares its code (" + found + " found): the test reads the sources");
    }
}
