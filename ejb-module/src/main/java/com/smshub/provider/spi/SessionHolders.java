package com.smshub.provider.spi;

import java.util.Optional;

/**
 * Which node of a cluster holds an account's long-lived session (the session keeper's lease), for an adapter
 * asked to send on a node that holds none: a message whose session is held elsewhere waits for that node (it is
 * not a failure), while one whose session nobody holds is retried like any passing failure.
 */
public interface SessionHolders {

    /** The other node holding a current lease of the account's session; empty when it is this node or none. */
    Optional<String> elsewhere(long accountId);
}
