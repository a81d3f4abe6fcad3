//! Pan and zoom: how map units become screen points. View state, never saved in the map.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

pub const MIN_ZOOM: f32 = 0.05;
pub const MAX_ZOOM: f32 = 8.0;
/// One press of + or - multiplies or divides the zoom by this.
pub const ZOOM_STEP: f32 = 1.25;

/// Screen point = canvas top-left + `pan` + map point × `zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub pan: Vec2,
    pub zoom: f32,
}

impl Default for View {
    fn default() -> Self {
        View {
            pan: Vec2::ZERO,
            zoom: 1.0,
        }
    }
}

impl View {
    pub fn origin(&self, canvas: Rect) -> Pos2 {
        canvas.min + self.pan
    }

    pub fn to_screen(&self, canvas: Rect, map: Pos2) -> Pos2 {
        self.origin(canvas) + map.to_vec2() * self.zoom
    }

    pub fn rect_to_screen(&self, canvas: Rect, map: Rect) -> Rect {
        Rect::from_min_max(
            self.to_screen(canvas, map.min),
            self.to_screen(canvas, map.max),
        )
    }

    pub fn to_map(&self, canvas: Rect, screen: Pos2) -> Pos2 {
        ((screen - self.origin(canvas)) / self.zoom).to_pos2()
    }

    /// Zooms by `factor`, keeping the map point under `anchor` (a screen point) where it is.
    pub fn zoom_around(&mut self, canvas: Rect, anchor: Pos2, factor: f32) {
        let new_zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let map_point = self.to_map(canvas, anchor);
        self.zoom = new_zoom;
        self.pan = anchor - canvas.min - map_point.to_vec2() * new_zoom;
    }

    /// Shows the whole map, centred.
    pub fn fit(canvas: Rect, map_size: Vec2) -> View {
        let margin = 12.0;
        let avail = (canvas.size() - vec2(2.0 * margin, 2.0 * margin)).max(vec2(1.0, 1.0));
        let zoom = (avail.x / map_size.x.max(1.0))
            .min(avail.y / map_size.y.max(1.0))
            .clamp(MIN_ZOOM, MAX_ZOOM);
        let used = map_size * zoom;
        let pan = (canvas.size() - used) / 2.0;
        View {
            pan: vec2(pan.x.max(margin), pan.y.max(margin)),
            zoom,
        }
    }

    /// 100%, with the map's top-left corner where the given map point ends up near the canvas corner.
    pub fn actual_size(&self, canvas: Rect) -> View {
        let mut view = *self;
        view.zoom_around(canvas, canvas.center(), 1.0 / self.zoom);
        view
    }

    /// Scrolls so that a map rectangle is on screen, if it is not.
    pub fn reveal(&mut self, canvas: Rect, map_rect: Rect, reserved: Vec2) {
        let screen = self.rect_to_screen(canvas, map_rect);
        let visible = Rect::from_min_max(canvas.min + reserved, canvas.max);
        let mut shift = Vec2::ZERO;
        if screen.right() > visible.right() {
            shift.x = visible.right() - screen.right() - 8.0;
        }
        if screen.left() + shift.x < visible.left() {
            shift.x = visible.left() - screen.left() + 8.0;
        }
        if screen.bottom() > visible.bottom() {
            shift.y = visible.bottom() - screen.bottom() - 8.0;
        }
        if screen.top() + shift.y < visible.top() {
            shift.y = visible.top() - screen.top() + 8.0;
        }
        self.pan += shift;
    }
}

/// A point that is never inside anything, for hit tests with no pointer.
pub const NOWHERE: Pos2 = pos2(f32::NAN, f32::NAN);
