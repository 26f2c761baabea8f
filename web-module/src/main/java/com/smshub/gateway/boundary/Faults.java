package com.smshub.gateway.boundary;

import com.smshub.gateway.v1.FaultCode;
import com.smshub.gateway.v1.GatewayFault;
import com.smshub.gateway.v1.GatewayFaultInfo;

/** The one fault of the contract, with its stable code. */
public final class Faults {

    private Faults() {
    }

    public static GatewayFault of(FaultCode code, String field, String message) {
        GatewayFaultInfo info = new GatewayFaultInfo();
        info.setCode(code);
        info.setField(field);
        info.setMessage(message);
        return new GatewayFault(code + ": " + message, info);
    }
}
