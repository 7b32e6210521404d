package org.lichain.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lichain.world.World;

/**
 * A kind of asynchronous job ({@code "simulate"}, {@code "mc"}) that {@code POST /api/jobs} can start.
 * Implementations live in lichain-server (they adapt a core capability such as {@code market} or
 * {@code scenario}) and are found with {@link java.util.ServiceLoader} from
 * {@code META-INF/services/org.lichain.server.jobs.JobRunner}, or passed to the server builder.
 * A kind with no runner answers 501 "not available in this build": no fake results.
 */
public interface JobRunner {
    /** The {@code kind} this runner answers, e.g. {@code "simulate"}. */
    String kind();

    /** False while the capability behind it is missing (e.g. no ensemble model): the kind then answers 501. */
    default boolean available() {
        return true;
    }

    /**
     * Validates the request synchronously (so that a bad scenario is a 400 before anything is queued) and
     * returns the work to run. Throw {@link org.lichain.server.ApiProblem#invalid(String, String)} naming the
     * field, e.g. {@code scenario.policies.tariffs[0].rate}.
     *
     * @param world    the server's world (immutable)
     * @param scenario the scenario object of the request (the keys of a scenario file); empty when absent
     * @param runs     number of runs requested (1 when absent)
     */
    Work prepare(World world, ObjectNode scenario, int runs);

    /** The work of one job: returns the result body served by {@code GET /api/jobs/{id}/result}. */
    @FunctionalInterface
    interface Work {
        JsonNode run(JobContext context) throws Exception;
    }
}
