package com.smshub.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smshub.Deployments;

/**
 * A setting with a value it does not take stops the deployment, and the failure names the setting and the value
 * (docs/configuration.md), rather than the gateway starting on the default and the operator learning of it later.
 * The test sets the value as a system property of the running server for its own deployment and removes it after.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InvalidSettingIT {

    private static final String DEPLOYMENT = "with-an-invalid-setting";
    private static final String SETTING = "smshub.dispatch.stale-seconds";

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive withAnInvalidSetting() {
        return Deployments.ejbModule(DEPLOYMENT);
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    ManagementClient management;

    private ModelNode property(String operation) throws Exception {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        op.get("address").add("system-property", SETTING);
        if (operation.equals("add")) {
            op.get("value").set("soon");
        }
        return management.getControllerClient().execute(op);
    }

    @Test
    void aDeploymentWithAnInvalidValueIsRefusedNamingTheSetting() throws Exception {
        ModelNode added = property("add");
        assertEquals("success", added.get("outcome").asString(), added.toString());
        try {
            Exception refused = assertThrows(Exception.class, () -> deployer.deploy(DEPLOYMENT));
            String why = String.valueOf(refused.getMessage()) + String.valueOf(refused.getCause());
            // the management answer escapes the quotes around the value
            assertTrue(why.contains(SETTING + " is a whole number, not ") && why.contains("soon"), why);
        } finally {
            try {
                deployer.undeploy(DEPLOYMENT);
            } catch (RuntimeException notDeployed) {
                // a refused deployment may be gone already
            }
            ModelNode removed = property("remove");
            assertEquals("success", removed.get("outcome").asString(), removed.toString());
        }
    }
}
