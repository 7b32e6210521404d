package org.lichain.cli;

import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with elapsed time and ETA on stderr for a counted piece of work (e.g. one LP per plant and month),
 * off with {@code --quiet}. Close it when the work is done.
 */
final class WorkProgress implements AutoCloseable {
    private final ProgressBar bar;

    WorkProgress(String task, long total, String unit) {
        bar = Console.quiet() || total <= 0 ? null : new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" " + unit, 1).setMaxRenderedLength(100)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).startsFrom(0, Duration.ZERO).build();
    }

    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
