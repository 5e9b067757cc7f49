package io.cxtracker.demo;

import io.cxtracker.demo.DemoCatalog.MetricDef;
import io.cxtracker.demo.DemoPlan.Boost;
import io.cxtracker.demo.DemoPlan.SeriesSpec;
import io.cxtracker.demo.DemoPlan.ThemeSpec;
import io.cxtracker.domain.feedback.NewFeedback;
import io.cxtracker.domain.listen.NewSurveyResponse;
import io.cxtracker.domain.listen.SurveyKind;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.MeanScoreStatistics;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.NewReading;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.RatioStatistics;
import io.cxtracker.domain.metric.StatisticsInput;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo's daily data, made on demand from the plan and the seed: a series' survey answers or contact
 * counts of a day, and the day's feedback. The same day of the same series always gives the same data,
 * so the statistics the generator tuned the targets to are exactly those the loader stores.
 */
public final class DemoData {
    /** Survey answers come from this tool. */
    public static final String SURVEY_SOURCE = "qualtrics";
    private static final long SURVEY = 1;
    private static final long RATIO = 2;
    private static final long FEEDBACK = 3;
    private static final long SIZE = 4;

    private final DemoPlan plan;
    private final long seed;
    private final Map<String, MetricDef> metrics;

    public DemoData(DemoPlan plan) {
        this.plan = plan;
        this.seed = plan.parameters().seed();
        this.metrics = DemoCatalog.METRICS.stream().collect(Collectors.toMap(MetricDef::key, Function.identity()));
    }

    /** One answer: its score, channel and time. */
    record Answer(int score, String channel, Instant at) {
    }

    /** The series' level on the day, in the metric's units, within its bounds. */
    double level(SeriesSpec series, LocalDate day) {
        MetricDef def = metrics.get(series.metricKey());
        double years = ChronoUnit.DAYS.between(plan.parameters().programStart(), day) / 365.0;
        double level = series.start() + series.yearlyChange() * years;
        for (Boost boost : series.boosts()) {
            long since = ChronoUnit.DAYS.between(boost.from(), day);
            if (since > 0) {
                level += boost.change() * Math.min(1.0, since / 30.0);
            }
        }
        double low = def.kind() == MetricKind.MEAN_SCORE ? def.lowest() + 0.3 : def.lowest() + (def.kind() == MetricKind.NPS ? 15 : 1);
        double high = def.kind() == MetricKind.MEAN_SCORE ? def.highest() - 0.3 : def.highest() - (def.kind() == MetricKind.NPS ? 15 : 1);
        return Math.max(low, Math.min(high, level));
    }

    /** Whether the series has data on the day. */
    public boolean hasData(SeriesSpec series, LocalDate day) {
        return !day.isBefore(series.firstDay()) && !day.isAfter(series.lastDay());
    }

    private double size(String departmentCode) {
        return 0.5 + Seeds.random(seed, SIZE, Seeds.stringKey(departmentCode)).nextDouble();
    }

    private static double weekday(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.45 : 1.0;
    }

    /** The answers of a survey series (nps, csat, ces) on a day; none on days without data. */
    List<Answer> answers(SeriesSpec series, LocalDate day) {
        if (!hasData(series, day)) {
            return List.of();
        }
        SplittableRandom random = Seeds.random(seed, SURVEY, series.index(), day.toEpochDay());
        double mean = plan.parameters().responsesPerDay() * size(series.departmentCode()) * weekday(day);
        int count = (int) Math.round(mean * (0.7 + 0.6 * random.nextDouble()));
        double level = level(series, day);
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Answer> answers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int score = switch (series.metricKey()) {
                case "nps" -> npsScore(random, level);
                case "csat" -> csatScore(random, level);
                case "ces" -> (int) Math.max(1, Math.min(7, Math.round(level + random.nextGaussian() * 1.1)));
                default -> throw new IllegalArgumentException(series.metricKey() + " is not a survey metric");
            };
            String channel = DemoCatalog.CHANNELS.get(Seeds.weighted(random, DemoCatalog.CHANNEL_SHARE));
            Instant at = start.plusSeconds(7 * 3600 + random.nextInt(14 * 3600));
            answers.add(new Answer(score, channel, at));
        }
        return answers;
    }

    private static int npsScore(SplittableRandom random, double nps) {
        double share = nps / 100;
        double passives = Math.min(0.25, 1 - Math.abs(share));
        double promoters = (1 - passives + share) / 2;
        double u = random.nextDouble();
        if (u < promoters) {
            return random.nextDouble() < 0.45 ? 10 : 9;
        }
        if (u < promoters + passives) {
            return random.nextBoolean() ? 8 : 7;
        }
        return Seeds.weighted(random, new double[] {1, 1, 2, 3, 5, 8, 10});
    }

    private static int csatScore(SplittableRandom random, double satisfiedPercent) {
        if (random.nextDouble() < satisfiedPercent / 100) {
            return random.nextDouble() < 0.55 ? 5 : 4;
        }
        return 1 + Seeds.weighted(random, new double[] {2, 3, 5});
    }

    /** Contacts (fdr, fcr) or renewals (churn) of a ratio series on a day: numerator and denominator. */
    RatioStatistics ratio(SeriesSpec series, LocalDate day) {
        if (!hasData(series, day)) {
            return RatioStatistics.empty();
        }
        SplittableRandom random = Seeds.random(seed, RATIO, series.index(), day.toEpochDay());
        double base = "churn".equals(series.metricKey()) ? 30 : 140;
        int denominator = (int) Math.round(base * size(series.departmentCode()) * weekday(day) * (0.75 + 0.5 * random.nextDouble()));
        double p = level(series, day) / 100;
        int numerator = 0;
        for (int i = 0; i < denominator; i++) {
            if (random.nextDouble() < p) {
                numerator++;
            }
        }
        return new RatioStatistics(numerator, denominator);
    }

    /** The series' statistics of the day, exactly as the stored readings will sum them; empty without data. */
    public MetricStatistics statistics(SeriesSpec series, LocalDate day) {
        MetricDef def = metrics.get(series.metricKey());
        if (def.kind() == MetricKind.RATIO) {
            return ratio(series, day);
        }
        MetricStatistics total = MetricStatistics.empty(def.kind());
        for (Answer answer : answers(series, day)) {
            total = total.merge(switch (def.kind()) {
                case NPS -> NpsStatistics.ofScore(answer.score());
                case CSAT -> CsatStatistics.ofScore(answer.score());
                case MEAN_SCORE -> MeanScoreStatistics.ofScore(answer.score());
                default -> throw new IllegalStateException(def.kind().name());
            });
        }
        return total;
    }

    /** Whether the series' data goes in as survey answers (rather than readings). */
    public boolean isSurvey(SeriesSpec series) {
        return SurveyKind.parse(series.metricKey()).isPresent();
    }

    /** The survey answers of a series on a day, as a survey tool would send them. */
    public List<NewSurveyResponse> surveyResponses(SeriesSpec series, LocalDate day) {
        SurveyKind kind = SurveyKind.parse(series.metricKey()).orElseThrow();
        List<Answer> answers = answers(series, day);
        List<NewSurveyResponse> responses = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            responses.add(new NewSurveyResponse(kind.name(), a.score(), a.at(), a.channel(), series.departmentCode(), null,
                    SURVEY_SOURCE, "demo-" + series.metricKey() + "-" + series.departmentCode() + "-" + day + "-" + i));
        }
        return responses;
    }

    /**
     * The series' reading of the day: the contact counts of a ratio series, or a survey series' statistics in
     * one reading (when the plan loads surveys as readings); null on a day without data.
     */
    public NewReading reading(SeriesSpec series, LocalDate day) {
        MetricStatistics statistics = statistics(series, day);
        if (statistics.isEmpty()) {
            return null;
        }
        StatisticsInput input = switch (statistics) {
            case NpsStatistics s -> StatisticsInput.nps(s.promoters(), s.passives(), s.detractors());
            case CsatStatistics s -> StatisticsInput.csat(s.satisfied(), s.responses());
            case MeanScoreStatistics s -> StatisticsInput.meanScore(s.sum(), s.count());
            case RatioStatistics s -> StatisticsInput.ratio(s.numerator(), s.denominator());
            default -> throw new IllegalStateException("the demo has no gauge series");
        };
        String source = switch (series.metricKey()) {
            case "fdr", "fcr" -> "genesys";
            case "churn" -> "crm";
            default -> SURVEY_SOURCE + "-daily";
        };
        return new NewReading(series.metricKey(), day, series.departmentCode(), null, input, source,
                "demo-" + series.metricKey() + "-" + series.departmentCode() + "-" + day);
    }

    /** The feedback items received on a day. */
    public List<NewFeedback> feedback(LocalDate day) {
        int perDay = plan.parameters().feedbackPerDay();
        if (perDay == 0 || plan.themes().isEmpty() || day.isBefore(plan.parameters().programStart())
                || day.isAfter(plan.parameters().lastDataDay())) {
            return List.of();
        }
        SplittableRandom random = Seeds.random(seed, FEEDBACK, day.toEpochDay());
        int count = (int) Math.round(perDay * weekday(day) * (0.6 + 0.8 * random.nextDouble()));
        double years = ChronoUnit.DAYS.between(plan.parameters().programStart(), day) / 365.0;
        double[] weights = new double[plan.themes().size()];
        for (int t = 0; t < weights.length; t++) {
            ThemeSpec theme = plan.themes().get(t);
            weights[t] = theme.share() * Math.pow(1 + theme.yearlyGrowth(), years);
        }
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<NewFeedback> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int t = Seeds.weighted(random, weights);
            ThemeSpec theme = plan.themes().get(t);
            List<String> themes = new ArrayList<>(List.of(theme.theme()));
            if (random.nextDouble() < 0.2) {
                String other = plan.themes().get(Seeds.weighted(random, weights)).theme();
                if (!themes.contains(other)) {
                    themes.add(other);
                }
            }
            String department = theme.departments().isEmpty() || random.nextDouble() < 0.1
                    ? null : Seeds.pick(random, theme.departments());
            String channel = Seeds.pick(random, theme.channels());
            double sentiment = Math.max(-1, Math.min(1, theme.sentiment() + random.nextGaussian() * 0.22));
            sentiment = Math.round(sentiment * 100) / 100.0;
            Instant at = start.plusSeconds(random.nextInt(24 * 3600));
            items.add(new NewFeedback(channel, Seeds.pick(random, theme.texts()), sentiment, themes, department, at,
                    sourceOf(channel), "demo-fb-" + day + "-" + i));
        }
        return items;
    }

    private static String sourceOf(String channel) {
        return switch (channel) {
            case "REVIEW" -> "trustpilot";
            case "SOCIAL" -> "brandwatch";
            case "CALL" -> "call-analytics";
            case "CHAT" -> "chat-analytics";
            case "EMAIL" -> "helpdesk";
            default -> SURVEY_SOURCE;
        };
    }
}
