package com.smshub.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The control requests both the deployed simulators and the SMSC run on its own answer (Switches.apply, describe). */
class SwitchesTest {

    private final Switches switches = new Switches(Map.of("answer", "ok", "delay", "0"));

    @Test
    void aResetComesFirstThenEverySwitchAskedIsSet() {
        switches.set("delay", "500");
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("answer", "fail");
        asked.put("reset", "true");
        asked.put("to", "+46708331536"); // names a recipient to describe, never a switch
        switches.apply(asked);
        assertEquals("fail", switches.get("answer"));
        assertEquals("0", switches.get("delay"), "the reset put back what was set before the request");
    }

    @Test
    void aSwitchItDoesNotKnowIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> switches.apply(Map.of("no-such-switch", "1")));
        assertTrue(refused.getMessage().contains("no-such-switch"), refused.getMessage());
    }

    @Test
    void theDescriptionIsOneSortedLineASwitch() {
        switches.set("delay", "20");
        String description = switches.describe(null);
        assertTrue(description.indexOf("answer=ok\n") < description.indexOf("delay=20\n")
                && description.contains("answer=ok\n"), description);
    }
}
