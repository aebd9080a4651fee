//! The sentences of a report every format shares: when it was made, how far it is answered,
//! which targets are met, the scoring rule.

use super::{CompetencyReport, IndicatorReport, Report};
use crate::assessment::RatingValue;
use crate::language::Language;
use crate::words::{date_part, level_text, percent};

impl Report {
    /// "completed 2026-03-01", "in progress: 4 of 24 answered (started 2026-03-01)": when the
    /// assessment was made and, while indicators are unanswered, how many of them are.
    pub fn progress(&self) -> Option<String> {
        let coverage = self.coverage_text();
        match (&self.completed_at, &self.started_at, coverage) {
            (Some(done), _, None) => Some(format!("completed {}", date_part(done))),
            // Finished with indicators left out (an adaptive walk skips levels out of reach).
            (Some(done), _, Some(_)) => Some(format!(
                "completed {} · {} of {} answered",
                date_part(done),
                self.coverage.answered,
                self.coverage.of
            )),
            (None, Some(started), Some(coverage)) => {
                Some(format!("{coverage} (started {})", date_part(started)))
            }
            (None, Some(started), None) => {
                Some(format!("in progress (started {})", date_part(started)))
            }
            (None, None, coverage) => coverage,
        }
    }

    /// "in progress: 4 of 24 answered", or `None` when every indicator is answered.
    pub fn coverage_text(&self) -> Option<String> {
        (!self.coverage.complete).then(|| {
            format!(
                "in progress: {} of {} answered",
                self.coverage.answered, self.coverage.of
            )
        })
    }

    /// "Targets met: 1 of 2.", and when a met target has unanswered indicators below it, that
    /// it is met on the answers so far.
    pub fn targets_met_text(&self) -> String {
        self.targets_met_text_in(Language::English)
    }

    /// [`Report::targets_met_text`] in a language.
    pub fn targets_met_text_in(&self, lang: Language) -> String {
        let met = self.gaps.iter().filter(|g| g.met).count();
        let mut text = lang.fill(
            "report.targets_met",
            &[
                ("met", &met.to_string()),
                ("of", &self.gaps.len().to_string()),
            ],
        );
        let unanswered: usize = self
            .gaps
            .iter()
            .filter(|g| g.met)
            .map(|g| g.unanswered)
            .sum();
        if unanswered > 0 {
            let them = lang.text(match (met, unanswered) {
                (1, 1) => "report.targets_met.them.one_one",
                (1, _) => "report.targets_met.them.one_other",
                (_, 1) => "report.targets_met.them.other_one",
                _ => "report.targets_met.them.other_other",
            });
            text.push_str(&lang.fill(
                "report.targets_met.so_far",
                &[
                    (
                        "indicators",
                        &lang.count(unanswered, "count.indicator", &[]),
                    ),
                    ("them", them),
                ],
            ));
        }
        text
    }

    /// What the development plan says when no competency has a gap: "nothing to close", or,
    /// with indicators up to the targets unanswered, that the targets are met only so far.
    pub fn all_met_text(&self) -> String {
        self.all_met_text_in(Language::English)
    }

    /// [`Report::all_met_text`] in a language.
    pub fn all_met_text_in(&self, lang: Language) -> String {
        let unanswered: usize = self.gaps.iter().map(|g| g.unanswered).sum();
        if unanswered == 0 {
            lang.text("report.all_met").to_string()
        } else {
            lang.count(unanswered, "report.all_met.so_far", &[])
        }
    }

    /// One sentence stating the scoring rule in the framework's own terms.
    pub fn rule(&self) -> String {
        self.rule_in(crate::language::Language::English)
    }

    /// [`Report::rule`] in a language.
    pub fn rule_in(&self, lang: crate::language::Language) -> String {
        let label = self
            .demonstrated_label
            .as_ref()
            .map(|l| format!(" ({l})"))
            .unwrap_or_default();
        let own: String = self
            .own_scales
            .iter()
            .map(|o| {
                let label = o
                    .demonstrated_label
                    .as_ref()
                    .map(|l| format!(" ({l})"))
                    .unwrap_or_default();
                lang.fill(
                    "report.rule.own",
                    &[
                        ("name", &o.name),
                        ("at", &o.demonstrated_at.to_string()),
                        ("label", &label),
                    ],
                )
            })
            .collect();
        let phases = if self.phases.is_empty() {
            String::new()
        } else {
            lang.fill("report.rule.phases", &[("levels", &self.phases.join(", "))])
        };
        lang.fill(
            "report.rule",
            &[
                ("percent", &percent(self.threshold)),
                ("at", &self.demonstrated_at.to_string()),
                ("label", &label),
                ("own", &own),
                ("phases", &phases),
            ],
        )
    }
}

/// "Roles" and, when the framework grades holistically, when a role fits: "Roles (a role fits
/// when 80% of its competencies are met)".
pub fn roles_title(report: &Report) -> String {
    roles_title_in(report, Language::English)
}

/// [`roles_title`] in a language.
pub fn roles_title_in(report: &Report, lang: Language) -> String {
    if report.role_fit < 1.0 {
        lang.fill(
            "report.roles.share",
            &[("percent", &percent(report.role_fit))],
        )
    } else {
        lang.text("report.roles.every").to_string()
    }
}

/// The next step in words (section 10): "1 more at Building holds level 2 · Sustaining (3 not
/// rated)" (naming the level it holds when that is above the next one), "2 more at Growing
/// hold it"; "top level held", "not applicable", "the levels above do not apply", or, for a
/// competency with no level on the ladder of the report (a track's), "not on this track".
pub fn progress_text(competency: &CompetencyReport) -> String {
    progress_text_in(competency, crate::language::Language::English)
}

/// [`progress_text`] in a language.
pub fn progress_text_in(competency: &CompetencyReport, lang: crate::language::Language) -> String {
    if !competency.applicable {
        return lang.text("report.progress.na").to_string();
    }
    let Some(next) = competency.next.as_ref() else {
        return lang
            .text(if competency.top_rank == 0 {
                "report.progress.off_track"
            } else if competency.rank == competency.top_rank {
                "report.progress.top"
            } else {
                "report.progress.above_na"
            })
            .to_string();
    };
    let mut extras = Vec::new();
    if next.not_applicable > 0 {
        extras.push(lang.fill(
            "report.progress.extra_na",
            &[("n", &next.not_applicable.to_string())],
        ));
    }
    if next.unrated > 0 {
        extras.push(lang.fill(
            "report.progress.unrated",
            &[("n", &next.unrated.to_string())],
        ));
    }
    let extras = if extras.is_empty() {
        String::new()
    } else {
        format!(" ({})", extras.join(", "))
    };
    let key = if next.unlocks == next.level {
        "report.progress.it"
    } else {
        "report.progress.level"
    };
    lang.count(
        next.more,
        key,
        &[
            ("title", &next.title),
            (
                "level",
                &level_text(next.unlocks_rank, Some(&next.unlocks_title)),
            ),
            ("extras", &extras),
        ],
    )
}

/// "2 · Growing", "none", or "not applicable" for a competency whose every indicator is
/// answered na.
pub fn standing_text(competency: &CompetencyReport) -> String {
    if competency.applicable {
        level_text(competency.rank, competency.level_title.as_deref())
    } else {
        "not applicable".to_string()
    }
}

/// "4 of 24 answered" beside a competency not fully answered; `None` when it is.
pub fn competency_coverage_text(competency: &CompetencyReport) -> Option<String> {
    let coverage = competency.coverage;
    (!coverage.complete()).then(|| format!("{} of {} answered", coverage.answered, coverage.of))
}

/// The competency's name, with "4 of 24 answered" beside it while it is not fully answered.
pub fn name_with_coverage(competency: &CompetencyReport) -> String {
    match competency_coverage_text(competency) {
        Some(coverage) => format!("{} ({coverage})", competency.label()),
        None => competency.label().into_owned(),
    }
}

/// "3 · Often", "na · not applicable", or "not rated".
pub fn rating_text(indicator: &IndicatorReport) -> String {
    match (&indicator.rating, &indicator.rating_label) {
        (Some(RatingValue::NotApplicable), _) => "not applicable".to_string(),
        (Some(value), Some(label)) => format!("{value} · {label}"),
        (Some(value), None) => value.to_string(),
        _ => "not rated".to_string(),
    }
}
