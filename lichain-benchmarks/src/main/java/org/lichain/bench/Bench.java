package org.lichain.bench;

import org.openjdk.jmh.runner.RunnerException;

/** Runs the JMH benchmarks: {@code java -cp ... org.lichain.bench.Bench [regex] [jmh options]}. */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws RunnerException, java.io.IOException {
        org.openjdk.jmh.Main.main(args);
    }
}
