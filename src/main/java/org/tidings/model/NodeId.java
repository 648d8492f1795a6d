package org.tidings.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A process's name among the nodes that share one database: host, pid and a random suffix, so
 * that a node restarted on the same host with a recycled pid is still a new node. Quartz checks
 * nodes in under it, and work claimed in the database is held in its name.
 */
public record NodeId(String value) {
    private static final NodeId SELF = new NodeId(host() + ":" + ProcessHandle.current().pid() + ":"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000)));

    /** This process. */
    public static NodeId self() {
        return SELF;
    }

    @Override
    public String toString() {
        return value;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
