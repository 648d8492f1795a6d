package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AuthorNameTest {
    @Test
    void takesNameInParenthesesAfterEmail() {
        assertEquals("Jane Doe", AuthorName.of("jane@example.com (Jane Doe)"));
    }

    @Test
    void takesNameBeforeEmailInAngleBrackets() {
        assertEquals("Jane Doe", AuthorName.of("\"Jane Doe\" <jane@example.com>"));
    }

    @Test
    void keepsPlainNamesAndBareEmails() {
        assertEquals("Jane (the editor) Doe", AuthorName.of(" Jane (the editor) Doe "));
        assertEquals("jane@example.com", AuthorName.of("jane@example.com"));
        assertNull(AuthorName.of(null));
    }
}
