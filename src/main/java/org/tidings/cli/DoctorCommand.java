package org.tidings.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;
import org.tidings.config.DeliverabilityConfig.DkimConfig;
import org.tidings.config.TidingsConfig;
import org.tidings.doctor.Doctor;
import org.tidings.doctor.DnsClient;
import org.tidings.doctor.ExpectedDkim;
import org.tidings.doctor.Finding;
import org.tidings.mail.DkimKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tidings doctor}: is the sending domain ready? One line per check, ok, warning or problem,
 * with what to change. Sends nothing. Exit 1 when any check found a problem.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check SPF, DKIM and DMARC in DNS, public.url, the SMTP server and the bounce mailbox; sends nothing.")
final class DoctorCommand implements Callable<Integer> {
    private static final String INDENT = " ".repeat(9);

    @ParentCommand
    TidingsCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--dns", paramLabel = "HOST:PORT", description = "Ask this DNS server instead of the system's resolver.")
    String dnsServer;

    @Override
    public Integer call() {
        TidingsConfig config = root.config();
        DnsClient dns = dnsServer == null ? DnsClient.system() : DnsClient.at(dnsAddress(dnsServer));
        List<Finding> findings = new Doctor(dns).examine(config, expectedDkim(config.deliverability().dkim()));
        PrintWriter out = spec.commandLine().getOut();
        for (Finding f : findings) {
            out.printf("%-8s %s: %s%n", f.severity().label(), f.check(), f.detail());
            if (f.fix() != null) {
                out.println(INDENT + "-> " + f.fix());
            }
        }
        long problems = findings.stream().filter(f -> f.severity() == Finding.Severity.PROBLEM).count();
        long warnings = findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
        out.println(count(problems, "problem") + ", " + count(warnings, "warning"));
        out.flush();
        return problems > 0 ? 1 : 0;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code 127.0.0.1:5353}, {@code [::1]:53} or a bare host (port 53). */
    private InetSocketAddress dnsAddress(String text) {
        int colon = text.lastIndexOf(':');
        boolean hasPort = colon > 0 && (text.indexOf(':') == colon || text.charAt(colon - 1) == ']');
        String host = hasPort ? text.substring(0, colon) : text;
        try {
            int port = hasPort ? Integer.parseInt(text.substring(colon + 1)) : 53;
            if (port < 1 || port > 65_535 || host.isEmpty()) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(host.replaceAll("^\\[|\\]$", ""), port);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--dns must be HOST:PORT, got '" + text + "'");
        }
    }

    /** The public half of mail.dkim.key-file, as the DKIM record's p= carries it; null without mail.dkim.*. */
    static ExpectedDkim expectedDkim(DkimConfig dkim) {
        if (dkim == null) {
            return null;
        }
        DkimKey key = DkimKey.load(dkim);
        return new ExpectedDkim(key.domain(), key.selector(), key.keyType(), key.publicKeyBytes());
    }
}
