//! Pointer and keyboard gestures on the canvas.

use egui::{Key, Modifiers, PointerButton, Pos2, Response, Ui, pos2};

use super::paint::Projection;
use super::view::ZOOM_STEP;
use super::{Canvas, DropTarget, Gesture, Hit, TextTarget};
use crate::edit::{Document, Edit, MergeKey, build};
use crate::layout::style::{CARD_GAP, CELL_PADDING, FACE_RADIUS};
use crate::layout::{MapLayout, score_at_y};
use crate::model::{LaneKind, MAX_SCORE, MAX_STAGE_WIDTH, MIN_SCORE, MIN_STAGE_WIDTH};
use crate::ui::selection::{Direction, Selection, navigate};

/// How close to a stage header's right edge the pointer must be to resize the stage, in screen points.
const EDGE_GRAB: f32 = 5.0;

impl Canvas {
    /// Wheel scrolls, ctrl+wheel and pinch zoom around the pointer.
    pub(super) fn zoom_and_scroll(&mut self, ui: &Ui, response: &Response, rect: egui::Rect) {
        if !response.contains_pointer() {
            return;
        }
        let (zoom, scroll, pointer) = ui.input(|i| {
            (
                i.zoom_delta(),
                i.smooth_scroll_delta(),
                i.pointer.hover_pos(),
            )
        });
        let anchor = pointer.unwrap_or(rect.center());
        if zoom != 1.0 {
            self.view.zoom_around(rect, anchor, zoom);
        } else if scroll != egui::Vec2::ZERO {
            self.view.pan += scroll;
        }
    }

    /// What lies under a screen point: pinned headers first, as they are drawn on top.
    pub fn hit(&self, layout: &MapLayout, proj: &Projection, pos: Pos2) -> Hit {
        let corner = proj.pos(pos2(layout.grid_left, layout.grid_top)) + proj.header_shift;
        let in_header_row =
            pos.y >= corner.y && pos.y < corner.y + layout.stage_header_height * proj.zoom();
        let in_header_column = pos.x >= corner.x
            && pos.x < corner.x + crate::layout::style::LANE_HEADER_WIDTH * proj.zoom();
        if in_header_row && in_header_column {
            return Hit::Nothing;
        }
        if in_header_row {
            for stage in &layout.stages {
                let rect = proj.stage_header(stage.header);
                if (pos.x - rect.right()).abs() <= EDGE_GRAB
                    && pos.y >= rect.top()
                    && pos.y <= rect.bottom()
                {
                    return Hit::StageEdge(stage.id);
                }
                if rect.contains(pos) {
                    return Hit::StageHeader(stage.id);
                }
            }
        }
        if in_header_column {
            for lane in &layout.lanes {
                if proj.lane_header(lane.header).contains(pos) {
                    return Hit::LaneHeader(lane.id);
                }
            }
        }
        let map_pos = proj.view.to_map(proj.canvas, pos);
        let grab = FACE_RADIUS + 6.0 / proj.zoom();
        // Only the faces of the persona being edited can be taken; the others' curves are for reading.
        let active = self.active_persona();
        for curve in layout.curves.iter().filter(|c| c.persona == active) {
            for point in &curve.points {
                if point.center.distance(map_pos) <= grab {
                    return Hit::EmotionPoint(curve.lane, point.stage);
                }
            }
        }
        if proj.zoom() >= 0.3
            && let Some(card) = self.handle_at(layout, proj, map_pos)
        {
            return Hit::LinkHandle(card);
        }
        if let Some(card) = layout.card_at(map_pos) {
            return Hit::Card(card.id);
        }
        if let Some(link) = Canvas::link_at(layout, proj, map_pos) {
            return Hit::Link(link);
        }
        match layout.cell_at(map_pos) {
            Some(cell) if cell.add_button.is_some_and(|b| b.contains(map_pos)) => {
                Hit::AddButton(cell.stage, cell.lane)
            }
            Some(cell) => Hit::Cell(cell.stage, cell.lane),
            None => Hit::Nothing,
        }
    }

    /// Clicks, double-clicks and drags. Returns where a dragged card would land, for the drop indicator.
    pub(super) fn pointer(
        &mut self,
        ui: &Ui,
        response: &Response,
        layout: &MapLayout,
        proj: &Projection,
        doc: &mut Document,
    ) -> Option<DropTarget> {
        let space_held =
            ui.input(|i| i.key_down(Key::Space)) && !ui.ctx().egui_wants_keyboard_input();
        let band_modifier =
            ui.input(|i| i.modifiers.shift || i.modifiers.command || i.modifiers.ctrl);
        if response.drag_started() {
            let origin = ui.input(|i| i.pointer.press_origin()).unwrap_or_default();
            self.gesture = if response.dragged_by(PointerButton::Primary) && !space_held {
                match self.hit(layout, proj, origin) {
                    Hit::Card(card) => {
                        let rect = layout
                            .card(card)
                            .map(|c| c.rect)
                            .unwrap_or(egui::Rect::NOTHING);
                        let grab = proj.view.to_map(proj.canvas, origin) - rect.min;
                        // Taking a card of a multiple selection takes them all.
                        if !self.group_set().contains(&card) {
                            self.select_one(Selection::Card(card));
                        }
                        Gesture::Card { card, grab }
                    }
                    Hit::LinkHandle(from) => {
                        self.link_pick = None;
                        Gesture::Link { from }
                    }
                    Hit::StageHeader(stage) => Gesture::Stage(stage),
                    Hit::StageEdge(stage) => match doc.map().stage(stage) {
                        Some(s) => Gesture::Resize {
                            stage,
                            start_width: s.width,
                            start_x: origin.x,
                        },
                        None => Gesture::Idle,
                    },
                    Hit::LaneHeader(lane) => Gesture::Lane(lane),
                    Hit::EmotionPoint(lane, stage) => {
                        self.selection = Selection::Cell(stage, lane);
                        Gesture::Score { lane, stage }
                    }
                    Hit::Nothing | Hit::Cell(..) | Hit::AddButton(..) if band_modifier => {
                        Gesture::Band {
                            start: proj.view.to_map(proj.canvas, origin),
                        }
                    }
                    _ => Gesture::Pan,
                }
            } else {
                Gesture::Pan
            };
        }
        let pointer = response.interact_pointer_pos().or(response.hover_pos());
        if response.dragged() {
            match self.gesture {
                Gesture::Pan => self.view.pan += response.drag_delta(),
                Gesture::Band { start } => {
                    if let Some(p) = pointer {
                        let band =
                            egui::Rect::from_two_pos(start, proj.view.to_map(proj.canvas, p));
                        self.band_select(layout, band);
                    }
                }
                Gesture::Resize {
                    stage,
                    start_width,
                    start_x,
                } => {
                    if let (Some(p), Some(current)) = (pointer, doc.map().stage(stage).cloned()) {
                        let width = (start_width + (p.x - start_x) / proj.zoom())
                            .clamp(MIN_STAGE_WIDTH, MAX_STAGE_WIDTH)
                            .round();
                        if width != current.width {
                            let edit = Edit::SetStage(crate::model::Stage { width, ..current });
                            self.note(
                                doc.apply_merging(
                                    edit,
                                    Some(MergeKey::StageField(stage.0, "width")),
                                ),
                            );
                        }
                    }
                }
                Gesture::Score { lane, stage } => {
                    if let (Some(p), Some(lane_box)) =
                        (pointer, layout.lanes.iter().find(|l| l.id == lane))
                    {
                        let map_y = proj.view.to_map(proj.canvas, p).y;
                        let score = score_at_y(lane_box.rows.start, map_y);
                        let current = doc
                            .map()
                            .lane(lane)
                            .and_then(|l| l.emotion_of(self.active_persona(), stage))
                            .cloned();
                        if current.as_ref().map(|c| c.score) != Some(score) {
                            let note = current.map(|c| c.note).unwrap_or_default();
                            let edit = Edit::SetEmotion {
                                lane,
                                stage,
                                persona: self.active_persona(),
                                point: Some((score, note)),
                            };
                            self.note(
                                doc.apply_merging(edit, Some(MergeKey::Emotion(lane.0, stage.0))),
                            );
                        }
                    }
                }
                _ => {}
            }
        }
        let drop = match (self.gesture, pointer) {
            (Gesture::Card { card, .. }, Some(p)) => self.drop_target(layout, proj, card, p),
            _ => None,
        };
        if response.drag_stopped() {
            self.finish_drag(layout, proj, doc, drop, pointer);
        }
        if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            self.click(doc, self.hit(layout, proj, pos), band_modifier);
        }
        if response.double_clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            self.double_click(doc, layout, proj, self.hit(layout, proj, pos), pos);
        }
        if response.secondary_clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            self.context_target = self.hit(layout, proj, pos);
            // Right-clicking a card of a multiple selection keeps it: the menu acts on them all.
            let in_group =
                matches!(self.context_target, Hit::Card(id) if self.group_set().contains(&id));
            if !in_group {
                self.select_hit(self.context_target);
            }
        }
        drop
    }

    fn finish_drag(
        &mut self,
        layout: &MapLayout,
        proj: &Projection,
        doc: &mut Document,
        drop: Option<DropTarget>,
        pointer: Option<Pos2>,
    ) {
        match self.gesture {
            Gesture::Card { card, .. } => {
                let group = self.group_set();
                let cards = if group.contains(&card) {
                    self.selected_cards(doc.map())
                } else {
                    vec![card]
                };
                if let Some(target) = drop
                    && let Some(edit) = build::move_cards(
                        doc.map(),
                        &cards,
                        target.stage,
                        target.lane,
                        target.before,
                    )
                {
                    self.note(doc.apply(edit));
                }
            }
            Gesture::Stage(stage) => {
                if let Some(p) = pointer {
                    let x = proj.view.to_map(proj.canvas, p).x;
                    let others = layout.stages.iter().filter(|s| s.id != stage);
                    let index = others
                        .filter(|s| (s.column.start + s.column.end) / 2.0 < x)
                        .count();
                    if doc.map().stage_index(stage) != Some(index) {
                        self.note(doc.apply(Edit::MoveStage { stage, index }));
                    }
                }
            }
            Gesture::Lane(lane) => {
                if let Some(p) = pointer {
                    let y = proj.view.to_map(proj.canvas, p).y;
                    let others = layout.lanes.iter().filter(|l| l.id != lane);
                    let index = others
                        .filter(|l| (l.rows.start + l.rows.end) / 2.0 < y)
                        .count();
                    if doc.map().lane_index(lane) != Some(index) {
                        self.note(doc.apply(Edit::MoveLane { lane, index }));
                    }
                }
            }
            Gesture::Link { from } => {
                // Dropped on another card: a link to it; on empty space: the person leaves here; back on
                // its own card: nothing.
                let target = pointer.map(|p| self.hit(layout, proj, p));
                match target {
                    Some(Hit::Card(to) | Hit::LinkHandle(to)) if to == from => {}
                    Some(Hit::Card(to) | Hit::LinkHandle(to)) => {
                        self.make_link(doc, from, Some(to))
                    }
                    _ => self.make_link(doc, from, None),
                }
            }
            Gesture::Resize { .. } | Gesture::Score { .. } => doc.seal(),
            Gesture::Idle | Gesture::Pan | Gesture::Band { .. } => {}
        }
        self.gesture = Gesture::Idle;
    }

    /// Where a card dragged to `pointer` would land: the cell under the pointer, before the first card whose
    /// middle is below the pointer.
    fn drop_target(
        &self,
        layout: &MapLayout,
        proj: &Projection,
        dragged: crate::model::CardId,
        pointer: Pos2,
    ) -> Option<DropTarget> {
        let map_pos = proj.view.to_map(proj.canvas, pointer);
        let cell = layout.cell_at(map_pos)?;
        cell.add_button?;
        let group = self.group_set();
        let moving = |id| id == dragged || (group.contains(&dragged) && group.contains(&id));
        let cards: Vec<_> = layout.cards[cell.cards.clone()]
            .iter()
            .filter(|c| !moving(c.id))
            .collect();
        let before = cards.iter().find(|c| c.rect.center().y > map_pos.y);
        let y = match (before, cards.last()) {
            (Some(b), _) => b.rect.top() - CARD_GAP / 2.0,
            (None, Some(last)) => last.rect.bottom() + CARD_GAP / 2.0,
            (None, None) => cell.rect.top() + CELL_PADDING / 2.0,
        };
        let left = proj.pos(pos2(cell.rect.left() + CELL_PADDING / 2.0, y));
        let right = proj.pos(pos2(cell.rect.right() - CELL_PADDING / 2.0, y));
        Some(DropTarget {
            stage: cell.stage,
            lane: cell.lane,
            before: before.map(|c| c.id),
            line: [left, right],
        })
    }

    /// The indicator line while a stage or lane header is dragged to a new place.
    pub(super) fn reorder_line(
        &self,
        layout: &MapLayout,
        proj: &Projection,
        pointer: Option<Pos2>,
    ) -> Option<[Pos2; 2]> {
        let map_pos = proj.view.to_map(proj.canvas, pointer?);
        match self.gesture {
            Gesture::Stage(stage) => {
                let others: Vec<_> = layout.stages.iter().filter(|s| s.id != stage).collect();
                let index = others
                    .iter()
                    .filter(|s| (s.column.start + s.column.end) / 2.0 < map_pos.x)
                    .count();
                let x = match others.get(index) {
                    Some(s) => s.column.start,
                    None => others.last().map_or(layout.grid_right, |s| s.column.end),
                };
                Some([
                    proj.pos(pos2(x, layout.grid_top)),
                    proj.pos(pos2(x, layout.grid_bottom)),
                ])
            }
            Gesture::Lane(lane) => {
                let others: Vec<_> = layout.lanes.iter().filter(|l| l.id != lane).collect();
                let index = others
                    .iter()
                    .filter(|l| (l.rows.start + l.rows.end) / 2.0 < map_pos.y)
                    .count();
                let y = match others.get(index) {
                    Some(l) => l.rows.start,
                    None => others.last().map_or(layout.grid_bottom, |l| l.rows.end),
                };
                Some([
                    proj.pos(pos2(layout.grid_left, y)),
                    proj.pos(pos2(layout.grid_right, y)),
                ])
            }
            _ => None,
        }
    }

    pub(super) fn select_hit(&mut self, hit: Hit) {
        self.select_one(match hit {
            Hit::Nothing => Selection::None,
            Hit::Card(id) | Hit::LinkHandle(id) => Selection::Card(id),
            Hit::Link(id) => Selection::Link(id),
            Hit::AddButton(s, l) | Hit::Cell(s, l) => Selection::Cell(s, l),
            Hit::EmotionPoint(l, s) => Selection::Cell(s, l),
            Hit::StageHeader(s) | Hit::StageEdge(s) => Selection::Stage(s),
            Hit::LaneHeader(l) => Selection::Lane(l),
        });
    }

    fn click(&mut self, doc: &mut Document, hit: Hit, toggle: bool) {
        // While a link's target is being chosen, a click on a card chooses it; anywhere else gives up.
        if let Some(pick) = self.link_pick.take() {
            match hit {
                Hit::Card(to) | Hit::LinkHandle(to) if to != pick.from => {
                    self.make_link(doc, pick.from, Some(to));
                    return;
                }
                _ => {}
            }
        }
        if toggle && let Hit::Card(card) = hit {
            self.toggle_card(doc.map(), card);
            return;
        }
        if let Hit::AddButton(stage, lane) = hit {
            let result = self.add_card(doc, stage, lane, None);
            self.note(result);
            return;
        }
        self.select_hit(hit);
    }

    fn double_click(
        &mut self,
        doc: &mut Document,
        layout: &MapLayout,
        proj: &Projection,
        hit: Hit,
        pos: Pos2,
    ) {
        match hit {
            Hit::Card(id) => self.start_editing(TextTarget::Card(id)),
            Hit::StageHeader(id) => self.start_editing(TextTarget::StageName(id)),
            Hit::LaneHeader(id) => self.start_editing(TextTarget::LaneName(id)),
            Hit::Cell(stage, lane) => {
                let kind = doc.map().lane(lane).map(|l| l.kind);
                let map_pos = proj.view.to_map(proj.canvas, pos);
                let chart_row = layout
                    .charts
                    .iter()
                    .filter(|c| c.lane == lane)
                    .flat_map(|c| &c.rows)
                    .find(|r| r.rect.contains(map_pos));
                if let Some(row) = chart_row {
                    // A chart row's value is typed in the side panel's field for it, which takes the keyboard.
                    self.select_one(Selection::Cell(stage, lane));
                    self.focus_measure = Some(row.measure);
                } else if kind == Some(LaneKind::Emotions) {
                    if let Some(lane_box) = layout.lanes.iter().find(|l| l.id == lane) {
                        let score =
                            score_at_y(lane_box.rows.start, proj.view.to_map(proj.canvas, pos).y);
                        let note = doc
                            .map()
                            .lane(lane)
                            .and_then(|l| l.emotion_of(self.active_persona(), stage))
                            .map(|p| p.note.clone())
                            .unwrap_or_default();
                        self.note(doc.apply(Edit::SetEmotion {
                            lane,
                            stage,
                            persona: self.active_persona(),
                            point: Some((score, note)),
                        }));
                    }
                } else {
                    let result = self.add_card(doc, stage, lane, None);
                    self.note(result);
                }
            }
            Hit::AddButton(..)
            | Hit::EmotionPoint(..)
            | Hit::StageEdge(_)
            | Hit::Nothing
            | Hit::LinkHandle(_)
            | Hit::Link(_) => {}
        }
    }

    /// Arrow keys move the selection; Enter and F2 edit it; shift+up/down change an emotion score.
    pub(super) fn keys(
        &mut self,
        ui: &Ui,
        doc: &mut Document,
        layout: &MapLayout,
        proj: &Projection,
    ) {
        let pressed =
            |key: Key, modifiers: Modifiers| ui.input_mut(|i| i.consume_key(modifiers, key));
        if let Some((stage, lane)) = self.selection.cell(doc.map())
            && doc
                .map()
                .lane(lane)
                .is_some_and(|l| l.kind == LaneKind::Emotions)
        {
            let point = doc
                .map()
                .lane(lane)
                .and_then(|l| l.emotion_of(self.active_persona(), stage))
                .cloned();
            let score = point.as_ref().map_or(0, |p| p.score);
            let note = point.map(|p| p.note).unwrap_or_default();
            for (key, delta) in [(Key::ArrowUp, 1), (Key::ArrowDown, -1)] {
                if pressed(key, Modifiers::SHIFT) {
                    let score = (score + delta).clamp(MIN_SCORE, MAX_SCORE);
                    self.note(doc.apply(Edit::SetEmotion {
                        lane,
                        stage,
                        persona: self.active_persona(),
                        point: Some((score, note.clone())),
                    }));
                }
            }
        }
        let moves = [
            (Key::ArrowLeft, Direction::Left),
            (Key::ArrowRight, Direction::Right),
            (Key::ArrowUp, Direction::Up),
            (Key::ArrowDown, Direction::Down),
        ];
        // Alt+arrows move the selected cards (a command); plain arrows move the selection. The key event's own
        // modifiers count: Alt may be down and up again within one frame.
        let with_alt = |key: Key| {
            ui.input(|i| {
                i.modifiers.alt
                    || i.events.iter().any(|e| {
                        matches!(e, egui::Event::Key { key: k, pressed: true, modifiers, .. }
                            if *k == key && modifiers.alt)
                    })
            })
        };
        for (key, direction) in moves {
            if !with_alt(key) && pressed(key, Modifiers::NONE) {
                self.select_one(navigate(doc.map(), self.selection, direction));
                self.reveal_selection(layout, proj);
            }
        }
        if pressed(Key::Enter, Modifiers::NONE) || pressed(Key::F2, Modifiers::NONE) {
            match self.selection {
                Selection::Card(id) => self.start_editing(TextTarget::Card(id)),
                Selection::Stage(id) => self.start_editing(TextTarget::StageName(id)),
                Selection::Lane(id) => self.start_editing(TextTarget::LaneName(id)),
                Selection::Cell(stage, lane) => {
                    if doc.map().lane(lane).is_some_and(|l| l.kind.holds_cards()) {
                        let result = self.add_card(doc, stage, lane, None);
                        self.note(result);
                    }
                }
                Selection::None | Selection::Link(_) => {}
            }
        }
    }

    fn reveal_selection(&mut self, layout: &MapLayout, proj: &Projection) {
        let rect = match self.selection {
            Selection::Card(id) => layout.card(id).map(|c| c.rect),
            Selection::Cell(s, l) => layout.cell_of(s, l).map(|c| c.rect),
            _ => None,
        };
        if let Some(rect) = rect {
            let reserved = egui::vec2(
                crate::layout::style::LANE_HEADER_WIDTH,
                layout.stage_header_height,
            ) * proj.zoom();
            self.view.reveal(proj.canvas, rect, reserved);
        }
    }

    /// Zoom keys: + and - zoom around the centre of the canvas.
    pub fn zoom_step(&mut self, zoom_in: bool) {
        self.zoom_by(if zoom_in { ZOOM_STEP } else { 1.0 / ZOOM_STEP });
    }
}
