package nl.knooppunt.testdata;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/** Large test input generated while it is read, never held in memory: a prefix, {@code fill} filler bytes, a suffix. */
public final class GeneratedInput {

    private GeneratedInput() {
    }

    public static InputStream stream(byte[] prefix, long fill, byte filler, byte[] suffix) {
        InputStream middle = new InputStream() {
            long left = fill;

            @Override
            public int read() {
                return left-- > 0 ? filler & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, filler);
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(new ByteArrayInputStream(prefix),
                new SequenceInputStream(middle, new ByteArrayInputStream(suffix)));
    }
}
