package com.voiceappoint.domain.business;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A business's logo, shown on its public page and its dashboard: a PNG, JPEG or WebP image of at most {@value
 * #MAX_BYTES} bytes. What it is is read from its own first bytes, never from a file name or a declared type, so a page
 * or a script renamed ".png" is refused and a browser is never told to read anything else as an image.
 *
 * @param digest the SHA-256 of the bytes in hex: the same image always has the same one, so it names a version
 */
public record Logo(BusinessId businessId, String mediaType, byte[] bytes, String digest) {
    public static final int MAX_BYTES = 512 * 1024;
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String WEBP = "image/webp";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP_MARK = "WEBP".getBytes(StandardCharsets.US_ASCII);

    public Logo {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(digest, "digest");
        bytes = bytes.clone();
    }

    /**
     * The image as uploaded, if it is one this accepts.
     *
     * @throws InvalidValueException for field {@code logo}: empty, too large, or not a PNG, JPEG or WebP image
     */
    public static Logo of(BusinessId businessId, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        InvalidValueException.check(bytes.length > 0, "logo", "a logo is an image file");
        InvalidValueException.check(bytes.length <= MAX_BYTES, "logo", "a logo is at most 512 KB");
        String type = mediaTypeOf(bytes)
                .orElseThrow(() -> new InvalidValueException("logo", "a logo is a PNG, JPEG or WebP image"));
        return new Logo(businessId, type, bytes, sha256(bytes));
    }

    /** The type the bytes themselves announce, among the image types a logo may have. */
    public static Optional<String> mediaTypeOf(byte[] bytes) {
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, JPEG_SIGNATURE)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP_MARK)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Logo that
                && businessId.equals(that.businessId)
                && mediaType.equals(that.mediaType)
                && digest.equals(that.digest)
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(businessId, mediaType, digest);
    }

    @Override
    public String toString() {
        return "Logo[" + businessId + ", " + mediaType + ", " + bytes.length + " bytes, " + digest + "]";
    }
}
