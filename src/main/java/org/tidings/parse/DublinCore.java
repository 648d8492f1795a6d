package org.tidings.parse;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.module.Extendable;
import java.util.ArrayList;
import java.util.List;

/** The Dublin Core creators and subjects Rome found on an item or entry. */
final class DublinCore {
    private DublinCore() {
    }

    static List<String> creators(Extendable extendable) {
        DCModule dc = (DCModule) extendable.getModule(DCModule.URI);
        return dc == null ? List.of() : dc.getCreators();
    }

    static List<String> subjects(Extendable extendable) {
        DCModule dc = (DCModule) extendable.getModule(DCModule.URI);
        if (dc == null) {
            return List.of();
        }
        List<String> subjects = new ArrayList<>();
        for (DCSubject subject : dc.getSubjects()) {
            subjects.add(subject.getValue());
        }
        return subjects;
    }
}
