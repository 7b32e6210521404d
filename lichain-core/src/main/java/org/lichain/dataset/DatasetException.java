package org.lichain.dataset;

import java.util.List;

/** Invalid input data: carries every problem found, each with file, line, column, field and reason. */
public final class DatasetException extends InvalidInputException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public DatasetException(String what, List<Problem> problems) {
        super(message(what, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(String what, List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(what).append(": ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        for (Problem p : problems) {
            sb.append(System.lineSeparator()).append("  ").append(p);
        }
        return sb.toString();
    }
}
