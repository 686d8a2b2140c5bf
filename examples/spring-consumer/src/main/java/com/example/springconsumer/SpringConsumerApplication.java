package com.example.springconsumer;

import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.entreprinder.UserDao;
import lu.entreprinder.persistence.matching.MatchingService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Spring Boot service: the library's Database comes from auto-configuration, the DAO beans are the service's. */
@SpringBootApplication
public class SpringConsumerApplication {

    // --- README snippet start (beans)
    @Bean
    UserDao userDao(Database db) {          // the Database bean: opened on the application's DataSource
        return new UserDao(db);
    }

    @Bean
    MatchingService matchingService(Database db) {
        return new MatchingService(db);
    }
    // --- README snippet end (beans)

    public static void main(String[] args) {
        SpringApplication.run(SpringConsumerApplication.class, args);
    }
}
