package com.smshub.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smshub.Deployments;

/**
 * Inside the server the gateway's settings come through MicroProfile Config: a value only a config source other than
 * the system properties and the environment holds (here the deployment's own microprofile-config.properties; on a
 * server, say, a directory of files the subsystem reads) is the value the code gets, and a system property of the
 * same name still comes before it.
 */
@ExtendWith(ArquillianExtension.class)
class MicroProfileConfigIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("microprofile-config-it").addAsResource(new StringAsset(
                "smshub.it.config-source-only=from a config source\nsmshub.it.both=from the file\n"),
                "META-INF/microprofile-config.properties");
    }

    @Test
    void aSettingIsReadFromAnyConfigSourceAndASystemPropertyComesFirst() {
        assertEquals("from a config source", Configuration.text("smshub.it.config-source-only"));
        System.setProperty("smshub.it.both", "from a system property");
        try {
            assertEquals("from a system property", Configuration.text("smshub.it.both"));
        } finally {
            System.clearProperty("smshub.it.both");
        }
        assertEquals("from the file", Configuration.text("smshub.it.both"));
        assertNull(Configuration.text("smshub.it.nowhere"));
    }
}
