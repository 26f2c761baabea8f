package com.smshub.gateway.boundary;

import java.time.OffsetDateTime;
import java.util.GregorianCalendar;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** Converts the domain's times to the contract's xs:dateTime. The factory is looked up once. */
final class Times {

    private static final DatatypeFactory FACTORY = DatatypeFactory.newDefaultInstance();

    private Times() {
    }

    static XMLGregorianCalendar of(OffsetDateTime time) {
        return FACTORY.newXMLGregorianCalendar(GregorianCalendar.from(time.toZonedDateTime()));
    }
}
