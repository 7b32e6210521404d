package org.lichain.server.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.lichain.dataset.DatasetException;
import org.lichain.market.ResultJson;
import org.lichain.market.Scenario;
import org.lichain.market.ScenarioParser;
import org.lichain.market.Simulation;
import org.lichain.market.SimulationResult;
import org.lichain.server.ApiProblem;
import org.lichain.world.World;

/**
 * {@code "simulate"} jobs: one run of the monthly market simulation (issue #3) whose result is the body of
 * {@code lichain simulate --json} ({@link ResultJson#tree}). The request's scenario keys are those of a scenario
 * file, parsed on top of the embedded base scenario exactly as {@code --scenario FILE} is; an empty scenario is
 * the base scenario. Scenario errors are 400 naming {@code scenario.<field>}.
 */
public final class SimulateJobRunner implements JobRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String kind() {
        return "simulate";
    }

    @Override
    public Work prepare(World world, ObjectNode scenario, int runs) {
        if (runs != 1) {
            throw ApiProblem.invalid("runs", "a simulation is one run; use kind \"mc\" for an ensemble");
        }
        Scenario s = scenario(scenario, world);
        return ctx -> {
            ctx.progress(0, 1, "simulating " + s.from() + ".." + s.to());
            SimulationResult r = Simulation.runFrom(world, s, s.seed()); // a later start: from the observed state
            ctx.progress(1, 1, "done");
            return ResultJson.tree(r);
        };
    }

    static Scenario scenario(ObjectNode request, World world) {
        if (request.isEmpty()) {
            return Scenario.base();
        }
        String text;
        try {
            text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return ScenarioParser.parse("api", text, world); // the scenario is named "api" unless it has a name
        } catch (DatasetException e) {
            throw McJobRunner.invalid(e);
        }
    }
}
