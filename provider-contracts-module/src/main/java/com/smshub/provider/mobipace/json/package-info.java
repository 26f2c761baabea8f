/**
 * MOBIPACE HTTP API 3.0 (JSON over HTTPS POST): its requests and answers as records bound with JSON-B, and
 * {@link com.smshub.provider.mobipace.json.MobipaceJson}, which reads what real traffic contains: keys with
 * stray spaces, the misspelt {@code BalaceNegativeLimit}, numbers and booleans sent as strings, trailing
 * spaces in values. MOBIPACE has no schema; these records are its contract.
 */
package com.smshub.provider.mobipace.json;
