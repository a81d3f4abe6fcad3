//! The placed parts of a map: what [`super::layout_map`] produces.

use std::ops::Range;
use std::sync::Arc;

use egui::{Color32, Pos2, Rect, Vec2};

use super::Face;
use crate::model::{CardColor, CardId, Channel, LaneId, LaneKind, MeasureId, PersonaId, StageId};

/// A block of text already broken into lines.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBlock {
    /// Top left of the first line.
    pub pos: Pos2,
    pub face: Face,
    pub size: f32,
    pub line_height: f32,
    pub color: Color32,
    pub lines: Arc<[String]>,
}

impl TextBlock {
    pub fn height(&self) -> f32 {
        self.lines.len() as f32 * self.line_height
    }

    /// The lines joined with line breaks, as a renderer that draws one galley per block wants them.
    pub fn joined(&self) -> String {
        self.lines.join("\n")
    }
}

#[derive(Clone, Debug)]
pub struct PersonaBox {
    pub rect: Rect,
    pub photo: Option<Rect>,
    pub texts: Vec<TextBlock>,
}

#[derive(Clone, Debug)]
pub struct StageBox {
    pub id: StageId,
    /// The header cell at the top of the column.
    pub header: Rect,
    pub texts: Vec<TextBlock>,
    /// The grid column below the header.
    pub column: Range<f32>,
}

#[derive(Clone, Debug)]
pub struct LaneBox {
    pub id: LaneId,
    pub kind: LaneKind,
    pub header: Rect,
    pub texts: Vec<TextBlock>,
    pub rows: Range<f32>,
    /// Coloured lines under the name: the personas of an Emotions lane, the measures of a Metrics lane.
    pub legend: Vec<LegendItem>,
}

/// One line of a lane's legend: a colour square and what it stands for.
#[derive(Clone, Debug)]
pub struct LegendItem {
    pub swatch: Rect,
    pub color: Color32,
    pub text: TextBlock,
}

/// A Metrics lane's chart: a row of bars per measure.
#[derive(Clone, Debug)]
pub struct MetricChart {
    pub lane: LaneId,
    pub rows: Vec<MetricRow>,
}

/// One measure's bars across the stages.
#[derive(Clone, Debug)]
pub struct MetricRow {
    pub measure: MeasureId,
    pub color: Color32,
    /// The row's band, across the stage columns.
    pub rect: Rect,
    /// Where the bars start: the value 0, or the range's end nearest to it.
    pub baseline_y: f32,
    pub bars: Vec<MetricBar>,
}

/// A value at one stage: its bar and its printed number.
#[derive(Clone, Debug)]
pub struct MetricBar {
    pub stage: StageId,
    pub rect: Rect,
    pub value: TextBlock,
}

#[derive(Clone, Debug)]
pub struct CardBox {
    pub id: CardId,
    pub rect: Rect,
    pub color: CardColor,
    pub text: TextBlock,
    /// The online/offline tag of a touchpoint.
    pub badge: Option<(Channel, TextBlock)>,
    /// Faded: the persona filter is on and the card is not tagged with that persona.
    pub dimmed: bool,
}

impl CardBox {
    /// The card's fill as drawn: its colour, faded when dimmed.
    pub fn fill(&self) -> Color32 {
        let fill = super::style::card_fill(self.color);
        if self.dimmed {
            super::style::dim(fill)
        } else {
            fill
        }
    }
}

#[derive(Clone, Debug)]
pub struct CellBox {
    pub stage: StageId,
    pub lane: LaneId,
    pub rect: Rect,
    /// Indices into [`MapLayout::cards`], in the cell's order.
    pub cards: Range<usize>,
    /// Where the "+" button goes (cells of card lanes only).
    pub add_button: Option<Rect>,
}

#[derive(Clone, Debug)]
pub struct EmotionPointBox {
    pub stage: StageId,
    pub score: i8,
    pub center: Pos2,
    pub note: Option<TextBlock>,
}

#[derive(Clone, Debug)]
pub struct EmotionCurve {
    pub lane: LaneId,
    /// Whose curve it is, and its colour.
    pub persona: PersonaId,
    pub color: Color32,
    /// Where score 0 runs, and the extremes, for guide lines.
    pub zero_y: f32,
    pub top_y: f32,
    pub bottom_y: f32,
    pub points: Vec<EmotionPointBox>,
    /// The smooth curve through the points, as a polyline.
    pub path: Vec<Pos2>,
}

/// The whole map, placed.
#[derive(Clone, Debug)]
pub struct MapLayout {
    pub size: Vec2,
    pub title: TextBlock,
    pub persona: PersonaBox,
    /// The top of the grid (the stage header row).
    pub grid_top: f32,
    pub grid_left: f32,
    pub grid_right: f32,
    pub grid_bottom: f32,
    pub stage_header_height: f32,
    pub stages: Vec<StageBox>,
    pub lanes: Vec<LaneBox>,
    /// Lane-major: the cell of lane `l` and stage `s` is at `l * stages.len() + s`.
    pub cells: Vec<CellBox>,
    pub cards: Vec<CardBox>,
    pub curves: Vec<EmotionCurve>,
    /// The journey paths, in the map's order of links (drawn over the cards).
    pub links: Vec<super::LinkBox>,
    /// What each kind of arrow means, under the grid; only when the map has links.
    pub legend: Option<super::LinkLegend>,
    pub charts: Vec<MetricChart>,
    /// The dots of the map's vote, one mark per card with dots (see [`super::VoteMark`]).
    pub votes: Vec<super::VoteMark>,
}

impl MapLayout {
    pub fn cell(&self, stage_index: usize, lane_index: usize) -> Option<&CellBox> {
        if stage_index >= self.stages.len() {
            return None;
        }
        self.cells.get(lane_index * self.stages.len() + stage_index)
    }

    /// The stage whose column (header included) spans `x`.
    pub fn stage_index_at(&self, x: f32) -> Option<usize> {
        self.stages.iter().position(|s| s.column.contains(&x))
    }

    /// The lane whose row spans `y`.
    pub fn lane_index_at(&self, y: f32) -> Option<usize> {
        self.lanes.iter().position(|l| l.rows.contains(&y))
    }

    /// The cell under a point of the grid.
    pub fn cell_at(&self, pos: Pos2) -> Option<&CellBox> {
        self.cell(self.stage_index_at(pos.x)?, self.lane_index_at(pos.y)?)
    }

    /// The card under a point (the topmost, should cards ever overlap).
    pub fn card_at(&self, pos: Pos2) -> Option<&CardBox> {
        let cell = self.cell_at(pos)?;
        self.cards[cell.cards.clone()]
            .iter()
            .rev()
            .find(|c| c.rect.contains(pos))
    }

    pub fn card(&self, id: CardId) -> Option<&CardBox> {
        self.cards.iter().find(|c| c.id == id)
    }

    pub fn link(&self, id: crate::model::LinkId) -> Option<&super::LinkBox> {
        self.links.iter().find(|l| l.id == id)
    }

    pub fn cell_of(&self, stage: StageId, lane: LaneId) -> Option<&CellBox> {
        self.cells
            .iter()
            .find(|c| c.stage == stage && c.lane == lane)
    }
}
