package lu.entreprinder.persistence.crushlu;

import java.util.ArrayList;
import java.util.List;
import lu.entreprinder.persistence.core.Database;

/** Journeys for this module's journey tests. */
final class JourneyFixtures {

    private JourneyFixtures() {
    }

    /** The ids of the standard journey. */
    record Story(long journeyId, List<Long> chapters, List<List<Long>> challenges, List<List<Long>> rewards) {
        long challenge(int chapter, int index) {
            return challenges.get(chapter - 1).get(index);
        }
    }

    /**
     * Three chapters, two challenges and two rewards each. Chapter 1: a riddle ("Crème Brûlée", with a hint) and a
     * multiple choice (Luxembourg of Paris/Luxembourg/Rome); chapter 2: a word scramble ("Schueberfouer") and a
     * timeline sort (shown C, A, B; right order A, B, C); chapter 3: a would-you-rather and an open text.
     */
    static Story story(Database db, String name) {
        JourneyDao dao = new JourneyDao(db);
        long journey = dao.insertJourney(name, "A journey for two", true);
        List<Long> chapters = new ArrayList<>();
        List<List<Long>> challenges = new ArrayList<>();
        List<List<Long>> rewards = new ArrayList<>();
        long ch1 = dao.insertChapter(journey, 1, "First steps", "Where it began");
        long ch2 = dao.insertChapter(journey, 2, "The fair", "Summer");
        long ch3 = dao.insertChapter(journey, 3, "Tomorrow", "What comes next");
        chapters.addAll(List.of(ch1, ch2, ch3));
        // inserted out of order on purpose: order decides
        long mc = dao.insertChallenge(ch1, NewJourneyChallenge.multipleChoice("Where did we meet?",
                List.of("Paris", "Luxembourg", "Rome"), "Luxembourg", "", 2));
        long riddle = dao.insertChallenge(ch1, NewJourneyChallenge.riddle("What did we eat first?", "Crème Brûlée",
                "A French dessert", 1));
        challenges.add(List.of(riddle, mc));
        long scramble = dao.insertChallenge(ch2, NewJourneyChallenge.wordScramble("REUOFBEUHCS", "Schueberfouer",
                "", 1));
        long timeline = dao.insertChallenge(ch2, NewJourneyChallenge.timelineSort("Sort our summer",
                List.of("C", "A", "B"), List.of("A", "B", "C"), "alphabet", 2));
        challenges.add(List.of(scramble, timeline));
        long wyr = dao.insertChallenge(ch3, NewJourneyChallenge.wouldYouRather("Beach or mountains?",
                List.of("beach", "mountains"), 1));
        long open = dao.insertChallenge(ch3, NewJourneyChallenge.openText("Write a wish", 2));
        challenges.add(List.of(wyr, open));
        for (long ch : chapters) {
            rewards.add(List.of(
                    dao.insertReward(ch, JourneyRewardType.POEM, "Poem " + ch, "Roses are red", ""),
                    dao.insertReward(ch, JourneyRewardType.PHOTO_REVEAL, "Photo " + ch, "", "journey_rewards/p.jpg")));
        }
        return new Story(journey, chapters, challenges, rewards);
    }

    /** One chapter of {@code n} open-text challenges and two rewards: any answer completes a challenge. */
    static Story openChapter(Database db, String name, int n) {
        JourneyDao dao = new JourneyDao(db);
        long journey = dao.insertJourney(name, "", true);
        long ch = dao.insertChapter(journey, 1, "Only chapter", "");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(dao.insertChallenge(ch, NewJourneyChallenge.openText("Question " + i, i)));
        }
        List<Long> rewards = List.of(
                dao.insertReward(ch, JourneyRewardType.POEM, "Poem", "…", ""),
                dao.insertReward(ch, JourneyRewardType.FUTURE_LETTER, "Letter", "Dear future", ""));
        return new Story(journey, List.of(ch), List.of(ids), List.of(rewards));
    }
}
