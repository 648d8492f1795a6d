package org.tidings.parse.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Tue, 05 Mar 2024 10:00:00 GMT          | 2024-03-05T10:00:00Z
            Tue, 05 Mar 2024 10:00:00 +0000        | 2024-03-05T10:00:00Z
            05 Mar 2024 10:00:00 GMT               | 2024-03-05T10:00:00Z
            Tue, 05 Mar 2024 10:00 GMT             | 2024-03-05T10:00:00Z
            05 Mar 2024 10:00 GMT                  | 2024-03-05T10:00:00Z
            Tue, 5 Mar 2024 10:00:00 GMT           | 2024-03-05T10:00:00Z
            Tue, 05 Mar 24 10:00:00 GMT            | 2024-03-05T10:00:00Z
            Fri, 05 Mar 99 10:00:00 GMT            | 1999-03-05T10:00:00Z
            Tue, 05 Mar 49 10:00:00 GMT            | 2049-03-05T10:00:00Z
            Tue, 05 Mar 50 10:00:00 GMT            | 1950-03-05T10:00:00Z
            Tue, 05 Mar 2024 10:00:00              | 2024-03-05T10:00:00Z
            Tue, 05 mar 2024 10:00:00 gmt          | 2024-03-05T10:00:00Z
            Tue, 05 MAR 2024 10:00:00 GMT          | 2024-03-05T10:00:00Z
            Tue, 5 March 2024 10:00:00 EST         | 2024-03-05T15:00:00Z
            Tuesday, 05 March 2024 10:00:00 GMT    | 2024-03-05T10:00:00Z
            Tue, 05 Sept 2024 10:00:00 GMT         | 2024-09-05T10:00:00Z
            Tue,  05 Mar  2024  10:00:00  GMT      | 2024-03-05T10:00:00Z
            Tue, 05 Mar 2024 10:00:00 +0000 GMT    | 2024-03-05T10:00:00Z
            Tue, 05 Mar 2024 10:00:00 -0800 (PST)  | 2024-03-05T18:00:00Z
            Tue, 05 Mar 2024 10:00:00 PST (Pacific)| 2024-03-05T18:00:00Z
            Tue, 05 Mar 2024 10:00:00 GMT+0100     | 2024-03-05T09:00:00Z
            Tue, 05 Mar 2024 10:00:00 UTC+1        | 2024-03-05T09:00:00Z
            05-Mar-2024 10:00:00 GMT               | 2024-03-05T10:00:00Z
            Tue Mar 05 10:00:00 PST 2024           | 2024-03-05T18:00:00Z
            Tue Mar  5 10:00:00 2024               | 2024-03-05T10:00:00Z
            March 5, 2024 10:00 PM                 | 2024-03-05T22:00:00Z
            March 5 2024 12:30 AM EST              | 2024-03-05T05:30:00Z
            05 Mar 2024                            | 2024-03-05T00:00:00Z
            Thu, 29 Feb 2024 23:59:59 GMT          | 2024-02-29T23:59:59Z
            Sat, 31 Dec 2016 23:59:60 GMT          | 2016-12-31T23:59:59Z
            2024-03-05T10:00:00Z                   | 2024-03-05T10:00:00Z
            2024-03-05t10:00:00z                   | 2024-03-05T10:00:00Z
            2024-03-05T10:00:00+02:00              | 2024-03-05T08:00:00Z
            2024-03-05T10:00:00-05:00              | 2024-03-05T15:00:00Z
            2024-03-05T10:00:00+0100               | 2024-03-05T09:00:00Z
            2024-03-05T10:00:00+01                 | 2024-03-05T09:00:00Z
            2024-03-05T10:00:00.123Z               | 2024-03-05T10:00:00.123Z
            2024-03-05T10:00:00,5Z                 | 2024-03-05T10:00:00.500Z
            2024-03-05T10:00:00.123456789123+00:00 | 2024-03-05T10:00:00.123456789Z
            2024-03-05T10:00Z                      | 2024-03-05T10:00:00Z
            2024-03-05T10:00+05:30                 | 2024-03-05T04:30:00Z
            2024-03-05 10:00:00                    | 2024-03-05T10:00:00Z
            2024-03-05 10:00:00 +0100              | 2024-03-05T09:00:00Z
            2024-03-05 10:00:00 UTC                | 2024-03-05T10:00:00Z
            2024-03-05T10:00:00                    | 2024-03-05T10:00:00Z
            2024-03-05                             | 2024-03-05T00:00:00Z
            2024/03/05 10:00                       | 2024-03-05T10:00:00Z
            2024-3-5                               | 2024-03-05T00:00:00Z
            '  2024-03-05T10:00:00Z  '             | 2024-03-05T10:00:00Z
            1969-07-20T20:17:40Z                   | 1969-07-20T20:17:40Z
            """)
    void parsesRfc822AndIsoVariants(String text, String expected) {
        assertEquals(Instant.parse(expected), DateParser.parse(text));
    }

    @ParameterizedTest(name = "{0} is UTC{1}")
    @CsvSource(delimiter = '|', textBlock = """
            GMT  | +00:00
            UT   | +00:00
            UTC  | +00:00
            Z    | +00:00
            EST  | -05:00
            EDT  | -04:00
            CST  | -06:00
            CDT  | -05:00
            MST  | -07:00
            MDT  | -06:00
            PST  | -08:00
            PDT  | -07:00
            AKST | -09:00
            AKDT | -08:00
            HST  | -10:00
            AST  | -04:00
            NST  | -03:30
            WET  | +00:00
            WEST | +01:00
            BST  | +01:00
            CET  | +01:00
            CEST | +02:00
            MET  | +01:00
            MEST | +02:00
            MEZ  | +01:00
            MESZ | +02:00
            EET  | +02:00
            EEST | +03:00
            MSK  | +03:00
            IST  | +05:30
            JST  | +09:00
            KST  | +09:00
            HKT  | +08:00
            AWST | +08:00
            ACST | +09:30
            ACDT | +10:30
            AEST | +10:00
            AEDT | +11:00
            NZST | +12:00
            NZDT | +13:00
            A    | +01:00
            I    | +09:00
            K    | +10:00
            M    | +12:00
            N    | -01:00
            Y    | -12:00
            +0200 | +02:00
            -0500 | -05:00
            -05:00 | -05:00
            +0530 | +05:30
            -0930 | -09:30
            """)
    void readsEveryZoneFamily(String zone, String offset) {
        Instant expected = Instant.parse("2024-03-05T10:00:00" + offset);
        assertEquals(expected, DateParser.parse("Tue, 05 Mar 2024 10:00:00 " + zone));
    }

    @Test
    void parsesRfc822WithPacificDaylightTime() {
        assertEquals(Instant.parse("2024-07-01T16:30:00Z"), DateParser.parse("Mon, 01 Jul 2024 09:30:00 PDT"));
    }

    @Test
    void parsesRfc822WithoutWeekdayAndSeconds() {
        assertEquals(Instant.parse("2024-03-05T10:00:00Z"), DateParser.parse("5 Mar 2024 10:00 +0000"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "   ",
        "yesterday",
        "32 Foo 2024",
        "Tue, 05 Foo 2024 10:00:00 GMT",
        "Tue, 32 Mar 2024 10:00:00 GMT",
        "Tue, 30 Feb 2024 10:00:00 GMT",
        "Thu, 29 Feb 2023 10:00:00 GMT",
        "Tue, 05 Mar 2024 25:00:00 GMT",
        "Tue, 05 Mar 2024 10:60:00 GMT",
        "Tue, 05 Mar 2024 10:00:61 GMT",
        "Tue, 05 Mar 2024 10:00:00 XYZ",
        "Tue, 05 Mar 2024 10:00:00 J",
        "Tue, 05 Mar 2024 10:00:00 +2500",
        "Tue, 05 Mar 2024 10:00:00 +12345",
        "Tue, 05 Mar 2024 10:00:00 GMT 12",
        "2024-13-05T10:00:00Z",
        "2024-03-32",
        "2024-03-05T24:00:00Z",
        "2024-03",
        "2024-03-05T10",
        "2024-03-05T10:00:00Q:00",
        "2024-03-05T10:00:00+05:3",
        "Mar 2024",
        "05 Mar",
        "10:00:00",
        "12345678901234567890",
        "2024-03-05 10:00:00 10:00:00",
        "Tue, 05 Mar 2024 10:00:00 GMT <script>",
        "Tue, 05 Mar 2024 10:00:00 ©",
    })
    void returnsNullForNonsenseAndOutOfRange(String text) {
        assertNull(DateParser.parse(text));
    }

    @Test
    void neverThrowsOnRandomInput() {
        Random random = new Random(42);
        String alphabet = "0123456789:+-., TZtzGMTESPADmarchMarJanuary()/\u00A0é";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            DateParser.parse(text.toString());
        }
    }
}
