package org.lichain.server.jobs;

import org.lichain.dataset.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.lichain.dataset.DatasetException;
import org.lichain.dataset.Problem;
import org.lichain.scenario.EnsembleLayout;
import org.lichain.scenario.EnsembleModel;
import org.lichain.scenario.EnsembleModels;
import org.lichain.scenario.EnsembleRunner;
import org.lichain.scenario.ScenarioFile;
import org.lichain.scenario.ScenarioSpec;
import org.lichain.scenario.SummaryBuilder;
import org.lichain.server.ApiProblem;
import org.lichain.world.World;

/**
 * {@code "mc"} jobs: a Monte Carlo ensemble (issue #7) whose result is the body of {@code summary.json}.
 * The request's scenario keys are laid over the embedded base ensemble (the one {@code lichain mc} runs without
 * {@code --scenario}), so {@code {"from": "2020-01", "to": "2030-12", "seed": 7}} is the base ensemble over
 * that span; a {@code parameters} key replaces the base parameters. Runs one thread per job (the server's job
 * workers are the parallelism) and keeps results in memory, not in DuckDB/Parquet. Available only when an
 * ensemble model is on the classpath ({@link EnsembleModels#available()}); until then the kind answers 501.
 */
public final class McJobRunner implements JobRunner {
    /** The embedded base ensemble, as in {@code lichain mc}. */
    public static final String BASE_ENSEMBLE = "/org/lichain/scenario/base-ensemble.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String kind() {
        return "mc";
    }

    @Override
    public boolean available() {
        return !EnsembleModels.available().isEmpty();
    }

    @Override
    public Work prepare(World world, ObjectNode scenario, int runs) {
        ScenarioSpec spec = spec(scenario);
        EnsembleModel model;
        if (!EnsembleModels.available().contains(spec.model())) {
            throw ApiProblem.notAvailable("jobs.mc", "model '" + spec.model() + "' is not available in this build "
                    + "(available: " + EnsembleModels.available() + ")");
        }
        try {
            model = EnsembleModels.create(spec);
        } catch (DatasetException e) {
            throw invalid(e);
        } catch (InvalidInputException e) {
            throw ApiProblem.invalid("scenario", e.getMessage());
        }
        long seed = spec.seed();
        return ctx -> {
            EnsembleLayout layout = new EnsembleLayout(spec, model.metrics());
            SummaryBuilder summary = new SummaryBuilder(layout, seed, runs);
            EnsembleRunner.Options o = new EnsembleRunner.Options(runs, 1, seed,
                    EnsembleRunner.Options.DEFAULT_CHUNK_RUNS);
            AtomicLong done = new AtomicLong();
            ctx.progress(0, runs, "starting");
            EnsembleRunner.run(spec, model, o, new BitSet(), batch -> {
                ctx.checkCancelled();
                synchronized (summary) {
                    summary.add(batch);
                }
            }, n -> ctx.progress(done.addAndGet(n), runs, done.get() + " of " + runs + " runs"));
            return summary.build().toJson(JSON);
        };
    }

    /** The base ensemble with the request's top-level keys laid over it, parsed as a scenario file. */
    static ScenarioSpec spec(ObjectNode request) {
        ObjectNode merged = base();
        for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            merged.set(e.getKey(), e.getValue());
        }
        String text;
        try {
            text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merged);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return ScenarioFile.parse("scenario", "api", text);
        } catch (DatasetException e) {
            throw invalid(e);
        }
    }

    /** A scenario problem as a 400 naming {@code scenario.<field>} (the first problem; the count of the others). */
    static ApiProblem invalid(DatasetException e) {
        Problem p = e.problems().get(0);
        String field = p.field() == null || p.field().isEmpty() ? "scenario" : "scenario." + p.field();
        return ApiProblem.invalid(field, p.reason() + (e.problems().size() > 1
                ? " (and " + (e.problems().size() - 1) + " more problems)" : ""));
    }

    private static ObjectNode base() {
        try (InputStream in = McJobRunner.class.getResourceAsStream(BASE_ENSEMBLE)) {
            if (in == null) {
                throw new IllegalStateException("embedded base ensemble " + BASE_ENSEMBLE + " is missing");
            }
            return (ObjectNode) new YAMLMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
