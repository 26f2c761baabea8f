package com.smshub.simulator.mymobileapi;

import jakarta.servlet.annotation.WebServlet;

import com.smshub.simulator.SimulatorControl;

/** The switches and counters of the MyMobileAPI simulator, at {@code /mymobileapi/control}. */
@WebServlet("/mymobileapi/control")
public class MyMobileApiControl extends SimulatorControl {

    public MyMobileApiControl() {
        super(MyMobileApiLedger.SWITCHES);
    }
}
