package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class XmlRepairTest {
    @Test
    void returnsSameTextWhenNothingNeedsFixing() {
        String xml = "<a>fine &amp; &lt;well&gt; &#233; &#xE9; &quot;&apos;</a>";

        assertSame(xml, XmlRepair.repair(xml, 0));
    }

    @Test
    void turnsHtmlEntitiesIntoNumericReferences() {
        assertEquals("<a>&#160;&#233;&#8217;&#8230;</a>", XmlRepair.repair("<a>&nbsp;&eacute;&rsquo;&hellip;</a>", 0));
    }

    @Test
    void escapesAmpersandsThatStartNoEntity() {
        assertEquals("<a>A &amp; B &amp;&amp; C &amp;x &amp;#; &amp;#12 &amp;nosuch;</a>",
                XmlRepair.repair("<a>A & B && C &x &#; &#12 &nosuch;</a>", 0));
    }

    @Test
    void removesControlCharactersXmlForbids() {
        assertEquals("<a>ab\tc\nd</a>", XmlRepair.repair("<a>a\u0000b\t\u0001c\n\u001Fd\uFFFE</a>", 0));
    }

    @Test
    void keepsSurrogatePairsAndDropsLoneSurrogates() {
        assertEquals("<a>\uD83D\uDE00x</a>", XmlRepair.repair("<a>\uD83D\uDE00\uD800x\uDC00</a>", 0));
    }

    @Test
    void leavesCdataAndCommentsAloneApartFromForbiddenCharacters() {
        String xml = "<a><![CDATA[&nbsp; & <b>\u0002]]><!-- & &eacute; -->&eacute;</a>";

        assertEquals("<a><![CDATA[&nbsp; & <b>]]><!-- & &eacute; -->&#233;</a>", XmlRepair.repair(xml, 0));
    }

    @Test
    void repairsAttributeValues() {
        assertEquals("<a href=\"?a=1&amp;b=2\" title=\"&#169;\"/>", XmlRepair.repair("<a href=\"?a=1&b=2\" title=\"&copy;\"/>", 0));
    }

    @Test
    void startsAtGivenOffset() {
        assertEquals("<a>&#160;</a>", XmlRepair.repair("junk&<a>&nbsp;</a>", 5));
    }

    @Test
    void keepsLineBreaksSoErrorLinesStayTrue() {
        assertEquals("<a>\n&amp;\r\n</a>", XmlRepair.repair("<a>\n&\r\n</a>", 0));
    }
}
