package lu.entreprinder.persistence.benchmarks;

import java.util.function.Supplier;

/**
 * One variant of a workload in the launcher's interleaved rounds: {@code op} runs one operation and returns its
 * (non-null) answer. The first variant of a list is the library's; the others are its comparators.
 */
public record Variant(String name, Supplier<?> op) {
}
