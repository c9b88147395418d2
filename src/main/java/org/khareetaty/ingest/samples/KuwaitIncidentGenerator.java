package org.khareetaty.ingest.samples;

import java.io.IOException;
import java.io.Writer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Realistic synthetic incidents for Kuwait in the origin system's CSV layout
 * ({@code incident_type,governorate,zone,lat,lon,timestamp}, local Asia/Kuwait time). Deterministic for a
 * seed. What makes it realistic enough to exercise the analyses:
 * <ul>
 * <li>the six governorates and real residential areas at their real coordinates, weighted by population;</li>
 * <li>a daily rhythm (quiet mornings, busy evenings and nights), a weekly one (the Friday/Saturday weekend
 *     and Thursday nights) and a yearly one (fewer daytime incidents in the summer heat, more at night);</li>
 * <li>Ramadan, found with {@link HijrahChronology}: activity moves after iftar into the late night, traffic
 *     accidents peak in the hour before iftar, thefts rise before Eid;</li>
 * <li>a few persistent hotspots (markets and busy streets) with tight spatial spread all year.</li>
 * </ul>
 */
public final class KuwaitIncidentGenerator {

    /** The CSV header of the origin system's export. */
    public static final String HEADER = "incident_type,governorate,zone,lat,lon,timestamp";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private record Zone(String governorate, String name, double lat, double lon, double weight) {
    }

    private record Hotspot(Zone zone, double lat, double lon, double spreadKm, double share, String[] types) {
    }

    private static final List<Zone> ZONES = List.of(
            new Zone("Capital", "Kuwait City", 29.3759, 47.9774, 3),
            new Zone("Capital", "Sharq", 29.3850, 47.9930, 2),
            new Zone("Capital", "Shuwaikh", 29.3510, 47.9390, 2),
            new Zone("Capital", "Dasma", 29.3630, 48.0010, 1),
            new Zone("Capital", "Kaifan", 29.3370, 47.9620, 1),
            new Zone("Hawalli", "Hawalli", 29.3330, 48.0290, 4),
            new Zone("Hawalli", "Salmiya", 29.3340, 48.0760, 5),
            new Zone("Hawalli", "Jabriya", 29.3160, 48.0220, 2),
            new Zone("Hawalli", "Rumaithiya", 29.3110, 48.0740, 2),
            new Zone("Hawalli", "Bayan", 29.3010, 48.0500, 1),
            new Zone("Farwaniya", "Farwaniya", 29.2770, 47.9590, 4),
            new Zone("Farwaniya", "Khaitan", 29.2900, 47.9760, 3),
            new Zone("Farwaniya", "Jleeb Al-Shuyoukh", 29.2620, 47.9390, 5),
            new Zone("Farwaniya", "Ardiya", 29.2980, 47.9120, 2),
            new Zone("Farwaniya", "Abdullah Al-Mubarak", 29.2410, 47.9080, 1),
            new Zone("Mubarak Al-Kabeer", "Mubarak Al-Kabeer", 29.1990, 48.0690, 1),
            new Zone("Mubarak Al-Kabeer", "Sabah Al-Salem", 29.2570, 48.0760, 2),
            new Zone("Mubarak Al-Kabeer", "Qurain", 29.2150, 48.0600, 1),
            new Zone("Mubarak Al-Kabeer", "Adan", 29.2330, 48.0830, 1),
            new Zone("Ahmadi", "Ahmadi", 29.0770, 48.0830, 2),
            new Zone("Ahmadi", "Fahaheel", 29.0820, 48.1300, 3),
            new Zone("Ahmadi", "Mangaf", 29.0960, 48.1320, 3),
            new Zone("Ahmadi", "Fintas", 29.1700, 48.1180, 2),
            new Zone("Ahmadi", "Abu Halifa", 29.1240, 48.1240, 2),
            new Zone("Jahra", "Jahra", 29.3370, 47.6580, 3),
            new Zone("Jahra", "Saad Al-Abdullah", 29.3160, 47.6870, 2),
            new Zone("Jahra", "Sulaibiya", 29.2930, 47.8000, 2),
            new Zone("Jahra", "Qasr", 29.3540, 47.6800, 1),
            new Zone("Jahra", "Naseem", 29.3640, 47.7000, 1));

    private static final String[] TYPES = {"theft", "vehicle_theft", "theft_from_vehicle", "burglary", "assault",
        "fight", "traffic_accident", "vandalism", "fraud", "drugs", "robbery"};
    private static final double[] TYPE_WEIGHTS = {24, 7, 9, 8, 10, 8, 18, 6, 5, 4, 1};

    private static final List<Hotspot> HOTSPOTS = List.of(
            new Hotspot(ZONES.get(12), 29.2655, 47.9420, 0.35, 0.05, new String[] {"theft", "fight", "drugs"}),
            new Hotspot(ZONES.get(6), 29.3395, 48.0735, 0.30, 0.04, new String[] {"theft", "theft_from_vehicle", "fight"}),
            new Hotspot(ZONES.get(20), 29.0850, 48.1330, 0.30, 0.03, new String[] {"theft", "assault", "vandalism"}),
            new Hotspot(ZONES.get(24), 29.3400, 47.6610, 0.40, 0.02, new String[] {"vehicle_theft", "burglary"}));

    /** Relative incidents per hour of the day (0-23), outside Ramadan. */
    private static final double[] HOURLY = {5, 4, 3, 2, 1.5, 1.2, 1.5, 2.5, 3.5, 4, 4.5, 5, 5.5, 5.5, 5, 5, 5.5, 6, 6.5,
        7.5, 8, 8, 7.5, 6.5};
    /** Relative incidents per hour during Ramadan: quiet days, busy nights after iftar. */
    private static final double[] HOURLY_RAMADAN = {8, 8, 7, 5, 3, 1.5, 1, 1, 1.5, 2, 2.5, 3, 3.5, 3.5, 3.5, 4, 5, 6.5,
        5, 4, 7, 8.5, 9, 8.5};

    private final long seed;

    public KuwaitIncidentGenerator(long seed) {
        this.seed = seed;
    }

    /** Writes the header and about {@code perDay} incidents a day (on average) from {@code from} to {@code to} inclusive. */
    public long write(Writer out, LocalDate from, LocalDate to, double perDay) throws IOException {
        Random random = new Random(seed);
        double[] zoneCumulative = cumulative(ZONES.stream().mapToDouble(Zone::weight).toArray());
        double[] typeCumulative = cumulative(TYPE_WEIGHTS);
        out.write(HEADER);
        out.write('\n');
        long written = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            boolean ramadan = isRamadan(day);
            double expected = perDay * weekdayFactor(day.getDayOfWeek()) * seasonFactor(day) * (ramadan ? 1.08 : 1.0)
                    * (isLastDaysBeforeEid(day) ? 1.25 : 1.0);
            int count = poisson(random, expected);
            double[] hourly = cumulative(hourlyProfile(day, ramadan));
            for (int n = 0; n < count; n++) {
                int hour = pick(random, hourly);
                LocalDateTime at = day.atTime(hour, random.nextInt(60), random.nextInt(60));
                String type;
                double lat;
                double lon;
                Zone zone;
                Hotspot hotspot = pickHotspot(random);
                if (hotspot != null) {
                    zone = hotspot.zone();
                    type = hotspot.types()[random.nextInt(hotspot.types().length)];
                    lat = hotspot.lat() + random.nextGaussian() * hotspot.spreadKm() / 111.0;
                    lon = hotspot.lon() + random.nextGaussian() * hotspot.spreadKm() / 96.5;
                } else {
                    zone = ZONES.get(pick(random, zoneCumulative));
                    type = TYPES[pick(random, typeCumulative)];
                    if (ramadan && hour == 17 && random.nextDouble() < 0.4) {
                        type = "traffic_accident";  // the rush home before iftar
                    }
                    lat = zone.lat() + random.nextGaussian() * 1.2 / 111.0;
                    lon = zone.lon() + random.nextGaussian() * 1.2 / 96.5;
                }
                out.write(String.format(Locale.ROOT, "%s,%s,%s,%.6f,%.6f,%s%n", type, zone.governorate(), zone.name(),
                        lat, lon, TIMESTAMP.format(at)));
                written++;
            }
        }
        return written;
    }

    static boolean isRamadan(LocalDate day) {
        return HijrahDate.from(day).get(ChronoField.MONTH_OF_YEAR) == 9;
    }

    private static boolean isLastDaysBeforeEid(LocalDate day) {
        HijrahDate hijrah = HijrahDate.from(day);
        return hijrah.get(ChronoField.MONTH_OF_YEAR) == 9 && hijrah.get(ChronoField.DAY_OF_MONTH) >= 25;
    }

    /** Kuwait's weekend is Friday and Saturday; Thursday evenings are busy. */
    private static double weekdayFactor(DayOfWeek day) {
        return switch (day) {
            case THURSDAY -> 1.15;
            case FRIDAY -> 1.2;
            case SATURDAY -> 1.05;
            case SUNDAY -> 0.95;
            default -> 0.92;
        };
    }

    /** Fewer incidents in the hottest months, more in the mild winter when people are out. */
    private static double seasonFactor(LocalDate day) {
        double phase = 2 * Math.PI * (day.getDayOfYear() - 15) / 365.25;
        return 1.0 + 0.12 * Math.cos(phase);
    }

    private static double[] hourlyProfile(LocalDate day, boolean ramadan) {
        if (ramadan) {
            return HOURLY_RAMADAN;
        }
        int month = day.getMonthValue();
        if (month >= 6 && month <= 8) {
            double[] summer = HOURLY.clone();
            for (int h = 10; h <= 16; h++) {
                summer[h] *= 0.6;  // midday heat
            }
            for (int h : new int[] {0, 1, 2, 21, 22, 23}) {
                summer[h] *= 1.2;
            }
            return summer;
        }
        return HOURLY;
    }

    private static Hotspot pickHotspot(Random random) {
        double r = random.nextDouble();
        double sum = 0;
        for (Hotspot hotspot : HOTSPOTS) {
            sum += hotspot.share();
            if (r < sum) {
                return hotspot;
            }
        }
        return null;
    }

    private static double[] cumulative(double[] weights) {
        double[] result = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            result[i] = sum;
        }
        for (int i = 0; i < result.length; i++) {
            result[i] /= sum;
        }
        return result;
    }

    private static int pick(Random random, double[] cumulative) {
        double r = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private static int poisson(Random random, double mean) {
        // Normal approximation is good for the means used here (tens a day); Knuth's method for small ones.
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
