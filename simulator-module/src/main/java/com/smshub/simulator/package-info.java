/**
 * Provider simulators. Each speaks its provider's wire protocol exactly as its specification in
 * {@code shared/specs} describes, validates what it receives against the same schemas the gateway writes
 * with, and can be told to misbehave. They run in their own WAR, never in the production EAR.
 */
package com.smshub.simulator;
