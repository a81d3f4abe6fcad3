//! Journey paths on the canvas: drawing the arrows and their legend, the handle on a card that starts a link
//! when dragged, finding the link under the pointer, and choosing a link's target from the keyboard.

use egui::{Color32, Key, Mesh, Modifiers, Painter, Pos2, Rect, Shape, Stroke, Ui};

use super::Canvas;
use super::paint::{Projection, SELECTION};
use crate::edit::{Document, build};
use crate::layout::{CORNER_RADIUS, HANDLE_RADIUS, LinkBox, MapLayout, link_handle, link_style};
use crate::model::{CardId, LinkId, Map};
use crate::ui::selection::{Direction, Selection, navigate};

/// The colour of the card a keyboard link is about to go to.
pub(super) const PICK: Color32 = Color32::from_rgb(0xE0, 0x8A, 0x00);

/// How close the pointer must be to a link or a handle to take it, in screen points.
const GRAB: f32 = 6.0;

/// A link being made from the keyboard: from a card, to the card the arrow keys have chosen so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkPick {
    pub from: CardId,
    pub target: Selection,
}

impl Canvas {
    /// "Link to…": starts choosing the card a link from the selected card goes to, beginning with the card
    /// at the same place of the next stage.
    pub fn start_link_pick(&mut self, map: &Map) {
        let Selection::Card(from) = self.selection else {
            return;
        };
        let next = navigate(map, self.selection, Direction::Right);
        let target = match next {
            Selection::Card(id) if id != from => next,
            _ => self.selection,
        };
        self.link_pick = Some(LinkPick { from, target });
    }

    /// Makes a link from a card to another (or, with no card, out of the map) and selects it. The kind
    /// follows from where the cards sit ([`build::link_kind_between`]); the side panel changes it.
    pub(super) fn make_link(&mut self, doc: &mut Document, from: CardId, to: Option<CardId>) {
        let kind = build::link_kind_between(doc.map(), from, to);
        let edit = build::add_link(doc.map(), from, to, kind);
        let id = LinkId(doc.map().next_id);
        match doc.apply(edit) {
            Ok(()) => self.select_one(Selection::Link(id)),
            Err(error) => self.refused = Some(error),
        }
    }

    /// The keys while a link's target is being chosen: arrows move the choice, Enter links to the chosen
    /// card, E makes an exit (the person leaves here), Escape gives up. Returns whether a choice is under way.
    pub(super) fn link_pick_keys(&mut self, ui: &Ui, doc: &mut Document) -> bool {
        let Some(mut pick) = self.link_pick else {
            return false;
        };
        if doc.map().card(pick.from).is_none() {
            self.link_pick = None;
            return false;
        }
        let pressed = |key: Key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        for (key, direction) in [
            (Key::ArrowLeft, Direction::Left),
            (Key::ArrowRight, Direction::Right),
            (Key::ArrowUp, Direction::Up),
            (Key::ArrowDown, Direction::Down),
        ] {
            if pressed(key) {
                let next = navigate(doc.map(), pick.target, direction);
                // Headers are not cards: the choice stays in the grid.
                if matches!(next, Selection::Card(_) | Selection::Cell(..)) {
                    pick.target = next;
                }
            }
        }
        self.link_pick = Some(pick);
        if pressed(Key::Escape) {
            self.link_pick = None;
        } else if pressed(Key::E) {
            self.link_pick = None;
            self.make_link(doc, pick.from, None);
        } else if pressed(Key::Enter)
            && let Selection::Card(to) = pick.target
            && to != pick.from
        {
            self.link_pick = None;
            self.make_link(doc, pick.from, Some(to));
        }
        true
    }

    /// The card whose link handle is under a screen point.
    pub(super) fn handle_at(
        &self,
        layout: &MapLayout,
        proj: &Projection,
        map_pos: Pos2,
    ) -> Option<CardId> {
        let reach = (HANDLE_RADIUS + GRAB / 2.0).max(GRAB / proj.zoom());
        // The handle straddles the card's right edge: the card is in the cell under the point, or left of it.
        let cells = [
            layout.cell_at(map_pos),
            layout.cell_at(map_pos - egui::vec2(reach, 0.0)),
        ];
        cells.into_iter().flatten().find_map(|cell| {
            layout.cards[cell.cards.clone()]
                .iter()
                .find(|c| link_handle(c.rect).distance(map_pos) <= reach)
                .map(|c| c.id)
        })
    }

    /// The link whose line or arrowhead is under a point of the map.
    pub(super) fn link_at(layout: &MapLayout, proj: &Projection, map_pos: Pos2) -> Option<LinkId> {
        let reach = GRAB / proj.zoom();
        layout
            .links
            .iter()
            .rev()
            .find(|link| near(link, map_pos, reach))
            .map(|l| l.id)
    }
}

fn near(link: &LinkBox, p: Pos2, reach: f32) -> bool {
    // The sharp corners are within a few units of the drawn line, and far fewer to test.
    let segments = link.corners.windows(2).map(|w| (w[0], w[1])).chain([(
        link.head[0],
        link.head[1] + (link.head[2] - link.head[1]) / 2.0,
    )]);
    for (a, b) in segments {
        let ab = b - a;
        let t = if ab.length_sq() > 0.0 {
            ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
        } else {
            0.0
        };
        if (a + ab * t).distance(p) <= reach {
            return true;
        }
    }
    false
}

/// Draws the arrows, the selected one highlighted.
pub(super) fn paint_links(
    painter: &Painter,
    layout: &MapLayout,
    p: &Projection,
    selected: Option<LinkId>,
) {
    let zoom = p.zoom();
    let visible = p.visible_map_rect().expand(20.0);
    // Below a couple of pixels the rounded corners and the dashes cannot be seen, but they cost many
    // vertices: a small view draws each link with its few sharp corners, and dashes as a plain line.
    let rounded = CORNER_RADIUS * zoom >= 5.0;
    // Every dash of every link goes into one mesh: as shapes of their own, thousands of dashes would cost
    // more than everything else in the frame.
    let mut dashes = Mesh::default();
    let clip = painter.clip_rect().expand(4.0);
    for link in &layout.links {
        let route = if rounded { &link.path } else { &link.corners };
        let in_view = link.corners.iter().any(|q| visible.contains(*q))
            || link.corners.windows(2).any(|w| {
                egui::Rect::from_two_pos(w[0], w[1])
                    .expand(1.0)
                    .intersects(visible)
            });
        if !in_view {
            continue;
        }
        let points: Vec<Pos2> = route.iter().map(|q| p.pos(*q)).collect();
        let style = link_style(link.kind);
        let width = (style.width * zoom).max(1.0);
        if selected == Some(link.id) {
            let halo = Stroke::new(width + 6.0, SELECTION.gamma_multiply(0.35));
            painter.add(Shape::line(points.clone(), halo));
        }
        let stroke = Stroke::new(width, style.color);
        match style.dash.filter(|[on, _]| on * zoom >= 2.0) {
            Some([on, off]) => {
                dash_into(&mut dashes, &points, stroke, [on * zoom, off * zoom], clip)
            }
            None => {
                painter.add(Shape::line(points, stroke));
            }
        }
        let head = link.head.map(|q| p.pos(q));
        painter.add(Shape::convex_polygon(
            head.to_vec(),
            style.color,
            Stroke::NONE,
        ));
        if let Some([a, b]) = link.stop {
            painter.line_segment([p.pos(a), p.pos(b)], stroke);
        }
    }
    if !dashes.is_empty() {
        painter.add(Shape::mesh(dashes));
    }
}

/// Adds the dashes of a dashed polyline to a mesh, each piece a quad along its segment; pieces outside `clip`
/// are left out.
fn dash_into(mesh: &mut Mesh, points: &[Pos2], stroke: Stroke, [on, off]: [f32; 2], clip: Rect) {
    let half = stroke.width / 2.0;
    let mut quad = |a: Pos2, b: Pos2| {
        if !Rect::from_two_pos(a, b).expand(half).intersects(clip) {
            return;
        }
        let along = (b - a).normalized();
        if !along.is_finite() {
            return;
        }
        let across = along.rot90() * half;
        // Dashes reach half a width past their ends, as butt-capped lines meeting at a corner do.
        let (a, b) = (a - along * half * 0.5, b + along * half * 0.5);
        let base = mesh.vertices.len() as u32;
        for pos in [a + across, b + across, b - across, a - across] {
            mesh.vertices.push(egui::epaint::Vertex {
                pos,
                uv: egui::epaint::WHITE_UV,
                color: stroke.color,
            });
        }
        mesh.indices
            .extend([base, base + 1, base + 2, base, base + 2, base + 3]);
    };
    let period = on + off;
    // How far into the current period the walk is.
    let mut phase = 0.0;
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let length = a.distance(b);
        let mut done = 0.0;
        while done < length {
            let left_in_state = if phase < on {
                on - phase
            } else {
                period - phase
            };
            let step = left_in_state.min(length - done);
            if phase < on {
                let t0 = done / length;
                let t1 = (done + step) / length;
                quad(a.lerp(b, t0), a.lerp(b, t1));
            }
            done += step;
            phase = (phase + step) % period;
        }
    }
}

/// Draws the legend under the grid, as exports do.
pub(super) fn paint_legend(painter: &Painter, layout: &MapLayout, p: &Projection) {
    let Some(legend) = &layout.legend else {
        return;
    };
    let zoom = p.zoom();
    for entry in &legend.entries {
        let style = link_style(entry.kind);
        let stroke = Stroke::new((style.width * zoom).max(1.0), style.color);
        let line = entry.line.map(|q| p.pos(q));
        match style.dash {
            Some([on, off]) => painter.extend(Shape::dashed_line(
                &line,
                stroke,
                (on * zoom).max(1.5),
                (off * zoom).max(1.5),
            )),
            None => {
                painter.line_segment(line, stroke);
            }
        }
        painter.add(Shape::convex_polygon(
            entry.head.map(|q| p.pos(q)).to_vec(),
            style.color,
            Stroke::NONE,
        ));
        super::paint::text(
            painter,
            &entry.text,
            p.pos(entry.text.pos),
            zoom,
            &p.palette,
        );
    }
}

/// The handle on a card's right edge that starts a link, and the arrow following the pointer while one is
/// being drawn.
pub(super) fn paint_handle(painter: &Painter, center: Pos2, active: bool) {
    let fill = if active {
        SELECTION
    } else {
        Color32::from_rgb(0xFF, 0xFF, 0xFF)
    };
    painter.circle(
        center,
        HANDLE_RADIUS + 1.0,
        fill,
        Stroke::new(2.0, SELECTION),
    );
}

pub(super) fn paint_preview(painter: &Painter, [from, to]: [Pos2; 2]) {
    let stroke = Stroke::new(2.0, SELECTION);
    painter.extend(Shape::dashed_line(&[from, to], stroke, 6.0, 4.0));
    painter.circle_filled(to, 4.0, SELECTION);
}
