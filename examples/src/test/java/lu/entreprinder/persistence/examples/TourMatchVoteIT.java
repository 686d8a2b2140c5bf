package lu.entreprinder.persistence.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import lu.entreprinder.persistence.core.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tour's issue-20 step for matching, vineyards and votes (on an embedded SQLite file, like the README's run). */
class TourMatchVoteIT {

    @Test
    void theTourShowsADislikeThreePlotsInOneCallAndAnEveningsVote(@TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MutableClock clock = new MutableClock(Tour.START);
        try (Database db = Database.open(Tour.config("jdbc:sqlite:" + dir.resolve("tour.db"), clock))) {
            new Tour(db, clock, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        }
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(output)
                .contains("carla's candidates: [ben, david, anna] (1 SQL)")
                .contains("carla dislikes david -> disliked (3 SQL)")
                .contains("carla's candidates: [ben, anna] (1 SQL)")
                .contains("carla reserves [Wellenstein terrace, Koeppchen parcel A, Koeppchen parcel B] -> nothing "
                        + "reserved: not available [Koeppchen parcel A] (1 SQL)")
                .contains("carla reserves [Wellenstein terrace, Wormeldange slope, Koeppchen parcel B] -> reserved 3 "
                        + "plots until")
                .contains("sophie opens the voting session -> opened (2 SQL)")
                .contains("carla rates david 4/5 -> updated (was 3) (3 SQL)")
                .contains("emma rates anna 5/5 -> refused: emma did not attend")
                .contains("sophie closes the vote -> closed (2 SQL)")
                .contains("david rates carla 5/5 -> refused: the vote is closed (1 SQL)")
                .contains("result: anna, average 4.50 from 2 rating(s)")
                .contains("result: david, average 4.50 from 2 rating(s)")
                .contains("result: carla, average 4.00 from 1 rating(s)")
                .contains("(results: 1 SQL)")
                .contains("mutual high ratings: anna and carla (4 and 5)")
                .contains("mutual high ratings: anna and david (5 and 4)");
    }
}
