package org.lichain.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.lichain.scenario.EnsembleLayout;
import org.lichain.scenario.EnsembleModel;
import org.lichain.scenario.EnsembleModels;
import org.lichain.scenario.EnsembleRunner;
import org.lichain.scenario.EnsembleSummary;
import org.lichain.scenario.Metric;
import org.lichain.scenario.RunBatch;
import org.lichain.scenario.Sampler;
import org.lichain.scenario.ScenarioFile;
import org.lichain.scenario.ScenarioSpec;
import org.lichain.scenario.SummaryBuilder;

/**
 * A LiChain Monte Carlo ensemble on Apache Spark:
 * {@code spark-submit --class org.lichain.spark.EnsembleJob lichain-spark.jar --scenario F --runs N --out PATH
 * [--seed S] [--partitions P]}. Runs are grouped in the same chunks as the local runner and the chunks in a
 * few partitions (each Spark task costs milliseconds, so a task must hold many runs); every run draws from
 * its (seed, run) stream, so the results are bit-identical to {@code lichain mc}. Writes
 * {@code PATH/runs.parquet}, {@code PATH/months.parquet} and {@code PATH/annual.parquet} (Spark's folder
 * form, same columns as the local files) and {@code PATH/summary.json}.
 */
public final class EnsembleJob {
    /** Parsed command-line arguments. */
    public record Args(Path scenario, int runs, Long seed, String out, int partitions, int chunkRuns) implements Serializable {
        static Args parse(String[] a) {
            Path scenario = null;
            int runs = 1000;
            Long seed = null;
            String out = null;
            int partitions = 0;
            int chunk = EnsembleRunner.Options.DEFAULT_CHUNK_RUNS;
            for (int i = 0; i < a.length; i++) {
                String v = i + 1 < a.length ? a[i + 1] : null;
                switch (a[i]) {
                    case "--scenario" -> scenario = Path.of(require(a[i], v));
                    case "--runs" -> runs = Integer.parseInt(require(a[i], v));
                    case "--seed" -> seed = Long.parseLong(require(a[i], v));
                    case "--out" -> out = require(a[i], v);
                    case "--partitions" -> partitions = Integer.parseInt(require(a[i], v));
                    case "--chunk-runs" -> chunk = Integer.parseInt(require(a[i], v));
                    default -> throw new IllegalArgumentException("unknown argument " + a[i] + "; usage: --scenario F "
                            + "--runs N --out PATH [--seed S] [--partitions P] [--chunk-runs C]");
                }
                i++;
            }
            if (scenario == null || out == null) {
                throw new IllegalArgumentException("--scenario F and --out PATH are required");
            }
            return new Args(scenario, runs, seed, out, partitions, chunk);
        }

        private static String require(String opt, String v) {
            if (v == null) {
                throw new IllegalArgumentException(opt + " needs a value");
            }
            return v;
        }
    }

    private EnsembleJob() {
    }

    public static void main(String[] argv) throws IOException {
        Args args = Args.parse(argv);
        SparkSession spark = SparkSession.builder().appName("lichain-mc").getOrCreate();
        try {
            EnsembleSummary s = run(spark, args);
            System.out.println("lichain-spark: " + s.runs() + " runs of '" + s.scenario() + "' written to " + args.out());
        } finally {
            spark.stop();
        }
    }

    /** Runs the ensemble on the session and writes the outputs; returns the summary. */
    public static EnsembleSummary run(SparkSession spark, Args args) throws IOException {
        String fileName = args.scenario().toString();
        String yaml = Files.readString(args.scenario(), StandardCharsets.UTF_8);
        String stem = args.scenario().getFileName().toString().replaceFirst("\\.ya?ml$", "");
        ScenarioSpec spec = ScenarioFile.parse(fileName, stem, yaml);
        EnsembleModel model = EnsembleModels.create(spec);
        EnsembleLayout layout = new EnsembleLayout(spec, model.metrics());
        long seed = args.seed() == null ? spec.seed() : args.seed();
        EnsembleRunner.Options o = new EnsembleRunner.Options(args.runs(), 1, seed, args.chunkRuns());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = args.partitions() > 0 ? args.partitions() : Math.max(1, jsc.defaultParallelism() * 2);
        partitions = Math.min(partitions, o.chunks());
        List<Integer> chunks = new ArrayList<>();
        for (int c = 0; c < o.chunks(); c++) {
            chunks.add(c);
        }
        // one task per partition; each rebuilds the model by name from the scenario text and computes its chunks
        JavaRDD<byte[]> batches = jsc.parallelize(chunks, partitions)
                .mapPartitions(new ComputeChunks(fileName, stem, yaml, o))
                .persist(StorageLevel.MEMORY_AND_DISK());
        String out = args.out().endsWith("/") ? args.out() : args.out() + "/";
        spark.createDataFrame(batches.flatMap(new RunRows(fileName, stem, yaml, model.metrics())), runsSchema(layout))
                .write().mode(SaveMode.Overwrite).parquet(out + "runs.parquet");
        spark.createDataFrame(batches.flatMap(new MonthRows(fileName, stem, yaml, model.metrics())), monthsSchema(layout))
                .write().mode(SaveMode.Overwrite).parquet(out + "months.parquet");
        spark.createDataFrame(batches.flatMap(new AnnualRows(fileName, stem, yaml, model.metrics())), annualSchema(layout))
                .write().mode(SaveMode.Overwrite).parquet(out + "annual.parquet");
        SummaryBuilder sb = new SummaryBuilder(layout, seed, o.runs());
        for (byte[] b : batches.collect()) {
            sb.add(decode(b));
        }
        batches.unpersist(false);
        EnsembleSummary summary = sb.build();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        byte[] json = (mapper.writeValueAsString(summary.toJson(mapper)) + "\n").getBytes(StandardCharsets.UTF_8);
        org.apache.hadoop.fs.Path summaryPath = new org.apache.hadoop.fs.Path(out + "summary.json");
        FileSystem fs = FileSystem.get(URI.create(out), jsc.hadoopConfiguration());
        try (OutputStream os = fs.create(summaryPath, true)) {
            os.write(json);
        }
        return summary;
    }

    static RunBatch decode(byte[] b) {
        try {
            return RunBatch.decode(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static StructType runsSchema(EnsembleLayout layout) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("run", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("seed", DataTypes.LongType, false));
        for (String c : layout.inputColumns()) {
            f.add(DataTypes.createStructField(c, DataTypes.DoubleType, true));
        }
        for (String c : layout.keyOutputColumns()) {
            f.add(DataTypes.createStructField(c, DataTypes.DoubleType, true));
        }
        return DataTypes.createStructType(f);
    }

    static StructType monthsSchema(EnsembleLayout layout) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("run", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("month", DataTypes.StringType, false));
        for (Metric m : layout.metrics()) {
            f.add(DataTypes.createStructField(m.name(), DataTypes.DoubleType, true));
        }
        return DataTypes.createStructType(f);
    }

    static StructType annualSchema(EnsembleLayout layout) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("run", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("year", DataTypes.IntegerType, false));
        for (Metric m : layout.metrics()) {
            f.add(DataTypes.createStructField(m.annualName(), DataTypes.DoubleType, true));
        }
        return DataTypes.createStructType(f);
    }

    /** Executor side: the scenario text travels with the closure; the spec and layout are rebuilt per task. */
    abstract static class WithSpec implements Serializable {
        private static final long serialVersionUID = 1L;
        final String fileName;
        final String stem;
        final String yaml;

        WithSpec(String fileName, String stem, String yaml) {
            this.fileName = fileName;
            this.stem = stem;
            this.yaml = yaml;
        }

        ScenarioSpec spec() {
            return ScenarioFile.parse(fileName, stem, yaml);
        }
    }

    static final class ComputeChunks extends WithSpec
            implements org.apache.spark.api.java.function.FlatMapFunction<Iterator<Integer>, byte[]> {
        private static final long serialVersionUID = 1L;
        private final EnsembleRunner.Options o;

        ComputeChunks(String fileName, String stem, String yaml, EnsembleRunner.Options o) {
            super(fileName, stem, yaml);
            this.o = o;
        }

        @Override
        public Iterator<byte[]> call(Iterator<Integer> chunks) {
            ScenarioSpec spec = spec();
            EnsembleModel model = EnsembleModels.create(spec);
            Sampler sampler = new Sampler(spec);
            List<byte[]> out = new ArrayList<>();
            while (chunks.hasNext()) {
                int c = chunks.next();
                out.add(RunBatch.compute(spec, model, sampler, o.seed(), c, o.firstRun(c), o.count(c)).encode());
            }
            return out.iterator();
        }
    }

    abstract static class Rows extends WithSpec implements org.apache.spark.api.java.function.FlatMapFunction<byte[], Row> {
        private static final long serialVersionUID = 1L;
        private final List<Metric> metrics;
        private transient EnsembleLayout layout;

        Rows(String fileName, String stem, String yaml, List<Metric> metrics) {
            super(fileName, stem, yaml);
            this.metrics = List.copyOf(metrics);
        }

        EnsembleLayout layout() {
            if (layout == null) {
                layout = new EnsembleLayout(spec(), metrics);
            }
            return layout;
        }

        @Override
        public Iterator<Row> call(byte[] bytes) {
            RunBatch b = decode(bytes);
            List<Row> rows = new ArrayList<>();
            for (int r = 0; r < b.count(); r++) {
                rows(b, r, layout(), rows);
            }
            return rows.iterator();
        }

        abstract void rows(RunBatch b, int r, EnsembleLayout layout, List<Row> rows);
    }

    static final class RunRows extends Rows {
        private static final long serialVersionUID = 1L;

        RunRows(String f, String s, String y, List<Metric> m) {
            super(f, s, y, m);
        }

        @Override
        void rows(RunBatch b, int r, EnsembleLayout layout, List<Row> rows) {
            double[] outputs = layout.keyOutputs(b, r);
            Object[] v = new Object[2 + b.nInputs() + outputs.length];
            v[0] = b.firstRun() + r;
            v[1] = b.runSeeds()[r];
            for (int k = 0; k < b.nInputs(); k++) {
                v[2 + k] = b.input(r, k);
            }
            for (int k = 0; k < outputs.length; k++) {
                v[2 + b.nInputs() + k] = outputs[k];
            }
            rows.add(RowFactory.create(v));
        }
    }

    static final class MonthRows extends Rows {
        private static final long serialVersionUID = 1L;

        MonthRows(String f, String s, String y, List<Metric> m) {
            super(f, s, y, m);
        }

        @Override
        void rows(RunBatch b, int r, EnsembleLayout layout, List<Row> rows) {
            for (int t = 0; t < b.nMonths(); t++) {
                Object[] v = new Object[2 + b.nMetrics()];
                v[0] = b.firstRun() + r;
                v[1] = layout.month(t);
                for (int m = 0; m < b.nMetrics(); m++) {
                    v[2 + m] = b.monthly(r, m, t);
                }
                rows.add(RowFactory.create(v));
            }
        }
    }

    static final class AnnualRows extends Rows {
        private static final long serialVersionUID = 1L;

        AnnualRows(String f, String s, String y, List<Metric> m) {
            super(f, s, y, m);
        }

        @Override
        void rows(RunBatch b, int r, EnsembleLayout layout, List<Row> rows) {
            double[][] an = new double[b.nMetrics()][];
            for (int m = 0; m < an.length; m++) {
                an[m] = layout.annual(b, r, m);
            }
            for (int y = 0; y < layout.years(); y++) {
                Object[] v = new Object[2 + b.nMetrics()];
                v[0] = b.firstRun() + r;
                v[1] = layout.firstYear() + y;
                for (int m = 0; m < an.length; m++) {
                    v[2 + m] = an[m][y];
                }
                rows.add(RowFactory.create(v));
            }
        }
    }
}
