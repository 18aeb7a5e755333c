package org.pidlink.app.database;

import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

import org.springframework.jdbc.core.SqlTypeValue;

/**
 * A large text parameter (a work's JSON: megabytes for a large collaboration) sent as its UTF-8 bytes, encoded
 * while the driver sends them, instead of the driver's whole encoded copy of the string. The SQL receives
 * {@code bytea} and converts it: write {@code convert_from(?, 'UTF8')} where the text goes. Encodes as
 * {@link String#getBytes} with UTF-8 does (an unpaired surrogate becomes {@code ?}).
 */
public final class LargeText implements SqlTypeValue {

    private final String text;

    private LargeText(String text) {
        this.text = text;
    }

    /** The parameter for {@code convert_from(?, 'UTF8')}. */
    public static LargeText of(String text) {
        return new LargeText(Objects.requireNonNull(text, "text"));
    }

    @Override
    public void setTypeValue(PreparedStatement ps, int index, int sqlType, String typeName) throws SQLException {
        // A fresh stream each time the statement is given its parameters.
        long length = utf8Length(text);
        if (length > Integer.MAX_VALUE) {
            throw new SQLException("the text is too long to send: " + length + " bytes");
        }
        ps.setBinaryStream(index, new Utf8Stream(text), (int) length);
    }

    /** The length of {@code s} in UTF-8, as {@code s.getBytes(UTF_8).length}, without encoding it. */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n += 1;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** The UTF-8 bytes of a string, encoded as they are read. */
    static final class Utf8Stream extends InputStream {

        private final String s;
        private int next;
        private final byte[] pending = new byte[4];
        private int pendingFrom;
        private int pendingTo;

        Utf8Stream(String s) {
            this.s = s;
        }

        @Override
        public int read() {
            if (pendingFrom == pendingTo && !encodeNext()) {
                return -1;
            }
            return pending[pendingFrom++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                if (pendingFrom < pendingTo) {
                    b[off + n++] = pending[pendingFrom++];
                    continue;
                }
                char c;
                if (next < s.length() && (c = s.charAt(next)) < 0x80) {
                    // The common case, ASCII, without the detour through pending.
                    b[off + n++] = (byte) c;
                    next++;
                    continue;
                }
                if (!encodeNext()) {
                    break;
                }
            }
            return n == 0 ? -1 : n;
        }

        /** Encodes the next character into pending; false at the end. */
        private boolean encodeNext() {
            if (next >= s.length()) {
                return false;
            }
            char c = s.charAt(next++);
            pendingFrom = 0;
            if (c < 0x80) {
                pending[0] = (byte) c;
                pendingTo = 1;
            } else if (c < 0x800) {
                pending[0] = (byte) (0xc0 | c >> 6);
                pending[1] = (byte) (0x80 | c & 0x3f);
                pendingTo = 2;
            } else if (Character.isHighSurrogate(c) && next < s.length() && Character.isLowSurrogate(s.charAt(next))) {
                int cp = Character.toCodePoint(c, s.charAt(next++));
                pending[0] = (byte) (0xf0 | cp >> 18);
                pending[1] = (byte) (0x80 | cp >> 12 & 0x3f);
                pending[2] = (byte) (0x80 | cp >> 6 & 0x3f);
                pending[3] = (byte) (0x80 | cp & 0x3f);
                pendingTo = 4;
            } else if (Character.isSurrogate(c)) {
                pending[0] = '?';
                pendingTo = 1;
            } else {
                pending[0] = (byte) (0xe0 | c >> 12);
                pending[1] = (byte) (0x80 | c >> 6 & 0x3f);
                pending[2] = (byte) (0x80 | c & 0x3f);
                pendingTo = 3;
            }
            return true;
        }
    }
}
