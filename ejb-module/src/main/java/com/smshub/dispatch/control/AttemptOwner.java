package com.smshub.dispatch.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Who makes an attempt: this node (WildFly's {@code jboss.node.name}, unique in a cluster as its transaction
 * manager already requires) and this boot of it. An open attempt of this node from an earlier boot was cut off by
 * a crash or a kill: nobody will finish it, so it is resolved at once rather than after the stale bound.
 */
public final class AttemptOwner {

    /** This node's name. */
    public static final String NODE = node();
    /** This node in this boot: what an attempt's row names. */
    public static final String ME = NODE + "/" + UUID.randomUUID();

    private AttemptOwner() {
    }

    /** Whether an attempt's owner is an earlier boot of this node (so certainly gone). */
    public static boolean earlierBootOfThisNode(String owner) {
        return owner != null && owner.startsWith(NODE + "/") && !owner.equals(ME);
    }

    private static String node() {
        String name = System.getProperty("jboss.node.name");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "localhost";
            }
        }
        return name.length() > 60 ? name.substring(0, 60) : name;
    }
}
