/**
 * What every feature stands on: the schema migrations run at start, and the facts about this build.
 */
package com.smshub.platform;
