package com.voiceappoint.adapter.vapi;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A filter that must see every byte: a skip reads the bytes through {@link #read(byte[], int, int)} instead of
 * letting the stream underneath jump over them, as {@link FilterInputStream#skip} would.
 */
abstract class ReadThroughStream extends FilterInputStream {
    ReadThroughStream(InputStream in) {
        super(in);
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }
}
