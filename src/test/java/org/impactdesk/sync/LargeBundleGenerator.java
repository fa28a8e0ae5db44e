package org.impactdesk.sync;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a large synthetic export bundle for measuring the sync (not a unit test): one
 * organisation, 40 local associations, {@code mentors} peer mentors (with users), 4 contacts per
 * mentor, and {@code activities} activities with random UUID ids over 3 years (2023-2025).
 * {@code main(out, activities, mentors)}.
 */
public final class LargeBundleGenerator {
    private LargeBundleGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long activities = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int mentors = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        long t0 = System.nanoTime();
        write(out, activities, mentors, 42);
        System.out.printf("wrote %s: %d activities, %d mentors in %.1f s%n", out, activities, mentors,
                (System.nanoTime() - t0) / 1e9);
    }

    public static void write(Path out, long activities, int mentors, long seed) throws IOException {
        Files.createDirectories(out);
        Random rnd = new Random(seed);
        int las = 40;
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("organizations.csv"), StandardCharsets.UTF_8)) {
            w.write("id,name,time_zone,hourly_rate,impact_summary_enabled\norg-big,Big Test Network,Europe/Oslo,450.00,ja\n");
        }
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("local_associations.csv"), StandardCharsets.UTF_8)) {
            w.write("id,organization_id,name\n");
            for (int i = 0; i < las; i++) {
                w.write("la-" + i + ",org-big,Lokallag " + i + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("users.csv"), StandardCharsets.UTF_8)) {
            w.write("id,organization_id,display_name,email,roles,local_association_ids\n");
            for (int i = 0; i < mentors; i++) {
                w.write("u-" + i + ",org-big,Mentor " + i + ",m" + i + "@example.com,peer_mentor,\n");
            }
            for (int i = 0; i < las; i++) {
                w.write("coord-" + i + ",org-big,Koordinator " + i + ",,coordinator,la-" + i + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("peer_mentors.csv"), StandardCharsets.UTF_8)) {
            w.write("id,user_id,organization_id,primary_local_association_id,local_association_ids,status,started_on\n");
            for (int i = 0; i < mentors; i++) {
                w.write("pm-" + i + ",u-" + i + ",org-big,la-" + (i % las) + ",la-" + (i % las) + ",active,2022-01-01\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("contacts.csv"), StandardCharsets.UTF_8)) {
            w.write("id,organization_id,display_name\n");
            for (int i = 0; i < mentors * 4; i++) {
                w.write("c-" + i + ",org-big,Kontakt " + i + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("activity_types.csv"), StandardCharsets.UTF_8)) {
            w.write("id,name,name_nb\nhome_visit,Home visit,Hjemmebesøk\ncafe_meeting,Café meeting,Kafémøte\n"
                    + "phone_support,Phone support,Telefonstøtte\nsupport_group,Support group,Støttegruppe\n");
        }
        String[] types = {"home_visit", "cafe_meeting", "phone_support", "support_group"};
        String[] statuses = {"approved", "approved", "approved", "approved", "approved", "approved", "pending", "rejected"};
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        LocalDateTime start = LocalDateTime.of(2023, 1, 1, 8, 0);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("activities.csv"), StandardCharsets.UTF_8)) {
            w.write("id,organization_id,local_association_id,peer_mentor_id,activity_type,started_at,duration_minutes,"
                    + "contact_id,approval_status,travel_km,event_id\n");
            StringBuilder sb = new StringBuilder(200);
            for (long n = 0; n < activities; n++) {
                int m = rnd.nextInt(mentors);
                LocalDateTime at = start.plusMinutes(rnd.nextInt(3 * 365 * 24 * 4) * 15L);
                sb.setLength(0);
                sb.append(new UUID(rnd.nextLong(), rnd.nextLong())).append(",org-big,la-").append(m % las).append(",pm-").append(m)
                        .append(',').append(types[rnd.nextInt(types.length)]).append(',')
                        .append(iso.format(at.atZone(oslo).toOffsetDateTime())).append(',').append(15 + rnd.nextInt(16) * 5)
                        .append(',');
                if (rnd.nextInt(4) != 0) {
                    sb.append("c-").append(m * 4 + rnd.nextInt(4));
                }
                sb.append(',').append(statuses[rnd.nextInt(statuses.length)]).append(',');
                if (rnd.nextInt(3) == 0) {
                    sb.append(rnd.nextInt(300) / 10).append('.').append(rnd.nextInt(10));
                }
                sb.append(",\n");
                w.write(sb.toString());
            }
        }
    }
}
