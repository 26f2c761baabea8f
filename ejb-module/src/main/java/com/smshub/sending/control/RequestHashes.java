package com.smshub.sending.control;

import com.smshub.kernel.Digests;
import com.smshub.sending.entity.SendCommand;

/** A digest of everything a send asks for, to tell a repeated call from a different one with the same reference. */
public final class RequestHashes {

    private RequestHashes() {
    }

    public static String of(SendCommand command) {
        // records print every component in declaration order, so equal requests print equally
        return Digests.sha256Hex(command.toString());
    }
}
