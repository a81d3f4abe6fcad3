//! The emotion curve: where scores sit, the smooth line through them, and the faces drawn on it.

use egui::{Pos2, pos2, vec2};

use crate::model::{Map, PersonaId};

use super::style::*;
use super::{EmotionCurve, EmotionPointBox, Face, StageBox, TextEngine, block, truncate_lines};

/// The score's height on the curve: +2 at the top, -2 at the bottom.
pub fn score_y(lane_top: f32, score: f32) -> f32 {
    let top = lane_top + EMOTION_CURVE_TOP;
    top + (2.0 - score) / 4.0 * EMOTION_CURVE_HEIGHT
}

/// The score a height on the curve stands for, rounded and clamped.
pub fn score_at_y(lane_top: f32, y: f32) -> i8 {
    let score = 2.0 - (y - lane_top - EMOTION_CURVE_TOP) / EMOTION_CURVE_HEIGHT * 4.0;
    score.round().clamp(-2.0, 2.0) as i8
}

/// The curves of an Emotions lane: every persona's (the first one's first, its notes shown), or only the
/// filter's. Several curves are set a little apart sideways, so that equal scores stay visible.
pub(super) fn layout_emotions(
    map: &Map,
    lane: &crate::model::Lane,
    stages: &[StageBox],
    top: f32,
    engine: &mut TextEngine,
    filter: Option<PersonaId>,
) -> Vec<EmotionCurve> {
    let shown: Vec<(usize, PersonaId)> = map
        .personas()
        .enumerate()
        .map(|(at, p)| (at, p.id))
        .filter(|(_, id)| filter.is_none_or(|f| f == *id))
        .collect();
    let count = shown.len();
    shown
        .into_iter()
        .enumerate()
        .map(|(place, (index, persona))| {
            let shift = (place as f32 - (count as f32 - 1.0) / 2.0) * 8.0;
            let mut curve =
                layout_curve(map, lane, stages, top, engine, persona, shift, place == 0);
            curve.color = persona_color(index);
            curve
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn layout_curve(
    map: &Map,
    lane: &crate::model::Lane,
    stages: &[StageBox],
    top: f32,
    engine: &mut TextEngine,
    persona: PersonaId,
    shift: f32,
    with_notes: bool,
) -> EmotionCurve {
    let mut points = Vec::new();
    for (stage, stage_box) in map.stages.iter().zip(stages) {
        let Some(point) = lane.emotion_of(persona, stage.id) else {
            continue;
        };
        let center = pos2(
            (stage_box.column.start + stage_box.column.end) / 2.0 + shift,
            score_y(top, point.score as f32),
        );
        let note = (with_notes && !point.note.trim().is_empty()).then(|| {
            let pos = pos2(
                stage_box.column.start + CELL_PADDING,
                score_y(top, -2.0) + FACE_RADIUS + 10.0,
            );
            let width = stage.width - 2.0 * CELL_PADDING - WRAP_SLACK;
            truncate_lines(
                block(
                    engine,
                    &point.note,
                    Face::Regular,
                    SMALL_SIZE,
                    width,
                    pos,
                    SUBTLE_TEXT,
                ),
                NOTE_MAX_LINES,
            )
        });
        points.push(EmotionPointBox {
            stage: stage.id,
            score: point.score,
            center,
            note,
        });
    }
    let mut path = Vec::new();
    for pair in points.windows(2) {
        let (a, b) = (pair[0].center, pair[1].center);
        let dx = (b.x - a.x) / 2.0;
        let (c1, c2) = (pos2(a.x + dx, a.y), pos2(b.x - dx, b.y));
        const STEPS: usize = 16;
        for i in 0..=STEPS {
            if i == 0 && !path.is_empty() {
                continue;
            }
            let t = i as f32 / STEPS as f32;
            let u = 1.0 - t;
            let p = a.to_vec2() * (u * u * u)
                + c1.to_vec2() * (3.0 * u * u * t)
                + c2.to_vec2() * (3.0 * u * t * t)
                + b.to_vec2() * (t * t * t);
            path.push(p.to_pos2());
        }
    }
    EmotionCurve {
        lane: lane.id,
        persona,
        color: CURVE,
        zero_y: score_y(top, 0.0),
        top_y: score_y(top, 2.0),
        bottom_y: score_y(top, -2.0),
        points,
        path,
    }
}

/// The drawing of an emotion face: eyes and a mouth that smiles for positive scores, frowns for negative ones
/// and is flat for neutral. Shared by the canvas and the exports.
pub struct FaceShape {
    pub eyes: [Pos2; 2],
    pub eye_radius: f32,
    /// The mouth as a polyline.
    pub mouth: Vec<Pos2>,
    pub line_width: f32,
}

impl FaceShape {
    pub fn new(center: Pos2, radius: f32, score: i8) -> FaceShape {
        let curve = score as f32 * 0.12 * radius;
        let y = center.y + radius * 0.35 - curve * 0.5;
        let mouth = (0..=8)
            .map(|i| {
                let t = i as f32 / 8.0 * 2.0 - 1.0;
                pos2(center.x + t * radius * 0.45, y + curve * (1.0 - t * t))
            })
            .collect();
        FaceShape {
            eyes: [
                center + vec2(-radius * 0.35, -radius * 0.25),
                center + vec2(radius * 0.35, -radius * 0.25),
            ],
            eye_radius: radius * 0.12,
            mouth,
            line_width: radius * 0.12,
        }
    }
}
