-- Wrapped share cards (issue 6): the mentor's opt-in to show their first name on a share card.
-- No consent field exists in the export; without an explicit yes the card carries no name.
ALTER TABLE peer_mentors ADD COLUMN share_first_name BOOLEAN DEFAULT FALSE NOT NULL;

-- share asset keys are object-storage style keys the share service writes:
-- share/annual/<summary uuid>/card.png and .../card.pdf
ALTER TABLE annual_summaries ADD CONSTRAINT annual_share_image_key_format CHECK (share_image_key IS NULL
    OR (share_image_key ~ '^share/annual/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/card\.png$'));
ALTER TABLE annual_summaries ADD CONSTRAINT annual_share_pdf_key_format CHECK (share_pdf_key IS NULL
    OR (share_pdf_key ~ '^share/annual/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/card\.pdf$'));
