package com.smshub.platform;

/** The version of this build, from the EJB module's manifest. */
public final class BuildInfo {

    private BuildInfo() {
    }

    /** The version, or "development" when run from classes without a manifest. */
    public static String version() {
        String version = BuildInfo.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }
}
