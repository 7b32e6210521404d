package org.lichain.dataset;

import java.util.ArrayList;
import java.util.List;

/** Collects every validation problem so that a check reports them all at once, then fails once. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(Problem p) {
        list.add(p);
    }

    public void add(String file, int line, int column, String field, String value, String reason) {
        list.add(new Problem(file, line, column, field, value, reason));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    /** Throws a {@link DatasetException} with every problem collected, if there is any. */
    public void throwIfAny(String what) {
        if (!list.isEmpty()) {
            throw new DatasetException(what, list);
        }
    }
}
