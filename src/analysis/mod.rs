//! Gap analysis: what the map itself says is missing (a stage nobody meets the company at, a barrier with no
//! solution, a dip in emotion that no barrier explains, an empty stage, a card no journey path touches). Plain
//! data in, plain data out, no egui: the findings panel, `waymark report` and tests all use [`findings`]. Linear in the size of the map,
//! so the panel can run it after every change.

pub mod report;

use std::collections::HashMap;

use crate::model::{CardId, FindingKind, LaneId, LaneKind, Map, StageId};

/// One thing the map says is wrong, at one stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    pub stage: StageId,
    /// The cells to look at (stage × lane), most telling first; may be empty (an empty stage).
    pub cells: Vec<(StageId, LaneId)>,
    /// The cards involved, in map order (the barriers of a barrier without a solution).
    pub cards: Vec<CardId>,
    /// A sentence for people, in English (see [`messages`]).
    pub message: String,
}

/// What each stage holds, counted in one pass over the cards.
#[derive(Clone, Default)]
struct StageTally {
    cards: usize,
    touchpoints: usize,
    solutions: usize,
    barriers: Vec<CardId>,
}

/// Every finding of the kinds the map has switched on, ordered by stage, then by kind.
pub fn findings(map: &Map) -> Vec<Finding> {
    let mut all = all_findings(map);
    all.retain(|f| map.finding_on(f.kind));
    all
}

/// Every finding of every kind, switched off or not (the panel counts the hidden ones).
pub fn all_findings(map: &Map) -> Vec<Finding> {
    let stage_at: HashMap<StageId, usize> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let lane_kind: HashMap<LaneId, LaneKind> = map.lanes.iter().map(|l| (l.id, l.kind)).collect();
    let lanes_of = |kind: LaneKind| -> Vec<LaneId> {
        map.lanes
            .iter()
            .filter(|l| l.kind == kind)
            .map(|l| l.id)
            .collect()
    };
    let touchpoint_lanes = lanes_of(LaneKind::Touchpoints);
    let solution_lanes = lanes_of(LaneKind::Solutions);
    let barrier_lanes = lanes_of(LaneKind::Barriers);

    let mut tally = vec![StageTally::default(); map.stages.len()];
    for card in &map.cards {
        let Some(t) = stage_at.get(&card.stage).map(|&i| &mut tally[i]) else {
            continue;
        };
        t.cards += 1;
        match lane_kind.get(&card.lane) {
            Some(LaneKind::Touchpoints) => t.touchpoints += 1,
            Some(LaneKind::Solutions) => t.solutions += 1,
            Some(LaneKind::Barriers) => t.barriers.push(card.id),
            _ => {}
        }
    }
    // Dips per stage, from every Emotions lane (a map may score more than one curve).
    let mut dips: Vec<Vec<(LaneId, i8)>> = vec![Vec::new(); map.stages.len()];
    for lane in map.lanes.iter().filter(|l| l.kind == LaneKind::Emotions) {
        for point in lane.emotions.iter().filter(|p| p.score <= -1) {
            if let Some(&i) = stage_at.get(&point.stage) {
                dips[i].push((lane.id, point.score));
            }
        }
    }

    // Cards no link reaches or leaves, per stage in map order; only in a map that uses links.
    let mut orphans: Vec<Vec<&crate::model::Card>> = vec![Vec::new(); map.stages.len()];
    if !map.links.is_empty() {
        let mut linked = std::collections::HashSet::with_capacity(map.links.len() * 2);
        for link in &map.links {
            linked.insert(link.from);
            linked.extend(link.to);
        }
        for card in map.cards.iter().filter(|c| !linked.contains(&c.id)) {
            if let Some(&i) = stage_at.get(&card.stage) {
                orphans[i].push(card);
            }
        }
    }

    let mut found = Vec::new();
    for (((stage, t), dips), orphans) in map.stages.iter().zip(&tally).zip(&dips).zip(&orphans) {
        let cells = |lanes: &[LaneId]| -> Vec<(StageId, LaneId)> {
            lanes.iter().map(|&l| (stage.id, l)).collect()
        };
        let mut add = |kind: FindingKind, cells: Vec<(StageId, LaneId)>, cards: Vec<CardId>| {
            found.push(Finding {
                kind,
                stage: stage.id,
                cells,
                cards,
                message: messages::message(kind, &stage.name, t, dips),
            });
        };
        if !touchpoint_lanes.is_empty() && t.touchpoints == 0 {
            add(
                FindingKind::StageWithoutTouchpoint,
                cells(&touchpoint_lanes),
                Vec::new(),
            );
        }
        if !solution_lanes.is_empty() && !t.barriers.is_empty() && t.solutions == 0 {
            let mut involved = cells(&solution_lanes);
            involved.extend(cells(&barrier_lanes));
            add(
                FindingKind::BarrierWithoutSolution,
                involved,
                t.barriers.clone(),
            );
        }
        if !dips.is_empty() && t.barriers.is_empty() {
            let mut involved: Vec<_> = dips.iter().map(|&(lane, _)| (stage.id, lane)).collect();
            involved.extend(cells(&barrier_lanes));
            add(FindingKind::DipWithoutBarrier, involved, Vec::new());
        }
        if t.cards == 0 {
            add(FindingKind::EmptyStage, Vec::new(), Vec::new());
        }
        for card in orphans {
            found.push(Finding {
                kind: FindingKind::OrphanCard,
                stage: stage.id,
                cells: vec![(stage.id, card.lane)],
                cards: vec![card.id],
                message: messages::orphan(&stage.name, &card.text),
            });
        }
    }
    found
}

/// The sentences of the findings, kept together so that they can be translated in one place. The machine
/// names ([`FindingKind::name`]) never change with the language.
pub mod messages {
    use super::StageTally;
    use crate::i18n::k;
    use crate::model::{FindingKind, LaneId};
    use crate::t;

    pub(super) fn message(
        kind: FindingKind,
        stage: &str,
        tally: &StageTally,
        dips: &[(LaneId, i8)],
    ) -> String {
        match kind {
            FindingKind::StageWithoutTouchpoint => t!(k::FINDING_NO_TOUCHPOINT, stage = stage),
            FindingKind::BarrierWithoutSolution => t!(
                k::FINDING_BARRIER_WITHOUT_SOLUTION,
                stage = stage,
                count = tally.barriers.len()
            ),
            FindingKind::DipWithoutBarrier => {
                let lowest = dips.iter().map(|&(_, s)| s).min().unwrap_or(-1);
                t!(
                    k::FINDING_DIP_WITHOUT_BARRIER,
                    stage = stage,
                    score = lowest
                )
            }
            FindingKind::EmptyStage => t!(k::FINDING_EMPTY_STAGE, stage = stage),
            FindingKind::OrphanCard => t!(k::FINDING_ORPHAN_CARD, stage = stage, card = ""),
        }
    }

    /// The sentence for a card without links, naming it by its first line (shortened).
    pub(super) fn orphan(stage: &str, card: &str) -> String {
        let first = card
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
        let mut name: String = first.chars().take(60).collect();
        if first.chars().count() > 60 {
            name.push('…');
        }
        if name.is_empty() {
            name = t!(k::A11Y_UNNAMED);
        }
        t!(k::FINDING_ORPHAN_CARD, stage = stage, card = name)
    }

    /// What the panel and reports call each kind, for people (in the interface language).
    pub fn title(kind: FindingKind) -> String {
        t!(match kind {
            FindingKind::StageWithoutTouchpoint => k::FINDINGS_NO_TOUCHPOINT,
            FindingKind::BarrierWithoutSolution => k::FINDINGS_BARRIER_WITHOUT_SOLUTION,
            FindingKind::DipWithoutBarrier => k::FINDINGS_DIP_WITHOUT_BARRIER,
            FindingKind::EmptyStage => k::FINDINGS_EMPTY_STAGE,
            FindingKind::OrphanCard => k::FINDINGS_ORPHAN_CARD,
        })
    }

    pub fn no_findings() -> String {
        t!(k::FINDINGS_NONE)
    }
    pub fn panel_title() -> String {
        t!(k::FINDINGS_TITLE)
    }
    pub fn switched_off() -> String {
        t!(k::FINDINGS_SWITCHED_OFF)
    }
    pub fn close_panel() -> String {
        t!(k::FINDINGS_CLOSE)
    }
    pub fn reveal() -> String {
        t!(k::FINDINGS_REVEAL)
    }
}
