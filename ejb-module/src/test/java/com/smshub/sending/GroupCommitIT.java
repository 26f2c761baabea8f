package com.smshub.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.smshub.Deployments;
import com.smshub.provider.ProviderCode;
import com.smshub.sending.boundary.GroupCommit;
import com.smshub.sending.control.AcceptedRequest;
import com.smshub.sending.control.MessageStore;
import com.smshub.sending.control.StoreException;
import com.smshub.sending.entity.Encoding;
import com.smshub.sending.entity.SendCommand;
import com.smshub.sending.entity.SmsContent;
import com.smshub.status.entity.MessageStatus;
import com.smshub.tenant.control.TenantDirectory;

/** Concurrent sends committed together, on the real database: each durable once, a bad one failing alone. */
@ExtendWith(ArquillianExtension.class)
class GroupCommitIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule("group-commit-it");
    }

    @Inject
    GroupCommit groupCommit;

    @Inject
    TenantDirectory tenants;

    @PersistenceContext(unitName = "smshub")
    EntityManager em;

    private AcceptedRequest request(String clientReference) {
        long tenant = tenants.byUsername("demo").id();
        SmsContent content = new SmsContent(null, "group", null, null, null, null, false, null, null, null, null, null, null,
                null, null);
        SendCommand command = new SendCommand(SendCommand.Kind.SMS, clientReference, null,
                List.of(new SendCommand.Item(null, "+46700000001", content)));
        // not routed: no dispatch, so the test leaves no work behind
        MessageStore.NewMessage message = new MessageStore.NewMessage(UUID.randomUUID().toString(), tenant, 0, null,
                "+46700000001", content, Encoding.GSM7, 1, MessageStatus.REJECTED, "IT", "group commit test",
                ProviderCode.SMSPRO, null, null, null, null);
        return new AcceptedRequest(tenant, command, "hash", OffsetDateTime.now(ZoneOffset.UTC), List.of(message));
    }

    @Test
    void concurrentSendsAreEachStoredOnce() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Long>> ids = new ArrayList<>();
            List<AcceptedRequest> requests = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                AcceptedRequest request = request(null);
                requests.add(request);
                ids.add(callers.submit(() -> groupCommit.commit(request)));
            }
            HashSet<Long> distinct = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i).get();
                distinct.add(id);
                Object stored = em.createNativeQuery("SELECT request_id FROM message WHERE id = ?")
                        .setParameter(1, requests.get(i).messages().get(0).id()).getSingleResult();
                assertEquals(id, ((Number) stored).longValue(), "the message belongs to the request its caller was told");
            }
            assertEquals(64, distinct.size());
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void aDuplicateClientReferenceFailsAloneInItsGroup() throws Exception {
        String reference = "group-" + UUID.randomUUID();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                AcceptedRequest request = request(i % 16 == 0 ? reference : null);
                results.add(callers.submit(() -> groupCommit.commit(request)));
            }
            int stored = 0;
            int duplicates = 0;
            for (Future<Long> result : results) {
                try {
                    result.get();
                    stored++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof StoreException s && s.isDuplicate(), String.valueOf(e.getCause()));
                    duplicates++;
                }
            }
            assertEquals(31, stored, "everyone but the second user of the reference");
            assertEquals(1, duplicates);
        } finally {
            callers.shutdown();
        }
    }
}
