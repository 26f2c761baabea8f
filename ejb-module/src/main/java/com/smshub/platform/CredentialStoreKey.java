package com.smshub.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;

import org.wildfly.security.credential.SecretKeyCredential;
import org.wildfly.security.credential.store.CredentialStore;
import org.wildfly.security.credential.store.WildFlyElytronCredentialStoreProvider;

import com.smshub.kernel.Configuration;

/**
 * The key that seals provider secrets, read from the Elytron credential store the server was configured
 * with (server-module CLI: {@code secret-key-credential-store=smshub-secrets}, a key WildFly generated). The
 * gateway only reads it; operators keep it, back it up with the configuration, and copy the same file to
 * every node. Where it is: the system property {@code smshub.secrets.store}, by default
 * {@code smshub-secrets.cs} in the server's configuration directory; the alias: {@code smshub.secrets.alias},
 * by default {@code provider-secrets}. While the key is rotated, {@code smshub.secrets.previous-aliases} names the
 * keys before it (comma-separated), which open what they sealed until it is sealed again (docs/operations.md).
 */
public final class CredentialStoreKey {

    static final String STORE = "smshub.secrets.store";
    static final String ALIAS = "smshub.secrets.alias";
    static final String PREVIOUS = "smshub.secrets.previous-aliases";

    private CredentialStoreKey() {
    }

    /** The key that seals. */
    public static SecretKey load() {
        return load(Configuration.text(ALIAS, "provider-secrets"));
    }

    /** The keys before it that still open what they sealed, newest first; none unless a rotation is under way. */
    public static List<SecretKey> previous() {
        return Arrays.stream(Configuration.text(PREVIOUS, "").split(",")).map(String::strip).filter(a -> !a.isEmpty())
                .map(CredentialStoreKey::load).toList();
    }

    static SecretKey load(String alias) {
        Path store = Path.of(Configuration.text(STORE,
                Path.of(System.getProperty("jboss.server.config.dir", "."), "smshub-secrets.cs").toString()));
        if (!Files.isReadable(store)) {
            throw new IllegalStateException("No credential store at " + store + " to seal provider secrets with: "
                    + "configure the server with server-module/src/main/cli/smshub.cli, or set " + STORE);
        }
        try {
            CredentialStore credentials = CredentialStore.getInstance("PropertiesCredentialStore",
                    new WildFlyElytronCredentialStoreProvider());
            credentials.initialize(Map.of("location", store.toString(), "create", "false"));
            SecretKeyCredential key = credentials.retrieve(alias, SecretKeyCredential.class);
            if (key == null) {
                throw new IllegalStateException("The credential store " + store + " holds no secret key '" + alias + "'");
            }
            return key.getSecretKey();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the secret key '" + alias + "' from " + store, e);
        }
    }
}
