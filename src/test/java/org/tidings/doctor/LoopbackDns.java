package org.tidings.doctor;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * A tiny authoritative DNS server over UDP on the loopback, for tests: answers from the records a
 * test gives it, NXDOMAIN for names it has none of, SERVFAIL for names marked broken.
 */
public final class LoopbackDns implements AutoCloseable {
    private final DatagramSocket socket;
    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
    private final List<Name> broken = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private LoopbackDns() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "loopback-dns");
        thread.setDaemon(true);
        thread.start();
    }

    public static LoopbackDns start() {
        try {
            return new LoopbackDns();
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One TXT record; text longer than 255 characters is split into strings, as DNS zones do. */
    public LoopbackDns txt(String name, String text) {
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 255) {
            strings.add(text.substring(i, Math.min(text.length(), i + 255)));
        }
        return add(new TXTRecord(name(name), DClass.IN, 300, strings.isEmpty() ? List.of("") : strings));
    }

    public LoopbackDns a(String name, String address) {
        InetAddress ip = literal(address);
        return add(ip.getAddress().length == 4 ? new ARecord(name(name), DClass.IN, 300, ip)
                : new AAAARecord(name(name), DClass.IN, 300, ip));
    }

    public LoopbackDns mx(String name, String host) {
        return add(new MXRecord(name(name), DClass.IN, 300, 10, name(host)));
    }

    /** Questions about this name get SERVFAIL. */
    public LoopbackDns servfail(String name) {
        broken.add(name(name));
        return this;
    }

    /** "127.0.0.1:PORT", for --dns. */
    public String hostPort() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public DnsClient client() {
        return DnsClient.at((InetSocketAddress) socket.getLocalSocketAddress());
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join();
    }

    private LoopbackDns add(Record record) {
        zone.computeIfAbsent(record.getName(), n -> new CopyOnWriteArrayList<>()).add(record);
        return this;
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] reply = answer(new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength())));
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // Closed by close(), or a malformed query: the loop ends or goes on with the next one.
            }
        }
    }

    private byte[] answer(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        List<Record> records = zone.get(name);
        if (broken.contains(name)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
        } else if (records == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
            records.stream().filter(r -> r.getType() == question.getType()).forEach(r -> response.addRecord(r, Section.ANSWER));
        }
        return response.toWire();
    }

    private static Name name(String name) {
        try {
            return Name.fromString(name.toLowerCase(Locale.ROOT), Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static InetAddress literal(String address) {
        try {
            return org.xbill.DNS.Address.getByAddress(address);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
