//! `waymark report`: the findings of a map as text, JSON or Markdown.

use serde::Serialize;

use super::{Finding, findings, messages};
use crate::i18n::k;
use crate::model::{FindingKind, Map};

/// How `waymark report` prints the findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per finding, for a terminal.
    #[default]
    Text,
    /// An object with `findings` and `summary`, for scripts.
    Json,
    /// A heading, a summary line and the findings grouped by stage, for a wiki.
    Md,
}

/// The counts at the top of every report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub stages: usize,
    pub lanes: usize,
    pub cards: usize,
    /// Links between cards (journey paths).
    pub links: usize,
    pub findings: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    kind: &'static str,
    stage: &'a str,
    stage_id: u64,
    message: &'a str,
    /// The lanes of the cells involved, by name.
    lanes: Vec<&'a str>,
    cards: Vec<u64>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    title: &'a str,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
    /// The machine names of the kinds this map switched off.
    switched_off: Vec<&'static str>,
}

pub fn summary(map: &Map, found: &[Finding]) -> Summary {
    Summary {
        stages: map.stages.len(),
        lanes: map.lanes.len(),
        cards: map.cards.len(),
        links: map.links.len(),
        findings: found.len(),
    }
}

/// The report on a map in the given format, ending in a newline.
pub fn report(map: &Map, format: Format) -> String {
    let found = findings(map);
    match format {
        Format::Text => text(map, &found),
        Format::Json => json(map, &found),
        Format::Md => markdown(map, &found),
    }
}

fn stage_name(map: &Map, finding: &Finding) -> String {
    map.stage(finding.stage)
        .map_or_else(String::new, |s| s.name.clone())
}

fn summary_line(map: &Map, found: &[Finding]) -> String {
    let s = summary(map, found);
    crate::t!(
        crate::i18n::k::REPORT_SUMMARY,
        stages = s.stages,
        lanes = s.lanes,
        cards = s.cards,
        links = s.links,
        findings = s.findings
    )
}

fn switched_off(map: &Map) -> Vec<&'static str> {
    FindingKind::ALL
        .into_iter()
        .filter(|k| !map.finding_on(*k))
        .map(FindingKind::name)
        .collect()
}

fn text(map: &Map, found: &[Finding]) -> String {
    let mut out = format!("“{}”: {}\n", map.title, summary_line(map, found));
    let width = found.iter().map(|f| f.kind.name().len()).max().unwrap_or(0);
    for finding in found {
        out += &format!("{:width$}  {}\n", finding.kind.name(), finding.message);
    }
    if found.is_empty() {
        out += &messages::no_findings();
        out.push('\n');
    }
    let off = switched_off(map);
    if !off.is_empty() {
        out += &format!("{}: {}\n", messages::switched_off(), off.join(", "));
    }
    out
}

fn json(map: &Map, found: &[Finding]) -> String {
    let lane_name = |id| map.lane(id).map_or("", |l| l.name.as_str());
    let items = found
        .iter()
        .map(|f| JsonFinding {
            kind: f.kind.name(),
            stage: map.stage(f.stage).map_or("", |s| s.name.as_str()),
            stage_id: f.stage.0,
            message: &f.message,
            lanes: f.cells.iter().map(|&(_, lane)| lane_name(lane)).collect(),
            cards: f.cards.iter().map(|c| c.0).collect(),
        })
        .collect();
    let report = JsonReport {
        title: &map.title,
        findings: items,
        summary: summary(map, found),
        switched_off: switched_off(map),
    };
    // Plain strings and numbers cannot fail to serialise; an empty object is the fallback all the same.
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}

/// Escapes what Markdown would take for formatting in a map's own text.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        // A line break in a stage name would end the list item.
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

fn markdown(map: &Map, found: &[Finding]) -> String {
    let title = if map.title.trim().is_empty() {
        crate::t!(k::STATUS_UNTITLED)
    } else {
        md_escape(&map.title)
    };
    let mut out = format!(
        "# {}: {title}\n\n{}\n",
        crate::t!(k::FINDINGS_TITLE),
        md_escape(&summary_line(map, found))
    );
    if found.is_empty() {
        out += &format!("\n{}\n", messages::no_findings());
    }
    // Findings come ordered by stage, so each stage's findings are together.
    let mut current = None;
    for finding in found {
        if current != Some(finding.stage) {
            current = Some(finding.stage);
            out += &format!("\n## {}\n\n", md_escape(&stage_name(map, finding)));
        }
        out += &format!(
            "- `{}`: {}\n",
            finding.kind.name(),
            md_escape(&finding.message)
        );
    }
    let off = switched_off(map);
    if !off.is_empty() {
        let names: Vec<String> = off.iter().map(|n| format!("`{n}`")).collect();
        out += &format!("\n*{}: {}*\n", messages::switched_off(), names.join(", "));
    }
    out
}
