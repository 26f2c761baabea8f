package com.smshub;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The EJB module as a test deployment: its classes, descriptors and migrations, with the libraries the EAR
 * would carry in lib/, taken from the test class path (where the reactor put them).
 */
public final class Deployments {

    /** Libraries the EAR ships in lib/ for this module, by file-name prefix. */
    private static final List<String> EAR_LIBRARIES = List.of("provider-contracts-module", "health-module", "flyway-", "jackson-dataformat-toml", "jsmpp-", "libphonenumber-");

    private Deployments() {
    }

    public static WebArchive ejbModule(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                // the test doubles of providers, and the test-only sixth provider, go only where a test adds them
                .addPackages(true, Filters.exclude(".*/com/smshub/(fakes|provider/sixth)/.*"), "com.smshub")
                .addAsResource("META-INF/persistence.xml")
                .addAsResource(new File("src/main/resources/db"), "db")
                .addAsWebInfResource(new File("src/main/resources/META-INF/jboss-ejb3.xml"), "jboss-ejb3.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                // a WAR has one security domain for its web and EJB parts: the EJBs' own
                .addAsWebInfResource(new StringAsset("<jboss-web><security-domain>smshub</security-domain></jboss-web>"),
                        "jboss-web.xml")
                // as the EAR declares it: the credential store API, for the key that seals provider secrets, and
                // WildFly's Jackson, for Flyway
                .addAsWebInfResource(new StringAsset("<jboss-deployment-structure><deployment><dependencies>"
                        + "<module name=\"org.wildfly.security.elytron\"/>"
                        + "<module name=\"com.fasterxml.jackson.core.jackson-databind\"/>"
                        + "<module name=\"com.fasterxml.jackson.core.jackson-core\"/>"
                        + "<module name=\"com.fasterxml.jackson.core.jackson-annotations\"/>"
                        + "<module name=\"com.fasterxml.jackson.datatype.jackson-datatype-jsr310\"/>"
                        + "</dependencies></deployment></jboss-deployment-structure>"), "jboss-deployment-structure.xml")
                .addAsLibraries(libraries());
    }

    /**
     * The EJB module, its routing administration callable unchecked: for a test that configures accounts and routes
     * as an operator would, without logging in as one.
     */
    public static WebArchive ejbModuleAdministeredUnchecked(String name) {
        return ejbModule(name).addAsWebInfResource(new StringAsset("<ejb-jar xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                + "version=\"4.0\"><assembly-descriptor><method-permission><unchecked/><method><ejb-name>RoutingAdministration"
                + "</ejb-name><method-name>*</method-name></method></method-permission></assembly-descriptor></ejb-jar>"),
                "ejb-jar.xml");
    }

    private static JavaArchive[] libraries() {
        List<JavaArchive> libraries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry);
            boolean wanted = EAR_LIBRARIES.stream().anyMatch(prefix -> file.getPath().contains(prefix));
            if (!wanted) {
                continue;
            }
            if (file.isDirectory()) {
                // a module of this build, as target/classes: named after the module
                String module = file.getPath().contains("health-module") ? "health-module" : "provider-contracts";
                libraries.add(ShrinkWrap.create(ExplodedImporter.class, module + ".jar")
                        .importDirectory(file).as(JavaArchive.class));
            } else {
                libraries.add(ShrinkWrap.createFromZipFile(JavaArchive.class, file));
            }
        }
        return libraries.toArray(JavaArchive[]::new);
    }
}
