package org.tidings.doctor;

import java.util.List;

/**
 * What a receiver's SPF check (RFC 7208 section 2.6) would say of one sending address.
 *
 * @param reason which term decided, in which domain's record, or why there was no answer
 * @param notes parts of the policy the doctor could not evaluate (ptr, macros): the verdict may be wrong
 */
record SpfResult(Verdict verdict, String reason, List<String> notes) {
    enum Verdict { PASS, FAIL, SOFTFAIL, NEUTRAL, NONE, PERMERROR, TEMPERROR }

    SpfResult {
        notes = List.copyOf(notes);
    }

    static Verdict forQualifier(char qualifier) {
        return switch (qualifier) {
            case '-' -> Verdict.FAIL;
            case '~' -> Verdict.SOFTFAIL;
            case '?' -> Verdict.NEUTRAL;
            default -> Verdict.PASS;
        };
    }
}
