package com.smshub.sending.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.smshub.kernel.Originator;
import com.smshub.kernel.SmsContent;
import com.smshub.sending.entity.SendCommand;

/**
 * A request's hash is stored with its client reference: a repeat after an upgrade must hash as before, or
 * the caller's retry would be refused as a conflict. This pins it (the value the version before the
 * provider boundary computed).
 */
class RequestHashesTest {

    private static SendCommand command(String text) {
        return new SendCommand(SendCommand.Kind.SMS, "ref-1", null, List.of(new SendCommand.Item(null, "+46708331536",
                SmsContent.text(text).originator(new Originator(Originator.Type.ALPHANUMERIC, "SMSHUB")).build())));
    }

    @Test
    void theHashOfARequestDoesNotChangeBetweenVersions() {
        assertEquals("bb24fc47de45b305fc7e2f6144174d3b9d8a4311676cb6006d82b2c5e5f16cc0", RequestHashes.of(command("Hello")));
    }

    @Test
    void anotherRequestHashesOtherwise() {
        assertNotEquals(RequestHashes.of(command("Hello")), RequestHashes.of(command("Hello!")));
    }
}
