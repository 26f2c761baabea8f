package com.smshub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The lines between the EAR's modules, over their compiled classes (ejb-module's own ArchitectureTest sees only
 * the EJB module): the web edge takes a feature only through its boundary and its entities (and the kernel), never
 * a provider's package or the provider boundary; the simulators speak the providers' wire contracts alone and
 * nothing of the gateway, so that they judge it rather than share its assumptions.
 */
class ModulesArchitectureIT {

    private static JavaClasses gateway;
    private static JavaClasses web;
    private static JavaClasses simulators;
    private static Set<String> gatewayOnly;

    private static JavaClasses compiled(String module) {
        Path classes = Path.of("..", module, "target", "classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(classes.toAbsolutePath() + " is not compiled: run the build from the repository's top");
        }
        return new ClassFileImporter().importPath(classes);
    }

    @BeforeAll
    static void importModules() {
        gateway = compiled("ejb-module");
        web = compiled("web-module");
        simulators = compiled("simulator-module");
        gatewayOnly = gateway.stream().map(JavaClass::getName).collect(Collectors.toSet());
        gatewayOnly.addAll(web.stream().map(JavaClass::getName).collect(Collectors.toSet()));
    }

    /** A class of com.smshub outside the given packages and the web's own. */
    private static final DescribedPredicate<JavaClass> PAST_A_FEATURES_BOUNDARY = DescribedPredicate.describe(
            "of a feature but its boundary and entities (or of the provider boundary, or a provider's package)", c -> {
                String name = c.getPackageName();
                if (!name.startsWith("com.smshub.") || name.startsWith("com.smshub.gateway")) {
                    return false;
                }
                String[] parts = name.split("\\.");
                if (Set.of("kernel", "xml", "broker").contains(parts[2])) {
                    return false; // what every module speaks: values, hardened XML, the broker's client side
                }
                if (parts[2].equals("provider")) {
                    return true;
                }
                return parts.length < 4 || !Set.of("boundary", "entity").contains(parts[3]);
            });

    // each rule's check() throws an AssertionError naming every class that breaks it

    @Test
    void theWebEdgeTakesAFeatureOnlyThroughItsBoundaryAndItsEntities() {
        noClasses().should().dependOnClassesThat(PAST_A_FEATURES_BOUNDARY)
                .because("the SOAP endpoint, the admin API, the callback servlet and the JMS listener translate at the "
                        + "edge and call a feature's boundary; its controls, the message aggregate and the providers are the feature's own")
                .check(web);
    }

    @Test
    void theSimulatorsNameNothingOfTheGateway() {
        noClasses().should().dependOnClassesThat(DescribedPredicate.describe("of the gateway's EJB or web module",
                        c -> gatewayOnly.contains(c.getName())))
                .because("a simulator is a judge, not a mirror: it reads the providers' wire contracts, not the gateway's code")
                .check(simulators);
    }

    @Test
    void theCheckSeesEveryModule() {
        // a rule over nothing passes: each module is really there
        String imported = "classes imported: ejb " + gateway.size() + ", web " + web.size() + ", simulators " + simulators.size();
        assertTrue(gateway.size() >= 100 && web.size() >= 20 && simulators.size() >= 20, imported);
    }
}
