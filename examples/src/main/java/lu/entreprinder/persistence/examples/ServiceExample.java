package lu.entreprinder.persistence.examples;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.DatabaseConfig;
import lu.entreprinder.persistence.entreprinder.NewUser;
import lu.entreprinder.persistence.entreprinder.UserCreationResult;
import lu.entreprinder.persistence.entreprinder.UserDao;
import lu.entreprinder.persistence.schema.generated.DefaultSchema;
import lu.entreprinder.persistence.vinsdelux.NewProducer;
import lu.entreprinder.persistence.vinsdelux.PlotDao;
import lu.entreprinder.persistence.vinsdelux.PlotDetails;
import lu.entreprinder.persistence.vinsdelux.PlotReservationService;
import lu.entreprinder.persistence.vinsdelux.ProducerDao;
import lu.entreprinder.persistence.vinsdelux.ReservationEvent;
import lu.entreprinder.persistence.vinsdelux.ReservationListener;
import lu.entreprinder.persistence.vinsdelux.ReserveResult;

/** The README's "use the DAOs" snippet (services, a sealed result, an after-commit listener, the clock), run by a test. */
public final class ServiceExample {

    private ServiceExample() {
    }

    /** Reserves a plot for a day, lets two days pass and sweeps; returns what happened, in order. */
    public static List<String> run(String jdbcUrl) {
        // --- README snippet start
        List<String> log = new ArrayList<>();
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));  // every "now" comes from it
        DatabaseConfig config = DatabaseConfig.builder(jdbcUrl).schema(DefaultSchema.DEFAULT_SCHEMA)
                .clock(clock).migrateOnStart(true).build();
        try (Database db = Database.open(config)) {
            long anna = switch (new UserDao(db).createUser(NewUser.of("anna", "anna@example.lu", "<hash>"))) {
                case UserCreationResult.Created created -> created.userId();
                case UserCreationResult.UsernameTaken taken -> throw new IllegalStateException("username taken");
                case UserCreationResult.EmailTaken taken -> throw new IllegalStateException("e-mail taken");
            };
            long producer = new ProducerDao(db).insertProducer(new NewProducer("Domaine Hartmann", "Moselle",
                    "Family estate.", "producers/hartmann.png", null));
            long plot = new PlotDao(db).insertPlot(new PlotDetails(producer, "Koeppchen parcel A",
                    new BigDecimal("0.25"), "Riesling", "limestone", 210, null));

            PlotReservationService reservations = new PlotReservationService(db, new ReservationListener() {
                @Override
                public void released(ReservationEvent event) {          // runs after the sweep's commit
                    log.add("released plot " + event.plotId() + " of user " + event.userId());
                }
            });
            switch (reservations.reserve(anna, plot, Duration.ofDays(1))) {  // locks the plot row
                case ReserveResult.Reserved r -> log.add("reserved until " + r.expiresAt());
                case ReserveResult.NotAvailable n -> log.add("not available: " + n.status());
                case ReserveResult.AlreadyReserved a -> log.add("already yours");
            }
            clock.advance(Duration.ofDays(2));
            log.add("swept " + reservations.releaseExpired(100));
        }
        // --- README snippet end
        return log;
    }
}
