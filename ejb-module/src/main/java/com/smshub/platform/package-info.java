/**
 * What every feature stands on: the schema migrations run at start, the scheduler that runs each feature's periodic
 * jobs ({@link com.smshub.platform.PeriodicJob}: one timer a job, one node at a time where the job has a lock), the
 * sealing of provider secrets, and the facts about this build.
 */
package com.smshub.platform;
