package com.smshub.intake;

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
 * A gateway without {@code smshub.callback.secret} is refused at deployment, naming the setting (docs/security.md):
 * the secret signs every address providers report to, and no default may stand in for it. The test server runs
 * as the demo run does ({@code -Dsmshub.demo-data=true}, which makes a secret of its own); the test turns that off
 * through the management API for its deployment and back on after.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallbackSecretIT {

    private static final String WITHOUT_SECRET = "without-callback-secret";

    @Deployment(name = WITHOUT_SECRET, managed = false, testable = false)
    static WebArchive withoutSecret() {
        return Deployments.ejbModule(WITHOUT_SECRET);
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    ManagementClient management;

    /** Sets {@code smshub.demo-data} as a system property resource of the server (add, or write-attribute). */
    private ModelNode demoData(String operation, boolean value) throws Exception {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        op.get("address").add("system-property", "smshub.demo-data");
        if (operation.equals("write-attribute")) {
            op.get("name").set("value");
        }
        op.get("value").set(String.valueOf(value));
        return management.getControllerClient().execute(op);
    }

    @Test
    void aDeploymentWithoutTheCallbackSecretIsRefusedNamingTheSetting() throws Exception {
        ModelNode added = demoData("add", false);
        if (!"success".equals(added.get("outcome").asString())) {
            added = demoData("write-attribute", false); // left as a resource by an earlier run on this server
        }
        assertEquals("success", added.get("outcome").asString(), added.toString());
        try {
            Exception refused = assertThrows(Exception.class, () -> deployer.deploy(WITHOUT_SECRET));
            String why = String.valueOf(refused.getMessage()) + String.valueOf(refused.getCause());
            assertTrue(why.contains("smshub.callback.secret is not set"), why);
        } finally {
            try {
                deployer.undeploy(WITHOUT_SECRET);
            } catch (RuntimeException notDeployed) {
                // a refused deployment may be gone already
            }
            ModelNode restored = demoData("write-attribute", true);
            assertEquals("success", restored.get("outcome").asString(), restored.toString());
        }
    }
}
