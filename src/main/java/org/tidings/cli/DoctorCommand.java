package org.tidings.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.tidings.config.ConfigException;
import org.tidings.config.DeliverabilityConfig.DkimConfig;
import org.tidings.config.TidingsConfig;
import org.tidings.doctor.Doctor;
import org.tidings.doctor.DnsClient;
import org.tidings.doctor.ExpectedDkim;
import org.tidings.doctor.Finding;
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

    // ---- PLACEHOLDER, replaced at merge by the mail package's DKIM key class (issue 12) ----
    /**
     * The public half of mail.dkim.key-file as the DKIM record's p= carries it. Reads only RSA PKCS#8
     * PEM here (the private CRT key holds the modulus and public exponent); an Ed25519 key is
     * recognised but left unchecked (null public key).
     */
    static ExpectedDkim expectedDkim(DkimConfig dkim) {
        if (dkim == null) {
            return null;
        }
        byte[] der;
        try {
            String pem = Files.readString(dkim.keyFile());
            der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("mail.dkim.key-file", "cannot read " + dkim.keyFile() + ": " + e.getMessage());
        }
        try {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            byte[] spki = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded();
            return new ExpectedDkim(dkim.domain(), dkim.selector(), "rsa", spki);
        } catch (GeneralSecurityException | ClassCastException e) {
            return ed25519(dkim, der);
        }
    }

    private static ExpectedDkim ed25519(DkimConfig dkim, byte[] der) {
        try {
            KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new ExpectedDkim(dkim.domain(), dkim.selector(), "ed25519", null);
        } catch (GeneralSecurityException e) {
            throw new ConfigException("mail.dkim.key-file", dkim.keyFile() + " is not a PKCS#8 RSA or Ed25519 key");
        }
    }
    // ---- end of PLACEHOLDER ----
}
