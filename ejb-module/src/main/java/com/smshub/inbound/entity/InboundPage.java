package com.smshub.inbound.entity;

import java.util.List;

/** One page of a tenant's inbound feed; {@code last} is the cursor to pass next time. */
public record InboundPage(List<InboundView> messages, long last, boolean more) {

    public InboundPage {
        messages = List.copyOf(messages);
    }
}
