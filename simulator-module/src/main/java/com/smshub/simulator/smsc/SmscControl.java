package com.smshub.simulator.smsc;

import jakarta.servlet.annotation.WebServlet;

import com.smshub.simulator.SimulatorControl;

/** The switches and counters of the SMSC simulator, at {@code /smsc/control}. */
@WebServlet("/smsc/control")
public class SmscControl extends SimulatorControl {

    public SmscControl() {
        super(SmscSimulator.SWITCHES);
    }
}
