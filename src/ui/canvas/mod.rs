//! The map canvas: draws the layout, and turns pointer and keyboard gestures into edit commands.
//! Pan, zoom, selection and the gesture under way are view state, kept here; the map is changed only through
//! [`Document::apply`].

mod access;
mod editor;
mod input;
mod links;
pub use links::LinkPick;
mod many;
pub use many::cards_selected;
mod menu;
mod others;
pub use others::PeerMark;
mod paint;
mod palette;
pub mod view;
mod votes;
pub use votes::VoteClick;

use std::sync::Arc;

use egui::{CursorIcon, Id, Pos2, Rect, Sense, Ui, Vec2, vec2};

use crate::edit::{Document, Edit, EditError, build};
use crate::layout::{MapLayout, TextEngine, layout_map, layout_map_for};
use crate::model::{CardId, LaneId, PersonaId, StageId};
use crate::ui::commands::Command;
use crate::ui::selection::Selection;
use crate::workshop::find::{Found, Highlight};
pub use paint::CLEAR_COLOR;
pub use paint::Palette;
use paint::{Overlay, Projection, paint_card_at, paint_map};
use view::View;

pub use access::{FocusFollowsSelection, node_id};

/// What the user is editing as text, in place on the canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextTarget {
    Card(CardId),
    StageName(StageId),
    LaneName(LaneId),
}

/// A press-and-move gesture under way.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Gesture {
    Idle,
    Pan,
    /// `grab` is where the card was taken, relative to its top-left corner, in map units.
    Card {
        card: CardId,
        grab: Vec2,
    },
    Stage(StageId),
    Lane(LaneId),
    Resize {
        stage: StageId,
        start_width: f32,
        start_x: f32,
    },
    Score {
        lane: LaneId,
        stage: StageId,
    },
    /// A rubber band from `start` (map units) selecting the cards it touches.
    Band {
        start: Pos2,
    },
    /// A link being drawn from a card's handle; it goes to the card where it is dropped.
    Link {
        from: CardId,
    },
}

/// What lies under a point of the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Hit {
    Nothing,
    Card(CardId),
    AddButton(StageId, LaneId),
    Cell(StageId, LaneId),
    EmotionPoint(LaneId, StageId),
    StageHeader(StageId),
    StageEdge(StageId),
    LaneHeader(LaneId),
    /// The handle on a card's right edge that starts a link.
    LinkHandle(CardId),
    Link(crate::model::LinkId),
}

/// Where a dragged card would land.
#[derive(Clone, Copy, Debug, PartialEq)]
struct DropTarget {
    stage: StageId,
    lane: LaneId,
    before: Option<CardId>,
    line: [Pos2; 2],
}

pub struct Canvas {
    pub view: View,
    pub selection: Selection,
    /// The cards selected together with the focus card in `selection`, when there are several.
    group: Vec<CardId>,
    /// How far the last Ctrl+A reached, for the status bar; forgotten when the selection changes otherwise.
    scope: Option<crate::ui::selection::Scope>,
    pub editing: Option<TextTarget>,
    gesture: Gesture,
    engine: TextEngine,
    layout: Arc<MapLayout>,
    layout_revision: Option<(u64, Option<PersonaId>)>,
    fit_requested: bool,
    focus_editor: bool,
    context_target: Hit,
    photo: Option<(Vec<u8>, egui::TextureHandle)>,
    /// The canvas rectangle of the last frame, for commands that zoom or scroll from the menu.
    last_rect: Rect,
    /// A command chosen in the right-click menu, for the app to carry out.
    pub command: Option<Command>,
    /// An edit the map refused, for the app to show.
    pub refused: Option<EditError>,
    /// A dialog is open over the canvas: the keyboard is the dialog's (its arrow keys, Enter), not the map's.
    pub dialog_open: bool,
    /// View → Projector colours: the canvas draws with [`Palette::PROJECTOR`].
    pub projector_colours: bool,
    /// Presentation mode's focused stage: the others are dimmed.
    pub spotlight: Option<StageId>,
    /// A link whose target is being chosen from the keyboard ("Link to…").
    pub link_pick: Option<LinkPick>,
    /// The persona filter: `None` shows every persona's curve; a persona shows only its curve, dims the cards
    /// not tagged with it, and is the persona whose scores the canvas edits.
    pub persona: Option<PersonaId>,
    /// A measure whose value the side panel's field should take the keyboard for (a double-click on its row).
    pub focus_measure: Option<crate::model::MeasureId>,
    /// Votes are being cast: clicks on cards become [`VoteClick`]s and do nothing else (set by the app).
    pub casting: bool,
    /// "Highlight top N": the cards that stay bright; the others are dimmed (set by the app).
    pub highlight: Option<std::collections::HashSet<CardId>>,
    /// The clicks on cards while casting, for the voting panel.
    pub vote_clicks: Vec<VoteClick>,
    /// The find bar's matches, highlighted while it is open (the rest is faded).
    pub find: Option<Highlight>,
    /// The others in a live session, whose selections and typing are drawn (set by the app).
    pub others: Arc<[crate::sync::Peer]>,
}

impl Default for Canvas {
    fn default() -> Self {
        Canvas::new()
    }
}

impl Canvas {
    /// The persona whose emotion scores the canvas and the side panel edit: the filter's, or the first.
    pub fn active_persona(&self) -> PersonaId {
        self.persona.unwrap_or(PersonaId::MAIN)
    }

    pub fn new() -> Canvas {
        let mut engine = TextEngine::new();
        let empty = crate::model::Map::with_stages("", &[], false);
        let layout = Arc::new(layout_map(&empty, &mut engine));
        Canvas {
            view: View::default(),
            selection: Selection::None,
            group: Vec::new(),
            scope: None,
            editing: None,
            gesture: Gesture::Idle,
            engine,
            layout,
            layout_revision: None,
            fit_requested: true,
            focus_editor: false,
            context_target: Hit::Nothing,
            photo: None,
            last_rect: Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 800.0)),
            command: None,
            refused: None,
            dialog_open: false,
            projector_colours: false,
            spotlight: None,
            link_pick: None,
            persona: None,
            focus_measure: None,
            casting: false,
            highlight: None,
            vote_clicks: Vec::new(),
            find: None,
            others: Arc::from(Vec::new()),
        }
    }

    /// Keeps an edit the map refused, so that the app can say why.
    fn note(&mut self, result: Result<(), EditError>) {
        if let Err(error) = result {
            self.refused = Some(error);
        }
    }

    /// Forgets view state, for a newly opened map.
    pub fn reset(&mut self) {
        self.select_one(Selection::None);
        self.editing = None;
        self.gesture = Gesture::Idle;
        self.link_pick = None;
        self.fit_requested = true;
    }

    pub fn layout(&self) -> &MapLayout {
        &self.layout
    }

    /// The canvas rectangle of the last frame.
    pub fn last_rect(&self) -> Rect {
        self.last_rect
    }

    /// Lays the map out again if it changed since the last frame.
    pub fn refresh_layout(&mut self, doc: &Document) {
        // A filter on a persona that is gone (deleted, undone, another map) shows every persona again.
        if self
            .persona
            .is_some_and(|p| doc.map().persona_by_id(p).is_none())
        {
            self.persona = None;
        }
        if self.layout_revision != Some((doc.revision(), self.persona)) {
            self.layout = Arc::new(layout_map_for(doc.map(), &mut self.engine, self.persona));
            self.layout_revision = Some((doc.revision(), self.persona));
            self.selection = self.selection.still_valid(doc.map());
            let map = doc.map();
            self.group.retain(|id| map.card(*id).is_some());
            if let Some(target) = self.editing
                && !target_exists(doc, target)
            {
                self.editing = None;
            }
        }
    }

    /// Where a point of the map was on screen in the last frame (headers unpinned).
    pub fn map_to_screen(&self, map_pos: Pos2) -> Pos2 {
        self.view.to_screen(self.last_rect, map_pos)
    }

    /// Sets pan and zoom, cancelling a pending "fit to window".
    pub fn set_view(&mut self, view: View) {
        self.view = view;
        self.fit_requested = false;
    }

    pub fn zoom_fit(&mut self) {
        self.view = View::fit(self.last_rect, self.layout.size);
    }

    pub fn zoom_actual(&mut self) {
        self.view = self.view.actual_size(self.last_rect);
    }

    pub fn zoom_by(&mut self, factor: f32) {
        self.view
            .zoom_around(self.last_rect, self.last_rect.center(), factor);
    }

    /// Selects a part of the map and scrolls so that it is on screen, keeping the zoom (a finding clicked in
    /// the findings panel). Uses the layout of the last frame, which the selected part is in.
    pub fn select_and_reveal(&mut self, selection: Selection) {
        self.selection = selection;
        self.editing = None;
        self.fit_requested = false;
        let layout = &self.layout;
        let rect = match selection {
            Selection::Card(id) => layout.card(id).map(|c| c.rect),
            Selection::Cell(s, l) => layout.cell_of(s, l).map(|c| c.rect),
            Selection::Stage(s) => layout.stages.iter().find(|b| b.id == s).map(|b| b.header),
            Selection::Link(id) => layout.link(id).map(|l| {
                let (lo, hi) = l.path.iter().chain(&l.head).fold(
                    (Pos2::new(f32::MAX, f32::MAX), Pos2::new(f32::MIN, f32::MIN)),
                    |(lo, hi), p| (lo.min(*p), hi.max(*p)),
                );
                Rect::from_min_max(lo, hi)
            }),
            Selection::Lane(_) | Selection::None => None,
        };
        if let Some(rect) = rect {
            let reserved = vec2(
                crate::layout::style::LANE_HEADER_WIDTH,
                layout.stage_header_height,
            ) * self.view.zoom;
            // A stage header is pinned at the top, so only its column needs to come into view.
            let reserved = if matches!(selection, Selection::Stage(_)) {
                vec2(reserved.x, 0.0)
            } else {
                reserved
            };
            self.view.reveal(self.last_rect, rect, reserved);
        }
    }

    /// Brings a match of the find bar into view, keeping the zoom, and selects it, so the side panel shows it
    /// (a card, a stage, a lane, the cell of an emotion note; the persona is always in the side panel).
    pub fn reveal_found(&mut self, found: Found) {
        self.select_one(match found {
            Found::Card(id) => Selection::Card(id),
            Found::Stage(id) => Selection::Stage(id),
            Found::Lane(id) => Selection::Lane(id),
            Found::EmotionNote { lane, stage } => Selection::Cell(stage, lane),
            Found::Persona => Selection::None,
        });
        self.editing = None;
        self.fit_requested = false;
        let layout = self.layout.clone();
        // What is on screen now, in map units: pinned headers need only their other direction scrolled.
        let shown = Rect::from_min_max(
            self.view.to_map(self.last_rect, self.last_rect.min),
            self.view.to_map(self.last_rect, self.last_rect.max),
        );
        let headers = vec2(
            crate::layout::style::LANE_HEADER_WIDTH,
            layout.stage_header_height,
        ) * self.view.zoom;
        let (rect, reserved) = match found {
            Found::Card(id) => (layout.card(id).map(|c| c.rect), headers),
            Found::Stage(id) => (
                layout
                    .stages
                    .iter()
                    .find(|b| b.id == id)
                    .map(|b| Rect::from_x_y_ranges(b.header.x_range(), shown.y_range())),
                vec2(headers.x, 0.0),
            ),
            Found::Lane(id) => (
                layout
                    .lanes
                    .iter()
                    .find(|b| b.id == id)
                    .map(|b| Rect::from_x_y_ranges(shown.x_range(), b.header.y_range())),
                vec2(0.0, headers.y),
            ),
            Found::EmotionNote { lane, stage } => {
                (layout.cell_of(stage, lane).map(|c| c.rect), headers)
            }
            Found::Persona => (Some(layout.persona.rect), Vec2::ZERO),
        };
        if let Some(rect) = rect {
            self.view.reveal(self.last_rect, rect, reserved);
        }
    }

    /// Starts editing a text in place.
    pub fn start_editing(&mut self, target: TextTarget) {
        self.editing = Some(target);
        self.focus_editor = true;
        self.select_one(match target {
            TextTarget::Card(id) => Selection::Card(id),
            TextTarget::StageName(id) => Selection::Stage(id),
            TextTarget::LaneName(id) => Selection::Lane(id),
        });
    }

    /// Adds an empty card to a cell (after `after`), selects it and starts editing it.
    pub fn add_card(
        &mut self,
        doc: &mut Document,
        stage: StageId,
        lane: LaneId,
        after: Option<CardId>,
    ) -> Result<(), EditError> {
        let edit = build::add_card(doc.map(), stage, lane, after, "");
        let Edit::InsertCard { card, .. } = &edit else {
            return Ok(());
        };
        let id = card.id;
        doc.apply(edit)?;
        self.start_editing(TextTarget::Card(id));
        Ok(())
    }

    /// The cell a new card goes into: the selected cell, or the cell of the selected card (after it).
    pub fn add_card_to_selection(&mut self, doc: &mut Document) -> Result<(), EditError> {
        let map = doc.map();
        let after = match self.selection {
            Selection::Card(id) => Some(id),
            _ => None,
        };
        let cell = self.selection.cell(map).or_else(|| {
            let lane = map.lanes.iter().find(|l| l.kind.holds_cards())?;
            Some((map.stages.first()?.id, lane.id))
        });
        match cell {
            Some((stage, lane)) if map.lane(lane).is_some_and(|l| l.kind.holds_cards()) => {
                self.add_card(doc, stage, lane, after)
            }
            _ => Ok(()),
        }
    }

    /// Shows the canvas in the remaining space of `ui`.
    pub fn show(&mut self, ui: &mut Ui, doc: &mut Document) {
        let rect = ui.available_rect_before_wrap();
        let response = ui.allocate_rect(rect, Sense::click_and_drag());
        self.last_rect = rect;
        self.refresh_layout(doc);
        if self.fit_requested && rect.width() > 50.0 {
            self.view = View::fit(rect, self.layout.size);
            self.fit_requested = false;
        }
        let layout = self.layout.clone();

        self.zoom_and_scroll(ui, &response, rect);
        let mut proj = Projection::new(self.view, rect, &layout);
        if self.projector_colours {
            proj.palette = Palette::PROJECTOR;
        }
        let hover = response
            .hover_pos()
            .map(|pos| self.hit(&layout, &proj, pos));
        if matches!(hover, Some(Hit::StageEdge(_)))
            || matches!(self.gesture, Gesture::Resize { .. })
        {
            ui.ctx().set_cursor_icon(CursorIcon::ResizeHorizontal);
        } else if matches!(hover, Some(Hit::EmotionPoint(..)))
            || matches!(self.gesture, Gesture::Score { .. })
        {
            ui.ctx().set_cursor_icon(CursorIcon::ResizeVertical);
        } else if self.gesture == Gesture::Pan {
            ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
        }

        let drop = if self.casting {
            self.vote_pointer(ui, &response, &layout, &proj);
            None
        } else {
            self.pointer(ui, &response, &layout, &proj, doc)
        };
        if !ui.ctx().egui_wants_keyboard_input()
            && self.editing.is_none()
            && !self.dialog_open
            && !self.casting
            && !self.link_pick_keys(ui, doc)
        {
            self.keys(ui, doc, &layout, &proj);
        }

        let overlay = self.overlay(ui.ctx(), doc, &layout, &proj, response.hover_pos(), drop);
        let painter = ui.painter_at(rect);
        paint_map(&painter, &layout, &proj, &overlay);
        let cells = painter.with_clip_rect(proj.cells_area(&layout).intersect(painter.clip_rect()));
        votes::paint_votes(&cells, &layout, &proj, self.highlight.as_ref());
        others::paint_others(&cells, &layout, &proj, &self.others);
        if let Some(stage) = self.spotlight {
            paint::dim_other_stages(&painter, &layout, &proj, stage);
        }
        if let Gesture::Link { from } = self.gesture
            && let (Some(card), Some(pointer)) =
                (layout.card(from), response.interact_pointer_pos())
        {
            let start = proj.pos(crate::layout::link_handle(card.rect));
            links::paint_handle(&painter, start, true);
            links::paint_preview(&painter, [start, pointer]);
        }
        if let Gesture::Band { start } = self.gesture
            && let Some(pointer) = response.interact_pointer_pos()
        {
            let band = Rect::from_two_pos(start, proj.view.to_map(proj.canvas, pointer));
            self.paint_band(&painter, &proj, band);
        }
        if let Gesture::Card { card, grab } = self.gesture
            && let (Some(card_box), Some(pointer)) =
                (layout.card(card), response.interact_pointer_pos())
        {
            let top_left = pointer - grab * self.view.zoom;
            let screen = Rect::from_min_size(top_left, card_box.rect.size() * self.view.zoom);
            let painter = ui.ctx().layer_painter(egui::LayerId::new(
                egui::Order::Tooltip,
                Id::unique("dragged-card"),
            ));
            // Several cards travel as a small stack under the one taken, with their count.
            let others = overlay.group.len().saturating_sub(1);
            for k in (1..=others.min(2)).rev() {
                let offset = vec2(6.0, 6.0) * k as f32;
                paint_card_at(
                    &painter,
                    card_box,
                    screen.translate(offset),
                    &proj,
                    true,
                    false,
                    0.6,
                );
            }
            paint_card_at(&painter, card_box, screen, &proj, true, true, 0.92);
            if others > 0 {
                let center = screen.right_top();
                painter.circle_filled(center, 11.0, paint::SELECTION);
                painter.text(
                    center,
                    egui::Align2::CENTER_CENTER,
                    (others + 1).to_string(),
                    egui::FontId::proportional(12.0),
                    egui::Color32::WHITE,
                );
            }
        }
        self.accessibility(ui, &response, doc, &layout, &proj);
        if !self.casting {
            self.context_menu(&response, doc);
        }
        self.text_editor(ui, doc, &layout, &proj);
    }

    fn photo_texture(&mut self, ctx: &egui::Context, doc: &Document) -> Option<egui::TextureId> {
        let photo = doc.map().persona.photo.as_ref()?;
        let fresh = self
            .photo
            .as_ref()
            .is_none_or(|(png, _)| png.as_slice() != photo.png_bytes());
        if fresh {
            let rgba = photo.to_rgba().ok()?;
            let size = [rgba.width() as usize, rgba.height() as usize];
            let image = egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw());
            let texture = ctx.load_texture("persona-photo", image, egui::TextureOptions::LINEAR);
            self.photo = Some((photo.png_bytes().to_vec(), texture));
        }
        self.photo.as_ref().map(|(_, t)| t.id())
    }

    fn overlay(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        layout: &MapLayout,
        proj: &Projection,
        hover: Option<Pos2>,
        drop: Option<DropTarget>,
    ) -> Overlay {
        let hovered_cell = hover
            .and_then(|pos| layout.cell_at(proj.view.to_map(proj.canvas, pos)))
            .map(|c| (c.stage, c.lane));
        Overlay {
            selected_card: match self.selection {
                Selection::Card(id) => Some(id),
                _ => None,
            },
            selected_cell: match self.selection {
                Selection::Cell(s, l) => Some((s, l)),
                _ => None,
            },
            selected_stage: match self.selection {
                Selection::Stage(s) => Some(s),
                _ => None,
            },
            selected_lane: match self.selection {
                Selection::Lane(l) => Some(l),
                _ => None,
            },
            dragged_card: match self.gesture {
                Gesture::Card { card, .. } => Some(card),
                _ => None,
            },
            group: self.group_set(),
            editing_card: match self.editing {
                Some(TextTarget::Card(id)) => Some(id),
                _ => None,
            },
            // While votes are cast a click on a cell adds nothing, so no "+" is offered.
            hovered_cell: if self.gesture == Gesture::Idle && !self.casting {
                hovered_cell
            } else {
                None
            },
            drop_line: drop
                .map(|d| d.line)
                .or_else(|| self.reorder_line(layout, proj, hover)),
            photo: self.photo_texture(ctx, doc),
            find: self.find.clone(),
            selected_link: match self.selection {
                Selection::Link(id) => Some(id),
                _ => None,
            },
            handle: self.handle_card(layout, proj, hover),
            pick_target: self.link_pick.map(|p| p.target),
        }
    }
}

impl Canvas {
    /// The card whose link handle shows: the one under the pointer, else the selected one.
    fn handle_card(
        &self,
        layout: &MapLayout,
        proj: &Projection,
        hover: Option<Pos2>,
    ) -> Option<CardId> {
        if !matches!(self.gesture, Gesture::Idle) || proj.zoom() < 0.3 {
            return None;
        }
        let hovered = hover.and_then(|pos| match self.hit(layout, proj, pos) {
            Hit::Card(id) | Hit::LinkHandle(id) => Some(id),
            _ => None,
        });
        hovered.or(match self.selection {
            Selection::Card(id) if self.editing.is_none() => Some(id),
            _ => None,
        })
    }
}

fn target_exists(doc: &Document, target: TextTarget) -> bool {
    let map = doc.map();
    match target {
        TextTarget::Card(id) => map.card(id).is_some(),
        TextTarget::StageName(id) => map.stage(id).is_some(),
        TextTarget::LaneName(id) => map.lane(id).is_some(),
    }
}
