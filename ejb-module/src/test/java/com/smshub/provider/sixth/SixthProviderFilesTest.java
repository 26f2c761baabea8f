package com.smshub.provider.sixth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The other half of {@link SixthProviderIT}: the sixth provider works although nothing the gateway is built from
 * names it. Were a list of providers left in the core (a code enum, the contract's enumeration, a CHECK constraint,
 * a registry of simulators or vocabularies), adding it would have meant writing its name there, and this fails.
 */
class SixthProviderFilesTest {

    /** What the EAR is built from, and its configuration: every module's main sources, schemas and server scripts. */
    private static final List<String> BUILT_FROM = List.of("ejb-module/src/main", "web-module/src/main",
            "simulator-module/src/main", "provider-contracts-module/src/main", "broker-module/src/main",
            "datasource-module/src/main", "server-module/src", "ear-module/src/main", "xsd", "wsdl");

    /** Its code, its classes or its package. */
    private static final Pattern NAMED = Pattern.compile("\\bSIXTH\\b|Sixth[A-Z]|provider[./]sixth");

    @Test
    void nothingTheGatewayIsBuiltFromNamesTheSixthProvider() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        int read = 0;
        for (String place : BUILT_FROM) {
            Path folder = root.resolve(place);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    assertFalse(NAMED.matcher(text).find(), root.relativize(file) + " names the sixth provider");
                    read++;
                }
            }
        }
        assertTrue(read > 300, "read the sources (" + read + " files): the test runs where the modules are");
    }
}
