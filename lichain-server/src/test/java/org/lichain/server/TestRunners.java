package org.lichain.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.lichain.server.jobs.JobRunner;
import org.lichain.world.World;

/** Job runners for tests only (kinds prefixed "test-"): they exercise the job machinery, not a model. */
final class TestRunners {
    private TestRunners() {
    }

    /** Counts assets in 10 progress steps and returns {"assets": n, "runs": runs}; rejects scenario.bad. */
    static JobRunner count() {
        return new JobRunner() {
            @Override
            public String kind() {
                return "test-count";
            }

            @Override
            public Work prepare(World world, ObjectNode scenario, int runs) {
                if (scenario.has("bad")) {
                    throw ApiProblem.invalid("scenario.bad", "rejected by the runner");
                }
                return ctx -> {
                    for (int i = 1; i <= 10; i++) {
                        ctx.checkCancelled();
                        ctx.progress(i, 10, "step " + i);
                    }
                    ObjectNode r = Json.object();
                    r.put("assets", world.assets().size());
                    r.put("runs", runs);
                    return r;
                };
            }
        };
    }

    /** Blocks until the latch opens (or the job is cancelled). */
    static JobRunner blocking(CountDownLatch release) {
        return new JobRunner() {
            @Override
            public String kind() {
                return "test-block";
            }

            @Override
            public Work prepare(World world, ObjectNode scenario, int runs) {
                return ctx -> {
                    ctx.progress(0, 1, "waiting");
                    while (!release.await(50, TimeUnit.MILLISECONDS)) {
                        ctx.checkCancelled();
                    }
                    ctx.progress(1, 1, "released");
                    return Json.object().put("released", true);
                };
            }
        };
    }
}
