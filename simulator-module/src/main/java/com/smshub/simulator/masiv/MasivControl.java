package com.smshub.simulator.masiv;

import jakarta.servlet.annotation.WebServlet;

import com.smshub.simulator.SimulatorControl;

/** The switches and counters of the Masiv simulator, at {@code /masiv/control}. */
@WebServlet("/masiv/control")
public class MasivControl extends SimulatorControl {

    public MasivControl() {
        super(MasivLedger.SWITCHES);
    }
}
