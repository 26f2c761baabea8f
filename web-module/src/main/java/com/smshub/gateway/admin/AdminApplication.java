package com.smshub.gateway.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The operators' HTTP interface, under /smshub/admin; only accounts with the operator role reach it (web.xml). */
@ApplicationPath("/admin")
public class AdminApplication extends Application {
}
