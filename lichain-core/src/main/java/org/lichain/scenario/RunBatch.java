package org.lichain.scenario;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;

/**
 * The results of one chunk of consecutive runs, columnar: per run its stream seed, drawn inputs
 * ({@code inputs[r * nInputs + k]}) and monthly metrics ({@code monthly[(r * nMetrics + m) * nMonths + t]}).
 * Also the unit of work of the local runner and of a Spark task, and of the on-disk journal used for resume.
 */
public record RunBatch(int chunk, int firstRun, int count, int nInputs, int nMetrics, int nMonths,
        long[] runSeeds, double[] inputs, double[] monthly) {
    private static final int MAGIC = 0x4C494D43; // "LIMC"
    private static final int VERSION = 1;

    /** Computes runs [firstRun, firstRun + count) of the ensemble: the pure kernel shared by all runners. */
    public static RunBatch compute(ScenarioSpec spec, EnsembleModel model, Sampler sampler, long seed,
            int chunk, int firstRun, int count) {
        int nIn = spec.parameters().size();
        int nMet = model.metrics().size();
        int nMon = spec.months();
        long[] seeds = new long[count];
        double[] inputs = new double[count * nIn];
        double[] monthly = new double[count * nMet * nMon];
        double[][] out = new double[nMet][nMon];
        for (int r = 0; r < count; r++) {
            Draw d = sampler.draw(seed, firstRun + r);
            seeds[r] = d.runSeed();
            System.arraycopy(d.values(), 0, inputs, r * nIn, nIn);
            for (double[] row : out) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            model.run(d, out);
            for (int m = 0; m < nMet; m++) {
                System.arraycopy(out[m], 0, monthly, (r * nMet + m) * nMon, nMon);
            }
        }
        return new RunBatch(chunk, firstRun, count, nIn, nMet, nMon, seeds, inputs, monthly);
    }

    public double input(int r, int k) {
        return inputs[r * nInputs + k];
    }

    public double monthly(int r, int metric, int month) {
        return monthly[(r * nMetrics + metric) * nMonths + month];
    }

    /** Serialises with a CRC32 trailer (so a damaged file is detected, never half-read). */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 8 * (count * (1 + nInputs + nMetrics * nMonths)));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(chunk);
            out.writeInt(firstRun);
            out.writeInt(count);
            out.writeInt(nInputs);
            out.writeInt(nMetrics);
            out.writeInt(nMonths);
            for (long s : runSeeds) {
                out.writeLong(s);
            }
            for (double v : inputs) {
                out.writeLong(Double.doubleToRawLongBits(v));
            }
            for (double v : monthly) {
                out.writeLong(Double.doubleToRawLongBits(v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] all = java.util.Arrays.copyOf(body, body.length + 8);
        long c = crc.getValue();
        for (int i = 0; i < 8; i++) {
            all[body.length + i] = (byte) (c >>> (56 - 8 * i));
        }
        return all;
    }

    /** Reads what {@link #encode()} wrote; {@link IOException} if the bytes are damaged or of another version. */
    public static RunBatch decode(byte[] all) throws IOException {
        if (all.length < 40) {
            throw new IOException("chunk file too short");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = 0;
        for (int i = 0; i < 8; i++) {
            stored = (stored << 8) | (all[all.length - 8 + i] & 0xFF);
        }
        if (stored != crc.getValue()) {
            throw new IOException("chunk file checksum mismatch");
        }
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, 0, all.length - 8));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a LiChain chunk file of version " + VERSION);
        }
        int chunk = in.readInt();
        int first = in.readInt();
        int count = in.readInt();
        int nIn = in.readInt();
        int nMet = in.readInt();
        int nMon = in.readInt();
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = in.readLong();
        }
        double[] inputs = new double[count * nIn];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = Double.longBitsToDouble(in.readLong());
        }
        double[] monthly = new double[count * nMet * nMon];
        for (int i = 0; i < monthly.length; i++) {
            monthly[i] = Double.longBitsToDouble(in.readLong());
        }
        return new RunBatch(chunk, first, count, nIn, nMet, nMon, seeds, inputs, monthly);
    }
}
