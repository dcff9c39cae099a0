package com.voiceappoint.adapter.vapi;

import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON document's bytes as they stream by, with every string (field names too) cut to at most {@code longest} bytes
 * of its content, ending on a whole character or escape. Jackson decodes a string whole before anything can be done
 * with it, so without this one text longer than a message may hold would make the whole message unreadable, where
 * losing the end of that text is all it should cost.
 *
 * <p>Only where strings begin and end is followed, which JSON makes simple: outside a string a quote opens one;
 * inside, a backslash takes the next byte (and after a {@code u}, four hex digits more) with it, and a quote closes it. Whatever
 * is not JSON passes on unchanged, for the parser to refuse. Skipped bytes still open and close strings, so they are
 * read through.
 */
final class CutTexts extends ReadThroughStream {
    /** The longest a character is written in JSON: a backslash, a {@code u} and four hex digits. */
    private static final int LONGEST_CHARACTER = 6;

    private final long longest;
    private boolean inString;
    private boolean afterBackslash;
    private int hexLeft;
    private long kept;
    private boolean cutting;

    CutTexts(InputStream in, long longest) {
        super(in);
        this.longest = longest;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            int n = in.read(bytes, offset, length);
            if (n <= 0) {
                return n;
            }
            int passed = offset;
            for (int i = offset; i < offset + n; i++) {
                if (passes(bytes[i])) {
                    bytes[passed++] = bytes[i];
                }
            }
            if (passed > offset) {
                return passed - offset;
            }
            // all of it was the cut end of a string: read on
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public int available() {
        return 0;
    }

    /** Whether the byte is passed on; follows where strings begin and end. */
    private boolean passes(byte b) {
        if (!inString) {
            if (b == '"') {
                inString = true;
                kept = 0;
                cutting = false;
            }
            return true;
        }
        if (afterBackslash) {
            afterBackslash = false;
            hexLeft = b == 'u' ? 4 : 0;
            return kept();
        }
        if (hexLeft > 0) {
            hexLeft--;
            return kept();
        }
        if (b == '"') {
            inString = false;
            return true;
        }
        // a character starts here unless this continues one in UTF-8 (10xxxxxx): only there is it cut
        boolean starts = (b & 0xC0) != 0x80;
        if (starts && !cutting && kept + LONGEST_CHARACTER > longest) {
            cutting = true;
        }
        afterBackslash = b == '\\';
        return kept();
    }

    private boolean kept() {
        if (cutting) {
            return false;
        }
        kept++;
        return true;
    }
}
