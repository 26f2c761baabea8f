package com.smshub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;
import java.util.Set;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Startup;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The lines the code keeps (docs/providers/adding-a-provider.md), checked on every build: features do not
 * import each other in a loop; no core package names a provider's package; provider packages do not name
 * each other (a shared SMPP package excepted); the kernel, the message aggregate and the provider boundary
 * depend on nothing of ours but what they are built on; and no periodic job starts before the schema exists.
 */
class ArchitectureTest {

    /** Packages below com.smshub.provider that belong to no one provider. */
    private static final Set<String> SHARED_PROVIDER_PACKAGES = Set.of("spi", "xml", "smpp");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.smshub");
    }

    /** A feature is the package after com.smshub; each provider's package is a feature of its own. */
    private static final SliceAssignment FEATURES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String[] parts = javaClass.getPackageName().split("\\.");
            if (parts.length < 3 || !parts[0].equals("com") || !parts[1].equals("smshub")) {
                return SliceIdentifier.ignore();
            }
            if (parts[2].equals("provider") && parts.length > 3 && !parts[3].equals("spi")) {
                return SliceIdentifier.of("provider." + parts[3]);
            }
            return SliceIdentifier.of(parts[2]);
        }

        @Override
        public String getDescription() {
            return "features of com.smshub (each provider package its own)";
        }
    };

    /** A class in one provider's own package (its adapter, client, codes, generated wire types). */
    private static final DescribedPredicate<JavaClass> IN_A_PROVIDER_PACKAGE = DescribedPredicate.describe(
            "in a provider's own package", c -> providerOf(c) != null);

    private static String providerOf(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith("com.smshub.provider.")) {
            return null;
        }
        String provider = name.substring("com.smshub.provider.".length()).split("\\.")[0];
        return SHARED_PROVIDER_PACKAGES.contains(provider) ? null : provider;
    }

    @Test
    void featuresDoNotImportEachOtherInALoop() {
        slices().assignedFrom(FEATURES).should().beFreeOfCycles().check(classes);
    }

    @Test
    void noCorePackageNamesAProvidersPackage() {
        noClasses().that().resideInAPackage("com.smshub..").and().resideOutsideOfPackage("com.smshub.provider..")
                .should().dependOnClassesThat(IN_A_PROVIDER_PACKAGE)
                .because("the core reaches providers through com.smshub.provider.spi alone")
                .check(classes);
    }

    @Test
    void providerPackagesDoNotNameEachOther() {
        for (String provider : classes.stream().map(ArchitectureTest::providerOf).filter(p -> p != null).distinct().toList()) {
            String own = "com.smshub.provider." + provider + "..";
            noClasses().that().resideInAPackage(own)
                    .should().dependOnClassesThat(DescribedPredicate.describe("in another provider's package",
                            c -> providerOf(c) != null && !providerOf(c).equals(provider)))
                    .check(classes);
        }
    }

    @Test
    void theKernelDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("com.smshub.kernel..")
                .should().dependOnClassesThat(outside("com.smshub.kernel")).check(classes);
    }

    @Test
    void billingStandsBesideSendingNotInsideIt() {
        // ids and the request exceptions both speak are the kernel's; a charge never needs sending's classes
        noClasses().that().resideInAPackage("com.smshub.billing..")
                .should().dependOnClassesThat().resideInAPackage("com.smshub.sending..").check(classes);
    }

    @Test
    void theMessageAggregateAndTheProviderBoundaryStandOnTheKernelAlone() {
        noClasses().that().resideInAPackage("com.smshub.message..")
                .should().dependOnClassesThat(outside("com.smshub.message", "com.smshub.kernel")).check(classes);
        noClasses().that().resideInAPackage("com.smshub.provider.spi..")
                .should().dependOnClassesThat(outside("com.smshub.provider.spi", "com.smshub.kernel")).check(classes);
    }

    @Test
    void periodicJobsStartOnlyOnceTheSchemaIsMigrated() {
        // CallbackConfiguration reads no table: it refuses a deployment without a secret before the schema is touched
        classes().that().areAnnotatedWith(Startup.class).and().doNotHaveSimpleName("DatabaseMigration")
                .and().doNotHaveSimpleName("CallbackConfiguration")
                .should(DEPEND_ON_THE_MIGRATION)
                .because("a job that ticks before Flyway has run reads tables that do not exist yet")
                .check(classes);
    }

    private static final ArchCondition<JavaClass> DEPEND_ON_THE_MIGRATION = new ArchCondition<>("be @DependsOn(\"DatabaseMigration\")") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
            boolean depends = item.tryGetAnnotationOfType(DependsOn.class)
                    .map(d -> Arrays.asList(d.value()).contains("DatabaseMigration")).orElse(false);
            if (!depends) {
                events.add(SimpleConditionEvent.violated(item, item.getName() + " starts without waiting for DatabaseMigration"));
            }
        }
    };

    /** Our classes outside these packages. */
    private static DescribedPredicate<JavaClass> outside(String... allowed) {
        return DescribedPredicate.describe("of ours outside " + String.join(", ", allowed), c -> {
            String name = c.getPackageName();
            if (!name.startsWith("com.smshub")) {
                return false;
            }
            for (String a : allowed) {
                if (name.equals(a) || name.startsWith(a + ".")) {
                    return false;
                }
            }
            return true;
        });
    }
}
