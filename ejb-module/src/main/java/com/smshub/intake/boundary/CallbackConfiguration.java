package com.smshub.intake.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import com.smshub.kernel.Configuration;
import com.smshub.provider.spi.CallbackUrls;

/**
 * Sets the callback addresses' base and secret at deployment, and refuses to deploy without a secret: every
 * per-message report address is signed with it, so a secret that anyone could read (a default in the source)
 * would let anyone report on any message. Read from the system property {@code smshub.callback.secret} or the
 * environment variable {@code SMSHUB_CALLBACK_SECRET}, at least 16 characters, the same on every node. Only the
 * demo run ({@code -Dsmshub.demo-data=true}) may go without: it gets a random secret of its own, kept in the
 * server's data directory so that it survives a restart.
 */
@Singleton
@Startup
public class CallbackConfiguration {

    private static final Logger LOG = Logger.getLogger(CallbackConfiguration.class.getName());
    static final String SECRET = "smshub.callback.secret";
    static final String SECRET_ENV = Configuration.environmentName(SECRET);
    static final String BASE_URL = "smshub.callback.base-url";
    static final String DEMO_DATA = "smshub.demo-data";
    static final int SHORTEST_SECRET = 16;

    @PostConstruct
    void configure() {
        String secret = Configuration.text(SECRET);
        if (secret == null || secret.isBlank()) {
            if (!Configuration.flag(DEMO_DATA)) {
                throw new IllegalStateException(SECRET + " is not set (nor " + SECRET_ENV + "): it signs the addresses "
                        + "providers report to, and a gateway without it would take anyone's reports. Set it, at least "
                        + SHORTEST_SECRET + " characters and the same on every node (docs/security.md).");
            }
            secret = demoSecret();
        }
        if (secret.length() < SHORTEST_SECRET) {
            throw new IllegalStateException(SECRET + " is shorter than " + SHORTEST_SECRET + " characters (docs/security.md)");
        }
        String base = Configuration.text(BASE_URL, "http://localhost:8080/smshub/callbacks");
        CallbackUrls.configure(base, secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The demo run's own secret, made once into the server's data directory. */
    private static String demoSecret() {
        Path file = Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "smshub",
                "demo-callback-secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, HexFormat.of().formatHex(random), StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the data directory's own protection stands
                }
                LOG.warning(() -> SECRET + " is not set: the demo run made one of its own in " + file
                        + " (never run production with -Dsmshub.demo-data=true)");
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("The demo run cannot keep its callback secret in " + file, e);
        }
    }
}
