-- Issue 19: the review gate before a Wrapped is released, and the organisation's e-mail channel.

-- One row per organisation that changed a delivery setting; no row: the defaults (review needed,
-- Norwegian, no e-mail configured). The SMTP password is never stored: it comes from the
-- environment (IMPACT_DESK_SMTP_PASSWORD) or is asked when sending.
CREATE TABLE organization_delivery (
    organization_id         VARCHAR(64) PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
    wrapped_review_required BOOLEAN DEFAULT TRUE NOT NULL,
    language                VARCHAR(2) DEFAULT 'nb' NOT NULL CHECK (language IN ('en', 'nb')),
    smtp_host               VARCHAR(255),
    smtp_port               INT CHECK (smtp_port BETWEEN 1 AND 65535),
    smtp_security           VARCHAR(8) CHECK (smtp_security IN ('STARTTLS', 'TLS')),
    smtp_user               VARCHAR(320),
    sender_address          VARCHAR(320),
    updated_at              TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_by              VARCHAR(64),
    CONSTRAINT delivery_smtp_complete CHECK (smtp_host IS NULL
        OR (smtp_port IS NOT NULL AND smtp_security IS NOT NULL AND sender_address IS NOT NULL))
);

-- The release state of an annual summary, beside it (a release changes none of its figures and
-- not its frozen state). No row: waiting. previewed: an admin opened it in the previewer (never
-- viewed_at, which is the mentor's own first view); held: held back with a reason; released: the
-- mentor may see and share it, and its notification is queued.
CREATE TABLE annual_releases (
    annual_summary_id UUID PRIMARY KEY REFERENCES annual_summaries(id) ON DELETE CASCADE,
    previewed_at      TIMESTAMP WITH TIME ZONE,
    previewed_by      VARCHAR(64),
    held_at           TIMESTAMP WITH TIME ZONE,
    held_by           VARCHAR(64),
    held_reason       VARCHAR(1000),
    released_at       TIMESTAMP WITH TIME ZONE,
    released_by       VARCHAR(64),
    CONSTRAINT release_previewed_by CHECK ((previewed_at IS NULL) = (previewed_by IS NULL)),
    CONSTRAINT release_held_with_reason CHECK (held_at IS NULL
        OR (held_by IS NOT NULL AND held_reason IS NOT NULL AND CHAR_LENGTH(TRIM(held_reason)) > 0)),
    CONSTRAINT release_released_by CHECK ((released_at IS NULL) = (released_by IS NULL)),
    CONSTRAINT release_not_held_and_released CHECK (held_at IS NULL OR released_at IS NULL)
);

-- Summaries that were ready before the gate existed were already notified and visible: released.
INSERT INTO annual_releases (annual_summary_id, released_at, released_by)
SELECT id, COALESCE(generated_at, updated_at), 'before-review' FROM annual_summaries WHERE status = 'ready';
