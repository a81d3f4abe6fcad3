//! Presentation mode (F5, View → Present): the map full screen without menus or panels, walked stage by
//! stage. The focused stage fills the screen's height with large text and the others are dimmed; Home shows the
//! whole map; Escape gives back the view and the window as they were. View state only: nothing of it is saved.

use egui::{Key, Modifiers, Rect, Vec2, ViewportCommand, pos2, vec2};

use crate::layout::MapLayout;
use crate::layout::style::{BODY_SIZE, LANE_HEADER_WIDTH};
use crate::model::{Map, StageId};
use crate::ui::canvas::Canvas;
use crate::ui::canvas::view::{MAX_ZOOM, MIN_ZOOM, View};
use crate::ui::selection::Selection;

/// Card text on a focused stage is at least this large on a 1080-pixel-high screen (and as much larger or
/// smaller as the screen is), so that the back of a room can read it.
pub const PRESENT_TEXT_PX: f32 = 24.0;
const REFERENCE_SCREEN_HEIGHT: f32 = 1080.0;
const MARGIN: f32 = 12.0;

/// A presentation under way.
#[derive(Clone, Debug, PartialEq)]
pub struct Presentation {
    /// The stage in the spotlight, or `None` for the whole map.
    pub focus: Option<StageId>,
    /// The view before presenting, given back when it ends.
    saved_view: View,
    /// Whether the window was full screen before, so that leaving does not take away a full screen the user
    /// chose.
    was_fullscreen: bool,
    /// The canvas rectangle and focus the view was last framed for: the view is framed again when either
    /// changes (the window going full screen takes a frame or two), and not otherwise, so the wheel can scroll
    /// a tall stage.
    framed: Option<(Rect, Option<StageId>)>,
}

/// What a key pressed while presenting asks for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PresentKey {
    Previous,
    Next,
    WholeMap,
    LastStage,
    Scroll(f32),
    Leave,
}

impl Presentation {
    /// Starts presenting: the stage of the selection when there is one (to go on from where the workshop is),
    /// or else the whole map. Makes the window full screen.
    pub fn start(ctx: &egui::Context, canvas: &Canvas, map: &Map) -> Presentation {
        let was_fullscreen = ctx.input(|i| i.viewport().fullscreen).unwrap_or(false);
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        Presentation {
            focus: selected_stage(canvas.selection, map),
            saved_view: canvas.view,
            was_fullscreen,
            framed: None,
        }
    }

    /// Ends presenting: the view and the window as they were.
    pub fn finish(self, ctx: &egui::Context, canvas: &mut Canvas) {
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(self.was_fullscreen));
        canvas.set_view(self.saved_view);
        canvas.spotlight = None;
    }

    /// The keys presenting takes (and consumes, so that the canvas does not also move its selection): ← → and
    /// PageUp/PageDown (a presentation clicker) step through the stages, Home shows the whole map, End the
    /// last stage, ↑ ↓ scroll a stage taller than the screen, Escape leaves.
    pub fn take_key(input: &mut egui::InputState) -> Option<PresentKey> {
        let step = input.content_rect().height() / 4.0;
        let keys = [
            (Key::ArrowLeft, PresentKey::Previous),
            (Key::PageUp, PresentKey::Previous),
            (Key::ArrowRight, PresentKey::Next),
            (Key::PageDown, PresentKey::Next),
            (Key::Home, PresentKey::WholeMap),
            (Key::End, PresentKey::LastStage),
            (Key::ArrowUp, PresentKey::Scroll(step)),
            (Key::ArrowDown, PresentKey::Scroll(-step)),
            (Key::Escape, PresentKey::Leave),
        ];
        keys.into_iter()
            .find(|(key, _)| input.consume_key(Modifiers::NONE, *key))
            .map(|(_, action)| action)
    }

    /// Moves the spotlight as a key asks. `Leave` is the app's to do.
    pub fn step(&mut self, key: PresentKey, map: &Map, canvas: &mut Canvas) {
        let index = self.focus.and_then(|id| map.stage_index(id));
        let stage_at = |i: usize| map.stages.get(i).map(|s| s.id);
        match key {
            PresentKey::Previous => {
                self.focus = match index {
                    Some(0) | None => None,
                    Some(i) => stage_at(i - 1),
                }
            }
            PresentKey::Next => {
                self.focus = match index {
                    None => stage_at(0),
                    Some(i) => stage_at(i + 1).or(self.focus),
                }
            }
            PresentKey::WholeMap => self.focus = None,
            PresentKey::LastStage => self.focus = map.stages.last().map(|s| s.id),
            PresentKey::Scroll(by) => {
                let mut view = canvas.view;
                view.pan.y += by;
                canvas.set_view(view);
            }
            PresentKey::Leave => {}
        }
    }

    /// Frames the view for the focused stage (or the whole map) when the canvas or the focus changed, and puts
    /// the spotlight on the stage. Call with the canvas's rectangle for this frame and a current layout.
    pub fn frame(&mut self, canvas: &mut Canvas, rect: Rect, map: &Map) {
        if self.focus.is_some_and(|id| map.stage(id).is_none()) {
            self.focus = None; // the stage was deleted (or another map opened)
        }
        canvas.spotlight = self.focus;
        if rect.width() < 50.0 || self.framed == Some((rect, self.focus)) {
            return;
        }
        let layout = canvas.layout();
        let view = match self.focus {
            Some(stage) => stage_view(rect, layout, stage),
            None => Some(View::fit(rect, layout.size)),
        };
        if let Some(view) = view {
            canvas.set_view(view);
        }
        self.framed = Some((rect, self.focus));
    }

    /// "Stage 3 of 8", or the whole map, for the corner of the screen.
    pub fn position(&self, map: &Map) -> Option<(usize, usize)> {
        let index = map.stage_index(self.focus?)?;
        Some((index + 1, map.stages.len()))
    }
}

/// The stage the selection is in, if any.
fn selected_stage(selection: Selection, map: &Map) -> Option<StageId> {
    match selection {
        Selection::Stage(id) => Some(id),
        other => other.cell(map).map(|(stage, _)| stage),
    }
}

/// The zoom at which card text is [`PRESENT_TEXT_PX`] on a screen as high as `canvas` (scaled from 1080).
pub fn readable_zoom(canvas: Rect) -> f32 {
    PRESENT_TEXT_PX / BODY_SIZE * canvas.height() / REFERENCE_SCREEN_HEIGHT
}

/// The view that puts a stage in the middle of the screen (right of the lane names, which stay pinned at the
/// left edge): as large as fits the screen's height, and never smaller than [`readable_zoom`]. A stage too
/// tall for that is shown from its header down at the readable size, and the wheel or ↑ ↓ scroll the rest;
/// its width is not fitted, as a single narrow column blown up to the screen's width would show one card at a
/// time.
pub fn stage_view(canvas: Rect, layout: &MapLayout, stage: StageId) -> Option<View> {
    let column = layout.stages.iter().find(|s| s.id == stage)?.column.clone();
    let grid_height = (layout.grid_bottom - layout.grid_top).max(1.0);
    let shown_width = LANE_HEADER_WIDTH + (column.end - column.start).max(1.0);
    let fit_height = (canvas.height() - 2.0 * MARGIN) / grid_height;
    let fit_width = (canvas.width() - 2.0 * MARGIN) / shown_width;
    let zoom = fit_height
        .min(fit_width)
        .max(readable_zoom(canvas))
        .clamp(MIN_ZOOM, MAX_ZOOM);
    // Horizontally: centred in the space right of the pinned lane names, or at its left when wider.
    let lanes = LANE_HEADER_WIDTH * zoom;
    let room = canvas.width() - lanes;
    let stage_width = (column.end - column.start) * zoom;
    let left = canvas.left() + lanes + ((room - stage_width) / 2.0).max(MARGIN.min(room / 2.0));
    // Vertically: centred when it fits, else from the top.
    let grid = grid_height * zoom;
    let top = canvas.top() + ((canvas.height() - grid) / 2.0).max(0.0);
    let pan = pos2(left, top) - canvas.min - vec2(column.start, layout.grid_top) * zoom;
    Some(View {
        pan: Vec2::new(pan.x, pan.y),
        zoom,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{TextEngine, layout_map};
    use crate::model::{Card, CardColor, CardId, Map};

    const SCREEN: Rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(1920.0, 1080.0));

    #[test]
    fn a_short_map_fills_the_screen_height_and_a_tall_one_keeps_text_readable_from_the_top() {
        let short = Map::with_stages("", &["A", "B", "C"], false);
        let layout = layout_map(&short, &mut TextEngine::new());
        let stage = layout.stages[1].id;
        let view = stage_view(SCREEN, &layout, stage).expect("a stage");
        let height = (layout.grid_bottom - layout.grid_top) * view.zoom;
        assert!(view.zoom * BODY_SIZE >= PRESENT_TEXT_PX);
        assert!(
            height >= SCREEN.height() - 2.0 * MARGIN - 1.0 || view.zoom == MAX_ZOOM,
            "fills the height ({height} px)"
        );

        let mut tall = Map::with_stages("", &["A", "B", "C"], false);
        for i in 0..40 {
            let id = CardId(tall.allocate_id());
            tall.cards.push(Card {
                id,
                stage: tall.stages[1].id,
                lane: tall.lanes[0].id,
                text: format!("card {i}"),
                color: CardColor::Yellow,
                channel: None,
                personas: Vec::new(),
            });
        }
        let layout = layout_map(&tall, &mut TextEngine::new());
        let view = stage_view(SCREEN, &layout, tall.stages[1].id).expect("a stage");
        assert!(
            (view.zoom * BODY_SIZE - PRESENT_TEXT_PX).abs() < 0.01,
            "24 px text"
        );
        let top = view.to_screen(SCREEN, pos2(0.0, layout.grid_top)).y;
        assert!((top - SCREEN.top()).abs() < 0.01, "shown from its header");
        let column = &layout.stages[1].column;
        let left = view.to_screen(SCREEN, pos2(column.start, 0.0)).x;
        let right = view.to_screen(SCREEN, pos2(column.end, 0.0)).x;
        let lanes = LANE_HEADER_WIDTH * view.zoom;
        assert!(left >= lanes && right <= SCREEN.right(), "{left}..{right}");
        let middle = (left + right) / 2.0;
        assert!(
            (middle - (lanes + SCREEN.right()) / 2.0).abs() < 1.0,
            "centred"
        );
    }
}
