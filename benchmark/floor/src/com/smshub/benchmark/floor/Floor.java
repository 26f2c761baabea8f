package com.smshub.benchmark.floor;

import java.sql.SQLException;

import jakarta.ejb.EJB;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;

/**
 * A SOAP call taken as the gateway takes its calls (HTTP Basic against the tenants' realm, then a boundary
 * EJB) that does one kind of database work: none, one read, or one row inserted and committed.
 */
@WebService(serviceName = "Floor", targetNamespace = "urn:smshub:benchmark:floor")
public class Floor {

    @EJB
    FloorWork work;

    public String echo(@WebParam(name = "work") String kind) throws SQLException {
        return switch (kind) {
            case "none" -> work.none(kind);
            case "read" -> work.read(kind);
            case "write" -> work.write(kind);
            default -> throw new IllegalArgumentException("work is none, read or write");
        };
    }
}
