package com.smshub.gateway.admin;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.smshub.audit.boundary.AuditTrail;
import com.smshub.audit.entity.AuditEntry;

/**
 * {@code GET /smshub/admin/audit[?subject=tenant/acme][&limit=100]}: the operators' writes, newest first (at most
 * 1,000 an answer), each with who, what, when and, where the write knows them, the states before and after.
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @EJB
    AuditTrail audit;

    @GET
    public List<AuditEntry> recent(@QueryParam("subject") String subject, @QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.recent(subject == null || subject.isBlank() ? null : subject, limit);
    }
}
