package org.lichain.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one way LiChain turns an input file's bytes into text: strict UTF-8 (a UTF-8 byte-order mark is allowed;
 * UTF-16 and any malformed byte sequence are refused) and no NUL characters, each refusal located as
 * {@code file:line:column} in a {@link DatasetException}. Every reader of user files (dataset CSVs, scenario and
 * ensemble YAML, tariff files, measurement CSVs) goes through here.
 */
public final class TextInput {
    private TextInput() {
    }

    /** Reads and decodes a file; a missing or unreadable file is an {@link InvalidInputException} naming it. */
    public static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InvalidInputException(file + ": permission denied", e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read (" + (e.getMessage() == null ? "I/O error"
                    : e.getClass().getSimpleName().replace("Exception", "")) + ")", e);
        } catch (OutOfMemoryError e) {
            throw new InvalidInputException(file + ": too large to read", e);
        }
        return decode(file.toString(), bytes);
    }

    /**
     * Checks that a (possibly large) file is strict UTF-8 without NUL characters, streaming it in 64 KiB blocks;
     * the first bad byte is reported as {@code name:line:column}. For readers that then stream the file themselves.
     */
    public static void checkUtf8(Path file, String name) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        long col = 1;
        try (java.nio.channels.ReadableByteChannel ch = Files.newByteChannel(file)) {
            boolean eof = false;
            boolean first = true;
            while (!eof) {
                eof = ch.read(in) < 0;
                in.flip();
                if (first && in.remaining() >= 2 && ((in.get(0) == (byte) 0xFE && in.get(1) == (byte) 0xFF)
                        || (in.get(0) == (byte) 0xFF && in.get(1) == (byte) 0xFE))) {
                    throw fail(name, 1, 1, "is UTF-16; save it as UTF-8");
                }
                first = false;
                CoderResult r = dec.decode(in, out, eof);
                out.flip();
                while (out.hasRemaining()) {
                    char c = out.get();
                    if (c == '\0') {
                        throw fail(name, (int) Math.min(line, Integer.MAX_VALUE), (int) Math.min(col,
                                Integer.MAX_VALUE), "holds a NUL character (a binary file?)");
                    }
                    if (c == '\n') {
                        line++;
                        col = 1;
                    } else if (!Character.isLowSurrogate(c)) {
                        col++;
                    }
                }
                out.clear();
                if (r.isError()) {
                    throw fail(name, (int) Math.min(line, Integer.MAX_VALUE), (int) Math.min(col, Integer.MAX_VALUE),
                            String.format("is not valid UTF-8 (byte 0x%02X); save the file as UTF-8",
                                    in.get(in.position()) & 0xFF));
                }
                in.compact();
            }
        } catch (IOException e) {
            throw new InvalidInputException(name + ": cannot be read", e);
        }
    }

    /** Decodes {@code bytes} named {@code name} in messages; see the class comment for what is refused. */
    public static String decode(String name, byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw fail(name, 1, 1, "is UTF-16 (byte-order mark " + String.format("%02X %02X", bytes[0], bytes[1])
                    + "); save it as UTF-8");
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, bytes.length + 1L));
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int[] lc = lineColumn(bytes, at);
            throw fail(name, lc[0], lc[1], String.format("is not valid UTF-8 (byte 0x%02X at byte offset %d); "
                    + "save the file as UTF-8", bytes[at] & 0xFF, at));
        }
        dec.flush(out);
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int line = 1;
            int col = 1;
            for (int i = 0; i < nul; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            throw fail(name, line, col, "holds a NUL character (a binary file?)");
        }
        return text;
    }

    private static DatasetException fail(String name, int line, int column, String reason) {
        return new DatasetException("cannot read " + name, List.of(new Problem(name, line, column, null, null,
                reason)));
    }

    private static int[] lineColumn(byte[] bytes, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                col = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
