package com.smshub.simulator.mymobileapi;

/** A call answered with a SOAP fault (soap:Server), as the .asmx service answers one it could not take. */
final class SoapFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SoapFault(String message) {
        super(message);
    }
}
