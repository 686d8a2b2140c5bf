-- V4: VinsDelux, SQLite form (the V6 checks and defaults inline, same names as PostgreSQL).

CREATE TABLE vinsdelux_vdlproducer (
    id          INTEGER      NOT NULL CONSTRAINT vinsdelux_vdlproducer_pkey PRIMARY KEY AUTOINCREMENT,
    name        VARCHAR(200) NOT NULL,
    region      VARCHAR(100) NOT NULL,
    description TEXT         NOT NULL,
    logo        VARCHAR(100) NOT NULL,
    coordinates TEXT         NULL,
    CONSTRAINT vinsdelux_vdlproducer_coordinates_check
        CHECK (coordinates IS NULL OR (json_valid(coordinates) AND json_type(coordinates) = 'object'))
);

CREATE TABLE vinsdelux_vdlcoffret (
    id          INTEGER      NOT NULL CONSTRAINT vinsdelux_vdlcoffret_pkey PRIMARY KEY AUTOINCREMENT,
    name        VARCHAR(200) NOT NULL,
    bottles     INTEGER      NOT NULL,
    description TEXT         NOT NULL,
    CONSTRAINT vinsdelux_vdlcoffret_bottles_check CHECK (bottles >= 0)
);

CREATE TABLE vinsdelux_vdladoptionplan (
    id              INTEGER       NOT NULL CONSTRAINT vinsdelux_vdladoptionplan_pkey PRIMARY KEY AUTOINCREMENT,
    name            VARCHAR(200)  NOT NULL,
    price           NUMERIC(8, 2) NOT NULL,
    duration_months INTEGER       NOT NULL,
    coffret_id      INTEGER       NOT NULL,
    is_available    BOOLEAN       NOT NULL DEFAULT 1
        CONSTRAINT vinsdelux_vdladoptionplan_is_available_check CHECK (is_available IN (0, 1)),
    CONSTRAINT vinsdelux_vdladoptionplan_coffret_id_fk FOREIGN KEY (coffret_id)
        REFERENCES vinsdelux_vdlcoffret (id) ON DELETE CASCADE,
    CONSTRAINT vinsdelux_vdladoptionplan_price_check CHECK (price >= 0),
    CONSTRAINT vinsdelux_vdladoptionplan_duration_months_check CHECK (duration_months > 0)
);
CREATE INDEX vinsdelux_vdladoptionplan_coffret_id_idx ON vinsdelux_vdladoptionplan (coffret_id);

CREATE TABLE vinsdelux_vdlplot (
    id              INTEGER       NOT NULL CONSTRAINT vinsdelux_vdlplot_pkey PRIMARY KEY AUTOINCREMENT,
    producer_id     INTEGER       NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    status          VARCHAR(20)   NOT NULL DEFAULT 'available',
    size_hectares   NUMERIC(5, 2) NOT NULL,
    grape_varieties VARCHAR(200)  NOT NULL,
    soil_type       VARCHAR(100)  NOT NULL,
    elevation       INTEGER       NOT NULL,
    coordinates     TEXT          NULL,
    CONSTRAINT vinsdelux_vdlplot_producer_id_fk FOREIGN KEY (producer_id)
        REFERENCES vinsdelux_vdlproducer (id) ON DELETE CASCADE,
    CONSTRAINT vinsdelux_vdlplot_status_check
        CHECK (status IN ('available', 'reserved', 'adopted', 'unavailable')),
    CONSTRAINT vinsdelux_vdlplot_size_hectares_check CHECK (size_hectares >= 0),
    CONSTRAINT vinsdelux_vdlplot_coordinates_check
        CHECK (coordinates IS NULL OR (json_valid(coordinates) AND json_type(coordinates) = 'object'))
);
CREATE INDEX vinsdelux_vdlplot_producer_id_idx ON vinsdelux_vdlplot (producer_id);
CREATE INDEX vinsdelux_vdlplot_status_idx ON vinsdelux_vdlplot (status);
CREATE INDEX vinsdelux_vdlplot_producer_id_status_idx ON vinsdelux_vdlplot (producer_id, status);

CREATE TABLE vinsdelux_vdlplot_adoption_plans (
    id                 INTEGER NOT NULL CONSTRAINT vinsdelux_vdlplot_adoption_plans_pkey PRIMARY KEY AUTOINCREMENT,
    vdlplot_id         INTEGER NOT NULL,
    vdladoptionplan_id INTEGER NOT NULL,
    CONSTRAINT vinsdelux_vdlplot_adoption_plans_vdlplot_id_plan_id_uniq
        UNIQUE (vdlplot_id, vdladoptionplan_id),
    CONSTRAINT vinsdelux_vdlplot_adoption_plans_vdlplot_id_fk FOREIGN KEY (vdlplot_id)
        REFERENCES vinsdelux_vdlplot (id) ON DELETE CASCADE,
    CONSTRAINT vinsdelux_vdlplot_adoption_plans_vdladoptionplan_id_fk FOREIGN KEY (vdladoptionplan_id)
        REFERENCES vinsdelux_vdladoptionplan (id) ON DELETE CASCADE
);
CREATE INDEX vinsdelux_vdlplot_adoption_plans_vdlplot_id_idx
    ON vinsdelux_vdlplot_adoption_plans (vdlplot_id);
CREATE INDEX vinsdelux_vdlplot_adoption_plans_vdladoptionplan_id_idx
    ON vinsdelux_vdlplot_adoption_plans (vdladoptionplan_id);

CREATE TABLE vinsdelux_vdlplotreservation (
    id           INTEGER NOT NULL CONSTRAINT vinsdelux_vdlplotreservation_pkey PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL,
    plot_id      INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL,
    is_confirmed BOOLEAN NOT NULL DEFAULT 0
        CONSTRAINT vinsdelux_vdlplotreservation_is_confirmed_check CHECK (is_confirmed IN (0, 1)),
    notes        TEXT    NOT NULL DEFAULT '',
    CONSTRAINT vinsdelux_vdlplotreservation_user_id_plot_id_uniq UNIQUE (user_id, plot_id),
    CONSTRAINT vinsdelux_vdlplotreservation_user_id_fk FOREIGN KEY (user_id)
        REFERENCES auth_user (id) ON DELETE CASCADE,
    CONSTRAINT vinsdelux_vdlplotreservation_plot_id_fk FOREIGN KEY (plot_id)
        REFERENCES vinsdelux_vdlplot (id) ON DELETE CASCADE
);
CREATE INDEX vinsdelux_vdlplotreservation_user_id_idx ON vinsdelux_vdlplotreservation (user_id);
CREATE INDEX vinsdelux_vdlplotreservation_plot_id_idx ON vinsdelux_vdlplotreservation (plot_id);
