package com.smshub.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Provider accounts' secrets, sealed for the database with the key of the server's credential store
 * ({@link CredentialStoreKey}) and opened only where an adapter needs them. The key is read once.
 */
@ApplicationScoped
public class ProviderSecrets {

    private SecretBox box;

    @PostConstruct
    void load() {
        box = new SecretBox(CredentialStoreKey.load());
    }

    /** The secret sealed for the account of this name. */
    public String seal(String secret, String accountName) {
        return box.seal(secret, accountName);
    }

    /** The account's secret, opened. */
    public String open(String sealed, String accountName) {
        return box.open(sealed, accountName);
    }
}
