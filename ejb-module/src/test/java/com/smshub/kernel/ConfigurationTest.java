package com.smshub.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    private static final String NAME = "smshub.configuration-test.value-ms";

    @AfterEach
    void clear() {
        System.clearProperty(NAME);
    }

    @Test
    void aSettingsEnvironmentVariableIsItsNameInCapitalsWithUnderscores() {
        assertEquals("SMSHUB_STATUS_POLL_INTERVAL_MS", Configuration.environmentName("smshub.status.poll-interval-ms"));
    }

    @Test
    void theSystemPropertyElseTheDefault() {
        assertEquals(Duration.ofMillis(250), Configuration.millis(NAME, 250));
        System.setProperty(NAME, " 1200 ");
        assertEquals(Duration.ofMillis(1200), Configuration.millis(NAME, 250));
        assertEquals(1200, Configuration.integer(NAME, 0));
    }

    @Test
    void aValueTheSettingDoesNotTakeStopsTheStartNamingIt() {
        System.setProperty(NAME, "ten");
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class, () -> Configuration.number(NAME, 1));
        assertTrue(word.getMessage().contains(NAME), word.getMessage());
        System.setProperty(NAME, "-5");
        assertThrows(IllegalArgumentException.class, () -> Configuration.number(NAME, 1));
        System.setProperty(NAME, "yes");
        assertThrows(IllegalArgumentException.class, () -> Configuration.flag(NAME));
    }

    @Test
    void aFlagIsFalseUnlessSetTrue() {
        assertFalse(Configuration.flag(NAME));
        System.setProperty(NAME, "TRUE");
        assertTrue(Configuration.flag(NAME));
    }

    @Test
    void theEnvironmentIsReadWhereNoPropertyIsSet() {
        // PATH is set wherever a test runs: as a setting it is "path"
        assertEquals(System.getenv("PATH").strip(), Configuration.text("path"));
    }
}
