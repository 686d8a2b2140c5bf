package com.example.springconsumer;

import java.util.ArrayList;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.entreprinder.NewUser;
import lu.entreprinder.persistence.entreprinder.UserCreationResult;
import lu.entreprinder.persistence.entreprinder.UserDao;
import lu.entreprinder.persistence.matching.LikeResult;
import lu.entreprinder.persistence.matching.MatchingService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The service's own transactional method, calling two of the library's DAOs. */
@Service
public class Matchmaking {

    private final Database db;
    private final UserDao users;
    private final MatchingService matching;
    private final List<String> mails = new ArrayList<>();

    public Matchmaking(Database db, UserDao users, MatchingService matching) {
        this.db = db;
        this.users = users;
        this.matching = matching;
    }

    // --- README snippet start (service)
    /** Two sign-ups and their mutual likes: all of it commits with Spring's transaction, or none of it. */
    @Transactional
    public LikeResult signUpAndMatch(String a, String b) {
        long first = ((UserCreationResult.Created) users.createUser(NewUser.of(a, a + "@example.lu", "<hash>"))).userId();
        long second = ((UserCreationResult.Created) users.createUser(NewUser.of(b, b + "@example.lu", "<hash>"))).userId();
        matching.like(first, second);
        LikeResult outcome = matching.like(second, first);
        db.afterCommit(() -> mails.add("match mail to " + a + " and " + b));   // after Spring's commit only
        return outcome;
    }
    // --- README snippet end (service)

    /** The mails sent so far (after commits). */
    public List<String> mails() {
        return List.copyOf(mails);
    }
}
