CREATE TABLE public.auth_group (
    id integer NOT NULL,
    name character varying(150) NOT NULL
);
CREATE SEQUENCE public.auth_group_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.auth_group_id_seq OWNED BY public.auth_group.id;
CREATE TABLE public.auth_group_permissions (
    id bigint NOT NULL,
    group_id integer NOT NULL,
    permission_id integer NOT NULL
);
CREATE SEQUENCE public.auth_group_permissions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.auth_group_permissions_id_seq OWNED BY public.auth_group_permissions.id;
CREATE TABLE public.auth_permission (
    id integer NOT NULL,
    name character varying(255) NOT NULL,
    content_type_id integer NOT NULL,
    codename character varying(100) NOT NULL
);
CREATE SEQUENCE public.auth_permission_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.auth_permission_id_seq OWNED BY public.auth_permission.id;
CREATE TABLE public.auth_user (
    id integer NOT NULL,
    password character varying(128) NOT NULL,
    last_login timestamp with time zone,
    is_superuser boolean NOT NULL,
    username character varying(150) NOT NULL,
    first_name character varying(150) NOT NULL,
    last_name character varying(150) NOT NULL,
    email character varying(254) NOT NULL,
    is_staff boolean NOT NULL,
    is_active boolean NOT NULL,
    date_joined timestamp with time zone NOT NULL
);
CREATE TABLE public.auth_user_groups (
    id bigint NOT NULL,
    user_id integer NOT NULL,
    group_id integer NOT NULL
);
CREATE SEQUENCE public.auth_user_groups_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.auth_user_groups_id_seq OWNED BY public.auth_user_groups.id;
CREATE SEQUENCE public.auth_user_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.auth_user_id_seq OWNED BY public.auth_user.id;
CREATE TABLE public.auth_user_user_permissions (
    id bigint NOT NULL,
    user_id integer NOT NULL,
    permission_id integer NOT NULL
);
CREATE SEQUENCE public.auth_user_user_permissions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.auth_user_user_permissions_id_seq OWNED BY public.auth_user_user_permissions.id;
CREATE TABLE public.crush_lu_connectionmessage (
    id bigint NOT NULL,
    content text NOT NULL,
    is_read boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    connection_id bigint NOT NULL,
    sender_id integer NOT NULL
);
CREATE SEQUENCE public.crush_lu_connectionmessage_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crush_lu_connectionmessage_id_seq OWNED BY public.crush_lu_connectionmessage.id;
CREATE TABLE public.crush_lu_crushcoach (
    id bigint NOT NULL,
    specialization character varying(100) NOT NULL,
    bio text NOT NULL,
    max_active_reviews integer NOT NULL,
    user_id integer NOT NULL
);
CREATE SEQUENCE public.crush_lu_crushcoach_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crush_lu_crushcoach_id_seq OWNED BY public.crush_lu_crushcoach.id;
CREATE TABLE public.crush_lu_crushprofile (
    id bigint NOT NULL,
    date_of_birth date NOT NULL,
    gender character varying(20) NOT NULL,
    location character varying(100) NOT NULL,
    bio text NOT NULL,
    phone character varying(20) NOT NULL,
    photo_1 character varying(100) NOT NULL,
    photo_2 character varying(100) NOT NULL,
    photo_3 character varying(100) NOT NULL,
    show_full_name boolean NOT NULL,
    show_exact_age boolean NOT NULL,
    blur_photos boolean NOT NULL,
    is_approved boolean NOT NULL,
    is_active boolean NOT NULL,
    approved_at timestamp with time zone,
    interests character varying(50)[] NOT NULL,
    user_id integer NOT NULL
);
CREATE SEQUENCE public.crush_lu_crushprofile_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crush_lu_crushprofile_id_seq OWNED BY public.crush_lu_crushprofile.id;
CREATE TABLE public.crush_lu_eventconnection (
    id bigint NOT NULL,
    status character varying(20) NOT NULL,
    connected_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    event_id bigint NOT NULL,
    from_user_id integer NOT NULL,
    to_user_id integer NOT NULL
);
CREATE SEQUENCE public.crush_lu_eventconnection_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crush_lu_eventconnection_id_seq OWNED BY public.crush_lu_eventconnection.id;
CREATE TABLE public.crush_lu_eventregistration (
    id bigint NOT NULL,
    status character varying(20) NOT NULL,
    payment_confirmed boolean NOT NULL,
    payment_date timestamp with time zone,
    dietary_restrictions text NOT NULL,
    special_requests text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    event_id bigint NOT NULL,
    user_id integer NOT NULL
);
CREATE SEQUENCE public.crush_lu_eventregistration_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crush_lu_eventregistration_id_seq OWNED BY public.crush_lu_eventregistration.id;
CREATE TABLE public.crush_lu_journeychallenge (
    id bigint NOT NULL,
    challenge_type character varying(30) NOT NULL,
    question text NOT NULL,
    correct_answer character varying(500) NOT NULL,
    options jsonb,
    hint text NOT NULL,
    "order" integer NOT NULL,
    chapter_id bigint NOT NULL
);
CREATE SEQUENCE public.crush_lu_journeychallenge_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crush_lu_journeychallenge_id_seq OWNED BY public.crush_lu_journeychallenge.id;
CREATE TABLE public.crush_lu_journeychapter (
    id bigint NOT NULL,
    chapter_number integer NOT NULL,
    title character varying(200) NOT NULL,
    description text NOT NULL,
    journey_id bigint NOT NULL
);
CREATE SEQUENCE public.crush_lu_journeychapter_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crush_lu_journeychapter_id_seq OWNED BY public.crush_lu_journeychapter.id;
CREATE TABLE public.crush_lu_journeyconfiguration (
    id bigint NOT NULL,
    name character varying(200) NOT NULL,
    description text NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL
);
CREATE SEQUENCE public.crush_lu_journeyconfiguration_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crush_lu_journeyconfiguration_id_seq OWNED BY public.crush_lu_journeyconfiguration.id;
CREATE TABLE public.crush_lu_journeyprogress (
    id bigint NOT NULL,
    current_chapter integer NOT NULL,
    completed_challenges jsonb NOT NULL,
    unlocked_rewards jsonb NOT NULL,
    completed boolean NOT NULL,
    completed_at timestamp with time zone,
    journey_id bigint NOT NULL,
    user_id integer NOT NULL
);
CREATE SEQUENCE public.crush_lu_journeyprogress_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crush_lu_journeyprogress_id_seq OWNED BY public.crush_lu_journeyprogress.id;
CREATE TABLE public.crush_lu_journeyreward (
    id bigint NOT NULL,
    reward_type character varying(20) NOT NULL,
    title character varying(200) NOT NULL,
    content text NOT NULL,
    photo character varying(100) NOT NULL,
    chapter_id bigint NOT NULL
);
CREATE SEQUENCE public.crush_lu_journeyreward_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crush_lu_journeyreward_id_seq OWNED BY public.crush_lu_journeyreward.id;
CREATE TABLE public.crush_lu_meetupevent (
    id bigint NOT NULL,
    title character varying(200) NOT NULL,
    description text NOT NULL,
    event_type character varying(20) NOT NULL,
    event_date timestamp with time zone NOT NULL,
    location character varying(200) NOT NULL,
    max_participants integer NOT NULL,
    min_age integer NOT NULL,
    max_age integer NOT NULL,
    registration_fee numeric(6,2) NOT NULL,
    registration_deadline timestamp with time zone NOT NULL,
    is_published boolean NOT NULL,
    is_private_invitation boolean NOT NULL,
    invitation_code character varying(50) NOT NULL
);
CREATE SEQUENCE public.crush_lu_meetupevent_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crush_lu_meetupevent_id_seq OWNED BY public.crush_lu_meetupevent.id;
CREATE TABLE public.crush_lu_meetupevent_special_users (
    id bigint NOT NULL,
    meetupevent_id bigint NOT NULL,
    user_id integer NOT NULL
);
CREATE SEQUENCE public.crush_lu_meetupevent_special_users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crush_lu_meetupevent_special_users_id_seq OWNED BY public.crush_lu_meetupevent_special_users.id;
CREATE TABLE public.crush_lu_profilesubmission (
    id bigint NOT NULL,
    status character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    reviewed_at timestamp with time zone,
    coach_notes text NOT NULL,
    feedback_to_user text NOT NULL,
    coach_id bigint,
    profile_id bigint NOT NULL
);
CREATE SEQUENCE public.crush_lu_profilesubmission_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crush_lu_profilesubmission_id_seq OWNED BY public.crush_lu_profilesubmission.id;
CREATE TABLE public.crush_lu_specialuserexperience (
    id bigint NOT NULL,
    custom_welcome_message text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    journey_id bigint,
    user_id integer NOT NULL
);
CREATE SEQUENCE public.crush_lu_specialuserexperience_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.crush_lu_specialuserexperience_id_seq OWNED BY public.crush_lu_specialuserexperience.id;
CREATE TABLE public.django_content_type (
    id integer NOT NULL,
    app_label character varying(100) NOT NULL,
    model character varying(100) NOT NULL
);
CREATE SEQUENCE public.django_content_type_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.django_content_type_id_seq OWNED BY public.django_content_type.id;
CREATE TABLE public.django_migrations (
    id bigint NOT NULL,
    app character varying(255) NOT NULL,
    name character varying(255) NOT NULL,
    applied timestamp with time zone NOT NULL
);
CREATE SEQUENCE public.django_migrations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.django_migrations_id_seq OWNED BY public.django_migrations.id;
CREATE TABLE public.entreprinder_entrepreneurprofile (
    id bigint NOT NULL,
    headline character varying(200) NOT NULL,
    bio text NOT NULL,
    linkedin_url character varying(200) NOT NULL,
    profile_photo character varying(100) NOT NULL,
    user_id integer NOT NULL
);
CREATE SEQUENCE public.entreprinder_entrepreneurprofile_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.entreprinder_entrepreneurprofile_id_seq OWNED BY public.entreprinder_entrepreneurprofile.id;
CREATE TABLE public.entreprinder_entrepreneurprofile_industries (
    id bigint NOT NULL,
    entrepreneurprofile_id bigint NOT NULL,
    industry_id bigint NOT NULL
);
CREATE SEQUENCE public.entreprinder_entrepreneurprofile_industries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.entreprinder_entrepreneurprofile_industries_id_seq OWNED BY public.entreprinder_entrepreneurprofile_industries.id;
CREATE TABLE public.entreprinder_entrepreneurprofile_skills (
    id bigint NOT NULL,
    entrepreneurprofile_id bigint NOT NULL,
    skill_id bigint NOT NULL
);
CREATE SEQUENCE public.entreprinder_entrepreneurprofile_skills_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.entreprinder_entrepreneurprofile_skills_id_seq OWNED BY public.entreprinder_entrepreneurprofile_skills.id;
CREATE TABLE public.entreprinder_industry (
    id bigint NOT NULL,
    name character varying(100) NOT NULL
);
CREATE SEQUENCE public.entreprinder_industry_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.entreprinder_industry_id_seq OWNED BY public.entreprinder_industry.id;
CREATE TABLE public.entreprinder_skill (
    id bigint NOT NULL,
    name character varying(100) NOT NULL
);
CREATE SEQUENCE public.entreprinder_skill_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.entreprinder_skill_id_seq OWNED BY public.entreprinder_skill.id;
CREATE TABLE public.matching_like (
    id bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    from_user_id integer NOT NULL,
    to_user_id integer NOT NULL
);
CREATE SEQUENCE public.matching_like_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.matching_like_id_seq OWNED BY public.matching_like.id;
CREATE TABLE public.matching_match (
    id bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    user1_id integer NOT NULL,
    user2_id integer NOT NULL
);
CREATE SEQUENCE public.matching_match_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.matching_match_id_seq OWNED BY public.matching_match.id;
CREATE TABLE public.vinsdelux_vdladoptionplan (
    id bigint NOT NULL,
    name character varying(200) NOT NULL,
    price numeric(8,2) NOT NULL,
    duration_months integer NOT NULL,
    is_available boolean NOT NULL,
    coffret_id bigint NOT NULL
);
CREATE SEQUENCE public.vinsdelux_vdladoptionplan_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.vinsdelux_vdladoptionplan_id_seq OWNED BY public.vinsdelux_vdladoptionplan.id;
CREATE TABLE public.vinsdelux_vdlcoffret (
    id bigint NOT NULL,
    name character varying(200) NOT NULL,
    bottles integer NOT NULL,
    description text NOT NULL
);
CREATE SEQUENCE public.vinsdelux_vdlcoffret_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.vinsdelux_vdlcoffret_id_seq OWNED BY public.vinsdelux_vdlcoffret.id;
CREATE TABLE public.vinsdelux_vdlplot (
    id bigint NOT NULL,
    name character varying(200) NOT NULL,
    status character varying(20) NOT NULL,
    size_hectares numeric(5,2) NOT NULL,
    grape_varieties character varying(200) NOT NULL,
    soil_type character varying(100) NOT NULL,
    elevation integer NOT NULL,
    coordinates jsonb,
    producer_id bigint NOT NULL
);
CREATE TABLE public.vinsdelux_vdlplot_adoption_plans (
    id bigint NOT NULL,
    vdlplot_id bigint NOT NULL,
    vdladoptionplan_id bigint NOT NULL
);
CREATE SEQUENCE public.vinsdelux_vdlplot_adoption_plans_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.vinsdelux_vdlplot_adoption_plans_id_seq OWNED BY public.vinsdelux_vdlplot_adoption_plans.id;
CREATE SEQUENCE public.vinsdelux_vdlplot_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.vinsdelux_vdlplot_id_seq OWNED BY public.vinsdelux_vdlplot.id;
CREATE TABLE public.vinsdelux_vdlplotreservation (
    id bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    is_confirmed boolean NOT NULL,
    notes text NOT NULL,
    plot_id bigint NOT NULL,
    user_id integer NOT NULL
);
CREATE SEQUENCE public.vinsdelux_vdlplotreservation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.vinsdelux_vdlplotreservation_id_seq OWNED BY public.vinsdelux_vdlplotreservation.id;
CREATE TABLE public.vinsdelux_vdlproducer (
    id bigint NOT NULL,
    name character varying(200) NOT NULL,
    region character varying(100) NOT NULL,
    description text NOT NULL,
    logo character varying(100) NOT NULL,
    coordinates jsonb
);
CREATE SEQUENCE public.vinsdelux_vdlproducer_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.vinsdelux_vdlproducer_id_seq OWNED BY public.vinsdelux_vdlproducer.id;
ALTER TABLE ONLY public.auth_group ALTER COLUMN id SET DEFAULT nextval('public.auth_group_id_seq'::regclass);
ALTER TABLE ONLY public.auth_group_permissions ALTER COLUMN id SET DEFAULT nextval('public.auth_group_permissions_id_seq'::regclass);
ALTER TABLE ONLY public.auth_permission ALTER COLUMN id SET DEFAULT nextval('public.auth_permission_id_seq'::regclass);
ALTER TABLE ONLY public.auth_user ALTER COLUMN id SET DEFAULT nextval('public.auth_user_id_seq'::regclass);
ALTER TABLE ONLY public.auth_user_groups ALTER COLUMN id SET DEFAULT nextval('public.auth_user_groups_id_seq'::regclass);
ALTER TABLE ONLY public.auth_user_user_permissions ALTER COLUMN id SET DEFAULT nextval('public.auth_user_user_permissions_id_seq'::regclass);
ALTER TABLE ONLY public.crush_lu_connectionmessage ALTER COLUMN id SET DEFAULT nextval('public.crush_lu_connectionmessage_id_seq'::regclass);
ALTER TABLE ONLY public.crush_lu_crushcoach ALTER COLUMN id SET DEFAULT nextval('public.crush_lu_crushcoach_id_seq'::regclass);
ALTER TABLE ONLY public.crush_lu_crushprofile ALTER COLUMN id SET DEFAULT nextval('public.crush_lu_crushprofile_id_seq'::regclass);
ALTER TABLE ONLY public.crush_lu_eventconnection ALTER COLUMN id SET DEFAULT nextval('public.crush_lu_eventconnection_id_seq'::regclass);
ALTER TABLE ONLY public.crush_lu_eventregistration ALTER COLUMN id SET DEFAULT nextval('public.crush_lu_eventregistration_id_seq'::regclass);
ALTER TABLE ONLY public.crush_lu_journeychallenge ALTER COLUMN id SET DEFAULT nextval('public.crush_lu_journeychallenge_id_seq'::regclass);
ALTER TABLE ONLY public.crush_lu_journeychapter ALTER COLUMN id SET DEFAULT nextval('public.crush_lu_journeychapter_id_seq'::regclass);
ALTER TABLE ONLY public.crush_lu_journeyconfiguration ALTER COLUMN id SET DEFAULT nextval('public.crush_lu_journeyconfiguration_id_seq'::regclass);
ALTER TABLE ONLY public.crush_lu_journeyprogress ALTER COLUMN id SET DEFAULT nextval('public.crush_lu_journeyprogress_id_seq'::regclass);
ALTER TABLE ONLY public.crush_lu_journeyreward ALTER COLUMN id SET DEFAULT nextval('public.crush_lu_journeyreward_id_seq'::regclass);
ALTER TABLE ONLY public.crush_lu_meetupevent ALTER COLUMN id SET DEFAULT nextval('public.crush_lu_meetupevent_id_seq'::regclass);
ALTER TABLE ONLY public.crush_lu_meetupevent_special_users ALTER COLUMN id SET DEFAULT nextval('public.crush_lu_meetupevent_special_users_id_seq'::regclass);
ALTER TABLE ONLY public.crush_lu_profilesubmission ALTER COLUMN id SET DEFAULT nextval('public.crush_lu_profilesubmission_id_seq'::regclass);
ALTER TABLE ONLY public.crush_lu_specialuserexperience ALTER COLUMN id SET DEFAULT nextval('public.crush_lu_specialuserexperience_id_seq'::regclass);
ALTER TABLE ONLY public.django_content_type ALTER COLUMN id SET DEFAULT nextval('public.django_content_type_id_seq'::regclass);
ALTER TABLE ONLY public.django_migrations ALTER COLUMN id SET DEFAULT nextval('public.django_migrations_id_seq'::regclass);
ALTER TABLE ONLY public.entreprinder_entrepreneurprofile ALTER COLUMN id SET DEFAULT nextval('public.entreprinder_entrepreneurprofile_id_seq'::regclass);
ALTER TABLE ONLY public.entreprinder_entrepreneurprofile_industries ALTER COLUMN id SET DEFAULT nextval('public.entreprinder_entrepreneurprofile_industries_id_seq'::regclass);
ALTER TABLE ONLY public.entreprinder_entrepreneurprofile_skills ALTER COLUMN id SET DEFAULT nextval('public.entreprinder_entrepreneurprofile_skills_id_seq'::regclass);
ALTER TABLE ONLY public.entreprinder_industry ALTER COLUMN id SET DEFAULT nextval('public.entreprinder_industry_id_seq'::regclass);
ALTER TABLE ONLY public.entreprinder_skill ALTER COLUMN id SET DEFAULT nextval('public.entreprinder_skill_id_seq'::regclass);
ALTER TABLE ONLY public.matching_like ALTER COLUMN id SET DEFAULT nextval('public.matching_like_id_seq'::regclass);
ALTER TABLE ONLY public.matching_match ALTER COLUMN id SET DEFAULT nextval('public.matching_match_id_seq'::regclass);
ALTER TABLE ONLY public.vinsdelux_vdladoptionplan ALTER COLUMN id SET DEFAULT nextval('public.vinsdelux_vdladoptionplan_id_seq'::regclass);
ALTER TABLE ONLY public.vinsdelux_vdlcoffret ALTER COLUMN id SET DEFAULT nextval('public.vinsdelux_vdlcoffret_id_seq'::regclass);
ALTER TABLE ONLY public.vinsdelux_vdlplot ALTER COLUMN id SET DEFAULT nextval('public.vinsdelux_vdlplot_id_seq'::regclass);
ALTER TABLE ONLY public.vinsdelux_vdlplot_adoption_plans ALTER COLUMN id SET DEFAULT nextval('public.vinsdelux_vdlplot_adoption_plans_id_seq'::regclass);
ALTER TABLE ONLY public.vinsdelux_vdlplotreservation ALTER COLUMN id SET DEFAULT nextval('public.vinsdelux_vdlplotreservation_id_seq'::regclass);
ALTER TABLE ONLY public.vinsdelux_vdlproducer ALTER COLUMN id SET DEFAULT nextval('public.vinsdelux_vdlproducer_id_seq'::regclass);
INSERT INTO public.auth_permission VALUES (1, 'Can add content type', 1, 'add_contenttype');
INSERT INTO public.auth_permission VALUES (2, 'Can change content type', 1, 'change_contenttype');
INSERT INTO public.auth_permission VALUES (3, 'Can delete content type', 1, 'delete_contenttype');
INSERT INTO public.auth_permission VALUES (4, 'Can view content type', 1, 'view_contenttype');
INSERT INTO public.auth_permission VALUES (5, 'Can add permission', 2, 'add_permission');
INSERT INTO public.auth_permission VALUES (6, 'Can change permission', 2, 'change_permission');
INSERT INTO public.auth_permission VALUES (7, 'Can delete permission', 2, 'delete_permission');
INSERT INTO public.auth_permission VALUES (8, 'Can view permission', 2, 'view_permission');
INSERT INTO public.auth_permission VALUES (9, 'Can add group', 3, 'add_group');
INSERT INTO public.auth_permission VALUES (10, 'Can change group', 3, 'change_group');
INSERT INTO public.auth_permission VALUES (11, 'Can delete group', 3, 'delete_group');
INSERT INTO public.auth_permission VALUES (12, 'Can view group', 3, 'view_group');
INSERT INTO public.auth_permission VALUES (13, 'Can add user', 4, 'add_user');
INSERT INTO public.auth_permission VALUES (14, 'Can change user', 4, 'change_user');
INSERT INTO public.auth_permission VALUES (15, 'Can delete user', 4, 'delete_user');
INSERT INTO public.auth_permission VALUES (16, 'Can view user', 4, 'view_user');
INSERT INTO public.auth_permission VALUES (17, 'Can add industry', 5, 'add_industry');
INSERT INTO public.auth_permission VALUES (18, 'Can change industry', 5, 'change_industry');
INSERT INTO public.auth_permission VALUES (19, 'Can delete industry', 5, 'delete_industry');
INSERT INTO public.auth_permission VALUES (20, 'Can view industry', 5, 'view_industry');
INSERT INTO public.auth_permission VALUES (21, 'Can add skill', 6, 'add_skill');
INSERT INTO public.auth_permission VALUES (22, 'Can change skill', 6, 'change_skill');
INSERT INTO public.auth_permission VALUES (23, 'Can delete skill', 6, 'delete_skill');
INSERT INTO public.auth_permission VALUES (24, 'Can view skill', 6, 'view_skill');
INSERT INTO public.auth_permission VALUES (25, 'Can add entrepreneur profile', 7, 'add_entrepreneurprofile');
INSERT INTO public.auth_permission VALUES (26, 'Can change entrepreneur profile', 7, 'change_entrepreneurprofile');
INSERT INTO public.auth_permission VALUES (27, 'Can delete entrepreneur profile', 7, 'delete_entrepreneurprofile');
INSERT INTO public.auth_permission VALUES (28, 'Can view entrepreneur profile', 7, 'view_entrepreneurprofile');
INSERT INTO public.auth_permission VALUES (29, 'Can add match', 8, 'add_match');
INSERT INTO public.auth_permission VALUES (30, 'Can change match', 8, 'change_match');
INSERT INTO public.auth_permission VALUES (31, 'Can delete match', 8, 'delete_match');
INSERT INTO public.auth_permission VALUES (32, 'Can view match', 8, 'view_match');
INSERT INTO public.auth_permission VALUES (33, 'Can add like', 9, 'add_like');
INSERT INTO public.auth_permission VALUES (34, 'Can change like', 9, 'change_like');
INSERT INTO public.auth_permission VALUES (35, 'Can delete like', 9, 'delete_like');
INSERT INTO public.auth_permission VALUES (36, 'Can view like', 9, 'view_like');
INSERT INTO public.auth_permission VALUES (37, 'Can add vdl adoption plan', 10, 'add_vdladoptionplan');
INSERT INTO public.auth_permission VALUES (38, 'Can change vdl adoption plan', 10, 'change_vdladoptionplan');
INSERT INTO public.auth_permission VALUES (39, 'Can delete vdl adoption plan', 10, 'delete_vdladoptionplan');
INSERT INTO public.auth_permission VALUES (40, 'Can view vdl adoption plan', 10, 'view_vdladoptionplan');
INSERT INTO public.auth_permission VALUES (41, 'Can add vdl coffret', 11, 'add_vdlcoffret');
INSERT INTO public.auth_permission VALUES (42, 'Can change vdl coffret', 11, 'change_vdlcoffret');
INSERT INTO public.auth_permission VALUES (43, 'Can delete vdl coffret', 11, 'delete_vdlcoffret');
INSERT INTO public.auth_permission VALUES (44, 'Can view vdl coffret', 11, 'view_vdlcoffret');
INSERT INTO public.auth_permission VALUES (45, 'Can add vdl producer', 12, 'add_vdlproducer');
INSERT INTO public.auth_permission VALUES (46, 'Can change vdl producer', 12, 'change_vdlproducer');
INSERT INTO public.auth_permission VALUES (47, 'Can delete vdl producer', 12, 'delete_vdlproducer');
INSERT INTO public.auth_permission VALUES (48, 'Can view vdl producer', 12, 'view_vdlproducer');
INSERT INTO public.auth_permission VALUES (49, 'Can add vdl plot', 13, 'add_vdlplot');
INSERT INTO public.auth_permission VALUES (50, 'Can change vdl plot', 13, 'change_vdlplot');
INSERT INTO public.auth_permission VALUES (51, 'Can delete vdl plot', 13, 'delete_vdlplot');
INSERT INTO public.auth_permission VALUES (52, 'Can view vdl plot', 13, 'view_vdlplot');
INSERT INTO public.auth_permission VALUES (53, 'Can add vdl plot reservation', 14, 'add_vdlplotreservation');
INSERT INTO public.auth_permission VALUES (54, 'Can change vdl plot reservation', 14, 'change_vdlplotreservation');
INSERT INTO public.auth_permission VALUES (55, 'Can delete vdl plot reservation', 14, 'delete_vdlplotreservation');
INSERT INTO public.auth_permission VALUES (56, 'Can view vdl plot reservation', 14, 'view_vdlplotreservation');
INSERT INTO public.auth_permission VALUES (57, 'Can add crush coach', 15, 'add_crushcoach');
INSERT INTO public.auth_permission VALUES (58, 'Can change crush coach', 15, 'change_crushcoach');
INSERT INTO public.auth_permission VALUES (59, 'Can delete crush coach', 15, 'delete_crushcoach');
INSERT INTO public.auth_permission VALUES (60, 'Can view crush coach', 15, 'view_crushcoach');
INSERT INTO public.auth_permission VALUES (61, 'Can add crush profile', 16, 'add_crushprofile');
INSERT INTO public.auth_permission VALUES (62, 'Can change crush profile', 16, 'change_crushprofile');
INSERT INTO public.auth_permission VALUES (63, 'Can delete crush profile', 16, 'delete_crushprofile');
INSERT INTO public.auth_permission VALUES (64, 'Can view crush profile', 16, 'view_crushprofile');
INSERT INTO public.auth_permission VALUES (65, 'Can add journey chapter', 17, 'add_journeychapter');
INSERT INTO public.auth_permission VALUES (66, 'Can change journey chapter', 17, 'change_journeychapter');
INSERT INTO public.auth_permission VALUES (67, 'Can delete journey chapter', 17, 'delete_journeychapter');
INSERT INTO public.auth_permission VALUES (68, 'Can view journey chapter', 17, 'view_journeychapter');
INSERT INTO public.auth_permission VALUES (69, 'Can add journey configuration', 18, 'add_journeyconfiguration');
INSERT INTO public.auth_permission VALUES (70, 'Can change journey configuration', 18, 'change_journeyconfiguration');
INSERT INTO public.auth_permission VALUES (71, 'Can delete journey configuration', 18, 'delete_journeyconfiguration');
INSERT INTO public.auth_permission VALUES (72, 'Can view journey configuration', 18, 'view_journeyconfiguration');
INSERT INTO public.auth_permission VALUES (73, 'Can add special user experience', 19, 'add_specialuserexperience');
INSERT INTO public.auth_permission VALUES (74, 'Can change special user experience', 19, 'change_specialuserexperience');
INSERT INTO public.auth_permission VALUES (75, 'Can delete special user experience', 19, 'delete_specialuserexperience');
INSERT INTO public.auth_permission VALUES (76, 'Can view special user experience', 19, 'view_specialuserexperience');
INSERT INTO public.auth_permission VALUES (77, 'Can add profile submission', 20, 'add_profilesubmission');
INSERT INTO public.auth_permission VALUES (78, 'Can change profile submission', 20, 'change_profilesubmission');
INSERT INTO public.auth_permission VALUES (79, 'Can delete profile submission', 20, 'delete_profilesubmission');
INSERT INTO public.auth_permission VALUES (80, 'Can view profile submission', 20, 'view_profilesubmission');
INSERT INTO public.auth_permission VALUES (81, 'Can add meetup event', 21, 'add_meetupevent');
INSERT INTO public.auth_permission VALUES (82, 'Can change meetup event', 21, 'change_meetupevent');
INSERT INTO public.auth_permission VALUES (83, 'Can delete meetup event', 21, 'delete_meetupevent');
INSERT INTO public.auth_permission VALUES (84, 'Can view meetup event', 21, 'view_meetupevent');
INSERT INTO public.auth_permission VALUES (85, 'Can add journey reward', 22, 'add_journeyreward');
INSERT INTO public.auth_permission VALUES (86, 'Can change journey reward', 22, 'change_journeyreward');
INSERT INTO public.auth_permission VALUES (87, 'Can delete journey reward', 22, 'delete_journeyreward');
INSERT INTO public.auth_permission VALUES (88, 'Can view journey reward', 22, 'view_journeyreward');
INSERT INTO public.auth_permission VALUES (89, 'Can add journey progress', 23, 'add_journeyprogress');
INSERT INTO public.auth_permission VALUES (90, 'Can change journey progress', 23, 'change_journeyprogress');
INSERT INTO public.auth_permission VALUES (91, 'Can delete journey progress', 23, 'delete_journeyprogress');
INSERT INTO public.auth_permission VALUES (92, 'Can view journey progress', 23, 'view_journeyprogress');
INSERT INTO public.auth_permission VALUES (93, 'Can add journey challenge', 24, 'add_journeychallenge');
INSERT INTO public.auth_permission VALUES (94, 'Can change journey challenge', 24, 'change_journeychallenge');
INSERT INTO public.auth_permission VALUES (95, 'Can delete journey challenge', 24, 'delete_journeychallenge');
INSERT INTO public.auth_permission VALUES (96, 'Can view journey challenge', 24, 'view_journeychallenge');
INSERT INTO public.auth_permission VALUES (97, 'Can add event registration', 25, 'add_eventregistration');
INSERT INTO public.auth_permission VALUES (98, 'Can change event registration', 25, 'change_eventregistration');
INSERT INTO public.auth_permission VALUES (99, 'Can delete event registration', 25, 'delete_eventregistration');
INSERT INTO public.auth_permission VALUES (100, 'Can view event registration', 25, 'view_eventregistration');
INSERT INTO public.auth_permission VALUES (101, 'Can add event connection', 26, 'add_eventconnection');
INSERT INTO public.auth_permission VALUES (102, 'Can change event connection', 26, 'change_eventconnection');
INSERT INTO public.auth_permission VALUES (103, 'Can delete event connection', 26, 'delete_eventconnection');
INSERT INTO public.auth_permission VALUES (104, 'Can view event connection', 26, 'view_eventconnection');
INSERT INTO public.auth_permission VALUES (105, 'Can add connection message', 27, 'add_connectionmessage');
INSERT INTO public.auth_permission VALUES (106, 'Can change connection message', 27, 'change_connectionmessage');
INSERT INTO public.auth_permission VALUES (107, 'Can delete connection message', 27, 'delete_connectionmessage');
INSERT INTO public.auth_permission VALUES (108, 'Can view connection message', 27, 'view_connectionmessage');
INSERT INTO public.django_content_type VALUES (1, 'contenttypes', 'contenttype');
INSERT INTO public.django_content_type VALUES (2, 'auth', 'permission');
INSERT INTO public.django_content_type VALUES (3, 'auth', 'group');
INSERT INTO public.django_content_type VALUES (4, 'auth', 'user');
INSERT INTO public.django_content_type VALUES (5, 'entreprinder', 'industry');
INSERT INTO public.django_content_type VALUES (6, 'entreprinder', 'skill');
INSERT INTO public.django_content_type VALUES (7, 'entreprinder', 'entrepreneurprofile');
INSERT INTO public.django_content_type VALUES (8, 'matching', 'match');
INSERT INTO public.django_content_type VALUES (9, 'matching', 'like');
INSERT INTO public.django_content_type VALUES (10, 'vinsdelux', 'vdladoptionplan');
INSERT INTO public.django_content_type VALUES (11, 'vinsdelux', 'vdlcoffret');
INSERT INTO public.django_content_type VALUES (12, 'vinsdelux', 'vdlproducer');
INSERT INTO public.django_content_type VALUES (13, 'vinsdelux', 'vdlplot');
INSERT INTO public.django_content_type VALUES (14, 'vinsdelux', 'vdlplotreservation');
INSERT INTO public.django_content_type VALUES (15, 'crush_lu', 'crushcoach');
INSERT INTO public.django_content_type VALUES (16, 'crush_lu', 'crushprofile');
INSERT INTO public.django_content_type VALUES (17, 'crush_lu', 'journeychapter');
INSERT INTO public.django_content_type VALUES (18, 'crush_lu', 'journeyconfiguration');
INSERT INTO public.django_content_type VALUES (19, 'crush_lu', 'specialuserexperience');
INSERT INTO public.django_content_type VALUES (20, 'crush_lu', 'profilesubmission');
INSERT INTO public.django_content_type VALUES (21, 'crush_lu', 'meetupevent');
INSERT INTO public.django_content_type VALUES (22, 'crush_lu', 'journeyreward');
INSERT INTO public.django_content_type VALUES (23, 'crush_lu', 'journeyprogress');
INSERT INTO public.django_content_type VALUES (24, 'crush_lu', 'journeychallenge');
INSERT INTO public.django_content_type VALUES (25, 'crush_lu', 'eventregistration');
INSERT INTO public.django_content_type VALUES (26, 'crush_lu', 'eventconnection');
INSERT INTO public.django_content_type VALUES (27, 'crush_lu', 'connectionmessage');
INSERT INTO public.django_migrations VALUES (1, 'contenttypes', '0001_initial', '2026-12-04 03:29:39.036848+00');
INSERT INTO public.django_migrations VALUES (2, 'contenttypes', '0002_remove_content_type_name', '2026-12-04 03:29:39.056469+00');
INSERT INTO public.django_migrations VALUES (3, 'auth', '0001_initial', '2026-12-04 03:29:39.204138+00');
INSERT INTO public.django_migrations VALUES (4, 'auth', '0002_alter_permission_name_max_length', '2026-12-04 03:29:39.217778+00');
INSERT INTO public.django_migrations VALUES (5, 'auth', '0003_alter_user_email_max_length', '2026-12-04 03:29:39.229195+00');
INSERT INTO public.django_migrations VALUES (6, 'auth', '0004_alter_user_username_opts', '2026-12-04 03:29:39.247753+00');
INSERT INTO public.django_migrations VALUES (7, 'auth', '0005_alter_user_last_login_null', '2026-12-04 03:29:39.268697+00');
INSERT INTO public.django_migrations VALUES (8, 'auth', '0006_require_contenttypes_0002', '2026-12-04 03:29:39.27636+00');
INSERT INTO public.django_migrations VALUES (9, 'auth', '0007_alter_validators_add_error_messages', '2026-12-04 03:29:39.289381+00');
INSERT INTO public.django_migrations VALUES (10, 'auth', '0008_alter_user_username_max_length', '2026-12-04 03:29:39.308426+00');
INSERT INTO public.django_migrations VALUES (11, 'auth', '0009_alter_user_last_name_max_length', '2026-12-04 03:29:39.328505+00');
INSERT INTO public.django_migrations VALUES (12, 'auth', '0010_alter_group_name_max_length', '2026-12-04 03:29:39.347545+00');
INSERT INTO public.django_migrations VALUES (13, 'auth', '0011_update_proxy_permissions', '2026-12-04 03:29:39.360533+00');
INSERT INTO public.django_migrations VALUES (14, 'auth', '0012_alter_user_first_name_max_length', '2026-12-04 03:29:39.381029+00');
INSERT INTO public.django_migrations VALUES (15, 'crush_lu', '0001_initial', '2026-12-04 03:29:40.706571+00');
INSERT INTO public.django_migrations VALUES (16, 'entreprinder', '0001_initial', '2026-12-04 03:29:40.839729+00');
INSERT INTO public.django_migrations VALUES (17, 'matching', '0001_initial', '2026-12-04 03:29:41.000704+00');
INSERT INTO public.django_migrations VALUES (18, 'vinsdelux', '0001_initial', '2026-12-04 03:29:41.200978+00');
SELECT pg_catalog.setval('public.auth_group_id_seq', 1, false);
SELECT pg_catalog.setval('public.auth_group_permissions_id_seq', 1, false);
SELECT pg_catalog.setval('public.auth_permission_id_seq', 108, true);
SELECT pg_catalog.setval('public.auth_user_groups_id_seq', 1, false);
SELECT pg_catalog.setval('public.auth_user_id_seq', 1, false);
SELECT pg_catalog.setval('public.auth_user_user_permissions_id_seq', 1, false);
SELECT pg_catalog.setval('public.crush_lu_connectionmessage_id_seq', 1, false);
SELECT pg_catalog.setval('public.crush_lu_crushcoach_id_seq', 1, false);
SELECT pg_catalog.setval('public.crush_lu_crushprofile_id_seq', 1, false);
SELECT pg_catalog.setval('public.crush_lu_eventconnection_id_seq', 1, false);
SELECT pg_catalog.setval('public.crush_lu_eventregistration_id_seq', 1, false);
SELECT pg_catalog.setval('public.crush_lu_journeychallenge_id_seq', 1, false);
SELECT pg_catalog.setval('public.crush_lu_journeychapter_id_seq', 1, false);
SELECT pg_catalog.setval('public.crush_lu_journeyconfiguration_id_seq', 1, false);
SELECT pg_catalog.setval('public.crush_lu_journeyprogress_id_seq', 1, false);
SELECT pg_catalog.setval('public.crush_lu_journeyreward_id_seq', 1, false);
SELECT pg_catalog.setval('public.crush_lu_meetupevent_id_seq', 1, false);
SELECT pg_catalog.setval('public.crush_lu_meetupevent_special_users_id_seq', 1, false);
SELECT pg_catalog.setval('public.crush_lu_profilesubmission_id_seq', 1, false);
SELECT pg_catalog.setval('public.crush_lu_specialuserexperience_id_seq', 1, false);
SELECT pg_catalog.setval('public.django_content_type_id_seq', 27, true);
SELECT pg_catalog.setval('public.django_migrations_id_seq', 18, true);
SELECT pg_catalog.setval('public.entreprinder_entrepreneurprofile_id_seq', 1, false);
SELECT pg_catalog.setval('public.entreprinder_entrepreneurprofile_industries_id_seq', 1, false);
SELECT pg_catalog.setval('public.entreprinder_entrepreneurprofile_skills_id_seq', 1, false);
SELECT pg_catalog.setval('public.entreprinder_industry_id_seq', 1, false);
SELECT pg_catalog.setval('public.entreprinder_skill_id_seq', 1, false);
SELECT pg_catalog.setval('public.matching_like_id_seq', 1, false);
SELECT pg_catalog.setval('public.matching_match_id_seq', 1, false);
SELECT pg_catalog.setval('public.vinsdelux_vdladoptionplan_id_seq', 1, false);
SELECT pg_catalog.setval('public.vinsdelux_vdlcoffret_id_seq', 1, false);
SELECT pg_catalog.setval('public.vinsdelux_vdlplot_adoption_plans_id_seq', 1, false);
SELECT pg_catalog.setval('public.vinsdelux_vdlplot_id_seq', 1, false);
SELECT pg_catalog.setval('public.vinsdelux_vdlplotreservation_id_seq', 1, false);
SELECT pg_catalog.setval('public.vinsdelux_vdlproducer_id_seq', 1, false);
ALTER TABLE ONLY public.auth_group
    ADD CONSTRAINT auth_group_name_key UNIQUE (name);
ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_group_id_permission_id_0cd325b0_uniq UNIQUE (group_id, permission_id);
ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.auth_group
    ADD CONSTRAINT auth_group_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_content_type_id_codename_01ab375a_uniq UNIQUE (content_type_id, codename);
ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_user_id_group_id_94350c0c_uniq UNIQUE (user_id, group_id);
ALTER TABLE ONLY public.auth_user
    ADD CONSTRAINT auth_user_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_user_id_permission_id_14a6b632_uniq UNIQUE (user_id, permission_id);
ALTER TABLE ONLY public.auth_user
    ADD CONSTRAINT auth_user_username_key UNIQUE (username);
ALTER TABLE ONLY public.crush_lu_connectionmessage
    ADD CONSTRAINT crush_lu_connectionmessage_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.crush_lu_crushcoach
    ADD CONSTRAINT crush_lu_crushcoach_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.crush_lu_crushcoach
    ADD CONSTRAINT crush_lu_crushcoach_user_id_key UNIQUE (user_id);
ALTER TABLE ONLY public.crush_lu_crushprofile
    ADD CONSTRAINT crush_lu_crushprofile_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.crush_lu_crushprofile
    ADD CONSTRAINT crush_lu_crushprofile_user_id_key UNIQUE (user_id);
ALTER TABLE ONLY public.crush_lu_eventconnection
    ADD CONSTRAINT crush_lu_eventconnection_event_id_from_user_id_to_3eb4f560_uniq UNIQUE (event_id, from_user_id, to_user_id);
ALTER TABLE ONLY public.crush_lu_eventconnection
    ADD CONSTRAINT crush_lu_eventconnection_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.crush_lu_eventregistration
    ADD CONSTRAINT crush_lu_eventregistration_event_id_user_id_52c32bb9_uniq UNIQUE (event_id, user_id);
ALTER TABLE ONLY public.crush_lu_eventregistration
    ADD CONSTRAINT crush_lu_eventregistration_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.crush_lu_journeychallenge
    ADD CONSTRAINT crush_lu_journeychallenge_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.crush_lu_journeychapter
    ADD CONSTRAINT crush_lu_journeychapter_journey_id_chapter_number_deb33db4_uniq UNIQUE (journey_id, chapter_number);
ALTER TABLE ONLY public.crush_lu_journeychapter
    ADD CONSTRAINT crush_lu_journeychapter_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.crush_lu_journeyconfiguration
    ADD CONSTRAINT crush_lu_journeyconfiguration_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.crush_lu_journeyprogress
    ADD CONSTRAINT crush_lu_journeyprogress_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.crush_lu_journeyprogress
    ADD CONSTRAINT crush_lu_journeyprogress_user_id_journey_id_78cfde9e_uniq UNIQUE (user_id, journey_id);
ALTER TABLE ONLY public.crush_lu_journeyreward
    ADD CONSTRAINT crush_lu_journeyreward_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.crush_lu_meetupevent
    ADD CONSTRAINT crush_lu_meetupevent_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.crush_lu_meetupevent_special_users
    ADD CONSTRAINT crush_lu_meetupevent_spe_meetupevent_id_user_id_e7f9bdd6_uniq UNIQUE (meetupevent_id, user_id);
ALTER TABLE ONLY public.crush_lu_meetupevent_special_users
    ADD CONSTRAINT crush_lu_meetupevent_special_users_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.crush_lu_profilesubmission
    ADD CONSTRAINT crush_lu_profilesubmission_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.crush_lu_specialuserexperience
    ADD CONSTRAINT crush_lu_specialuserexperience_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.crush_lu_specialuserexperience
    ADD CONSTRAINT crush_lu_specialuserexperience_user_id_key UNIQUE (user_id);
ALTER TABLE ONLY public.django_content_type
    ADD CONSTRAINT django_content_type_app_label_model_76bd3d3b_uniq UNIQUE (app_label, model);
ALTER TABLE ONLY public.django_content_type
    ADD CONSTRAINT django_content_type_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.django_migrations
    ADD CONSTRAINT django_migrations_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.entreprinder_entrepreneurprofile_industries
    ADD CONSTRAINT entreprinder_entrepreneu_entrepreneurprofile_id_i_4ab2f901_uniq UNIQUE (entrepreneurprofile_id, industry_id);
ALTER TABLE ONLY public.entreprinder_entrepreneurprofile_skills
    ADD CONSTRAINT entreprinder_entrepreneu_entrepreneurprofile_id_s_6170a5f4_uniq UNIQUE (entrepreneurprofile_id, skill_id);
ALTER TABLE ONLY public.entreprinder_entrepreneurprofile_industries
    ADD CONSTRAINT entreprinder_entrepreneurprofile_industries_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.entreprinder_entrepreneurprofile
    ADD CONSTRAINT entreprinder_entrepreneurprofile_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.entreprinder_entrepreneurprofile_skills
    ADD CONSTRAINT entreprinder_entrepreneurprofile_skills_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.entreprinder_entrepreneurprofile
    ADD CONSTRAINT entreprinder_entrepreneurprofile_user_id_key UNIQUE (user_id);
ALTER TABLE ONLY public.entreprinder_industry
    ADD CONSTRAINT entreprinder_industry_name_key UNIQUE (name);
ALTER TABLE ONLY public.entreprinder_industry
    ADD CONSTRAINT entreprinder_industry_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.entreprinder_skill
    ADD CONSTRAINT entreprinder_skill_name_key UNIQUE (name);
ALTER TABLE ONLY public.entreprinder_skill
    ADD CONSTRAINT entreprinder_skill_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.matching_like
    ADD CONSTRAINT matching_like_from_user_id_to_user_id_f23cc388_uniq UNIQUE (from_user_id, to_user_id);
ALTER TABLE ONLY public.matching_like
    ADD CONSTRAINT matching_like_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.matching_match
    ADD CONSTRAINT matching_match_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.matching_match
    ADD CONSTRAINT matching_match_user1_id_user2_id_4c543c92_uniq UNIQUE (user1_id, user2_id);
ALTER TABLE ONLY public.vinsdelux_vdladoptionplan
    ADD CONSTRAINT vinsdelux_vdladoptionplan_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.vinsdelux_vdlcoffret
    ADD CONSTRAINT vinsdelux_vdlcoffret_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.vinsdelux_vdlplot_adoption_plans
    ADD CONSTRAINT vinsdelux_vdlplot_adopti_vdlplot_id_vdladoptionpl_2c507bd9_uniq UNIQUE (vdlplot_id, vdladoptionplan_id);
ALTER TABLE ONLY public.vinsdelux_vdlplot_adoption_plans
    ADD CONSTRAINT vinsdelux_vdlplot_adoption_plans_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.vinsdelux_vdlplot
    ADD CONSTRAINT vinsdelux_vdlplot_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.vinsdelux_vdlplotreservation
    ADD CONSTRAINT vinsdelux_vdlplotreservation_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.vinsdelux_vdlplotreservation
    ADD CONSTRAINT vinsdelux_vdlplotreservation_user_id_plot_id_cbdc7ce5_uniq UNIQUE (user_id, plot_id);
ALTER TABLE ONLY public.vinsdelux_vdlproducer
    ADD CONSTRAINT vinsdelux_vdlproducer_pkey PRIMARY KEY (id);
CREATE INDEX auth_group_name_a6ea08ec_like ON public.auth_group USING btree (name varchar_pattern_ops);
CREATE INDEX auth_group_permissions_group_id_b120cbf9 ON public.auth_group_permissions USING btree (group_id);
CREATE INDEX auth_group_permissions_permission_id_84c5c92e ON public.auth_group_permissions USING btree (permission_id);
CREATE INDEX auth_permission_content_type_id_2f476e4b ON public.auth_permission USING btree (content_type_id);
CREATE INDEX auth_user_groups_group_id_97559544 ON public.auth_user_groups USING btree (group_id);
CREATE INDEX auth_user_groups_user_id_6a12ed8b ON public.auth_user_groups USING btree (user_id);
CREATE INDEX auth_user_user_permissions_permission_id_1fbb5f2c ON public.auth_user_user_permissions USING btree (permission_id);
CREATE INDEX auth_user_user_permissions_user_id_a95ead1b ON public.auth_user_user_permissions USING btree (user_id);
CREATE INDEX auth_user_username_6821ab7c_like ON public.auth_user USING btree (username varchar_pattern_ops);
CREATE INDEX crush_lu_connectionmessage_connection_id_8cce4caf ON public.crush_lu_connectionmessage USING btree (connection_id);
CREATE INDEX crush_lu_connectionmessage_sender_id_edae8c50 ON public.crush_lu_connectionmessage USING btree (sender_id);
CREATE INDEX crush_lu_ev_event_i_3ae9d1_idx ON public.crush_lu_eventregistration USING btree (event_id, status);
CREATE INDEX crush_lu_eventconnection_event_id_f1d7d704 ON public.crush_lu_eventconnection USING btree (event_id);
CREATE INDEX crush_lu_eventconnection_from_user_id_98cfbc29 ON public.crush_lu_eventconnection USING btree (from_user_id);
CREATE INDEX crush_lu_eventconnection_to_user_id_b7a9425f ON public.crush_lu_eventconnection USING btree (to_user_id);
CREATE INDEX crush_lu_eventregistration_event_id_42796169 ON public.crush_lu_eventregistration USING btree (event_id);
CREATE INDEX crush_lu_eventregistration_user_id_01872ea4 ON public.crush_lu_eventregistration USING btree (user_id);
CREATE INDEX crush_lu_journeychallenge_chapter_id_9117ef11 ON public.crush_lu_journeychallenge USING btree (chapter_id);
CREATE INDEX crush_lu_journeychapter_journey_id_e597022b ON public.crush_lu_journeychapter USING btree (journey_id);
CREATE INDEX crush_lu_journeyprogress_journey_id_cc1a18b8 ON public.crush_lu_journeyprogress USING btree (journey_id);
CREATE INDEX crush_lu_journeyprogress_user_id_bee30d4a ON public.crush_lu_journeyprogress USING btree (user_id);
CREATE INDEX crush_lu_journeyreward_chapter_id_eb36f153 ON public.crush_lu_journeyreward USING btree (chapter_id);
CREATE INDEX crush_lu_me_event_d_e0471d_idx ON public.crush_lu_meetupevent USING btree (event_date, is_published);
CREATE INDEX crush_lu_me_is_priv_33ed94_idx ON public.crush_lu_meetupevent USING btree (is_private_invitation);
CREATE INDEX crush_lu_meetupevent_special_users_meetupevent_id_ab9dc74a ON public.crush_lu_meetupevent_special_users USING btree (meetupevent_id);
CREATE INDEX crush_lu_meetupevent_special_users_user_id_035e5898 ON public.crush_lu_meetupevent_special_users USING btree (user_id);
CREATE INDEX crush_lu_profilesubmission_coach_id_9db7a06e ON public.crush_lu_profilesubmission USING btree (coach_id);
CREATE INDEX crush_lu_profilesubmission_profile_id_aeca1843 ON public.crush_lu_profilesubmission USING btree (profile_id);
CREATE INDEX crush_lu_specialuserexperience_journey_id_6a8fe423 ON public.crush_lu_specialuserexperience USING btree (journey_id);
CREATE INDEX entreprinder_entrepreneurp_entrepreneurprofile_id_13fc954f ON public.entreprinder_entrepreneurprofile_industries USING btree (entrepreneurprofile_id);
CREATE INDEX entreprinder_entrepreneurp_entrepreneurprofile_id_558de847 ON public.entreprinder_entrepreneurprofile_skills USING btree (entrepreneurprofile_id);
CREATE INDEX entreprinder_entrepreneurp_industry_id_b037d963 ON public.entreprinder_entrepreneurprofile_industries USING btree (industry_id);
CREATE INDEX entreprinder_entrepreneurprofile_skills_skill_id_88896c16 ON public.entreprinder_entrepreneurprofile_skills USING btree (skill_id);
CREATE INDEX entreprinder_industry_name_39155c30_like ON public.entreprinder_industry USING btree (name varchar_pattern_ops);
CREATE INDEX entreprinder_skill_name_9ae70b20_like ON public.entreprinder_skill USING btree (name varchar_pattern_ops);
CREATE INDEX matching_like_from_user_id_d18b5e56 ON public.matching_like USING btree (from_user_id);
CREATE INDEX matching_like_to_user_id_5306155b ON public.matching_like USING btree (to_user_id);
CREATE INDEX matching_match_user1_id_ee52f39b ON public.matching_match USING btree (user1_id);
CREATE INDEX matching_match_user2_id_fbe291ad ON public.matching_match USING btree (user2_id);
CREATE INDEX vinsdelux_v_produce_3910e9_idx ON public.vinsdelux_vdlplot USING btree (producer_id, status);
CREATE INDEX vinsdelux_v_status_29e062_idx ON public.vinsdelux_vdlplot USING btree (status);
CREATE INDEX vinsdelux_vdladoptionplan_coffret_id_b0d7396a ON public.vinsdelux_vdladoptionplan USING btree (coffret_id);
CREATE INDEX vinsdelux_vdlplot_adoption_plans_vdladoptionplan_id_c266d581 ON public.vinsdelux_vdlplot_adoption_plans USING btree (vdladoptionplan_id);
CREATE INDEX vinsdelux_vdlplot_adoption_plans_vdlplot_id_94683492 ON public.vinsdelux_vdlplot_adoption_plans USING btree (vdlplot_id);
CREATE INDEX vinsdelux_vdlplot_producer_id_96305c61 ON public.vinsdelux_vdlplot USING btree (producer_id);
CREATE INDEX vinsdelux_vdlplotreservation_plot_id_dcfbd662 ON public.vinsdelux_vdlplotreservation USING btree (plot_id);
CREATE INDEX vinsdelux_vdlplotreservation_user_id_ab42973a ON public.vinsdelux_vdlplotreservation USING btree (user_id);
ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissio_permission_id_84c5c92e_fk_auth_perm FOREIGN KEY (permission_id) REFERENCES public.auth_permission(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.auth_group_permissions
    ADD CONSTRAINT auth_group_permissions_group_id_b120cbf9_fk_auth_group_id FOREIGN KEY (group_id) REFERENCES public.auth_group(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.auth_permission
    ADD CONSTRAINT auth_permission_content_type_id_2f476e4b_fk_django_co FOREIGN KEY (content_type_id) REFERENCES public.django_content_type(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_group_id_97559544_fk_auth_group_id FOREIGN KEY (group_id) REFERENCES public.auth_group(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.auth_user_groups
    ADD CONSTRAINT auth_user_groups_user_id_6a12ed8b_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permi_permission_id_1fbb5f2c_fk_auth_perm FOREIGN KEY (permission_id) REFERENCES public.auth_permission(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.auth_user_user_permissions
    ADD CONSTRAINT auth_user_user_permissions_user_id_a95ead1b_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_connectionmessage
    ADD CONSTRAINT crush_lu_connectionm_connection_id_8cce4caf_fk_crush_lu_ FOREIGN KEY (connection_id) REFERENCES public.crush_lu_eventconnection(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_connectionmessage
    ADD CONSTRAINT crush_lu_connectionmessage_sender_id_edae8c50_fk_auth_user_id FOREIGN KEY (sender_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_crushcoach
    ADD CONSTRAINT crush_lu_crushcoach_user_id_1b7880af_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_crushprofile
    ADD CONSTRAINT crush_lu_crushprofile_user_id_250381d6_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_eventconnection
    ADD CONSTRAINT crush_lu_eventconnec_event_id_f1d7d704_fk_crush_lu_ FOREIGN KEY (event_id) REFERENCES public.crush_lu_meetupevent(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_eventconnection
    ADD CONSTRAINT crush_lu_eventconnection_from_user_id_98cfbc29_fk_auth_user_id FOREIGN KEY (from_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_eventconnection
    ADD CONSTRAINT crush_lu_eventconnection_to_user_id_b7a9425f_fk_auth_user_id FOREIGN KEY (to_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_eventregistration
    ADD CONSTRAINT crush_lu_eventregist_event_id_42796169_fk_crush_lu_ FOREIGN KEY (event_id) REFERENCES public.crush_lu_meetupevent(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_eventregistration
    ADD CONSTRAINT crush_lu_eventregistration_user_id_01872ea4_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_journeychallenge
    ADD CONSTRAINT crush_lu_journeychal_chapter_id_9117ef11_fk_crush_lu_ FOREIGN KEY (chapter_id) REFERENCES public.crush_lu_journeychapter(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_journeychapter
    ADD CONSTRAINT crush_lu_journeychap_journey_id_e597022b_fk_crush_lu_ FOREIGN KEY (journey_id) REFERENCES public.crush_lu_journeyconfiguration(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_journeyprogress
    ADD CONSTRAINT crush_lu_journeyprog_journey_id_cc1a18b8_fk_crush_lu_ FOREIGN KEY (journey_id) REFERENCES public.crush_lu_journeyconfiguration(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_journeyprogress
    ADD CONSTRAINT crush_lu_journeyprogress_user_id_bee30d4a_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_journeyreward
    ADD CONSTRAINT crush_lu_journeyrewa_chapter_id_eb36f153_fk_crush_lu_ FOREIGN KEY (chapter_id) REFERENCES public.crush_lu_journeychapter(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_meetupevent_special_users
    ADD CONSTRAINT crush_lu_meetupevent_meetupevent_id_ab9dc74a_fk_crush_lu_ FOREIGN KEY (meetupevent_id) REFERENCES public.crush_lu_meetupevent(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_meetupevent_special_users
    ADD CONSTRAINT crush_lu_meetupevent_user_id_035e5898_fk_auth_user FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_profilesubmission
    ADD CONSTRAINT crush_lu_profilesubm_coach_id_9db7a06e_fk_crush_lu_ FOREIGN KEY (coach_id) REFERENCES public.crush_lu_crushcoach(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_profilesubmission
    ADD CONSTRAINT crush_lu_profilesubm_profile_id_aeca1843_fk_crush_lu_ FOREIGN KEY (profile_id) REFERENCES public.crush_lu_crushprofile(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_specialuserexperience
    ADD CONSTRAINT crush_lu_specialuser_journey_id_6a8fe423_fk_crush_lu_ FOREIGN KEY (journey_id) REFERENCES public.crush_lu_journeyconfiguration(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.crush_lu_specialuserexperience
    ADD CONSTRAINT crush_lu_specialuserexperience_user_id_704cb2a2_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.entreprinder_entrepreneurprofile_industries
    ADD CONSTRAINT entreprinder_entrepr_entrepreneurprofile__13fc954f_fk_entreprin FOREIGN KEY (entrepreneurprofile_id) REFERENCES public.entreprinder_entrepreneurprofile(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.entreprinder_entrepreneurprofile_skills
    ADD CONSTRAINT entreprinder_entrepr_entrepreneurprofile__558de847_fk_entreprin FOREIGN KEY (entrepreneurprofile_id) REFERENCES public.entreprinder_entrepreneurprofile(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.entreprinder_entrepreneurprofile_industries
    ADD CONSTRAINT entreprinder_entrepr_industry_id_b037d963_fk_entreprin FOREIGN KEY (industry_id) REFERENCES public.entreprinder_industry(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.entreprinder_entrepreneurprofile_skills
    ADD CONSTRAINT entreprinder_entrepr_skill_id_88896c16_fk_entreprin FOREIGN KEY (skill_id) REFERENCES public.entreprinder_skill(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.entreprinder_entrepreneurprofile
    ADD CONSTRAINT entreprinder_entrepr_user_id_95d9ebe0_fk_auth_user FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.matching_like
    ADD CONSTRAINT matching_like_from_user_id_d18b5e56_fk_auth_user_id FOREIGN KEY (from_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.matching_like
    ADD CONSTRAINT matching_like_to_user_id_5306155b_fk_auth_user_id FOREIGN KEY (to_user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.matching_match
    ADD CONSTRAINT matching_match_user1_id_ee52f39b_fk_auth_user_id FOREIGN KEY (user1_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.matching_match
    ADD CONSTRAINT matching_match_user2_id_fbe291ad_fk_auth_user_id FOREIGN KEY (user2_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.vinsdelux_vdladoptionplan
    ADD CONSTRAINT vinsdelux_vdladoptio_coffret_id_b0d7396a_fk_vinsdelux FOREIGN KEY (coffret_id) REFERENCES public.vinsdelux_vdlcoffret(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.vinsdelux_vdlplot_adoption_plans
    ADD CONSTRAINT vinsdelux_vdlplot_ad_vdladoptionplan_id_c266d581_fk_vinsdelux FOREIGN KEY (vdladoptionplan_id) REFERENCES public.vinsdelux_vdladoptionplan(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.vinsdelux_vdlplot_adoption_plans
    ADD CONSTRAINT vinsdelux_vdlplot_ad_vdlplot_id_94683492_fk_vinsdelux FOREIGN KEY (vdlplot_id) REFERENCES public.vinsdelux_vdlplot(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.vinsdelux_vdlplot
    ADD CONSTRAINT vinsdelux_vdlplot_producer_id_96305c61_fk_vinsdelux FOREIGN KEY (producer_id) REFERENCES public.vinsdelux_vdlproducer(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.vinsdelux_vdlplotreservation
    ADD CONSTRAINT vinsdelux_vdlplotres_plot_id_dcfbd662_fk_vinsdelux FOREIGN KEY (plot_id) REFERENCES public.vinsdelux_vdlplot(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.vinsdelux_vdlplotreservation
    ADD CONSTRAINT vinsdelux_vdlplotreservation_user_id_ab42973a_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
