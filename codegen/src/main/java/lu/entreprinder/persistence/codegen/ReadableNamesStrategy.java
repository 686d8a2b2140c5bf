package lu.entreprinder.persistence.codegen;

import java.util.Locale;
import java.util.Map;
import org.jooq.codegen.DefaultGeneratorStrategy;
import org.jooq.meta.Definition;
import org.jooq.meta.TableDefinition;

/**
 * Readable Java names for Django's table names: {@code crush_lu_meetupevent} becomes class {@code MeetupEvent},
 * constant {@code MEETUP_EVENT} and record {@code MeetupEventRecord}. Django lower-cases model names, so the word
 * breaks come from this table; a table missing here keeps jOOQ's default naming (and a test catches it).
 */
public final class ReadableNamesStrategy extends DefaultGeneratorStrategy {

    static final Map<String, String> CLASS_NAMES = Map.ofEntries(
            Map.entry("auth_user", "User"),
            Map.entry("entreprinder_industry", "Industry"),
            Map.entry("entreprinder_skill", "Skill"),
            Map.entry("entreprinder_entrepreneurprofile", "EntrepreneurProfile"),
            Map.entry("entreprinder_entrepreneurprofile_industries", "EntrepreneurProfileIndustries"),
            Map.entry("entreprinder_entrepreneurprofile_skills", "EntrepreneurProfileSkills"),
            Map.entry("matching_like", "Like"),
            Map.entry("matching_match", "Match"),
            Map.entry("matching_dislike", "Dislike"),
            Map.entry("vinsdelux_vdlproducer", "VdlProducer"),
            Map.entry("vinsdelux_vdlcoffret", "VdlCoffret"),
            Map.entry("vinsdelux_vdladoptionplan", "VdlAdoptionPlan"),
            Map.entry("vinsdelux_vdlplot", "VdlPlot"),
            Map.entry("vinsdelux_vdlplot_adoption_plans", "VdlPlotAdoptionPlans"),
            Map.entry("vinsdelux_vdlplotreservation", "VdlPlotReservation"),
            Map.entry("crush_lu_crushprofile", "CrushProfile"),
            Map.entry("crush_lu_crushcoach", "CrushCoach"),
            Map.entry("crush_lu_profilesubmission", "ProfileSubmission"),
            Map.entry("crush_lu_meetupevent", "MeetupEvent"),
            Map.entry("crush_lu_meetupevent_special_users", "MeetupEventSpecialUsers"),
            Map.entry("crush_lu_eventregistration", "EventRegistration"),
            Map.entry("crush_lu_eventinvitation", "EventInvitation"),
            Map.entry("crush_lu_eventconnection", "EventConnection"),
            Map.entry("crush_lu_connectionmessage", "ConnectionMessage"),
            Map.entry("crush_lu_votingsession", "VotingSession"),
            Map.entry("crush_lu_presentationrating", "PresentationRating"),
            Map.entry("crush_lu_journeyconfiguration", "JourneyConfiguration"),
            Map.entry("crush_lu_journeychapter", "JourneyChapter"),
            Map.entry("crush_lu_journeychallenge", "JourneyChallenge"),
            Map.entry("crush_lu_journeyreward", "JourneyReward"),
            Map.entry("crush_lu_journeyprogress", "JourneyProgress"),
            Map.entry("crush_lu_journeyattempt", "JourneyAttempt"),
            Map.entry("crush_lu_journeyhintuse", "JourneyHintUse"),
            Map.entry("crush_lu_journeypuzzlepiece", "JourneyPuzzlePiece"),
            Map.entry("crush_lu_journeypieceunlock", "JourneyPieceUnlock"),
            Map.entry("crush_lu_specialuserexperience", "SpecialUserExperience"));

    @Override
    public String getJavaClassName(Definition definition, Mode mode) {
        String name = definition instanceof TableDefinition ? CLASS_NAMES.get(definition.getName()) : null;
        if (name == null) {
            return super.getJavaClassName(definition, mode);
        }
        return mode == Mode.RECORD ? name + "Record" : name;
    }

    @Override
    public String getJavaIdentifier(Definition definition) {
        String name = definition instanceof TableDefinition ? CLASS_NAMES.get(definition.getName()) : null;
        if (name == null) {
            return super.getJavaIdentifier(definition);
        }
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
