package com.smshub.health.check;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The gateway's side of the checks, looked up when first asked (the EJB module may start after this jar's beans). */
final class Gateway {

    private static volatile GatewayReadiness readiness;

    private Gateway() {
    }

    static GatewayReadiness readiness() {
        GatewayReadiness found = readiness;
        if (found == null) {
            try {
                found = InitialContext.doLookup(GatewayReadiness.JNDI);
            } catch (NamingException e) {
                throw new IllegalStateException("The gateway's readiness bean is not deployed: " + GatewayReadiness.JNDI, e);
            }
            readiness = found;
        }
        return found;
    }
}
