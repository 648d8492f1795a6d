package org.tidings.doctor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The DNS questions the doctor asks (TXT, MX, A and AAAA), answered as values. dnsjava's own
 * {@code Lookup} is not used: it keeps a process-wide cache and default resolver, and a doctor
 * run should see what the server says now.
 */
public final class DnsClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** A hostile zone can answer with many records; no check needs more than this many of one name. */
    private static final int MAX_RECORDS = 32;

    private final Resolver resolver;

    private DnsClient(Resolver resolver) {
        this.resolver = resolver;
        resolver.setTimeout(TIMEOUT);
    }

    /** The system's resolvers (resolv.conf and the like). */
    public static DnsClient system() {
        return new DnsClient(new ExtendedResolver());
    }

    /** One given server, such as a test's on the loopback. */
    public static DnsClient at(InetSocketAddress server) {
        return new DnsClient(new SimpleResolver(server));
    }

    /** Each TXT record as one string: a record's character-strings joined, as SPF, DKIM and DMARC read them. */
    DnsAnswer<String> txt(String name) {
        return ask(name, Type.TXT, r -> String.join("", ((TXTRecord) r).getStrings()));
    }

    /** The exchange host names, without the root's trailing dot. */
    DnsAnswer<String> mx(String name) {
        return ask(name, Type.MX, r -> ((MXRecord) r).getTarget().toString(true));
    }

    /** A and AAAA records. */
    DnsAnswer<InetAddress> addresses(String name) {
        DnsAnswer<InetAddress> v4 = ask(name, Type.A, r -> ((ARecord) r).getAddress());
        DnsAnswer<InetAddress> v6 = ask(name, Type.AAAA, r -> ((AAAARecord) r).getAddress());
        if (v4.failed() || v6.failed()) {
            return DnsAnswer.failed(v4.failed() ? v4.failure() : v6.failure());
        }
        List<InetAddress> all = new ArrayList<>(v4.values());
        all.addAll(v6.values());
        return DnsAnswer.of(all);
    }

    /** A host's addresses: an IP literal as it is, without asking anyone; a name through DNS. */
    DnsAnswer<InetAddress> addressesOf(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (Address.isDottedQuad(bare) || bare.contains(":")) {
            try {
                return DnsAnswer.of(List.of(Address.getByAddress(bare)));
            } catch (UnknownHostException e) {
                return DnsAnswer.failed("'" + host + "' is not an IP address");
            }
        }
        return addresses(bare);
    }

    private <T> DnsAnswer<T> ask(String name, int type, Function<Record, T> value) {
        try {
            Message query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
            Message response = resolver.send(query);
            int rcode = response.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                return DnsAnswer.of(List.of());
            }
            if (rcode != Rcode.NOERROR) {
                return DnsAnswer.failed(Rcode.string(rcode) + " for " + Type.string(type) + " " + name);
            }
            // A recursive server puts the CNAME chain in the answer too: only the asked type counts.
            return DnsAnswer.of(response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type)
                    .limit(MAX_RECORDS).map(value).toList());
        } catch (TextParseException e) {
            return DnsAnswer.failed("'" + name + "' is not a domain name");
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return DnsAnswer.failed("no answer for " + Type.string(type) + " " + name + ": " + reason);
        }
    }
}
