package com.smshub.benchmark.floor;

import jakarta.jws.WebParam;
import jakarta.jws.WebService;

/** A SOAP call through CXF and nothing else: no authentication, no EJB, no database. */
@WebService(serviceName = "OpenFloor", targetNamespace = "urn:smshub:benchmark:floor")
public class OpenFloor {

    public String echo(@WebParam(name = "work") String work) {
        return work;
    }
}
