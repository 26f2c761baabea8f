package com.smshub.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test that counts what reaches the SMS Pro simulator or tells it to misbehave: its counts start from zero,
 * after whatever earlier tests sent has arrived, and it leaves the simulator behaving as it found it.
 */
abstract class SimulatorTest extends DeployedGateway {

    @BeforeEach
    void settleSimulator() {
        Simulator.settledCounter("accepted");
        Simulator.reset();
    }

    @AfterEach
    void resetSimulator() {
        Simulator.reset();
    }
}
