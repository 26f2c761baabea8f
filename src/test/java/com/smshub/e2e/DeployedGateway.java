package com.smshub.e2e;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every end-to-end test runs against: the production EAR exactly as the build packaged it, and the
 * provider simulators deployed beside it, on the WildFly that server-module provisioned.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedGateway {

    @Deployment(name = "simulators", order = 1, testable = false)
    static WebArchive simulators() {
        return Gateway.simulators();
    }

    @Deployment(name = "gateway", order = 2, testable = false)
    static EnterpriseArchive gateway() {
        return Gateway.ear();
    }
}
