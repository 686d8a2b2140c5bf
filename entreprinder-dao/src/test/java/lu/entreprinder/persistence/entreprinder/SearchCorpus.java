package lu.entreprinder.persistence.entreprinder;

import static lu.entreprinder.persistence.schema.generated.Tables.MEETUP_EVENT;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.testing.Fixtures;

/**
 * The search fixture: 14 entrepreneur profiles and 6 meetup events in French, German, Luxembourgish and English,
 * with accents, ß, œ, hyphens and apostrophes. Keys are short labels used by the tests.
 */
final class SearchCorpus {

    private SearchCorpus() {
    }

    /** Profile id by label. */
    static Map<String, Long> profiles(Database db) {
        String[][] rows = {
                {"dev-fr", "Développeuse Java à Luxembourg", "Je construis des plateformes de paiement pour la fintech."},
                {"fintech-founder", "Fintech founder", "Building payment rails for European banks. Java and Kotlin."},
                {"winzer", "Winzer an der Mosel", "Riesling und Crémant aus Remich; Weinbau seit drei Generationen."},
                {"dev-de", "Software-Entwickler für Banken", "Ich entwickle Zahlungssysteme in Java für die Finanzbranche."},
                {"lb-startup", "Lëtzebuerger Startup-Grënner", "Mir bauen eng App fir de Finanzsecteur zu Lëtzebuerg."},
                {"data", "Data scientist in healthcare", "Machine learning for hospitals; Python, statistics and some Java."},
                {"patissier", "Chef pâtissier et entrepreneur",
                        "Pâtisserie française, crème brûlée, éclairs et macarons à Esch-sur-Alzette."},
                {"security", "Cybersecurity consultant", "Penetration testing for banks and fintech startups in Luxembourg."},
                {"architecte", "Architecte d'intérieur", "Rénovation de maisons anciennes au Luxembourg; écoconstruction."},
                {"marketing", "Marketing manager", "Growth marketing for SaaS; previously in fintech payments."},
                {"oenologue", "Œnologue et caviste", "Sélection de vins luxembourgeois, Crémant de Luxembourg, dégustations."},
                {"strassenbau", "Straßenbau Ingenieur", "Planung von Straßen und Brücken in Luxemburg."},
                {"trainer", "Java trainer", "Teaching programming to adults."},
                {"payments", "Payment specialist", "Fintech fintech fintech payment payment."},
        };
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String[] row : rows) {
            long user = Fixtures.user(db, row[0].replace("-", "_"));
            ids.put(row[0], Fixtures.entrepreneurProfile(db, user, row[1], row[2]));
        }
        return ids;
    }

    /** Event id by label; "draft" is unpublished. */
    static Map<String, Long> events(Database db) {
        Object[][] rows = {
                {"speed-lux", "Speed Dating Luxembourg", "Rencontres rapides au centre-ville.", true},
                {"wine-mixer", "Wine Mixer", "Social evening with Crémant and speed dating games.", true},
                {"hike", "Hiking Activity", "Social hike in the Mullerthal.", true},
                {"draft", "Speed Dating Secret", "Unpublished draft, social.", false},
                {"annees", "Themed Night: Années 80", "Soirée dansante, social and fun.", true},
                {"cooking", "Cooking Class", "Luxembourgish Kachkéis and Gromperekichelcher.", true},
        };
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Object[] row : rows) {
            ids.put((String) row[0], db.dsl().insertInto(MEETUP_EVENT)
                    .set(MEETUP_EVENT.TITLE, (String) row[1])
                    .set(MEETUP_EVENT.DESCRIPTION, (String) row[2])
                    .set(MEETUP_EVENT.EVENT_TYPE, "mixer")
                    .set(MEETUP_EVENT.EVENT_DATE, db.now().plus(Duration.ofDays(10)))
                    .set(MEETUP_EVENT.LOCATION, "Luxembourg")
                    .set(MEETUP_EVENT.MAX_PARTICIPANTS, 20)
                    .set(MEETUP_EVENT.MIN_AGE, 18)
                    .set(MEETUP_EVENT.MAX_AGE, 99)
                    .set(MEETUP_EVENT.REGISTRATION_FEE, new BigDecimal("10.00"))
                    .set(MEETUP_EVENT.REGISTRATION_DEADLINE, db.now().plus(Duration.ofDays(8)))
                    .set(MEETUP_EVENT.IS_PUBLISHED, (Boolean) row[3])
                    .set(MEETUP_EVENT.IS_PRIVATE_INVITATION, false)
                    .set(MEETUP_EVENT.INVITATION_CODE, "")
                    .returning(MEETUP_EVENT.ID)
                    .fetchOne(MEETUP_EVENT.ID));
        }
        return ids;
    }
}
