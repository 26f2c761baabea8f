package com.smshub.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;

import org.apache.activemq.artemis.core.message.impl.CoreMessage;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.CreateSessionMessage;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.CreateSessionMessage_V2;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.SessionSendMessage;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.junit.jupiter.api.Test;

class AuthenticatedSenderTest {

    private final AuthenticatedSender interceptor = new AuthenticatedSender();

    /** A connection the interceptor only keeps track of; it calls nothing on it. */
    private static RemotingConnection connection() {
        return (RemotingConnection) Proxy.newProxyInstance(RemotingConnection.class.getClassLoader(),
                new Class<?>[] {RemotingConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private static CreateSessionMessage session(long channel, String user) {
        return new CreateSessionMessage("s-" + channel, channel, 1, user, "secret", 1024, false, true, true, false, 1, null);
    }

    private static SessionSendMessage send(long channel, String claimed) {
        CoreMessage message = new CoreMessage(1, 64);
        if (claimed != null) {
            message.putStringProperty(AuthenticatedSender.PROPERTY, claimed);
        }
        SessionSendMessage packet = new SessionSendMessage(message);
        packet.setChannelID(channel);
        return packet;
    }

    private static Object stamped(SessionSendMessage packet) {
        Object value = packet.getMessage().getObjectProperty(AuthenticatedSender.PROPERTY);
        return value == null ? null : value.toString();
    }

    @Test
    void aSendIsStampedWithItsSessionsUserWhateverTheClientWrote() {
        RemotingConnection erp = connection();
        assertTrue(interceptor.intercept(session(11, "demo"), erp));
        SessionSendMessage honest = send(11, null);
        SessionSendMessage lying = send(11, "acme");
        assertTrue(interceptor.intercept(honest, erp));
        assertTrue(interceptor.intercept(lying, erp));
        assertEquals("demo", stamped(honest));
        assertEquals("demo", stamped(lying), "the property says what the broker checked, not what the client claims");
    }

    @Test
    void everyVersionOfTheCreateSessionPacketIsRead() {
        RemotingConnection erp = connection();
        interceptor.intercept(new CreateSessionMessage_V2("s-21", 21, 1, "demo", "secret", 1024, false, true, true, false, 1,
                null, "client-id"), erp);
        SessionSendMessage sent = send(21, "acme");
        interceptor.intercept(sent, erp);
        assertEquals("demo", stamped(sent), "today's clients send CREATESESSION_V2");
    }

    @Test
    void sessionsAndConnectionsAreKeptApart() {
        RemotingConnection one = connection();
        RemotingConnection other = connection();
        interceptor.intercept(session(11, "demo"), one);
        interceptor.intercept(session(12, "acme"), one);
        interceptor.intercept(session(11, "operator"), other);
        SessionSendMessage a = send(12, null);
        SessionSendMessage b = send(11, null);
        interceptor.intercept(a, one);
        interceptor.intercept(b, other);
        assertEquals("acme", stamped(a));
        assertEquals("operator", stamped(b));
    }

    @Test
    void aSendOnNoKnownSessionCarriesNoClaimAtAll() {
        SessionSendMessage forged = send(99, "demo");
        interceptor.intercept(forged, connection());
        assertFalse(forged.getMessage().containsProperty(AuthenticatedSender.PROPERTY));
        RemotingConnection anonymous = connection();
        interceptor.intercept(session(5, null), anonymous);
        SessionSendMessage unnamed = send(5, "demo");
        interceptor.intercept(unnamed, anonymous);
        assertFalse(unnamed.getMessage().containsProperty(AuthenticatedSender.PROPERTY));
    }
}
