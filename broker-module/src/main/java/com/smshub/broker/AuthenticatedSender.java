package com.smshub.broker;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.activemq.artemis.api.core.Interceptor;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.protocol.core.Packet;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.CreateSessionMessage;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.MessagePacketI;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.SessionSendLargeMessage;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.SessionSendMessage;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * An incoming interceptor of the broker (WildFly: the messaging server's {@code incoming-interceptors}, module
 * {@code com.smshub.broker}) that stamps every message a client sends with the user its session was authenticated
 * as, in the property {@link #PROPERTY}. WildFly's Elytron security manager tells the broker whether a user may
 * log in but not who logged in, so the broker's own {@code populate-validated-user} stamps nothing; this does,
 * from the session's creation: a session is created only once the broker has checked its user's password, and
 * its sends then come on its channel. Whatever a client wrote in the property itself is overwritten, or removed
 * where the session is not known, so the property can only say what the broker checked.
 */
public class AuthenticatedSender implements Interceptor {

    /** The message property that names the authenticated sender. */
    public static final String PROPERTY = "SmsHubAuthenticatedUser";

    /** Per connection, the user of each session channel; a connection gone is forgotten with it. */
    private final Map<RemotingConnection, Map<Long, String>> users = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public boolean intercept(Packet packet, RemotingConnection connection) {
        // by class, not by type code: the wire has versions of each (CREATESESSION and CREATESESSION_V2, ...)
        if (packet instanceof CreateSessionMessage created) {
            Map<Long, String> sessions = users.computeIfAbsent(connection, c -> new ConcurrentHashMap<>());
            if (created.getUsername() == null) {
                sessions.remove(created.getSessionChannelID());
            } else {
                sessions.put(created.getSessionChannelID(), created.getUsername());
            }
        } else if ((packet instanceof SessionSendMessage || packet instanceof SessionSendLargeMessage) && packet instanceof MessagePacketI sent) {
            Map<Long, String> sessions = users.get(connection);
            String user = sessions == null ? null : sessions.get(packet.getChannelID());
            Message message = sent.getMessage();
            if (user == null) {
                message.removeProperty(PROPERTY);
            } else {
                message.putStringProperty(PROPERTY, user);
            }
        }
        return true;
    }
}
