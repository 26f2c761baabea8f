package com.smshub.e2e;

import java.io.File;
import java.util.Map;

import jakarta.xml.ws.BindingProvider;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import com.smshub.gateway.v1.SmsGateway;
import com.smshub.gateway.v1.SmsGatewayService;

/** The deployed gateway as an integrator reaches it: through the client generated from the WSDL. */
final class Gateway {

    static final String BASE = "http://localhost:8080";
    static final String ENDPOINT = BASE + "/smshub/SmsGateway";
    static final String SIMULATOR = BASE + "/smshub-simulator";
    static final String DEMO_TENANT = "demo";
    static final String DEMO_PASSWORD = "demo-password";

    private static final SmsGatewayService SERVICE = new SmsGatewayService();

    private Gateway() {
    }

    /** The production EAR, exactly as the build packaged it. */
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("smshub.ear")));
    }

    /** The provider simulators, deployed beside the EAR. */
    static WebArchive simulators() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("smshub.simulator.war")));
    }

    /** A port that authenticates as the given tenant; null credentials send none. */
    static SmsGateway as(String username, String password) {
        SmsGateway port = SERVICE.getSmsGatewayPort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, ENDPOINT);
        if (username != null) {
            context.put(BindingProvider.USERNAME_PROPERTY, username);
            context.put(BindingProvider.PASSWORD_PROPERTY, password);
        }
        return port;
    }

    static SmsGateway demo() {
        return as(DEMO_TENANT, DEMO_PASSWORD);
    }
}
