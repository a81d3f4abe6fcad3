//! `waymark diff`: what changed between two versions of a map, as lines a person reads in the interface
//! language. Changes to fields this module does not know (added to the file later) are named by their field
//! names, so nothing a newer Waymark changes goes unmentioned.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::Value;

use crate::i18n::k;
use crate::model::{Card, CardId, Lane, LaneId, Map, StageId};
use crate::t;

use super::short;

/// The summary, one change a line, ending in a newline.
pub fn diff(old: &Map, new: &Map) -> String {
    let mut lines = Vec::new();
    if old.title != new.title {
        lines.push(t!(k::DIFF_TITLE, old = &old.title, new = &new.title));
    }
    if old.persona.name != new.persona.name {
        lines.push(t!(
            k::DIFF_PERSONA_NAME,
            old = &old.persona.name,
            new = &new.persona.name
        ));
    }
    let persona = changed_fields(&old.persona, &new.persona, &["name"]);
    if !persona.is_empty() {
        lines.push(t!(k::DIFF_PERSONA_CHANGED, fields = persona));
    }
    columns(old, new, &mut lines);
    rows(old, new, &mut lines);
    emotions(old, new, &mut lines);
    let counts = cards(old, new, &mut lines);
    let known = [
        "version", "title", "persona", "stages", "lanes", "cards", "next_id",
    ];
    let others = changed_fields(old, new, &known);
    if !others.is_empty() {
        lines.push(t!(k::DIFF_OTHER, fields = others));
    }
    if lines.is_empty() {
        lines.push(t!(k::DIFF_NONE));
    } else if counts != [0; 4] {
        lines.push(t!(
            k::DIFF_CARDS_SUMMARY,
            added = counts[0],
            removed = counts[1],
            moved = counts[2],
            edited = counts[3]
        ));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn columns(old: &Map, new: &Map, lines: &mut Vec<String>) {
    let cards_in = |stage: StageId| old.cards.iter().filter(|c| c.stage == stage).count();
    for stage in &new.stages {
        match old.stage(stage.id) {
            None => lines.push(t!(k::DIFF_STAGE_ADDED, name = &stage.name)),
            Some(was) => {
                if was.name != stage.name {
                    lines.push(t!(
                        k::DIFF_STAGE_RENAMED,
                        old = &was.name,
                        new = &stage.name
                    ));
                }
                let fields = changed_fields(was, stage, &["name"]);
                if !fields.is_empty() {
                    lines.push(t!(
                        k::DIFF_STAGE_CHANGED,
                        name = &stage.name,
                        fields = fields
                    ));
                }
            }
        }
    }
    for stage in old.stages.iter().filter(|s| new.stage(s.id).is_none()) {
        let cards = cards_in(stage.id);
        lines.push(t!(k::DIFF_STAGE_REMOVED, name = &stage.name, cards = cards));
    }
    let old_ids: Vec<StageId> = old.stages.iter().map(|s| s.id).collect();
    let new_ids: Vec<StageId> = new.stages.iter().map(|s| s.id).collect();
    if reordered(&old_ids, &new_ids) {
        let names: Vec<&str> = new.stages.iter().map(|s| s.name.as_str()).collect();
        lines.push(t!(k::DIFF_STAGES_REORDERED, order = names.join(", ")));
    }
}

fn rows(old: &Map, new: &Map, lines: &mut Vec<String>) {
    let cards_in = |lane: LaneId| old.cards.iter().filter(|c| c.lane == lane).count();
    for lane in &new.lanes {
        match old.lane(lane.id) {
            None => lines.push(t!(k::DIFF_LANE_ADDED, name = &lane.name)),
            Some(was) => {
                if was.name != lane.name {
                    lines.push(t!(k::DIFF_LANE_RENAMED, old = &was.name, new = &lane.name));
                }
                let fields = changed_fields(was, lane, &["name", "emotions"]);
                if !fields.is_empty() {
                    lines.push(t!(k::DIFF_LANE_CHANGED, name = &lane.name, fields = fields));
                }
            }
        }
    }
    for lane in old.lanes.iter().filter(|l| new.lane(l.id).is_none()) {
        let cards = cards_in(lane.id);
        lines.push(t!(k::DIFF_LANE_REMOVED, name = &lane.name, cards = cards));
    }
    let old_ids: Vec<LaneId> = old.lanes.iter().map(|l| l.id).collect();
    let new_ids: Vec<LaneId> = new.lanes.iter().map(|l| l.id).collect();
    if reordered(&old_ids, &new_ids) {
        let names: Vec<&str> = new.lanes.iter().map(|l| l.name.as_str()).collect();
        lines.push(t!(k::DIFF_LANES_REORDERED, order = names.join(", ")));
    }
}

fn emotions(old: &Map, new: &Map, lines: &mut Vec<String>) {
    let stage_name = |stage: StageId| {
        new.stage(stage)
            .or_else(|| old.stage(stage))
            .map_or_else(|| stage.to_string(), |s| s.name.clone())
    };
    let no_lane = |lane: &Lane| Lane::new(lane.id, &lane.name, lane.kind);
    for lane in &new.lanes {
        let was = old.lane(lane.id).cloned().unwrap_or_else(|| no_lane(lane));
        for point in &lane.emotions {
            let stage = stage_name(point.stage);
            match was.emotion_at(point.stage) {
                None => lines.push(t!(
                    k::DIFF_EMOTION_ADDED,
                    lane = &lane.name,
                    stage = stage,
                    score = score(point.score)
                )),
                Some(before) => {
                    if before.score != point.score {
                        lines.push(t!(
                            k::DIFF_EMOTION_CHANGED,
                            lane = &lane.name,
                            stage = &stage,
                            old = score(before.score),
                            new = score(point.score)
                        ));
                    }
                    if before.note != point.note {
                        lines.push(t!(k::DIFF_EMOTION_NOTE, lane = &lane.name, stage = stage));
                    }
                }
            }
        }
        // Scores at removed stages went with their stage; the stage's line says so.
        for point in was
            .emotions
            .iter()
            .filter(|p| lane.emotion_at(p.stage).is_none())
        {
            if new.stage(point.stage).is_some() {
                let stage = stage_name(point.stage);
                lines.push(t!(
                    k::DIFF_EMOTION_REMOVED,
                    lane = &lane.name,
                    stage = stage
                ));
            }
        }
    }
}

/// "+2", "0", "−1".
fn score(score: i8) -> String {
    match score {
        s if s > 0 => format!("+{s}"),
        s if s < 0 => format!("−{}", s.unsigned_abs()),
        _ => "0".to_owned(),
    }
}

/// Card changes grouped by cell, cells in the new map's order (cells of removed stages or lanes last).
/// Returns how many cards were added, removed, moved and edited.
fn cards(old: &Map, new: &Map, lines: &mut Vec<String>) -> [usize; 4] {
    let rank = |stage: StageId, lane: LaneId| {
        let s = new
            .stage_index(stage)
            .unwrap_or_else(|| new.stages.len() + old.stage_index(stage).unwrap_or_default());
        let l = new
            .lane_index(lane)
            .unwrap_or_else(|| new.lanes.len() + old.lane_index(lane).unwrap_or_default());
        (s, l)
    };
    let cell_name = |stage: StageId, lane: LaneId| {
        let stage = new
            .stage(stage)
            .or(old.stage(stage))
            .map_or("", |s| &s.name);
        let lane = new.lane(lane).or(old.lane(lane)).map_or("", |l| &l.name);
        t!(k::DIFF_CELL, stage = stage, lane = lane)
    };
    let mut cells: BTreeMap<(usize, usize), (String, Vec<String>)> = BTreeMap::new();
    let mut add = |stage: StageId, lane: LaneId, line: String| {
        cells
            .entry(rank(stage, lane))
            .or_insert_with(|| (cell_name(stage, lane), Vec::new()))
            .1
            .push(line);
    };
    let mut counts = [0; 4];
    let old_cards: HashMap<CardId, &Card> = old.cards.iter().map(|c| (c.id, c)).collect();
    for card in &new.cards {
        let text = short(&card.text);
        let Some(was) = old_cards.get(&card.id) else {
            counts[0] += 1;
            add(card.stage, card.lane, t!(k::DIFF_CARD_ADDED, text = text));
            continue;
        };
        if (was.stage, was.lane) != (card.stage, card.lane) {
            counts[2] += 1;
            let from = cell_name(was.stage, was.lane);
            add(
                card.stage,
                card.lane,
                t!(k::DIFF_CARD_MOVED, text = &text, from = from),
            );
        }
        if was.text != card.text {
            counts[3] += 1;
            let line = t!(k::DIFF_CARD_EDITED, old = short(&was.text), new = &text);
            add(card.stage, card.lane, line);
        }
        let fields = changed_fields(*was, card, &["stage", "lane", "text"]);
        if !fields.is_empty() {
            if was.text == card.text {
                counts[3] += 1;
            }
            add(
                card.stage,
                card.lane,
                t!(k::DIFF_CARD_CHANGED, text = text, fields = fields),
            );
        }
    }
    let new_cards: std::collections::HashSet<CardId> = new.cards.iter().map(|c| c.id).collect();
    for card in old.cards.iter().filter(|c| !new_cards.contains(&c.id)) {
        counts[1] += 1;
        add(
            card.stage,
            card.lane,
            t!(k::DIFF_CARD_REMOVED, text = short(&card.text)),
        );
    }
    for stage in &new.stages {
        for lane in &new.lanes {
            let in_cell = |map: &Map| -> Vec<CardId> {
                map.cards_in(stage.id, lane.id).map(|c| c.id).collect()
            };
            if reordered(&in_cell(old), &in_cell(new)) {
                add(stage.id, lane.id, t!(k::DIFF_CARDS_REORDERED));
            }
        }
    }
    for (name, changes) in cells.into_values() {
        lines.push(format!("{name}:"));
        lines.extend(changes.into_iter().map(|line| format!("  {line}")));
    }
    counts
}

/// Whether the items both lists have are in a different order.
fn reordered<T: PartialEq>(old: &[T], new: &[T]) -> bool {
    let common_old: Vec<&T> = old.iter().filter(|x| new.contains(x)).collect();
    let common_new: Vec<&T> = new.iter().filter(|x| old.contains(x)).collect();
    common_old != common_new
}

/// The fields (in the interface language where Waymark knows them) whose values differ, as one list.
fn changed_fields<T: Serialize>(old: &T, new: &T, skip: &[&str]) -> String {
    let (Ok(Value::Object(old)), Ok(Value::Object(new))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return String::new();
    };
    let mut names: Vec<&String> = new
        .keys()
        .chain(old.keys().filter(|k| !new.contains_key(*k)))
        .collect();
    names.retain(|name| !skip.contains(&name.as_str()) && old.get(*name) != new.get(*name));
    names
        .into_iter()
        .map(|name| field_label(name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn field_label(name: &str) -> String {
    let key = match name {
        "color" => k::DIFF_FIELD_COLOR,
        "channel" => k::DIFF_FIELD_CHANNEL,
        "time_frame" => k::DIFF_FIELD_TIME_FRAME,
        "width" => k::DIFF_FIELD_WIDTH,
        "kind" => k::DIFF_FIELD_KIND,
        "description" => k::DIFF_FIELD_DESCRIPTION,
        "goals" => k::DIFF_FIELD_GOALS,
        "quote" => k::DIFF_FIELD_QUOTE,
        "photo" => k::DIFF_FIELD_PHOTO,
        "findings_off" => k::DIFF_FIELD_FINDINGS_OFF,
        other => return other.to_owned(),
    };
    crate::i18n::tr(key, &[])
}
