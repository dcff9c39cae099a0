package com.voiceappoint.adapter.http.web;

/** Pages that belong together (the public site, the account pages, a dashboard section) and add their routes. */
interface PageGroup {
    void addTo(WebPages pages);
}
