package com.smshub.simulator.mobipace;

import jakarta.servlet.annotation.WebServlet;

import com.smshub.simulator.SimulatorControl;

/** The switches and counters of the MOBIPACE simulator, at {@code /mobipace/control}. */
@WebServlet("/mobipace/control")
public class MobipaceControl extends SimulatorControl {

    public MobipaceControl() {
        super(MobipaceLedger.SWITCHES);
    }
}
