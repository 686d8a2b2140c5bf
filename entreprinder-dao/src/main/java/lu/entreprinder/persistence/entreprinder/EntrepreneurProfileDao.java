package lu.entreprinder.persistence.entreprinder;

import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE;
import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE_INDUSTRIES;
import static lu.entreprinder.persistence.schema.generated.Tables.ENTREPRENEUR_PROFILE_SKILLS;
import static lu.entreprinder.persistence.schema.generated.Tables.INDUSTRY;
import static lu.entreprinder.persistence.schema.generated.Tables.SKILL;
import static lu.entreprinder.persistence.schema.generated.Tables.USER;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lu.entreprinder.persistence.core.internal.Check;
import lu.entreprinder.persistence.core.ConflictException;
import lu.entreprinder.persistence.core.Database;
import lu.entreprinder.persistence.core.NotFoundException;
import lu.entreprinder.persistence.core.Page;
import lu.entreprinder.persistence.core.PageRequest;
import lu.entreprinder.persistence.core.Transaction;
import lu.entreprinder.persistence.core.ValidationException;
import lu.entreprinder.persistence.entreprinder.internal.NameKeys;
import lu.entreprinder.persistence.entreprinder.internal.Vocabulary;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * Entrepreneur profiles (one per user) with their sets of industries and skills.
 *
 * <p>Reads are one statement each: the profile, its user and both sets through {@code multiset}. Writes of a profile
 * and its sets run in one transaction: a set update replaces the old set atomically, or changes nothing.
 */
public final class EntrepreneurProfileDao {

    /** The longest bio accepted (the column is unbounded {@code text}; this keeps rows and search sane). */
    public static final int MAX_BIO_LENGTH = 10_000;

    private static final Set<String> LINKEDIN_HOSTS = Set.of("linkedin.com", "www.linkedin.com");

    private static final Link INDUSTRY_LINK = new Link(ENTREPRENEUR_PROFILE_INDUSTRIES,
            ENTREPRENEUR_PROFILE_INDUSTRIES.ENTREPRENEURPROFILE_ID, ENTREPRENEUR_PROFILE_INDUSTRIES.INDUSTRY_ID,
            TaxonomyDao.INDUSTRIES, "industry");
    private static final Link SKILL_LINK = new Link(ENTREPRENEUR_PROFILE_SKILLS,
            ENTREPRENEUR_PROFILE_SKILLS.ENTREPRENEURPROFILE_ID, ENTREPRENEUR_PROFILE_SKILLS.SKILL_ID,
            TaxonomyDao.SKILLS, "skill");

    private static final Field<List<Industry>> INDUSTRIES = multiset(
            select(INDUSTRY.ID, INDUSTRY.NAME)
                    .from(ENTREPRENEUR_PROFILE_INDUSTRIES)
                    .join(INDUSTRY).on(INDUSTRY.ID.eq(ENTREPRENEUR_PROFILE_INDUSTRIES.INDUSTRY_ID))
                    .where(ENTREPRENEUR_PROFILE_INDUSTRIES.ENTREPRENEURPROFILE_ID.eq(ENTREPRENEUR_PROFILE.ID))
                    .orderBy(INDUSTRY.NAME_KEY, INDUSTRY.ID))
            .as("industries")
            .convertFrom(r -> r.map(mapping(Industry::new)));

    private static final Field<List<Skill>> SKILLS = multiset(
            select(SKILL.ID, SKILL.NAME)
                    .from(ENTREPRENEUR_PROFILE_SKILLS)
                    .join(SKILL).on(SKILL.ID.eq(ENTREPRENEUR_PROFILE_SKILLS.SKILL_ID))
                    .where(ENTREPRENEUR_PROFILE_SKILLS.ENTREPRENEURPROFILE_ID.eq(ENTREPRENEUR_PROFILE.ID))
                    .orderBy(SKILL.NAME_KEY, SKILL.ID))
            .as("skills")
            .convertFrom(r -> r.map(mapping(Skill::new)));

    private final Database db;

    public EntrepreneurProfileDao(Database db) {
        this.db = db;
    }

    // ------------------------------------------------------------------------------------------------- writes

    /**
     * Creates the user's profile with its industries and skills, in one transaction.
     *
     * @return the new profile's id
     * @throws ValidationException naming {@code profile}, {@code userId}, {@code headline}, {@code bio},
     *         {@code linkedinUrl}, {@code profilePhoto}, {@code industries} or {@code skills}; nothing is written
     * @throws NotFoundException if the user, or an industry or skill given by id, does not exist; nothing is written
     * @throws ConflictException ({@code entreprinder_entrepreneurprofile_user_id_key}) if the user already has a
     *         profile; nothing is written
     */
    public long insertProfile(NewProfile profile) {
        Check.required(profile, "profile");
        long userId = Check.id(profile.userId(), "userId");
        ProfileDetails d = details(profile.details());
        Tags industries = tags(profile.industries(), "industries");
        Tags skills = tags(profile.skills(), "skills");
        long user = Check.userId(userId, "userId");
        return db.inTransaction(tx -> {
            DSLContext dsl = tx.dsl();
            if (!dsl.fetchExists(USER, USER.ID.eq(user))) {
                throw new NotFoundException("user", userId);
            }
            long id = dsl.insertInto(ENTREPRENEUR_PROFILE)
                    .set(ENTREPRENEUR_PROFILE.USER_ID, user)
                    .set(ENTREPRENEUR_PROFILE.HEADLINE, d.headline())
                    .set(ENTREPRENEUR_PROFILE.BIO, d.bio())
                    .set(ENTREPRENEUR_PROFILE.LINKEDIN_URL, d.linkedinUrl())
                    .set(ENTREPRENEUR_PROFILE.PROFILE_PHOTO, d.profilePhoto())
                    .returning(ENTREPRENEUR_PROFILE.ID)
                    .fetchOne(ENTREPRENEUR_PROFILE.ID);
            replace(tx, INDUSTRY_LINK, id, industries);
            replace(tx, SKILL_LINK, id, skills);
            return id;
        });
    }

    /**
     * Replaces headline, bio, LinkedIn URL and photo path.
     *
     * @return true if the profile exists
     * @throws ValidationException naming {@code profileId}, {@code details}, {@code headline}, {@code bio},
     *         {@code linkedinUrl} or {@code profilePhoto}; nothing is written
     */
    public boolean updateProfile(long profileId, ProfileDetails details) {
        Check.id(profileId, "profileId");
        ProfileDetails d = details(details);
        return db.dsl().update(ENTREPRENEUR_PROFILE)
                .set(ENTREPRENEUR_PROFILE.HEADLINE, d.headline())
                .set(ENTREPRENEUR_PROFILE.BIO, d.bio())
                .set(ENTREPRENEUR_PROFILE.LINKEDIN_URL, d.linkedinUrl())
                .set(ENTREPRENEUR_PROFILE.PROFILE_PHOTO, d.profilePhoto())
                .where(ENTREPRENEUR_PROFILE.ID.eq(profileId))
                .execute() > 0;
    }

    /**
     * Replaces the profile's industries with this set (names are found or created), atomically: in one transaction
     * that locks the profile row, so concurrent replacements apply one after the other.
     *
     * @return true if the profile exists
     * @throws ValidationException naming {@code profileId} or {@code industries}; nothing is written
     * @throws NotFoundException if an industry given by id does not exist; the old set is kept
     */
    public boolean replaceIndustries(long profileId, TagSet industries) {
        Check.id(profileId, "profileId");
        return replaceSet(profileId, INDUSTRY_LINK, tags(industries, "industries"));
    }

    /**
     * Replaces the profile's skills with this set; as {@link #replaceIndustries}.
     *
     * @return true if the profile exists
     * @throws ValidationException naming {@code profileId} or {@code skills}; nothing is written
     * @throws NotFoundException if a skill given by id does not exist; the old set is kept
     */
    public boolean replaceSkills(long profileId, TagSet skills) {
        Check.id(profileId, "profileId");
        return replaceSet(profileId, SKILL_LINK, tags(skills, "skills"));
    }

    private boolean replaceSet(long profileId, Link link, Tags tags) {
        return db.inTransaction(tx -> {
            boolean exists = tx.forUpdate(tx.dsl().select(ENTREPRENEUR_PROFILE.ID).from(ENTREPRENEUR_PROFILE)
                    .where(ENTREPRENEUR_PROFILE.ID.eq(profileId))).fetchOptional().isPresent();
            if (!exists) {
                return false;
            }
            replace(tx, link, profileId, tags);
            return true;
        });
    }

    /** Inside a transaction: resolves the tags to ids, deletes the links not in the set, adds the missing ones. */
    private static void replace(Transaction tx, Link link, long profileId, Tags tags) {
        DSLContext dsl = tx.dsl();
        Set<Long> ids = new LinkedHashSet<>(tags.ids());
        if (!tags.ids().isEmpty() && link.vocabulary().countExisting(dsl, tags.ids()) != tags.ids().size()) {
            throw new NotFoundException(link.entity(), link.vocabulary().missing(dsl, tags.ids()));
        }
        ids.addAll(link.vocabulary().resolve(tx, tags.namesByKey()).values());
        Condition ofProfile = link.profileId().eq(profileId);
        dsl.deleteFrom(link.table()).where(ids.isEmpty() ? ofProfile : ofProfile.and(link.tagId().notIn(ids)))
                .execute();
        if (!ids.isEmpty()) {
            var insert = dsl.insertInto(link.table(), link.profileId(), link.tagId());
            ids.stream().sorted().forEach(id -> insert.values(profileId, id));
            insert.onConflictDoNothing().execute();
        }
    }

    // -------------------------------------------------------------------------------------------------- reads

    /**
     * The profile with its user, industries and skills. One statement.
     *
     * @throws ValidationException ({@code profileId}) if not positive
     */
    public Optional<EntrepreneurProfileView> findProfile(long profileId) {
        Check.id(profileId, "profileId");
        return findWhere(ENTREPRENEUR_PROFILE.ID.eq(profileId));
    }

    /**
     * The profile of this user, with its user, industries and skills. One statement.
     *
     * @throws ValidationException ({@code userId}) if not positive
     */
    public Optional<EntrepreneurProfileView> findProfileByUser(long userId) {
        return findWhere(ENTREPRENEUR_PROFILE.USER_ID.eq(Check.userId(userId, "userId")));
    }

    /**
     * One keyset page (by profile id) of the profiles in this industry, each with user, industries and skills.
     * One statement: the page's ids first (a derived table with the LIMIT), then user and multisets for those rows.
     *
     * @throws ValidationException ({@code industryId}, {@code page}, {@code cursor}) for bad input
     */
    public Page<EntrepreneurProfileView> listProfilesByIndustry(long industryId, PageRequest page) {
        Check.id(industryId, "industryId");
        return listWhere(exists(selectOne().from(ENTREPRENEUR_PROFILE_INDUSTRIES)
                .where(ENTREPRENEUR_PROFILE_INDUSTRIES.ENTREPRENEURPROFILE_ID.eq(ENTREPRENEUR_PROFILE.ID))
                .and(ENTREPRENEUR_PROFILE_INDUSTRIES.INDUSTRY_ID.eq(industryId))), page);
    }

    /**
     * One keyset page (by profile id) of the profiles with this skill; as {@link #listProfilesByIndustry}.
     *
     * @throws ValidationException ({@code skillId}, {@code page}, {@code cursor}) for bad input
     */
    public Page<EntrepreneurProfileView> listProfilesBySkill(long skillId, PageRequest page) {
        Check.id(skillId, "skillId");
        return listWhere(exists(selectOne().from(ENTREPRENEUR_PROFILE_SKILLS)
                .where(ENTREPRENEUR_PROFILE_SKILLS.ENTREPRENEURPROFILE_ID.eq(ENTREPRENEUR_PROFILE.ID))
                .and(ENTREPRENEUR_PROFILE_SKILLS.SKILL_ID.eq(skillId))), page);
    }

    private Optional<EntrepreneurProfileView> findWhere(Condition condition) {
        return db.dsl().select(viewFields())
                .from(ENTREPRENEUR_PROFILE)
                .join(USER).on(USER.ID.eq(ENTREPRENEUR_PROFILE.USER_ID))
                .where(condition)
                .fetchOptional(EntrepreneurProfileDao::view);
    }

    private Page<EntrepreneurProfileView> listWhere(Condition membership, PageRequest page) {
        Check.required(page, "page");
        Condition after = page.after() == null ? org.jooq.impl.DSL.noCondition()
                : ENTREPRENEUR_PROFILE.ID.gt(page.<Long>key(0, 1, Long::valueOf));
        Table<Record1<Long>> ids = select(ENTREPRENEUR_PROFILE.ID.as("page_id"))
                .from(ENTREPRENEUR_PROFILE)
                .where(membership).and(after)
                .orderBy(ENTREPRENEUR_PROFILE.ID)
                .limit(inline(page.size() + 1))
                .asTable("page");
        Field<Long> pageId = ids.field("page_id", Long.class);
        List<EntrepreneurProfileView> rows = db.dsl().select(viewFields())
                .from(ids)
                .join(ENTREPRENEUR_PROFILE).on(ENTREPRENEUR_PROFILE.ID.eq(pageId))
                .join(USER).on(USER.ID.eq(ENTREPRENEUR_PROFILE.USER_ID))
                .orderBy(ENTREPRENEUR_PROFILE.ID)
                .fetch(EntrepreneurProfileDao::view);
        return page.toPage(rows, v -> PageRequest.encode(v.id()));
    }

    private static List<Field<?>> viewFields() {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(ENTREPRENEUR_PROFILE.ID);
        fields.add(ENTREPRENEUR_PROFILE.HEADLINE);
        fields.add(ENTREPRENEUR_PROFILE.BIO);
        fields.add(ENTREPRENEUR_PROFILE.LINKEDIN_URL);
        fields.add(ENTREPRENEUR_PROFILE.PROFILE_PHOTO);
        for (var f : UserDao.ACCOUNT_FIELDS) {
            fields.add((Field<?>) f);
        }
        fields.add(INDUSTRIES);
        fields.add(SKILLS);
        return fields;
    }

    private static EntrepreneurProfileView view(Record r) {
        return new EntrepreneurProfileView(r.get(ENTREPRENEUR_PROFILE.ID), UserDao.account(r),
                r.get(ENTREPRENEUR_PROFILE.HEADLINE), r.get(ENTREPRENEUR_PROFILE.BIO),
                r.get(ENTREPRENEUR_PROFILE.LINKEDIN_URL), r.get(ENTREPRENEUR_PROFILE.PROFILE_PHOTO),
                r.get(INDUSTRIES), r.get(SKILLS));
    }

    // ------------------------------------------------------------------------------------------- validation

    private static ProfileDetails details(ProfileDetails d) {
        Check.required(d, "details");
        String headline = Check.text(d.headline(), 200, "headline");
        String bio = Check.text(d.bio(), MAX_BIO_LENGTH, "bio");
        return new ProfileDetails(headline, bio, linkedinUrl(d.linkedinUrl()), photo(d.profilePhoto()));
    }

    /** "" or an https URL on linkedin.com / www.linkedin.com, at most 200 characters. */
    static String linkedinUrl(String value) {
        String url = Check.optionalText(value, 200, "linkedinUrl").strip();
        if (url.isEmpty()) {
            return url;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ValidationException("linkedinUrl", "is not a valid URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getRawUserInfo() != null || uri.getPort() != -1
                || !LINKEDIN_HOSTS.contains(host)) {
            throw new ValidationException("linkedinUrl",
                    "must be an https URL on linkedin.com or www.linkedin.com");
        }
        return url;
    }

    private static String photo(String value) {
        String path = Check.optionalText(value, 100, "profilePhoto");
        if (path.startsWith("/") || path.contains("\\") || path.equals("..") || path.startsWith("../")
                || path.contains("/../") || path.endsWith("/..") || path.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("profilePhoto", "must be a relative path without '..' segments");
        }
        return path;
    }

    private static Tags tags(TagSet set, String field) {
        Check.required(set, field);
        if (set.ids().size() + set.names().size() > TagSet.MAX_SIZE) {
            throw new ValidationException(field, "must have at most " + TagSet.MAX_SIZE + " elements");
        }
        for (Long id : set.ids()) {
            if (id == null || id <= 0) {
                throw new ValidationException(field, "must contain positive ids, had " + id);
            }
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String name : set.names()) {
            if (name == null) {
                throw new ValidationException(field, "must not contain null");
            }
            String display = NameKeys.displayName(name, field);
            byKey.putIfAbsent(NameKeys.key(display, field), display);
        }
        return new Tags(set.ids(), byKey);
    }

    private record Tags(Set<Long> ids, Map<String, String> namesByKey) {
    }

    private record Link(Table<?> table, TableField<?, Long> profileId, TableField<?, Long> tagId,
                        Vocabulary<?> vocabulary, String entity) {
    }

}
