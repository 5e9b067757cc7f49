package io.cxtracker.demo;

import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.program.Pillar;
import java.util.List;
import java.util.Map;

/**
 * The words of the demo program: departments and their leads (the Keycloak demo users where the realm has
 * them), metrics, initiative and milestone titles per pillar, the themes customers talk about. Plain data;
 * {@link DemoGenerator} combines it with the seed.
 */
final class DemoCatalog {
    private DemoCatalog() {
    }

    record Dept(String code, String name, String lead) {
    }

    /** The ten departments of the demo, in order; the leads match keycloak/cxtracker-realm.json where it has one. */
    static final List<Dept> DEPARTMENTS = List.of(
            new Dept("support", "Customer Support", "lead-support"),
            new Dept("sales", "Sales", "lead-growth"),
            new Dept("marketing", "Marketing", "lead-marketing"),
            new Dept("product", "Product Management", "lead-product"),
            new Dept("engineering", "Engineering", "lead-engineering"),
            new Dept("billing", "Billing", "lead-billing"),
            new Dept("onboarding", "Onboarding", "lead-onboarding"),
            new Dept("success", "Customer Success", "lead-growth"),
            new Dept("operations", "Operations", "lead-operations"),
            new Dept("people", "People & Culture", "lead-people"));

    /** Regional teams that make up departments 11 and on: support-emea, sales-emea, …, support-amer, … */
    static final List<String> REGIONS = List.of("emea", "amer", "apac", "latam", "anz", "dach", "nordics", "iberia",
            "benelux", "uki", "france", "italy", "japan", "india", "brazil", "mexico", "canada", "gulf", "africa", "cee",
            "korea", "sea", "china", "turkey", "israel", "poland", "andes", "caribbean", "baltics", "balkans", "central",
            "east", "west", "north", "south", "pacific", "atlantic", "mountain", "plains", "coast", "metro", "rural",
            "public", "enterprise", "smb", "mid-market", "partners", "online", "retail", "wholesale");

    record MetricDef(String key, String name, String unit, MetricKind kind, Direction direction, String owner,
            /** level at the program's start, for a middling department */
            double start, /** the good way per year, for an improving department */ double yearlyGain,
            /** the margin the demo's targets keep around the numbers */ double margin, double lowest, double highest) {
    }

    static final List<MetricDef> METRICS = List.of(
            new MetricDef("nps", "Net Promoter Score", "points", MetricKind.NPS, Direction.HIGHER_IS_BETTER, "marketing",
                    18, 14, 4, -100, 100),
            new MetricDef("csat", "Customer satisfaction", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, "support",
                    74, 7, 2, 0, 100),
            new MetricDef("ces", "Customer Effort Score (1 easy – 7 hard)", "score", MetricKind.MEAN_SCORE,
                    Direction.LOWER_IS_BETTER, "product", 3.6, 0.5, 0.12, 1, 7),
            new MetricDef("fdr", "First-day resolution", "%", MetricKind.RATIO, Direction.HIGHER_IS_BETTER, "support",
                    62, 9, 2, 0, 100),
            new MetricDef("fcr", "First-contact resolution", "%", MetricKind.RATIO, Direction.HIGHER_IS_BETTER, "support",
                    68, 7, 2, 0, 100),
            new MetricDef("churn", "Renewal churn", "%", MetricKind.RATIO, Direction.LOWER_IS_BETTER, "success",
                    8.5, 2.5, 0.6, 0, 100));

    /** Which metrics a department's customers are asked about or measured on, most telling first. */
    static final Map<String, List<String>> RELEVANT = Map.of(
            "support", List.of("csat", "nps", "ces", "fdr", "fcr"),
            "sales", List.of("nps", "csat", "churn"),
            "marketing", List.of("nps"),
            "product", List.of("ces", "nps"),
            "engineering", List.of(),
            "billing", List.of("csat", "ces", "fdr", "fcr", "nps"),
            "onboarding", List.of("csat", "ces", "fdr", "nps"),
            "success", List.of("churn", "nps", "csat", "fcr"),
            "operations", List.of(),
            "people", List.of());

    static final List<String> CHANNELS = List.of("phone", "chat", "email");
    static final double[] CHANNEL_SHARE = {0.45, 0.35, 0.20};

    /** An initiative and the department that is usually accountable for it. */
    record InitiativeDef(String title, String accountable) {
    }

    static final Map<Pillar, List<InitiativeDef>> INITIATIVES = Map.of(
            Pillar.LISTEN, List.of(
                    new InitiativeDef("Voice of the customer on every channel", "marketing"),
                    new InitiativeDef("Post-contact surveys that customers answer", "support"),
                    new InitiativeDef("Listening posts in reviews and social media", "marketing"),
                    new InitiativeDef("Call and chat transcripts analysed every week", "support"),
                    new InitiativeDef("Customer advisory board", "success"),
                    new InitiativeDef("Closed-loop follow-up with detractors", "success")),
            Pillar.MEASURE, List.of(
                    new InitiativeDef("One definition of CSAT, NPS, CES and resolution", "operations"),
                    new InitiativeDef("Department scorecards with owned targets", "operations"),
                    new InitiativeDef("First-day resolution as the support north star", "support"),
                    new InitiativeDef("Churn early-warning signals", "success"),
                    new InitiativeDef("Metrics in every quarterly business review", "sales"),
                    new InitiativeDef("Effort measured at every journey step", "product")),
            Pillar.CHANGE, List.of(
                    new InitiativeDef("Shorter waits: callback and smarter routing", "support"),
                    new InitiativeDef("Billing that customers understand", "billing"),
                    new InitiativeDef("Onboarding in days, not weeks", "onboarding"),
                    new InitiativeDef("Self-service that solves the top ten issues", "product"),
                    new InitiativeDef("Empathy coaching for every customer-facing team", "people"),
                    new InitiativeDef("Fix the top product pain points", "engineering"),
                    new InitiativeDef("Proactive outreach before renewals", "success")));

    static final Map<Pillar, List<String>> MILESTONES = Map.of(
            Pillar.LISTEN, List.of(
                    "Launch the post-contact CSAT survey for %s",
                    "Publish the %s voice-of-customer digest",
                    "Tag every %s contact with a reason code",
                    "Route review-site mentions to the %s team",
                    "Call back %s detractors within 48 hours",
                    "Share the top five %s themes with the leadership team",
                    "Add a CES question to every %s journey step",
                    "Review 50 %s call transcripts for themes"),
            Pillar.MEASURE, List.of(
                    "Baseline the %s metrics for the scorecard",
                    "Agree %s targets with the executive sponsor",
                    "Hold a weekly %s metric review",
                    "Automate the %s metric feed from the source systems",
                    "Publish the %s quarterly scorecard",
                    "Reconcile the %s survey and CRM data",
                    "Add %s metrics to the quarterly business review",
                    "Set amber tolerances for the %s targets"),
            Pillar.CHANGE, List.of(
                    "Roll out callback for %s waits over five minutes",
                    "Rewrite the invoices and explanations %s sends",
                    "Cut the onboarding steps %s owns from twelve to six",
                    "Ship self-service answers for the top ten %s issues",
                    "Train every %s agent in empathy coaching",
                    "Fix the three biggest pain points %s hears about",
                    "Start proactive renewal outreach from %s",
                    "Give %s frontline staff authority to refund up to 200"));

    static final List<String> CHECK_IN_COMMENTS = List.of(
            "Kick-off done, owners named.",
            "First results look promising; rolling out to the next team.",
            "Waiting for the vendor to deliver the integration.",
            "Blocked by a data-protection review.",
            "Pilot finished; numbers shared in the weekly review.",
            "Behind plan: two people left the team.",
            "Back on track after re-planning with engineering.",
            "Done; evidence linked.");

    record ThemeDef(String theme, List<String> departments, String metric, double sentiment, double share,
            /** volume change per year, relative: 0.6 rises, −0.5 falls */ double growth, List<String> channels,
            List<String> texts, String commitment) {
    }

    /** What customers talk about; {@code commitment} is the change that answers it. */
    static final List<ThemeDef> THEMES = List.of(
            new ThemeDef("long-hold-times", List.of("support", "billing"), "fcr", -0.65, 0.16, -0.55,
                    List.of("CALL", "SURVEY", "SOCIAL"),
                    List.of("Waited 40 minutes on hold before anyone picked up.",
                            "The hold music is nice but not for half an hour.",
                            "Got cut off after a long wait and had to start over."),
                    "Offer a callback whenever the wait passes five minutes"),
            new ThemeDef("repeat-contacts", List.of("support", "billing", "onboarding"), "fdr", -0.55, 0.13, -0.3,
                    List.of("CALL", "CHAT", "EMAIL"),
                    List.of("Third time I am explaining the same problem.",
                            "Nobody reads the history of my case.",
                            "Each agent tells me something different."),
                    "Give agents the full case history and authority to resolve on the first day"),
            new ThemeDef("billing-errors", List.of("billing"), "csat", -0.7, 0.10, 0.2,
                    List.of("EMAIL", "CALL", "REVIEW"),
                    List.of("I was charged twice this month.",
                            "The invoice does not match the contract.",
                            "A refund promised weeks ago has not arrived."),
                    "Rewrite invoices and reconcile them against contracts before sending"),
            new ThemeDef("onboarding-complexity", List.of("onboarding", "product"), "ces", -0.45, 0.09, -0.4,
                    List.of("SURVEY", "CHAT", "EMAIL"),
                    List.of("Setting up took three weeks and five calls.",
                            "Too many steps before the first call works.",
                            "The setup guide is out of date."),
                    "Cut onboarding to six steps with a guided setup"),
            new ThemeDef("agent-empathy", List.of("support", "success"), "csat", 0.55, 0.10, 0.3,
                    List.of("SURVEY", "REVIEW", "CALL"),
                    List.of("The agent really listened and solved it.",
                            "Felt understood for the first time.",
                            "Patient and kind, thank you."),
                    "Coach empathy in every customer-facing team"),
            new ThemeDef("self-service-gaps", List.of("product", "support"), "ces", -0.35, 0.09, 0.5,
                    List.of("CHAT", "SURVEY", "SOCIAL"),
                    List.of("Could not find the answer in the help centre.",
                            "The chatbot sends me in circles.",
                            "Why can't I change my plan online?"),
                    "Ship self-service answers for the ten most common issues"),
            new ThemeDef("product-bugs", List.of("engineering", "product"), "nps", -0.6, 0.08, 0.1,
                    List.of("REVIEW", "SOCIAL", "EMAIL"),
                    List.of("Calls drop every afternoon.",
                            "The mobile app crashes on login.",
                            "Reports take forever to load."),
                    "Fix the three product defects customers mention most"),
            new ThemeDef("renewal-surprises", List.of("success", "sales"), "churn", -0.5, 0.07, 0.35,
                    List.of("EMAIL", "CALL"),
                    List.of("Nobody told me the price would go up at renewal.",
                            "Found out about the renewal from my bank statement.",
                            "My account manager changed three times this year."),
                    "Reach out to every customer 60 days before renewal"),
            new ThemeDef("pricing-clarity", List.of("sales", "marketing"), "nps", -0.3, 0.06, 0.0,
                    List.of("REVIEW", "SOCIAL", "CHAT"),
                    List.of("Hard to tell which plan I need.",
                            "The website price is not what sales quoted.",
                            "Hidden fees everywhere."),
                    "Publish one clear price list with a plan finder"),
            new ThemeDef("fast-resolution", List.of("support", "onboarding"), "fdr", 0.7, 0.07, 0.45,
                    List.of("SURVEY", "REVIEW"),
                    List.of("Fixed within the hour, impressive.",
                            "Solved on the first call.",
                            "Quick and friendly help."),
                    "Keep first-day resolution as the support north star"),
            new ThemeDef("account-manager-praise", List.of("success", "sales"), "nps", 0.65, 0.03, 0.1,
                    List.of("SURVEY", "EMAIL"),
                    List.of("Our account manager is proactive and knows our business.",
                            "Great quarterly review, very useful.",
                            "Always gets back to us the same day."),
                    "Make quarterly business reviews standard for every account"),
            new ThemeDef("outage-communication", List.of("operations", "engineering"), "nps", -0.55, 0.02, -0.2,
                    List.of("SOCIAL", "EMAIL"),
                    List.of("We learned about the outage from Twitter.",
                            "The status page said all green during the outage.",
                            "No apology, no explanation."),
                    "Post outages on the status page within ten minutes"));

    static final List<String> DROP_REASONS = List.of(
            "Superseded by the routing project, which answers the same insight.",
            "The vendor could not deliver; re-planned as a new commitment next year.");

    static final List<String> ASSESSMENT_NOTES = List.of(
            "Self-assessment in the quarterly review.",
            "Assessed with the CX office; evidence reviewed.",
            "Improvement since last quarter is visible in the listening posts.",
            "Still little contact with customers outside escalations.");
}
