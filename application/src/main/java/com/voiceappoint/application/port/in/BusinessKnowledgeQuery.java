package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.voice.KnowledgeSearch;
import java.util.List;

/**
 * What the business a call is for ({@link RouteCallQuery}) says about itself (its description and answers to common
 * questions) that fits what the caller asked, best first; nothing when nothing fits or the call is for no business.
 */
public interface BusinessKnowledgeQuery {

    List<KnowledgeSearch.Found> search(CallFacts call, String asked, int most);
}
