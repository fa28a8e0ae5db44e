-- Issue 13: badge names in Norwegian. name_nb is the Norwegian name of a badge (NULL: none; the
-- Norwegian screens, Wrapped and share cards then show name). The platform catalog (V30) gets its
-- Norwegian names here, the same words the app's bundles held for them (badge.platform.*); an
-- organisation's own badges get theirs in the Achievements editor. The export bundle carries no
-- badge catalog (EXPORT_FORMAT.md), so nothing is imported into it.
-- Standard SQL only (H2 2.4 and PostgreSQL 15+).
ALTER TABLE achievements ADD COLUMN name_nb VARCHAR(200);
ALTER TABLE achievements ADD CONSTRAINT achievement_name_nb_not_blank
    CHECK (name_nb IS NULL OR CHAR_LENGTH(TRIM(name_nb)) > 0);

UPDATE achievements SET name_nb = 'Første steg' WHERE id = '0b5e0000-0000-4000-8000-000000000001' AND name = 'First step';
UPDATE achievements SET name_nb = '10 aktiviteter' WHERE id = '0b5e0000-0000-4000-8000-000000000002' AND name = '10 activities';
UPDATE achievements SET name_nb = '50 aktiviteter' WHERE id = '0b5e0000-0000-4000-8000-000000000003' AND name = '50 activities';
UPDATE achievements SET name_nb = '100 aktiviteter' WHERE id = '0b5e0000-0000-4000-8000-000000000004' AND name = '100 activities';
UPDATE achievements SET name_nb = 'Jevnlig denne måneden' WHERE id = '0b5e0000-0000-4000-8000-000000000005' AND name = 'Regular this month';
UPDATE achievements SET name_nb = '10 timer' WHERE id = '0b5e0000-0000-4000-8000-000000000006' AND name = '10 hours';
UPDATE achievements SET name_nb = '50 timer' WHERE id = '0b5e0000-0000-4000-8000-000000000007' AND name = '50 hours';
UPDATE achievements SET name_nb = '100 timer' WHERE id = '0b5e0000-0000-4000-8000-000000000008' AND name = '100 hours';
UPDATE achievements SET name_nb = '5 personer støttet' WHERE id = '0b5e0000-0000-4000-8000-000000000009' AND name = '5 people supported';
UPDATE achievements SET name_nb = '10 personer støttet' WHERE id = '0b5e0000-0000-4000-8000-00000000000a' AND name = '10 people supported';
UPDATE achievements SET name_nb = '25 personer støttet' WHERE id = '0b5e0000-0000-4000-8000-00000000000b' AND name = '25 people supported';
UPDATE achievements SET name_nb = '3 dager på rad' WHERE id = '0b5e0000-0000-4000-8000-00000000000c' AND name = '3 days in a row';
UPDATE achievements SET name_nb = '7 dager på rad' WHERE id = '0b5e0000-0000-4000-8000-00000000000d' AND name = '7 days in a row';
UPDATE achievements SET name_nb = 'Første arrangement' WHERE id = '0b5e0000-0000-4000-8000-00000000000e' AND name = 'First event';
UPDATE achievements SET name_nb = '5 arrangementer' WHERE id = '0b5e0000-0000-4000-8000-00000000000f' AND name = '5 events';
UPDATE achievements SET name_nb = 'Året som gikk' WHERE id = '0b5e0000-0000-4000-8000-000000000010' AND name = 'Year in review';
