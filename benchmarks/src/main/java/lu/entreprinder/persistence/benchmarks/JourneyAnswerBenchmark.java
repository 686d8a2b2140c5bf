package lu.entreprinder.persistence.benchmarks;

import java.util.concurrent.TimeUnit;
import lu.entreprinder.persistence.benchmarks.workloads.JourneyAnswers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Workload 6: a right answer to a not yet completed journey challenge (appends to the progress JSON, sometimes
 * completes a chapter and unlocks its rewards): {@code JourneyService.answer} vs the Django-style N+1 vs
 * hand-tuned JDBC (two statements in autocommit, same row lock; since V21 all three store the attempt and award the points). Every invocation answers a new challenge (see
 * {@link JourneyAnswers}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JourneyAnswerBenchmark {

    private JourneyAnswers answers;
    private JourneyAnswers.Answers next;

    @Setup(Level.Trial)
    public void setUp() {
        Fixture fixture = Fixture.get();
        answers = new JourneyAnswers(fixture.db);
        next = new JourneyAnswers.Answers(fixture);
    }

    @Benchmark
    public Object answerLibrary() {
        return JourneyAnswers.completed(answers.library(next.next()));
    }

    @Benchmark
    public Object answerNPlusOne() {
        return JourneyAnswers.completed(answers.nPlusOne(next.next()));
    }

    @Benchmark
    public Object answerJdbc() {
        return JourneyAnswers.completed(answers.jdbc(next.next()));
    }
}
