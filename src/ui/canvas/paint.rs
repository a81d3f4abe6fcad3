//! Draws a laid-out map onto the screen at the current pan and zoom. Only what is visible is drawn; text too
//! small to read is drawn as grey bars.
//!
//! Without a GPU (a virtual machine, a remote desktop: Mesa's llvmpipe), nearly all of a frame's time is spent
//! shading pixels, about the same for every layer of pixels drawn over the whole window, while tessellation is a
//! few percent. So the canvas draws each pixel as few times as it can: the cells' white is the colour the window
//! is cleared with ([`CLEAR_COLOR`]), the background is drawn only around the grid, a card's shadow only where
//! it shows below the card, and nothing is drawn under the pinned headers. On a GPU none of this costs anything.

use egui::{
    Color32, CornerRadius, FontId, Mesh, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, TextureId,
    Vec2, pos2, vec2,
};

use crate::layout::style::*;
use crate::layout::{CardBox, EmotionCurve, FaceShape, MapLayout, TextBlock};
use crate::model::{CardId, LaneId, StageId};
use crate::workshop::find::{Found, Highlight};

pub use super::palette::Palette;
use super::view::View;

pub const SELECTION: Color32 = Color32::from_rgb(0x1F, 0x6F, 0xEB);
/// The colour the window is cleared with before each frame: the white of the cells, which is therefore never
/// painted (a window-sized layer of pixels fewer for a software renderer).
pub const CLEAR_COLOR: Color32 = Color32::WHITE;
/// The outline of what the find bar found.
pub const FIND: Color32 = Color32::from_rgb(0xF5, 0x7C, 0x00);
/// How much of the way to white a faded part of the map is drawn (0 = as it is, 1 = white).
const FADE: f32 = 0.6;
/// Below this on-screen size, text is drawn as bars.
const MIN_TEXT_PX: f32 = 5.5;

/// What the canvas adds on top of the map: selection, hover, drag feedback.
#[derive(Default)]
pub struct Overlay {
    pub selected_card: Option<CardId>,
    pub selected_cell: Option<(StageId, LaneId)>,
    pub selected_stage: Option<StageId>,
    pub selected_lane: Option<LaneId>,
    /// The card being dragged is drawn faded in place (with the rest of the group, when it is in it).
    pub dragged_card: Option<CardId>,
    /// The cards selected together, when several are.
    pub group: std::collections::HashSet<CardId>,
    /// Cards being edited have their text drawn by the text editor instead.
    pub editing_card: Option<CardId>,
    pub hovered_cell: Option<(StageId, LaneId)>,
    /// A drop indicator: a line between two screen points.
    pub drop_line: Option<[Pos2; 2]>,
    pub photo: Option<TextureId>,
    /// The find bar's matches: outlined, and the rest of the map faded.
    pub find: Option<Highlight>,
    pub selected_link: Option<crate::model::LinkId>,
    /// The card whose link handle is shown (hovered or selected).
    pub handle: Option<CardId>,
    /// The card or cell chosen so far as a keyboard link's target.
    pub pick_target: Option<crate::ui::selection::Selection>,
}

impl Overlay {
    /// Whether a part of the map is drawn faded: the find bar is open and it is not a match.
    pub fn dimmed(&self, part: Found) -> bool {
        self.find.as_ref().is_some_and(|f| f.dims(part))
    }

    /// Whether a part of the map is outlined as a match of the find bar.
    pub fn found(&self, part: Found) -> bool {
        self.find.as_ref().is_some_and(|f| !f.dims(part))
    }

    fn is_selected(&self, card: CardId) -> bool {
        self.selected_card == Some(card) || self.group.contains(&card)
    }
}

/// Maps map units to screen points for one frame.
pub struct Projection {
    pub view: View,
    pub canvas: Rect,
    /// How far the pinned headers are pushed into the map (screen points), so they stay visible when panning.
    pub header_shift: Vec2,
    pub palette: Palette,
}

impl Projection {
    pub fn new(view: View, canvas: Rect, layout: &MapLayout) -> Projection {
        let grid_corner = view.to_screen(canvas, pos2(layout.grid_left, layout.grid_top));
        let header_shift = vec2(
            (canvas.left() - grid_corner.x).max(0.0),
            (canvas.top() - grid_corner.y).max(0.0),
        );
        Projection {
            view,
            canvas,
            header_shift,
            palette: Palette::SCREEN,
        }
    }

    pub fn pos(&self, p: Pos2) -> Pos2 {
        self.view.to_screen(self.canvas, p)
    }

    pub fn rect(&self, r: Rect) -> Rect {
        self.view.rect_to_screen(self.canvas, r)
    }

    pub fn zoom(&self) -> f32 {
        self.view.zoom
    }

    /// A stage header's rectangle on screen, pinned to the top of the canvas.
    pub fn stage_header(&self, r: Rect) -> Rect {
        self.rect(r).translate(vec2(0.0, self.header_shift.y))
    }

    /// A lane header's rectangle on screen, pinned to the left of the canvas.
    pub fn lane_header(&self, r: Rect) -> Rect {
        self.rect(r).translate(vec2(self.header_shift.x, 0.0))
    }

    /// The part of the canvas where cells show: not under the pinned headers, which are opaque.
    pub fn cells_area(&self, layout: &MapLayout) -> Rect {
        let mut area = self.canvas;
        if self.header_shift.x > 0.0 {
            area.min.x = area
                .min
                .x
                .max(self.canvas.left() + LANE_HEADER_WIDTH * self.zoom());
        }
        if self.header_shift.y > 0.0 {
            area.min.y = area
                .min
                .y
                .max(self.canvas.top() + layout.stage_header_height * self.zoom());
        }
        area
    }

    /// The part of the map that is on screen, in map units.
    pub fn visible_map_rect(&self) -> Rect {
        Rect::from_min_max(
            self.view.to_map(self.canvas, self.canvas.min),
            self.view.to_map(self.canvas, self.canvas.max),
        )
    }
}

/// Cards below 75% are drawn flat, without shadow and border; a card whose fill is close to the cells' white
/// (white, grey) then gets this edge, or it would vanish into its cell.
fn flat_card_edge(fill: Color32, palette: &Palette) -> Option<Color32> {
    let [r, g, b, _] = CLEAR_COLOR.to_array();
    let [fr, fg, fb, _] = fill.to_array();
    let difference = [r.abs_diff(fr), g.abs_diff(fg), b.abs_diff(fb)];
    (difference.into_iter().max().unwrap_or(0) < 48).then_some(palette.flat_card_edge)
}

/// The parts of `outer` that `inner` does not cover: up to four rectangles.
fn around(outer: Rect, inner: Rect) -> impl Iterator<Item = Rect> {
    let inner = inner.intersect(outer);
    let parts = if inner.is_positive() {
        [
            Rect::from_min_max(outer.min, pos2(outer.max.x, inner.min.y)),
            Rect::from_min_max(pos2(outer.min.x, inner.max.y), outer.max),
            Rect::from_min_max(
                pos2(outer.min.x, inner.min.y),
                pos2(inner.min.x, inner.max.y),
            ),
            Rect::from_min_max(
                pos2(inner.max.x, inner.min.y),
                pos2(outer.max.x, inner.max.y),
            ),
        ]
    } else {
        [outer, Rect::NOTHING, Rect::NOTHING, Rect::NOTHING]
    };
    parts.into_iter().filter(|r| r.is_positive())
}

/// A colour taken most of the way to white, for the parts of the map that find did not match.
fn fade(c: Color32) -> Color32 {
    let [r, g, b, a] = c.to_array();
    let lift = |v: u8| v + ((255 - v) as f32 * FADE) as u8;
    Color32::from_rgba_premultiplied(lift(r), lift(g), lift(b), a)
}

/// A text block drawn faded (see [`fade`]) when `dimmed`.
fn text_dimmed(
    painter: &Painter,
    block: &TextBlock,
    screen_pos: Pos2,
    zoom: f32,
    palette: &Palette,
    dimmed: bool,
) {
    if dimmed {
        let faded = TextBlock {
            color: fade(palette.ink(block.color)),
            ..block.clone()
        };
        text(painter, &faded, screen_pos, zoom, palette);
    } else {
        text(painter, block, screen_pos, zoom, palette);
    }
}

pub(super) fn text(
    painter: &Painter,
    block: &TextBlock,
    screen_pos: Pos2,
    zoom: f32,
    palette: &Palette,
) {
    let color = palette.ink(block.color);
    let px = block.size * zoom;
    if px < MIN_TEXT_PX {
        let bar = block.line_height * zoom * 0.45;
        for (i, line) in block.lines.iter().enumerate() {
            if line.is_empty() {
                continue;
            }
            let width = (line.chars().count() as f32 * block.size * 0.5 * zoom).max(1.0);
            let y = screen_pos.y + (i as f32 + 0.3) * block.line_height * zoom;
            let r = Rect::from_min_size(pos2(screen_pos.x, y), vec2(width, bar.max(0.5)));
            painter.rect_filled(r, 0.0, color.gamma_multiply(0.35));
        }
        return;
    }
    // Whole half-pixels keep the glyph cache small while zooming smoothly.
    let px = (px * 2.0).round() / 2.0;
    let galley =
        painter.layout_no_wrap(block.joined(), FontId::new(px, block.face.family()), color);
    painter.galley(screen_pos, galley, color);
}

/// Draws the whole map as the canvas shows it.
pub fn paint_map(painter: &Painter, layout: &MapLayout, p: &Projection, overlay: &Overlay) {
    let zoom = p.zoom();
    let grid = Rect::from_min_max(
        pos2(layout.grid_left, layout.grid_top),
        pos2(layout.grid_right, layout.grid_bottom),
    );
    for part in around(p.canvas, p.rect(grid)) {
        painter.rect_filled(part, 0.0, BACKGROUND);
    }
    let visible = p.visible_map_rect();

    // Title and persona scroll with the map.
    let palette = &p.palette;
    text(
        painter,
        &layout.title,
        p.pos(layout.title.pos),
        zoom,
        palette,
    );
    let persona_dimmed = overlay.dimmed(Found::Persona);
    if let (Some(photo), Some(texture)) = (layout.persona.photo, overlay.photo) {
        let rect = p.rect(photo);
        let tint = if persona_dimmed {
            Color32::from_white_alpha(100)
        } else {
            Color32::WHITE
        };
        painter.image(
            texture,
            rect,
            Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
            tint,
        );
    }
    for block in &layout.persona.texts {
        text_dimmed(
            painter,
            block,
            p.pos(block.pos),
            zoom,
            palette,
            persona_dimmed,
        );
    }
    if overlay.found(Found::Persona) {
        painter.rect_stroke(
            p.rect(layout.persona.rect).expand(4.0),
            4.0,
            Stroke::new(3.0, FIND),
            StrokeKind::Outside,
        );
    }

    // Cells and cards, clipped to where the pinned headers leave them visible. Their white is the cleared
    // window (CLEAR_COLOR).
    let full_painter = painter;
    let painter = &painter.with_clip_rect(p.cells_area(layout).intersect(painter.clip_rect()));
    grid_lines(painter, layout, p);
    // Cards too small to read are batched into one mesh of plain rectangles: thousands of them cost no more
    // than a few shapes.
    let mut tiny = Mesh::default();
    for cell in &layout.cells {
        if !cell.rect.intersects(visible) {
            continue;
        }
        let rect = p.rect(cell.rect);
        if overlay.hovered_cell == Some((cell.stage, cell.lane))
            && let Some(add) = cell.add_button
        {
            let add = p.rect(add);
            painter.rect_stroke(add, 4.0 * zoom, palette.grid_line, StrokeKind::Inside);
            if 14.0 * zoom >= MIN_TEXT_PX {
                painter.text(
                    add.center(),
                    egui::Align2::CENTER_CENTER,
                    "+",
                    FontId::proportional(16.0 * zoom),
                    palette.subtle_text,
                );
            }
        }
        if overlay.selected_cell == Some((cell.stage, cell.lane)) {
            painter.rect_stroke(
                rect.shrink(1.0),
                0.0,
                Stroke::new(2.0, SELECTION),
                StrokeKind::Inside,
            );
        }
        for card in &layout.cards[cell.cards.clone()] {
            if !card.rect.intersects(visible) {
                continue;
            }
            if card.text.size * zoom < MIN_TEXT_PX && !overlay.is_selected(card.id) {
                let screen = p.rect(card.rect);
                let mut fill = card.fill();
                if overlay.dimmed(Found::Card(card.id)) {
                    fill = fade(fill);
                } else if overlay.found(Found::Card(card.id)) {
                    tiny.add_colored_rect(screen.expand(2.0), FIND);
                }
                match flat_card_edge(fill, palette) {
                    // A white or grey card is a darker frame around its fill, so it stays a visible shape.
                    Some(edge) if screen.width() > 3.0 && screen.height() > 3.0 => {
                        tiny.add_colored_rect(screen, edge);
                        tiny.add_colored_rect(screen.shrink(1.0), fill);
                    }
                    Some(edge) => tiny.add_colored_rect(screen, edge),
                    None => tiny.add_colored_rect(screen, fill),
                }
                if screen.height() >= 6.0 {
                    let bar = Rect::from_min_size(
                        screen.min + vec2(2.0, 2.0),
                        vec2(screen.width() * 0.6, 1.5),
                    );
                    tiny.add_colored_rect(bar, palette.subtle_text.gamma_multiply(0.5));
                }
            } else {
                paint_card(painter, card, p, overlay);
            }
        }
    }
    painter.add(Shape::mesh(tiny));
    for curve in &layout.curves {
        paint_curve(painter, curve, p, overlay);
    }
    for chart in &layout.charts {
        paint_chart(painter, chart, p);
    }
    super::links::paint_links(painter, layout, p, overlay.selected_link);
    if let Some(card) = overlay.handle.and_then(|id| layout.card(id)) {
        super::links::paint_handle(painter, p.pos(crate::layout::link_handle(card.rect)), false);
    }
    match overlay.pick_target {
        Some(crate::ui::selection::Selection::Card(id)) => {
            if let Some(card) = layout.card(id) {
                let rect = p.rect(card.rect).expand(4.0);
                painter.rect_stroke(
                    rect,
                    6.0,
                    Stroke::new(3.0, super::links::PICK),
                    StrokeKind::Outside,
                );
            }
        }
        Some(crate::ui::selection::Selection::Cell(s, l)) => {
            if let Some(cell) = layout.cell_of(s, l) {
                let rect = p.rect(cell.rect).shrink(2.0);
                painter.rect_stroke(
                    rect,
                    0.0,
                    Stroke::new(3.0, super::links::PICK),
                    StrokeKind::Inside,
                );
            }
        }
        _ => {}
    }
    super::links::paint_legend(full_painter, layout, p);

    // Headers, pinned to the edges of the canvas.
    let painter = full_painter;
    for stage in &layout.stages {
        let rect = p.stage_header(stage.header);
        if rect.right() < p.canvas.left() || rect.left() > p.canvas.right() {
            continue;
        }
        painter.rect_filled(rect, 0.0, HEADER_FILL);
        painter.rect_stroke(
            rect,
            0.0,
            Stroke::new(1.0, Color32::from_white_alpha(40)),
            StrokeKind::Inside,
        );
        for block in &stage.texts {
            text(
                painter,
                block,
                p.pos(block.pos) + vec2(0.0, p.header_shift.y),
                zoom,
                palette,
            );
        }
        // Headers are never faded: they say where the matches are.
        if overlay.found(Found::Stage(stage.id)) {
            painter.rect_stroke(
                rect.shrink(1.0),
                0.0,
                Stroke::new(3.0, FIND),
                StrokeKind::Inside,
            );
        }
        if overlay.selected_stage == Some(stage.id) {
            painter.rect_stroke(
                rect.shrink(1.0),
                0.0,
                Stroke::new(3.0, Color32::from_rgb(0xFF, 0xC8, 0x3D)),
                StrokeKind::Inside,
            );
        }
    }
    for lane in &layout.lanes {
        let rect = p.lane_header(lane.header);
        if rect.bottom() < p.canvas.top() || rect.top() > p.canvas.bottom() {
            continue;
        }
        painter.rect_filled(rect, 0.0, LANE_FILL);
        painter.rect_stroke(rect, 0.0, palette.grid_line, StrokeKind::Inside);
        for block in &lane.texts {
            text(
                painter,
                block,
                p.pos(block.pos) + vec2(p.header_shift.x, 0.0),
                zoom,
                palette,
            );
        }
        for item in &lane.legend {
            let shift = vec2(p.header_shift.x, 0.0);
            painter.rect_filled(p.rect(item.swatch).translate(shift), 2.0 * zoom, item.color);
            text(
                painter,
                &item.text,
                p.pos(item.text.pos) + shift,
                zoom,
                palette,
            );
        }
        if overlay.found(Found::Lane(lane.id)) {
            painter.rect_stroke(
                rect.shrink(1.0),
                0.0,
                Stroke::new(3.0, FIND),
                StrokeKind::Inside,
            );
        }
        if overlay.selected_lane == Some(lane.id) {
            painter.rect_stroke(
                rect.shrink(1.0),
                0.0,
                Stroke::new(3.0, SELECTION),
                StrokeKind::Inside,
            );
        }
    }
    let corner = Rect::from_min_size(
        p.pos(pos2(layout.grid_left, layout.grid_top)) + p.header_shift,
        vec2(LANE_HEADER_WIDTH, layout.stage_header_height) * zoom,
    );
    painter.rect_filled(corner, 0.0, HEADER_FILL);

    if let Some([a, b]) = overlay.drop_line {
        painter.line_segment([a, b], Stroke::new(4.0, SELECTION));
        painter.circle_filled(a, 5.0, SELECTION);
        painter.circle_filled(b, 5.0, SELECTION);
    }
}

/// Dims every stage but `focus`, headers included, leaving the pinned lane headers as they are (presentation
/// mode's spotlight on one stage).
pub fn dim_other_stages(painter: &Painter, layout: &MapLayout, p: &Projection, focus: StageId) {
    let lanes_right = p.pos(pos2(layout.grid_left, layout.grid_top)).x
        + p.header_shift.x
        + LANE_HEADER_WIDTH * p.zoom();
    let veil = Color32::from_white_alpha(175);
    for stage in layout.stages.iter().filter(|s| s.id != focus) {
        let left = p.pos(pos2(stage.column.start, 0.0)).x.max(lanes_right);
        let right = p.pos(pos2(stage.column.end, 0.0)).x;
        if right > left {
            let rect = Rect::from_x_y_ranges(left..=right, p.canvas.y_range());
            painter.rect_filled(rect.intersect(p.canvas), 0.0, veil);
        }
    }
}

/// The grid: one line per column and row edge rather than a frame per cell.
fn grid_lines(painter: &Painter, layout: &MapLayout, p: &Projection) {
    let stroke = p.palette.grid_line;
    let (top, bottom) = (layout.grid_top, layout.grid_bottom);
    let (left, right) = (layout.grid_left, layout.grid_right);
    for stage in &layout.stages {
        let x = stage.column.end;
        painter.line_segment([p.pos(pos2(x, top)), p.pos(pos2(x, bottom))], stroke);
    }
    for lane in &layout.lanes {
        let y = lane.rows.end;
        painter.line_segment([p.pos(pos2(left, y)), p.pos(pos2(right, y))], stroke);
    }
}

/// Draws one card at its place on screen, or wherever `at` says (for the card following the pointer).
pub fn paint_card_at(
    painter: &Painter,
    card: &CardBox,
    screen: Rect,
    p: &Projection,
    selected: bool,
    show_text: bool,
    alpha: f32,
) {
    let (zoom, palette) = (p.zoom(), &p.palette);
    let fill = card.fill().gamma_multiply(alpha);
    let radius = CornerRadius::same((4.0 * zoom).clamp(0.0, 255.0) as u8);
    // Shadow and border are lost in the grain below 75%; leaving them out there halves the shapes per card.
    let detailed = zoom >= 0.75;
    if detailed {
        // The shadow is the card moved down 1.5 px; only its bottom edge shows, so only that is drawn (a whole
        // card's area of pixels fewer). It still reaches up past the rounded corners.
        let shadow = Rect::from_x_y_ranges(
            screen.x_range(),
            (screen.bottom() - f32::from(radius.se) - 1.0).max(screen.top())
                ..=screen.bottom() + 1.5 * zoom,
        );
        painter.rect_filled(
            shadow,
            radius,
            Color32::from_black_alpha((30.0 * alpha) as u8),
        );
    }
    painter.rect_filled(screen, radius, fill);
    if detailed {
        painter.rect_stroke(screen, radius, palette.card_border, StrokeKind::Inside);
    } else if let Some(edge) = flat_card_edge(fill, palette) {
        painter.rect_stroke(
            screen,
            radius,
            Stroke::new(1.0, edge.gamma_multiply(alpha)),
            StrokeKind::Inside,
        );
    }
    if selected {
        painter.rect_stroke(
            screen.expand(2.0),
            radius,
            Stroke::new(2.5, SELECTION),
            StrokeKind::Outside,
        );
    }
    if show_text {
        let to_screen = |pos: Pos2| screen.min + (pos - card.rect.min) * zoom;
        text(painter, &card.text, to_screen(card.text.pos), zoom, palette);
        if let Some((_, badge)) = &card.badge {
            text(painter, badge, to_screen(badge.pos), zoom, palette);
        }
    }
}

fn paint_card(painter: &Painter, card: &CardBox, p: &Projection, overlay: &Overlay) {
    let screen = p.rect(card.rect);
    let dragged = overlay.dragged_card == Some(card.id)
        || (overlay
            .dragged_card
            .is_some_and(|d| overlay.group.contains(&d))
            && overlay.group.contains(&card.id));
    let alpha = if dragged { 0.35 } else { 1.0 };
    let show_text = overlay.editing_card != Some(card.id);
    let selected = overlay.is_selected(card.id);
    paint_card_at(painter, card, screen, p, selected, show_text, alpha);
    paint_find_mark(painter, card.id, screen, p.zoom(), selected, overlay);
}

/// Fades a card that the find bar did not match (a white veil over it), or outlines one it did, outside the
/// selection's outline.
fn paint_find_mark(
    painter: &Painter,
    card: CardId,
    screen: Rect,
    zoom: f32,
    selected: bool,
    overlay: &Overlay,
) {
    let radius = CornerRadius::same((4.0 * zoom).clamp(0.0, 255.0) as u8);
    if overlay.dimmed(Found::Card(card)) {
        let veil = Color32::from_white_alpha((FADE * 255.0) as u8);
        painter.rect_filled(screen.expand(1.0), radius, veil);
    } else if overlay.found(Found::Card(card)) {
        let outside = if selected { 5.0 } else { 1.5 };
        painter.rect_stroke(
            screen.expand(outside),
            radius,
            Stroke::new(3.0, FIND),
            StrokeKind::Outside,
        );
    }
}

fn paint_curve(painter: &Painter, curve: &EmotionCurve, p: &Projection, overlay: &Overlay) {
    let zoom = p.zoom();
    let zero = [
        p.pos(pos2(curve.path.first().map_or(0.0, |q| q.x), curve.zero_y)),
        p.pos(pos2(curve.path.last().map_or(0.0, |q| q.x), curve.zero_y)),
    ];
    if curve.path.len() >= 2 {
        painter.add(Shape::dashed_line(
            &zero,
            Stroke::new(1.0, NEUTRAL_LINE),
            6.0 * zoom,
            4.0 * zoom,
        ));
    }
    let path: Vec<Pos2> = curve.path.iter().map(|q| p.pos(*q)).collect();
    if path.len() >= 2 {
        painter.add(Shape::line(
            path,
            Stroke::new((2.5 * zoom).max(1.0), curve.color),
        ));
    }
    for point in &curve.points {
        let center = p.pos(point.center);
        let radius = FACE_RADIUS * zoom;
        paint_face(painter, center, radius, point.score);
        let found = Found::EmotionNote {
            lane: curve.lane,
            stage: point.stage,
        };
        let dimmed = overlay.dimmed(found);
        if dimmed {
            let veil = Color32::from_white_alpha((FADE * 255.0) as u8);
            painter.circle_filled(center, radius + 1.0, veil);
        } else if overlay.found(found) {
            painter.circle_stroke(center, radius + 3.0, Stroke::new(3.0, FIND));
        }
        if let Some(note) = &point.note {
            text_dimmed(painter, note, p.pos(note.pos), zoom, &p.palette, dimmed);
        }
    }
}

/// A Metrics lane's bars with their values, as the exports draw them (`export::scene`).
fn paint_chart(painter: &Painter, chart: &crate::layout::MetricChart, p: &Projection) {
    let zoom = p.zoom();
    for row in &chart.rows {
        let baseline = [
            p.pos(pos2(row.rect.left(), row.baseline_y)),
            p.pos(pos2(row.rect.right(), row.baseline_y)),
        ];
        painter.add(Shape::dashed_line(
            &baseline,
            Stroke::new(1.0, NEUTRAL_LINE),
            4.0 * zoom,
            3.0 * zoom,
        ));
        for bar in &row.bars {
            painter.rect_filled(p.rect(bar.rect), 2.0 * zoom, row.color);
            text(painter, &bar.value, p.pos(bar.value.pos), zoom, &p.palette);
        }
    }
}

/// A round face whose mouth and colour say the score.
pub fn paint_face(painter: &Painter, center: Pos2, radius: f32, score: i8) {
    painter.circle(
        center,
        radius,
        score_color(score),
        Stroke::new((radius * 0.12).max(0.5), Color32::from_black_alpha(90)),
    );
    if radius < 4.0 {
        return;
    }
    let ink = Color32::from_rgb(0x30, 0x30, 0x30);
    let face = FaceShape::new(center, radius, score);
    for eye in face.eyes {
        painter.circle_filled(eye, face.eye_radius, ink);
    }
    painter.add(Shape::line(face.mouth, Stroke::new(face.line_width, ink)));
}

#[cfg(test)]
mod tests {
    use egui::epaint::{Primitive, Vertex};

    use super::*;
    use crate::layout::{TextEngine, layout_map};
    use crate::model::{CardColor, sample};

    const SCREEN: Rect = Rect::from_min_max(Pos2::ZERO, pos2(1600.0, 1000.0));

    /// Paints the map as the canvas does and returns every vertex the renderer would get.
    fn painted_vertices(layout: &MapLayout, view: View) -> Vec<Vertex> {
        painted_vertices_in(layout, view, Palette::SCREEN)
    }

    fn painted_vertices_in(layout: &MapLayout, view: View, palette: Palette) -> Vec<Vertex> {
        let ctx = egui::Context::default();
        ctx.set_fonts(crate::layout::fonts::font_definitions());
        let input = |_| egui::RawInput {
            screen_rect: Some(SCREEN),
            ..Default::default()
        };
        let paint = |ui: &mut egui::Ui| {
            let mut projection = Projection::new(view, SCREEN, layout);
            projection.palette = palette;
            paint_map(ui.painter(), layout, &projection, &Overlay::default());
        };
        // The first frame only loads the fonts.
        ctx.run_ui(input(0), paint).textures_delta.clear();
        let mut output = ctx.run_ui(input(1), paint);
        output.textures_delta.clear();
        ctx.tessellate(output.shapes, output.pixels_per_point)
            .into_iter()
            .flat_map(|p| match p.primitive {
                Primitive::Mesh(mesh) => mesh.vertices,
                Primitive::Callback(_) => Vec::new(),
            })
            .collect()
    }

    /// A colour as it ends up over the white of a cell.
    fn over_white(c: Color32) -> [u8; 3] {
        let [r, g, b, a] = c.to_array();
        let under = 255 - a;
        [r, g, b].map(|v| v.saturating_add(under))
    }

    #[test]
    fn white_cards_stay_visible_as_shapes_at_every_zoom() {
        let mut map = sample::generated_map(60);
        for card in &mut map.cards {
            card.color = CardColor::White;
        }
        let layout = layout_map(&map, &mut TextEngine::new());
        for zoom in [0.05, 0.2, 0.5, 1.0] {
            let view = View {
                pan: vec2(10.0, 10.0) - layout.grid_left * zoom * Vec2::X,
                zoom,
            };
            let vertices = painted_vertices(&layout, view);
            let projection = Projection::new(view, SCREEN, &layout);
            let mut checked = 0;
            for card in &layout.cards {
                let screen = projection.rect(card.rect);
                if !SCREEN.contains_rect(screen) {
                    continue;
                }
                checked += 1;
                // The card's outline: the band within a pixel inside its edge must differ from the cell's white.
                let inner = screen.shrink(1.0);
                let darkest = vertices
                    .iter()
                    .filter(|v| screen.contains(v.pos) && !inner.contains(v.pos))
                    .map(|v| over_white(v.color).into_iter().min().unwrap_or(255))
                    .min()
                    .unwrap_or(255);
                assert!(
                    darkest <= 255 - 24,
                    "at zoom {zoom} the white card {:?} has no visible edge (darkest {darkest})",
                    card.id
                );
            }
            assert!(
                checked > 10,
                "only {checked} cards on screen at zoom {zoom}"
            );
        }
    }

    #[test]
    fn projector_colours_draw_black_text_and_darker_grid_lines() {
        let layout = layout_map(&sample::stroller_map(), &mut TextEngine::new());
        let view = View {
            pan: vec2(10.0, 10.0),
            zoom: 1.0,
        };
        let count = |palette, color| {
            painted_vertices_in(&layout, view, palette)
                .iter()
                .filter(|v| v.color == color)
                .count()
        };
        assert_eq!(count(Palette::SCREEN, Color32::BLACK), 0);
        assert!(
            count(Palette::PROJECTOR, Color32::BLACK) > 1000,
            "black text"
        );
        let grid = Palette::PROJECTOR.grid_line.color;
        assert_eq!(count(Palette::SCREEN, grid), 0);
        assert!(count(Palette::PROJECTOR, grid) > 20, "darker grid lines");
    }
}
