//! The frameworks shipped in `frameworks/`: what `list` and `validate` say about them, and that
//! no indicator, level or section of their source texts was lost.

use rungs::framework::{builtin::BUILTIN_FILES, load, Framework, Indicator};

use crate::support::rungs;

const SHIPPED: [&str; 5] = [
    "building-relationships",
    "community-platform-relationships",
    "lasting-relationships",
    "networking",
    "strategic-partnerships",
];

/// The ids printed by `rungs list`: the first word of each table row (continuation lines of a
/// wrapped name start with spaces), up to the legend line.
fn first_column(table: &str) -> Vec<String> {
    table
        .lines()
        .take_while(|l| !l.starts_with("(COMP"))
        .filter(|l| l.len() > 1 && !l[1..].starts_with(' '))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

#[test]
fn list_shows_exactly_the_shipped_frameworks() {
    let run = rungs(&["list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids = first_column(&run.stdout);
    assert_eq!(
        ids.first().map(String::as_str),
        Some("ID"),
        "{}",
        run.stdout
    );
    assert_eq!(ids[1..], SHIPPED, "{}", run.stdout);
}

#[test]
fn list_tells_every_shipped_framework_apart_by_its_name() {
    // Seeds 000 and 001 are both titled "Building relationships"; their names must differ from
    // the first line `list` prints of them, while each keeps its source's own title.
    let run = rungs(&["list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let header = run.stdout.lines().next().unwrap_or_default();
    let name_at = header.find("NAME").expect("a NAME column");
    let version_at = header.find("VER").expect("a VER column");
    let first_lines: Vec<String> = run
        .stdout
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("(COMP"))
        .filter(|l| l.len() > 1 && !l[1..].starts_with(' '))
        .map(|l| {
            let chars: Vec<char> = l.chars().collect();
            chars[name_at..version_at.min(chars.len())]
                .iter()
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect();
    assert_eq!(first_lines.len(), SHIPPED.len(), "{}", run.stdout);
    let mut distinct = first_lines.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), first_lines.len(), "{first_lines:?}");
    assert_eq!(
        shipped("community-platform-relationships").name,
        "Schools as Community Platforms: Building Relationships"
    );
    assert!(shipped("community-platform-relationships")
        .source
        .is_some_and(|s| s.contains("section \"Building relationships\"")));
    assert_eq!(
        shipped("building-relationships").name,
        "Building Relationships"
    );
}

#[test]
fn validate_accepts_the_shipped_frameworks_with_the_one_expected_warning() {
    let run = rungs(&["validate", "frameworks/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", run.stderr);
    // Seed 000 repeats one indicator word for word at its first two levels; both are kept.
    assert!(
        warnings[0].starts_with("frameworks/building-relationships.yaml")
            && warnings[0]
                .contains(r#"indicator "rel-grow-5" has the same text as an earlier indicator (first at 36:13)"#),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("5 files valid (1 warning)"),
        "{}",
        run.stderr
    );
}

fn shipped(id: &str) -> Framework {
    let (name, text) = BUILTIN_FILES
        .iter()
        .find(|(name, _)| *name == format!("{id}.yaml"))
        .unwrap_or_else(|| panic!("frameworks/{id}.yaml is shipped"));
    let loaded = load(name, text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.framework.id, id);
    loaded.framework
}

/// Indicator counts per competency, per level of its ladder, in file order.
fn counts(framework: &Framework) -> Vec<Vec<usize>> {
    framework
        .competencies
        .iter()
        .map(|c| c.levels.iter().map(|l| l.indicators.len()).collect())
        .collect()
}

fn level_ids(framework: &Framework) -> Vec<&str> {
    framework.levels.iter().map(|l| l.id.as_str()).collect()
}

/// The items of the guidance list with this title, the framework's own or a competency's.
fn guidance<'a>(framework: &'a Framework, title: &str) -> &'a [String] {
    framework
        .guidance
        .iter()
        .chain(framework.competencies.iter().flat_map(|c| &c.guidance))
        .find(|g| g.title == title)
        .map(|g| g.items.as_slice())
        .unwrap_or_else(|| panic!("{}: no guidance titled {title:?}", framework.id))
}

fn indicator_ids(framework: &Framework) -> Vec<&str> {
    framework
        .indicators()
        .map(|(_, _, i)| i.id.as_str())
        .collect()
}

#[test]
fn building_relationships_keeps_every_bullet_of_seed_000() {
    let f = shipped("building-relationships");
    assert_eq!(
        level_ids(&f),
        [
            "establishing",
            "growing",
            "builds-networks",
            "creates-social-capital"
        ]
    );
    // The "•" bullets under each of the four growth-level headings of the seed text:
    // 10 + 10 + 8 + 5 = 33, including the one repeated at the first two levels.
    assert_eq!(counts(&f), [vec![10, 10, 8, 5]]);
    assert_eq!(f.indicator_count(), 33);
}

#[test]
fn community_platform_relationships_keeps_every_section_of_seed_001() {
    let f = shipped("community-platform-relationships");
    assert_eq!(level_ids(&f), ["establishing", "growing", "sustaining"]);
    // Indicators are written from the prose (key points, body text, experience/learnings and two
    // considerations), so these counts are the encoding's own.
    assert_eq!(counts(&f), [vec![6, 3, 5]]);
    // The seed's "-" bullets: 4 key points and 3 considerations; its 3 experience paragraphs.
    assert_eq!(guidance(&f, "Key points").len(), 4);
    assert_eq!(
        guidance(&f, "Considerations"),
        [
            "Is there trust at the levels needed?",
            "Is the working relationship strong enough to hold space for disagreement and resolution?",
            "What resources (time, funds and people) can be committed to building and sustaining the relationships needed for success while in the pre-establishment phase?",
        ]
    );
    assert_eq!(guidance(&f, "Our Experience/Learnings").len(), 3);
}

#[test]
fn community_platform_relationships_marks_every_target_as_a_reading_of_the_table() {
    let f = shipped("community-platform-relationships");
    // "Existing footprint | Hybrid | Community School |" over "Relevant for each new
    // collaboration but establishment is less dependent on a broad/complex group of partners. |
    // Relevant and the group of stakeholders is likely to be smaller. | Essential |"
    let cells = [
        (
            "existing-footprint",
            "Existing footprint",
            "Relevant for each new collaboration but establishment is less dependent on a broad/complex group of partners.",
            "establishing",
        ),
        (
            "hybrid",
            "Hybrid",
            "Relevant and the group of stakeholders is likely to be smaller.",
            "growing",
        ),
        ("community-school", "Community School", "Essential", "sustaining"),
    ];
    assert_eq!(f.targets.len(), cells.len());
    for (target, (id, name, cell, level)) in f.targets.iter().zip(cells) {
        assert_eq!((target.id.as_str(), target.name.as_str()), (id, name));
        assert_eq!(f.levels[target.levels[0].1].id, level);
        let description = target
            .description
            .as_deref()
            .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        // The cell quoted, then the level said to be a reading; nothing else.
        assert!(
            description.starts_with(&format!("\"{cell}")),
            "{id}: {description}"
        );
        assert!(
            description.ends_with("is a reading of this: the table names no level."),
            "{id}: {description}"
        );
        assert!(
            !description.contains("Establish the"),
            "{id}: {description}"
        );
    }
}

#[test]
fn community_platform_relationships_rates_advice_not_the_benefits_it_states() {
    let f = shipped("community-platform-relationships");
    // "Strong and trusting relationships enable good communication and well-informed decisions
    // making as projects progress. It enables speedier responses to opportunities or roadblocks
    // when collaborators can confidently share relevant information and insights that add to the
    // knowledge base for the work involved." A benefit, not advice: no indicator rates it.
    assert!(
        f.indicators()
            .all(|(_, _, i)| !i.text.contains("shares relevant information")),
        "cp-grow-5 is gone"
    );
    assert!(!indicator_ids(&f).contains(&"cp-grow-5"));
    // "- Acknowledge and respect the expertise of partners."
    assert_eq!(
        indicator(&f, "cp-est-3").text,
        "Acknowledges and respects the expertise of partners."
    );
    // "- Relationships to build trust and commitment to the goals." has no verb; the one the
    // indicator adds, and every other added verb and turned consideration, is named in the
    // description, as is the reading of the phases as levels ("... needs to be sustained
    // throughout planning and operational phases").
    let description = f
        .description
        .as_deref()
        .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    for judgement in [
        "\"Builds ... treating\" (cp-est-5",
        "\"facilitates\" (cp-grow-2",
        "\"Creates\" (cp-grow-3",
        "\"Is the working relationship strong enough to hold space for disagreement and resolution?\" into cp-grow-4",
        "into cp-est-6",
        "Growing the planning phase (\"As the partnership grows\")",
        "is the encoding's reading",
        "The targets are readings of the relevance table, which names no level",
    ] {
        assert!(description.contains(judgement), "{judgement:?} in\n{description}");
    }
}

#[test]
fn community_platform_relationships_rates_phases_in_the_strength_of_seed_001() {
    let f = shipped("community-platform-relationships");
    // "a core function throughout the collaboration process starting at the pre- implementation
    // stages and needs to be sustained throughout planning and operational phases": the levels
    // are phases, each tested on its own.
    assert!(!f.gating);
    // "- Relationships to build trust and commitment to the goals." is the same idea as "there is
    // a facilitation aspect needed to allow partners to develop trust in each other" (cp-grow-2)
    // and "Multiple opportunities ... are needed to build a shared commitment" (cp-grow-3): it is
    // rated there, not a third time, and stays a key point.
    assert!(!indicator_ids(&f).contains(&"cp-grow-1"));
    assert!(indicator(&f, "cp-grow-2")
        .text
        .contains("develop trust in each other"));
    assert!(indicator(&f, "cp-grow-3")
        .text
        .contains("shared commitment"));
    assert!(guidance(&f, "Key points")
        .iter()
        .any(|k| k == "Relationships to build trust and commitment to the goals."));
    // "but in the end we needed to be prepared to revisit the vision and purpose and potential
    // with each new contact in the stakeholder groups": prepared to revisit, not revisits.
    assert_eq!(
        indicator(&f, "cp-sus-5").text,
        "Is prepared to revisit the vision, purpose and potential with each new contact in the stakeholder groups."
    );
}

#[test]
fn networking_keeps_every_behaviour_and_empty_section_of_seed_002() {
    let f = shipped("networking");
    assert_eq!(
        level_ids(&f),
        [
            "proficiency-1",
            "proficiency-2",
            "proficiency-3",
            "proficiency-4",
            "proficiency-5"
        ]
    );
    // The "-" items under each "Proficiency Level N" heading of the seed text: level 1 has none,
    // level 2 has 7, level 3 has 5, levels 4 and 5 have 6 and 8 of which the first is the
    // level's headline (kept as its title): 0 + 7 + 5 + 5 + 7 = 24.
    assert_eq!(counts(&f), [vec![0, 7, 5, 5, 7]]);
    let titles: Vec<&str> = f.competencies[0]
        .levels
        .iter()
        .map(|l| f.level_title(l))
        .collect();
    assert_eq!(
        titles[3..],
        [
            "Creates networking opportunities.",
            "Strategically expands networks"
        ]
    );
    for heading in [
        "Suggested Activities for Development",
        "Recommended Courses",
        "Additional Resource",
        "Behavioral-Based Interviewing Questions",
    ] {
        assert!(
            guidance(&f, heading).is_empty(),
            "{heading} is empty in the seed"
        );
    }
}

#[test]
fn lasting_relationships_has_the_three_pillars_of_seed_003() {
    let f = shipped("lasting-relationships");
    assert_eq!(level_ids(&f), ["building", "sustaining"]);
    let pillars: Vec<&str> = f.competencies.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(pillars, ["clear-expectations", "mutual-respect", "trust"]);
    // Indicators are written from the essay, so these counts are the encoding's own.
    assert_eq!(counts(&f), [vec![6, 3], vec![3, 2], vec![2, 2]]);
    // One quote opens each pillar's section.
    let quotes: Vec<&str> = f
        .competencies
        .iter()
        .flat_map(|c| &c.guidance)
        .filter(|g| g.title == "Key quote")
        .flat_map(|g| g.items.iter().map(String::as_str))
        .collect();
    assert_eq!(quotes.len(), 3);
    for cite in [
        "(Metz, et al., 2020, p. 5)",
        "(Villanueva, 2021, p. 135)",
        "(Aguilar, 2020, p. 160)",
    ] {
        assert!(
            quotes.iter().any(|q| q.contains(cite)),
            "no quote cites {cite}"
        );
    }
}

#[test]
fn lasting_relationships_marks_the_indicators_taken_from_quoted_authors() {
    let f = shipped("lasting-relationships");
    // "Implementation support practitioners advance the sustainability of programs and practices
    // by helping communities to develop a shared vision and mutual accountability and by
    // promoting existing relationships, problem solving and resource sharing" (Metz, et al.,
    // 2020, p. 5).
    // "Value of community, close relationships with people, strong sense of purpose, and self
    // efficacy are needed to manage relationships and expectations responsibly; ..."
    // (Villanueva, 2021, p. 135).
    // The texts are paraphrases: each origin says "adapted from" and keeps the quote.
    let origin = |id: &str| -> String {
        f.indicators()
            .find(|(_, _, i)| i.id == id)
            .and_then(|(_, _, i)| i.origin.clone())
            .unwrap_or_default()
    };
    let metz = "Implementation support practitioners advance the sustainability of programs and practices by helping communities to develop a shared vision and mutual accountability and by promoting existing relationships, problem solving and resource sharing";
    let villanueva = "Value of community, close relationships with people, strong sense of purpose, and self efficacy are needed to manage relationships and expectations responsibly";
    for (id, author, quote) in [
        ("exp-build-6", "Adapted from Metz et al. (2020, p. 5)", metz),
        ("exp-sus-3", "Adapted from Metz et al. (2020, p. 5)", metz),
        (
            "resp-build-3",
            "Adapted from Villanueva (2021, p. 135)",
            villanueva,
        ),
    ] {
        let origin = origin(id);
        assert!(origin.starts_with(author), "{id}: {origin}");
        assert!(origin.contains(quote), "{id}: {origin}");
    }
    // Illustrations rated as behaviours say so. "This relationship is mutually beneficial to
    // both parties. We have to respect the needs of our plants for them to survive and provide
    // benefits to us." (the houseplant); "These relationships require everyone to focus on the
    // task to achieve a goal." (the cheer team).
    let houseplant = origin("resp-build-1");
    assert!(houseplant.starts_with("Drawn from the essay's houseplant illustration"));
    assert!(houseplant.contains("This relationship is mutually beneficial to both parties. We have to respect the needs of our plants for them to survive and provide benefits to us."));
    let cheer = origin("trust-build-2");
    assert!(cheer.starts_with("Drawn from the essay's cheer team illustration"));
    assert!(cheer
        .contains("These relationships require everyone to focus on the task to achieve a goal."));
    // "Protocols can be used to establish this bi-directional communication.": an option the
    // essay offers, so exp-build-5 is marked adapted.
    let protocols = origin("exp-build-5");
    assert!(protocols.starts_with("Adapted from an option the essay offers"));
    assert!(
        protocols.contains("Protocols can be used to establish this bi-directional communication.")
    );
}

#[test]
fn lasting_relationships_rates_meeting_expectations_once_where_sustaining_puts_it() {
    let f = shipped("lasting-relationships");
    // "It is not enough to just set these expectations; it is also important to meet them."
    let (competency, level, found) = f
        .indicators()
        .find(|(_, _, i)| i.id == "exp-sus-1")
        .expect("exp-sus-1");
    assert_eq!(f.competencies[competency].id, "clear-expectations");
    assert_eq!(
        f.levels[f.competencies[competency].levels[level].level].id,
        "sustaining"
    );
    assert_eq!(
        found.text,
        "Meets the expectations that have been set, not only sets them."
    );
    let rated: Vec<&str> = f
        .indicators()
        .filter(|(_, _, i)| i.text.to_lowercase().contains("expectations"))
        .map(|(_, _, i)| i.id.as_str())
        .collect();
    // exp-build-3 agrees them; resp-build-3 is Villanueva's "manage relationships and
    // expectations responsibly"; only exp-sus-1 rates meeting them.
    assert_eq!(rated, ["exp-build-3", "exp-sus-1", "resp-build-3"]);
    // "Earning respect is extremely difficult, but meeting expectations is a strong lever
    // towards earning that respect." "Continually meeting expectations leads to trust." "...
    // we know that meeting agreed-upon expectations leads to respect, and respect leads to
    // trust." The chain is guidance on the whole, not three ratings.
    assert_eq!(
        guidance(&f, "How the pillars build on one another"),
        [
            "Earning respect is extremely difficult, but meeting expectations is a strong lever towards earning that respect.",
            "Continually meeting expectations leads to trust.",
            "Whether you are a pet parent, a plant owner, or on a cheer team, we know that meeting agreed-upon expectations leads to respect, and respect leads to trust.",
        ]
    );
    // "Demonstrating reliability, consistently following through, and meeting expectations
    // communicates to partners that individuals are upholding their commitment and want to
    // reach outcomes."
    assert_eq!(
        indicator(&f, "resp-sus-1").text,
        "Demonstrates reliability and consistently follows through, communicating to partners that they are upholding their commitment and want to reach outcomes."
    );
}

#[test]
fn lasting_relationships_keeps_trusts_comfort_level_as_description_not_a_rating() {
    let f = shipped("lasting-relationships");
    // "Trust demonstrates that partners have a comfort level of working with one another, that
    // they value each other's work, and believe that they each will continue to perform their
    // assigned tasks at a high level."
    let trust = &f.competencies[2];
    assert!(trust
        .description
        .as_deref()
        .is_some_and(|d| d.split_whitespace().collect::<Vec<_>>().join(" ").contains(
            "Trust demonstrates that partners have a comfort level of working with one another, that they value each other's work, and believe that they each will continue to perform their assigned tasks at a high level."
        )));
    assert!(f
        .indicators()
        .all(|(_, _, i)| !i.text.contains("comfort level")));
}

#[test]
fn lasting_relationships_closes_with_the_essays_own_advice_and_references() {
    let f = shipped("lasting-relationships");
    // The essay's closing paragraph, sentence by sentence.
    assert_eq!(
        guidance(&f, "Design your blueprint for relationship building"),
        [
            "Now that you have learned about building and maintaining relationships, you should take an opportunity to try to design your blueprint for relationship building.",
            "You can read the NIRN blog post around the importance of relationships for successful implementation.",
            "Relationship building is important because that leads to effective teams, which are made up of multiple relationships.",
            "We know communication matters and a Terms of Reference is a great way to get everyone on the same page.",
            "Review the lesson on how to grow and sustain relationships to continue learning about building relationships together.",
            "Using these tools is a fast track to building relationships for highly effective teams that lead to improved implementation efforts.",
        ]
    );
    assert_eq!(
        guidance(&f, "References"),
        [
            "Aguilar, E. (2020). Coaching for equity: Conversations that change practice. Jossey-Bass.",
            "Metz, A., Louison, L., Burke, K., Albers, B., & Ward, C. (2020). Implementation support practitioner profile: Guiding principles and core competencies for implementation practice. National Implementation Research Network, University of North Carolina at Chapel Hill.",
            "Villanueva, E. (2021). Decolonizing wealth: Indigenous wisdom to heal divides and restore balance. Berrett-Koehler Publishers.",
        ]
    );
    // On the whole framework, not under Trust.
    let titles: Vec<&str> = f.guidance.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "How the pillars build on one another",
            "Design your blueprint for relationship building",
            "References"
        ]
    );
    assert!(f.competencies[2]
        .guidance
        .iter()
        .all(|g| g.title == "Key quote" || g.title == "Illustration"));
}

/// The indicator with this id.
fn indicator<'a>(framework: &'a Framework, id: &str) -> &'a Indicator {
    framework
        .indicators()
        .map(|(_, _, i)| i)
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("{}: no indicator {id}", framework.id))
}

/// A `- ` bullet line of a seed text without its dash, as the encoding keeps it.
fn bullet(line: &str) -> &str {
    line.strip_prefix("- ").unwrap_or(line)
}

/// Seed 004's bullets under "Effective Performance" (after "Competent career development
/// professionals must be able to:") and under "Knowledge & Understanding" (after "... must know
/// and understand:"), each code followed by the bullets listed under it.
const SEED_004_PERFORMANCE: [(&str, &str, &[&str]); 5] = [
    (
        "p1",
        "- P1. Identify opportunities to improve organizational outcomes through use of partnerships, e.g. increase outreachcapacity",
        &[],
    ),
    (
        "p2",
        "- P2. Identify potential community-based organizations with whom partnership would be beneficial, e.g. settlementagencies, associations that support employment of people with disabilities",
        &[],
    ),
    (
        "p3",
        "- P3. Meet potential partners, e.g. community-based organizations, agencies",
        &[
            "- Confirm interest in establishing partnership",
            "- Clarify shared goals and objectives",
            "- Identify opportunities to work together, e.g. shared services, shared resources",
            "- Identify requirements, e.g. work schedule, financial mechanism, reporting, measurement of success",
            "- Develop action plan to achieve partnership goals",
        ],
    ),
    (
        "p4",
        "- P4. Develop partnership agreements, considering:",
        &[
            "- Purpose",
            "- Governance",
            "- Strategic goals",
            "- Services and resources",
            "- Funding agreement",
            "- Communications",
            "- Key performance indicators",
            "- Reporting mechanism",
        ],
    ),
    (
        "p5",
        "- P5. Maintain partnership engagement, for example:",
        &[
            "- Schedule regular reviews to assess partnership progress and challenges",
            "- Establish communication processes",
            "- Hold collaborative planning meetings, as needed, e.g. weekly, bi-weekly, monthly",
        ],
    ),
];

const SEED_004_KNOWLEDGE: [(&str, &str); 4] = [
    (
        "k1",
        "- K1. Types of partnerships, e.g. community, government, education, faith-based",
    ),
    (
        "k2",
        "- K2. Community resources, e.g. physical assets, economic assets, knowledge, networks, local institutions",
    ),
    (
        "k3",
        "- K3. Current partnerships, e.g. effectiveness of relationship, delineation of roles and responsibilities",
    ),
    ("k4", "- K4. Organizational readiness for partnering"),
];

#[test]
fn strategic_partnerships_is_one_level_of_performance_and_knowledge_in_the_words_of_seed_004() {
    let f = shipped("strategic-partnerships");
    // "Competent career development professionals must be able to:" and "... must know and
    // understand:": one level of competence, no order between performance and knowledge.
    assert_eq!(level_ids(&f), ["competent"]);
    let names: Vec<&str> = f.competencies.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Effective Performance", "Knowledge & Understanding"]
    );
    assert_eq!(
        f.competencies[0].description.as_deref(),
        Some("Competent career development professionals must be able to:")
    );
    assert_eq!(
        f.competencies[1].description.as_deref(),
        Some("Competent career development professionals must know and understand:")
    );
    // Each code is rated once, in the standard's words; the bullets under P3, P4 and P5 are
    // shown with it, not rated (so no code counts more than once).
    assert_eq!(counts(&f), [vec![5], vec![4]]);
    for (id, line, under) in SEED_004_PERFORMANCE {
        let found = indicator(&f, id);
        // The only change: the two words the text runs together are separated.
        let expected = bullet(line)
            .replace("outreachcapacity", "outreach capacity")
            .replace("settlementagencies", "settlement agencies");
        assert_eq!(found.text, expected);
        let under: Vec<&str> = under.iter().map(|l| bullet(l)).collect();
        assert_eq!(found.examples, under, "{id}");
    }
    for (id, line) in SEED_004_KNOWLEDGE {
        assert_eq!(indicator(&f, id).text, bullet(line));
    }
    // "must be able to": an ability, not a frequency, and every one of P1-P5 is needed.
    let performance = f.competencies[0].scale.as_ref().expect("an ability scale");
    let labels: Vec<&str> = performance.scale.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Not yet able",
            "Able with help",
            "Able on my own",
            "Able to guide others"
        ]
    );
    assert_eq!(performance.demonstrated_at, 3);
    assert_eq!(f.threshold_of(0), 1.0, "P1-P5: all five");
    // "Neither comes before the other" is gone: the text gives Effective Performance first, and
    // neither part is a lower level.
    let description = f.description.as_deref().unwrap_or_default();
    assert!(!description.contains("Neither comes before the other"));
    assert!(description.contains("neither part is a lower level than the other"));
    // Every report says whether the standard is met: one role naming both parts.
    assert_eq!(f.targets.len(), 1);
    assert_eq!(f.targets[0].name, "Meets the standard");
    assert_eq!(f.targets[0].levels, [(0, 0), (1, 0)]);
    // Knowledge is not rated on a frequency scale: it has a scale of its own.
    let knowledge = f.competencies[1].scale.as_ref().expect("an own scale");
    let labels: Vec<&str> = knowledge.scale.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Does not yet know and understand it",
            "Knows and understands part of it",
            "Knows and understands it"
        ]
    );
    assert_eq!(knowledge.demonstrated_at, 3);
}

#[test]
fn strategic_partnerships_keeps_every_section_of_seed_004_as_guidance_on_the_whole() {
    let f = shipped("strategic-partnerships");
    assert!(f.competencies.iter().all(|c| c.guidance.is_empty()));
    assert_eq!(
        guidance(&f, "Contextual Variables"),
        [
            "Competent career development professionals must be able to perform this competency in the following range of contexts:",
            "Reasons for establishing partnerships are numerous, including to eliminate duplication of effort, pool resources, address social issues, create long-term social change, and deliver services.",
            "Types of partnerships will vary, e.g. informal or formal agreements",
        ]
    );
    // "Glossary & Key References / Terms / Industry-specific terms contained in the standard
    // defined here, where applicable. / Partnership: ...": both lines, word for word.
    assert_eq!(
        guidance(&f, "Glossary"),
        [
            "Industry-specific terms contained in the standard defined here, where applicable.",
            "Partnership: organizations who work together to achieve a common goal."
        ]
    );
    assert_eq!(
        guidance(&f, "Information Sources and Resources for Consideration"),
        ["John Snow, Inc. (JSI). Engaging your community: a toolkit for partnership, collaboration and action. 2012. https://publications.jsi.com/JSIInternet/Inc/Common/_download_pub.cfm?id=14333&lid=3"]
    );
    for heading in [
        "Criticality",
        "Frequency",
        "Level of Difficulty",
        "Autonomy",
        "Automation",
    ] {
        assert_eq!(
            guidance(&f, &format!("Context rating scale: {heading}")).len(),
            1,
            "{heading}"
        );
    }
    // The question and the seed's answer, which is about time to proficiency, not levels.
    assert_eq!(
        guidance(
            &f,
            "Context rating scale: Time Required to Gain Proficiency"
        )[1],
        "A career development professional requires the experience of developing at least 5 partnership agreements, representing a broad range of stakeholders."
    );
}

#[test]
fn strategic_partnerships_needs_every_one_of_p1_to_p5_and_says_whether_the_standard_is_met() {
    // "Competent career development professionals must be able to:" P1-P5: P4 not yet able
    // with the rest able to guide others is not Competent performance.
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("answers.yaml");
    let mut text = String::new();
    for (id, _, _) in SEED_004_PERFORMANCE {
        let value = if id == "p4" {
            "Not yet able"
        } else {
            "Able to guide others"
        };
        text.push_str(&format!("{id}: {value}\n"));
    }
    for (id, _) in SEED_004_KNOWLEDGE {
        text.push_str(&format!("{id}: Knows and understands it\n"));
    }
    std::fs::write(&answers, text).expect("answers");
    let out = dir.path().join("sp.json");
    let saved = rungs(&[
        "assess",
        "strategic-partnerships",
        "--answers",
        answers.to_str().expect("utf-8"),
        "--output",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(saved.code, 0, "{}", saved.stderr);
    let report = rungs(&["report", out.to_str().expect("utf-8"), "--format", "json"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    let value: serde_json::Value = serde_json::from_str(&report.stdout).expect("JSON");
    assert_eq!(value["competencies"][0]["level"], serde_json::Value::Null);
    assert_eq!(value["competencies"][0]["next"]["more"], 1);
    assert_eq!(value["competencies"][1]["level"], "competent");
    assert_eq!(value["roles"][0]["id"], "meets-the-standard");
    assert_eq!(value["roles"][0]["met"], 1);
    assert_eq!(value["roles"][0]["fits"], false);
    assert_eq!(value["best_fit"]["next"], "meets-the-standard");
}

#[test]
fn strategic_partnerships_rated_top_on_performance_and_bottom_on_knowledge_holds_performance() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("answers.yaml");
    let mut text = String::new();
    for (id, _, _) in SEED_004_PERFORMANCE {
        text.push_str(&format!("{id}: Able to guide others\n"));
    }
    for (id, _) in SEED_004_KNOWLEDGE {
        text.push_str(&format!("{id}: Does not yet know and understand it\n"));
    }
    std::fs::write(&answers, text).expect("answers");
    let out = dir.path().join("sp.json");
    let saved = rungs(&[
        "assess",
        "strategic-partnerships",
        "--answers",
        answers.to_str().expect("utf-8"),
        "--output",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(saved.code, 0, "{}", saved.stderr);
    let report = rungs(&["report", out.to_str().expect("utf-8"), "--format", "json"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    let value: serde_json::Value = serde_json::from_str(&report.stdout).expect("JSON");
    let held: Vec<(&str, &serde_json::Value, &serde_json::Value)> = value["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap_or_default(),
                &c["level"],
                &c["score"],
            )
        })
        .collect();
    assert_eq!(
        held,
        [
            ("performance", &"competent".into(), &1.0.into()),
            ("knowledge", &serde_json::Value::Null, &0.0.into()),
        ]
    );
}
