-- The PostgreSQL form of db/vendor/h2/V1 (same tables, columns and constraints): gen_random_uuid, ~ for REGEXP_LIKE,
-- json_typeof for IS JSON OBJECT/ARRAY, NULLS NOT DISTINCT after the columns.
-- Impact Desk core schema. Ids from the export are opaque strings (usually UUIDs);
-- ids the app generates (summaries, awards) are UUIDs. Timestamps are stored as UTC instants.
-- JSON columns are VARCHAR holding JSON text with a check that it parses as JSON (PostgreSQL 15
-- has no IS JSON: a CAST that fails), as on H2.

CREATE TABLE organizations (
    id                              VARCHAR(64) PRIMARY KEY,
    name                            VARCHAR(300) NOT NULL,
    time_zone                       VARCHAR(64) DEFAULT 'Europe/Oslo' NOT NULL,
    -- settings: NULL means "platform default" (METRICS.md), each field on its own
    hourly_rate                     DECIMAL(12,2) CHECK (hourly_rate >= 0),
    currency                        VARCHAR(3),
    social_value_multiplier         DECIMAL(8,2) CHECK (social_value_multiplier >= 0),
    cost_saving_per_contact         DECIMAL(12,2) CHECK (cost_saving_per_contact >= 0),
    quarterly_underactive_sessions  INT CHECK (quarterly_underactive_sessions >= 0),
    quarterly_overloaded_sessions   INT CHECK (quarterly_overloaded_sessions >= 0),
    half_year_underactive_sessions  INT CHECK (half_year_underactive_sessions >= 0),
    half_year_overloaded_sessions   INT CHECK (half_year_overloaded_sessions >= 0),
    impact_summary_enabled          BOOLEAN,
    created_at                      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at                      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT org_quarterly_thresholds_order CHECK (quarterly_underactive_sessions IS NULL
        OR quarterly_overloaded_sessions IS NULL OR quarterly_overloaded_sessions > quarterly_underactive_sessions),
    CONSTRAINT org_half_year_thresholds_order CHECK (half_year_underactive_sessions IS NULL
        OR half_year_overloaded_sessions IS NULL OR half_year_overloaded_sessions > half_year_underactive_sessions)
);

CREATE TABLE organization_modules (
    organization_id VARCHAR(64) NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    module          VARCHAR(100) NOT NULL,
    PRIMARY KEY (organization_id, module)
);

CREATE TABLE local_associations (
    id              VARCHAR(64) PRIMARY KEY,
    organization_id VARCHAR(64) NOT NULL REFERENCES organizations(id),
    name            VARCHAR(300) NOT NULL
);
CREATE INDEX idx_local_associations_org ON local_associations(organization_id);

CREATE TABLE users (
    id              VARCHAR(64) PRIMARY KEY,
    organization_id VARCHAR(64) REFERENCES organizations(id),  -- NULL only for global admins
    display_name    VARCHAR(300) NOT NULL,
    email           VARCHAR(320),
    created_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX idx_users_org ON users(organization_id);

CREATE TABLE user_roles (
    user_id VARCHAR(64) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role    VARCHAR(20) NOT NULL CHECK (role IN ('peer_mentor', 'coordinator', 'org_admin', 'global_admin')),
    PRIMARY KEY (user_id, role)
);

-- a coordinator's scope: the local associations whose peer mentors they see
CREATE TABLE coordinator_scopes (
    user_id              VARCHAR(64) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    local_association_id VARCHAR(64) NOT NULL REFERENCES local_associations(id),
    PRIMARY KEY (user_id, local_association_id)
);
CREATE INDEX idx_coordinator_scopes_la ON coordinator_scopes(local_association_id);

CREATE TABLE peer_mentors (
    id                           VARCHAR(64) PRIMARY KEY,
    user_id                      VARCHAR(64) NOT NULL UNIQUE REFERENCES users(id),
    organization_id              VARCHAR(64) NOT NULL REFERENCES organizations(id),
    primary_local_association_id VARCHAR(64) NOT NULL REFERENCES local_associations(id),
    status                       VARCHAR(10) NOT NULL CHECK (status IN ('active', 'paused', 'inactive')),
    started_on                   DATE,
    created_at                   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at                   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX idx_peer_mentors_org ON peer_mentors(organization_id);

-- memberships, at most 5 per mentor (checked by sync), the primary included
CREATE TABLE peer_mentor_associations (
    peer_mentor_id       VARCHAR(64) NOT NULL REFERENCES peer_mentors(id) ON DELETE CASCADE,
    local_association_id VARCHAR(64) NOT NULL REFERENCES local_associations(id),
    PRIMARY KEY (peer_mentor_id, local_association_id)
);
CREATE INDEX idx_pma_la ON peer_mentor_associations(local_association_id);

CREATE TABLE contacts (
    id              VARCHAR(64) PRIMARY KEY,
    organization_id VARCHAR(64) NOT NULL REFERENCES organizations(id),
    display_name    VARCHAR(300)   -- personal data: never in anything shared
);

CREATE TABLE activity_types (
    id      VARCHAR(64) PRIMARY KEY,   -- the key, e.g. home_visit
    name    VARCHAR(200) NOT NULL,
    name_nb VARCHAR(200)
);

CREATE TABLE events (
    id                VARCHAR(64) PRIMARY KEY,
    organization_id   VARCHAR(64) NOT NULL REFERENCES organizations(id),
    title             VARCHAR(500) NOT NULL,
    starts_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    organizer_user_id VARCHAR(64) REFERENCES users(id)
);
CREATE INDEX idx_events_organizer ON events(organizer_user_id);

CREATE TABLE event_attendance (
    event_id   VARCHAR(64) NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id    VARCHAR(64) NOT NULL REFERENCES users(id),
    registered BOOLEAN DEFAULT TRUE NOT NULL,
    attended   BOOLEAN NOT NULL,
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX idx_event_attendance_user ON event_attendance(user_id);

-- assignment honorarium records
CREATE TABLE assignments (
    id                VARCHAR(64) PRIMARY KEY,
    peer_mentor_id    VARCHAR(64) NOT NULL REFERENCES peer_mentors(id),
    status            VARCHAR(10) NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
    completed_at      TIMESTAMP WITH TIME ZONE,
    honorarium_amount DECIMAL(12,2) CHECK (honorarium_amount >= 0)
);
CREATE INDEX idx_assignments_mentor ON assignments(peer_mentor_id);

-- id in byte order (COLLATE "C"): the sync merges the bundle with the stored rows read ORDER BY id,
-- which must be the order of Java's String.compareTo, as H2's binary order is; a language collation is not.
CREATE TABLE activities (
    id                   VARCHAR(64) COLLATE "C" PRIMARY KEY,
    organization_id      VARCHAR(64) NOT NULL,
    local_association_id VARCHAR(64) NOT NULL,
    peer_mentor_id       VARCHAR(64) NOT NULL,
    activity_type        VARCHAR(64) NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_minutes     INT NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
    contact_id           VARCHAR(64),
    approval_status      VARCHAR(10) NOT NULL CHECK (approval_status IN ('approved', 'pending', 'flagged', 'rejected')),
    travel_km            DECIMAL(10,2) CHECK (travel_km >= 0),
    event_id             VARCHAR(64)
);
CREATE INDEX idx_activities_mentor ON activities(peer_mentor_id, started_at);

-- Contract between sync and generation: every (peer mentor, local year) whose inputs a sync
-- changed. Generation recomputes what these touch (within the freeze rules) and clears them.
CREATE TABLE stale_summary_inputs (
    peer_mentor_id VARCHAR(64) NOT NULL,
    year           INT NOT NULL,
    marked_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (peer_mentor_id, year)
);

CREATE TABLE import_log (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    file_name     VARCHAR(1000) NOT NULL,
    sha256        VARCHAR(64) NOT NULL,
    run_by        VARCHAR(64),          -- user id, NULL for the local operator
    outcome       VARCHAR(10) NOT NULL CHECK (outcome IN ('imported', 'refused', 'failed')),
    rows_read     INT DEFAULT 0 NOT NULL,
    inserted      INT DEFAULT 0 NOT NULL,
    updated       INT DEFAULT 0 NOT NULL,
    unchanged     INT DEFAULT 0 NOT NULL,
    rejected      INT DEFAULT 0 NOT NULL,
    removed       INT DEFAULT 0 NOT NULL,
    report_json   VARCHAR(1000000) CHECK ((report_json IS NULL OR CAST(report_json AS JSON) IS NOT NULL)),
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE
);

-- seed 001
CREATE TABLE achievements (
    id                UUID DEFAULT gen_random_uuid() PRIMARY KEY,
    organization_id   VARCHAR(64) REFERENCES organizations(id),   -- NULL = platform badge
    key             VARCHAR(64) NOT NULL CHECK ((key ~ '^[a-z][a-z0-9_]{1,63}$')),
    name              VARCHAR(200) NOT NULL CHECK (CHAR_LENGTH(TRIM(name)) > 0),
    description       VARCHAR(2000) NOT NULL,
    icon_url          VARCHAR(1000),
    category          VARCHAR(30) NOT NULL,
    trigger_type      VARCHAR(30) NOT NULL CHECK (trigger_type IN ('activity_count', 'hours_total',
                          'contacts_count', 'streak_days', 'events_attended', 'annual_summary', 'manual')),
    trigger_threshold INT CHECK (trigger_threshold >= 0),
    trigger_metadata  VARCHAR(4000) CHECK ((trigger_metadata IS NULL OR json_typeof(CAST(trigger_metadata AS JSON)) = 'object')),
    points            INT DEFAULT 0 NOT NULL CHECK (points >= 0),
    is_repeatable     BOOLEAN DEFAULT FALSE NOT NULL,
    repeat_period     VARCHAR(20) CHECK (repeat_period IN ('yearly', 'half_yearly', 'quarterly', 'monthly')),
    is_active         BOOLEAN DEFAULT TRUE NOT NULL,
    requires_module   VARCHAR(100),
    sort_order        INT DEFAULT 0 NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT achievement_threshold_for_count CHECK (trigger_type IN ('annual_summary', 'manual')
        OR trigger_threshold IS NOT NULL),
    CONSTRAINT achievement_repeat_period_needs_repeatable CHECK (repeat_period IS NULL OR is_repeatable)
);
CREATE UNIQUE INDEX idx_achievements_org_key ON achievements(organization_id, key) NULLS NOT DISTINCT;
CREATE INDEX idx_achievements_category ON achievements(category, sort_order);
CREATE INDEX idx_achievements_trigger_type ON achievements(trigger_type, is_active);
CREATE INDEX idx_achievements_org_active ON achievements(organization_id, is_active);

CREATE TABLE user_achievements (
    id             UUID DEFAULT gen_random_uuid() PRIMARY KEY,
    user_id        VARCHAR(64) NOT NULL REFERENCES users(id),
    achievement_id UUID NOT NULL REFERENCES achievements(id),
    -- which repeat window the award fills: 'once' for one-time badges, else '2025', '2025-H1', '2025-Q3', '2025-07'
    period_key     VARCHAR(16) NOT NULL,
    awarded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    awarded_by     VARCHAR(64),     -- NULL = the evaluator; a user id for a manual award
    created_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT uq_user_achievement_period UNIQUE (user_id, achievement_id, period_key)
);
CREATE INDEX idx_user_achievements_user ON user_achievements(user_id, awarded_at);

-- seeds 000 + 002: the annual Wrapped summary (union of both drafts' columns)
CREATE TABLE annual_summaries (
    id                       UUID PRIMARY KEY,
    user_id                  VARCHAR(64) NOT NULL REFERENCES users(id),
    peer_mentor_id           VARCHAR(64) NOT NULL REFERENCES peer_mentors(id),
    organization_id          VARCHAR(64) NOT NULL REFERENCES organizations(id),
    local_association_id     VARCHAR(64),
    year                   INT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    status                   VARCHAR(12) NOT NULL CHECK (status IN ('pending', 'generating', 'ready', 'insufficient', 'failed')),
    generation_status        VARCHAR(10) NOT NULL CHECK (generation_status IN ('pending', 'running', 'complete', 'failed')),
    generation_error         VARCHAR(4000),
    data_sufficiency         BOOLEAN NOT NULL,
    total_activities         INT NOT NULL CHECK (total_activities >= 0),
    total_hours              DECIMAL(12,2) NOT NULL CHECK (total_hours >= 0),
    total_contacts_supported INT NOT NULL CHECK (total_contacts_supported >= 0),
    contacts_supported       INT NOT NULL CHECK (contacts_supported >= 0),
    total_events_attended    INT NOT NULL CHECK (total_events_attended >= 0),
    total_travel_km          DECIMAL(12,2) CHECK (total_travel_km >= 0),
    activity_breakdown       VARCHAR(100000) NOT NULL CHECK ((activity_breakdown IS NULL OR json_typeof(CAST(activity_breakdown AS JSON)) = 'object')),
    activity_type_breakdown  VARCHAR(100000) CHECK ((activity_type_breakdown IS NULL OR json_typeof(CAST(activity_type_breakdown AS JSON)) = 'array')),
    monthly_distribution     VARCHAR(100000) NOT NULL CHECK ((monthly_distribution IS NULL OR json_typeof(CAST(monthly_distribution AS JSON)) = 'array')),
    busiest_month            INT CHECK (busiest_month BETWEEN 1 AND 12),
    longest_streak_days      INT CHECK (longest_streak_days >= 0),
    activity_streaks         VARCHAR(10000) CHECK ((activity_streaks IS NULL OR json_typeof(CAST(activity_streaks AS JSON)) = 'object')),
    percentile_rank          DECIMAL(4,1) CHECK (percentile_rank BETWEEN 0 AND 100),
    top_contacts             VARCHAR(10000) CHECK ((top_contacts IS NULL OR json_typeof(CAST(top_contacts AS JSON)) = 'array')),
    impact_metrics           VARCHAR(10000) CHECK ((impact_metrics IS NULL OR json_typeof(CAST(impact_metrics AS JSON)) = 'object')),
    milestones               VARCHAR(100000) CHECK ((milestones IS NULL OR json_typeof(CAST(milestones AS JSON)) = 'array')),
    achievements_earned      VARCHAR(100000) CHECK ((achievements_earned IS NULL OR json_typeof(CAST(achievements_earned AS JSON)) = 'array')),
    slide_data               VARCHAR(1000000) CHECK ((slide_data IS NULL OR json_typeof(CAST(slide_data AS JSON)) = 'array')),
    payload_json             VARCHAR(1000000) CHECK ((payload_json IS NULL OR json_typeof(CAST(payload_json AS JSON)) = 'object')),
    share_image_url          VARCHAR(2000),
    share_image_key          VARCHAR(500),
    share_pdf_key            VARCHAR(500),
    shared_count             INT DEFAULT 0 NOT NULL CHECK (shared_count >= 0),
    generated_at             TIMESTAMP WITH TIME ZONE,
    viewed_at                TIMESTAMP WITH TIME ZONE,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    -- bookkeeping, not seed columns (show --json does not print them)
    retry_count              INT DEFAULT 0 NOT NULL,
    next_retry_at            TIMESTAMP WITH TIME ZONE,
    notification_sent_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT annual_generated_at_when_ready CHECK (status <> 'ready' OR generated_at IS NOT NULL)
);
CREATE UNIQUE INDEX idx_annual_summaries_user_year ON annual_summaries(user_id, year);
CREATE UNIQUE INDEX idx_annual_summary_peer_mentor_year ON annual_summaries(peer_mentor_id, year);
CREATE INDEX idx_annual_summaries_organization_year ON annual_summaries(organization_id, year);
CREATE INDEX idx_annual_summaries_status ON annual_summaries(status);
CREATE INDEX idx_annual_summaries_year ON annual_summaries(year);
CREATE INDEX idx_annual_summary_generation_status ON annual_summaries(generation_status);
CREATE INDEX idx_annual_summary_created_at ON annual_summaries(created_at);

-- seed 003: impact stories, annual or half-year
CREATE TABLE impact_summaries (
    id                    UUID PRIMARY KEY,
    user_id               VARCHAR(64) NOT NULL REFERENCES users(id),
    period_type           VARCHAR(10) NOT NULL CHECK (period_type IN ('annual', 'half_year')),
    year                INT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    half_index            INT,
    total_hours           DECIMAL(12,2) NOT NULL CHECK (total_hours >= 0),
    contacts_helped       INT NOT NULL CHECK (contacts_helped >= 0),
    activities_count      INT NOT NULL CHECK (activities_count >= 0),
    assignments_completed INT NOT NULL CHECK (assignments_completed >= 0),
    milestones            VARCHAR(100000) CHECK ((milestones IS NULL OR json_typeof(CAST(milestones AS JSON)) = 'array')),
    metrics_json          VARCHAR(100000) CHECK ((metrics_json IS NULL OR json_typeof(CAST(metrics_json AS JSON)) = 'object')),
    headline              VARCHAR(140),
    status                VARCHAR(10) NOT NULL CHECK (status IN ('generating', 'ready', 'error')),
    error_message         VARCHAR(4000),
    notification_sent     BOOLEAN DEFAULT FALSE NOT NULL,
    share_count           INT DEFAULT 0 NOT NULL CHECK (share_count >= 0),
    generated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    -- bookkeeping, not seed columns: scope and retries
    organization_id       VARCHAR(64) NOT NULL REFERENCES organizations(id),
    peer_mentor_id        VARCHAR(64) NOT NULL REFERENCES peer_mentors(id),
    retry_count           INT DEFAULT 0 NOT NULL,
    next_retry_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT impact_half_index_rule CHECK ((period_type = 'annual' AND half_index IS NULL)
        OR (period_type = 'half_year' AND half_index IN (1, 2)))
);
CREATE INDEX idx_impact_summaries_user_id ON impact_summaries(user_id);
CREATE UNIQUE INDEX idx_impact_summaries_unique_period
    ON impact_summaries(user_id, period_type, year, half_index) NULLS NOT DISTINCT;
CREATE INDEX idx_impact_summaries_status ON impact_summaries(status);
CREATE INDEX idx_impact_summaries_generated_at ON impact_summaries(generated_at);
CREATE INDEX idx_impact_summaries_notification ON impact_summaries(notification_sent, status);
CREATE INDEX idx_impact_summaries_org ON impact_summaries(organization_id, year);

-- seed 004: quarterly and half-year cards with YoY and outliers; team rows carry coordinator_id
CREATE TABLE periodic_summaries (
    id                             UUID PRIMARY KEY,
    user_id                        VARCHAR(64) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    organisation_id                VARCHAR(64) NOT NULL REFERENCES organizations(id),
    coordinator_id                 VARCHAR(64) REFERENCES users(id),
    period_type                    VARCHAR(10) NOT NULL CHECK (period_type IN ('quarterly', 'half_year')),
    year                         INT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    quarter                        INT CHECK (quarter BETWEEN 1 AND 4),
    half                           INT CHECK (half IN (1, 2)),
    period_start                   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    period_end                     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    total_sessions                 INT NOT NULL CHECK (total_sessions >= 0),
    total_hours                    DECIMAL(12,2) NOT NULL CHECK (total_hours >= 0),
    yoy_delta_sessions             INT,
    yoy_delta_hours                DECIMAL(12,2),
    yoy_delta_percent              DECIMAL(12,2),
    prior_year_total_sessions      INT CHECK (prior_year_total_sessions >= 0),
    prior_year_total_hours         DECIMAL(12,2) CHECK (prior_year_total_hours >= 0),
    outlier_status                 VARCHAR(12) NOT NULL CHECK (outlier_status IN ('underactive', 'normal', 'overloaded')),
    underactive_threshold_sessions INT NOT NULL CHECK (underactive_threshold_sessions >= 0),
    overloaded_threshold_sessions  INT NOT NULL,
    generated_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
    notification_sent_at           TIMESTAMP WITH TIME ZONE,
    -- bookkeeping, not a seed column: the mentor of a personal row (NULL on team rows)
    peer_mentor_id                 VARCHAR(64) REFERENCES peer_mentors(id),
    CONSTRAINT periodic_quarter_xor_half CHECK ((period_type = 'quarterly' AND quarter IS NOT NULL AND half IS NULL)
        OR (period_type = 'half_year' AND half IS NOT NULL AND quarter IS NULL)),
    CONSTRAINT periodic_thresholds_order CHECK (overloaded_threshold_sessions > underactive_threshold_sessions),
    CONSTRAINT periodic_end_after_start CHECK (period_end > period_start),
    CONSTRAINT periodic_outlier_consistent CHECK (
        (outlier_status = 'underactive' AND total_sessions < underactive_threshold_sessions)
        OR (outlier_status = 'overloaded' AND total_sessions > overloaded_threshold_sessions)
        OR (outlier_status = 'normal' AND total_sessions >= underactive_threshold_sessions
            AND total_sessions <= overloaded_threshold_sessions))
);
CREATE UNIQUE INDEX idx_periodic_summary_user_period
    ON periodic_summaries(user_id, period_type, year, quarter, half, coordinator_id) NULLS NOT DISTINCT;
CREATE INDEX idx_periodic_summary_organisation ON periodic_summaries(organisation_id);
CREATE INDEX idx_periodic_summary_user_id ON periodic_summaries(user_id);
CREATE INDEX idx_periodic_summary_coordinator_period ON periodic_summaries(coordinator_id, period_type, year);
CREATE INDEX idx_periodic_summary_outlier_status ON periodic_summaries(organisation_id, period_type, year, outlier_status);
CREATE INDEX idx_periodic_summary_generated_at ON periodic_summaries(generated_at);

-- one notification per summary that becomes ready; a failing sender never rolls back the summary
CREATE TABLE notification_outbox (
    id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    summary_table   VARCHAR(30) NOT NULL CHECK (summary_table IN ('annual_summaries', 'impact_summaries', 'periodic_summaries')),
    summary_id      UUID NOT NULL,
    user_id         VARCHAR(64) NOT NULL,
    message_key     VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    attempts        INT DEFAULT 0 NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(4000),
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_outbox_summary UNIQUE (summary_table, summary_id)
);

-- alerts raised when retries are exhausted (generation) and other operator-facing problems
CREATE TABLE alerts (
    id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    kind       VARCHAR(50) NOT NULL,
    message    VARCHAR(4000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
