package com.voiceappoint.adapter.http.web;

/**
 * Where a login goes on to: a path of this site only. {@code //evil.example} and {@code /\evil.example} are addresses
 * of other sites to a browser, and browsers drop tabs and line breaks inside a URL before reading it, so any of those
 * anywhere, and anything not starting with one slash, sends the browser to its businesses instead.
 */
final class SafeNext {
    private static final int LONGEST = 2000;

    private SafeNext() {}

    static String of(String next) {
        if (next == null || next.isEmpty() || next.length() > LONGEST || next.charAt(0) != '/') {
            return AccountPages.HOME;
        }
        if (next.length() > 1 && (next.charAt(1) == '/' || next.charAt(1) == '\\')) {
            return AccountPages.HOME;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c == '\\' || c <= ' ' || c == 0x7f) {
                return AccountPages.HOME;
            }
        }
        return next;
    }
}
