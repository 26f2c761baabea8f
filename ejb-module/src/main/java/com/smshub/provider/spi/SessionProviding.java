package com.smshub.provider.spi;

/**
 * Long-lived connections to the provider (an SMPP bind), owned by the server: the core opens one session
 * per enabled account on exactly one node at a time (a lease in the database), keeps it alive, opens it
 * again with back-off when it dies, and closes it when the account is disabled, the lease moves or the
 * server stops. What arrives on the session (receipts, inbound messages) goes to the port it was opened with.
 */
public interface SessionProviding {

    /**
     * Connects and binds. Throws when that fails; the core tries again later.
     */
    ProviderSession open(Account account, ProviderEvents events) throws Exception;

    /** One open session. */
    interface ProviderSession extends AutoCloseable {

        /** Whether it is still connected and bound. */
        boolean isAlive();

        /** Sends the protocol's keep-alive (SMPP enquire_link); a failure shows in {@link #isAlive()}. */
        void keepAlive();

        /** Requests sent on the session and not answered yet (SMPP: the submits in the window); for the metrics. */
        default int inFlight() {
            return 0;
        }

        /** Unbinds and disconnects cleanly; never throws. */
        @Override
        void close();
    }
}
