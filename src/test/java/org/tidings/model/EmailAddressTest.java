package org.tidings.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {
    @Test
    void normalizesCaseAndSpace() {
        assertEquals("ana.nunez+news@example.org", EmailAddress.parse("  Ana.Nunez+News@EXAMPLE.org ").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.org", "ana@", "ana@example", "ana@@example.org",
            "ana..b@example.org", ".ana@example.org", "ana@-example.org", "ana@example.123",
            "ana@exa mple.org", "ana\r\n@example.org", "ana@example.org\r\nBcc: x@y.org", "Ana <ana@example.org>",
            "ana,bob@example.org", "\"ana\"@example.org", "añá@example.org"})
    void refusesInvalidAddresses(String raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmailAddress.parse(raw));
        assertTrue(e.getMessage().startsWith("invalid email address") || e.getMessage().startsWith("missing"),
                e.getMessage());
    }

    @Test
    void explainsWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmailAddress.parse("ana@example"));
        assertEquals("invalid email address 'ana@example': the domain needs a dot, as in example.org", e.getMessage());
    }

    @Test
    void splitsLocalPartAndDomain() {
        EmailAddress a = EmailAddress.parse("jean@mail.example.fr");
        assertEquals("jean", a.localPart());
        assertEquals("mail.example.fr", a.domain());
    }
}
