//! Journey paths drawn as arrows over the grid: where each link's line runs, its arrowhead, and the legend
//! that says what each kind of line means. Shared by the canvas and every export, so they draw the same arrows.
//!
//! Arrows leave and enter cards at their sides and run in the gutters between columns and along the free
//! strip at the bottom of each lane (below the last card of every cell), so that they go around cards rather
//! than through them. Corners are rounded.

use std::collections::HashMap;

use egui::{Color32, Pos2, Rect, Vec2, pos2, vec2};

use super::style::*;
use super::{CardBox, CellBox, Face, LaneBox, StageBox, TextBlock, TextEngine, block};
use crate::model::{CardId, LinkId, LinkKind, Map};

/// How far the arrowhead reaches back from its tip, and half its width, in map units.
pub const HEAD_LENGTH: f32 = 8.0;
pub const HEAD_HALF_WIDTH: f32 = 4.5;
/// The radius of the handle on a card's right edge that starts a link when dragged.
pub const HANDLE_RADIUS: f32 = 5.0;
/// How round the corners of a route are, in map units.
pub const CORNER_RADIUS: f32 = 7.0;

/// One link, placed.
#[derive(Clone, Debug)]
pub struct LinkBox {
    pub id: LinkId,
    pub kind: LinkKind,
    pub from: CardId,
    pub to: Option<CardId>,
    /// The line as a polyline in map units, from the side of the card it leaves to the arrowhead's base.
    pub path: Vec<Pos2>,
    /// The same line with sharp corners: a handful of points, for views too small to show the rounding.
    pub corners: Vec<Pos2>,
    /// The arrowhead: its tip, then the two back corners.
    pub head: [Pos2; 3],
    /// An exit out of the map ends in a short bar across the tip: the way out.
    pub stop: Option<[Pos2; 2]>,
}

/// How a kind of link is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkStyle {
    pub color: Color32,
    pub width: f32,
    /// Dash and gap lengths, in map units.
    pub dash: Option<[f32; 2]>,
}

/// The look of each kind: a reader tells them apart by colour and by line (solid, dashed, dotted).
pub fn link_style(kind: LinkKind) -> LinkStyle {
    match kind {
        LinkKind::Next => LinkStyle {
            color: Color32::from_rgb(0x3A, 0x4E, 0x6E),
            width: 2.0,
            dash: None,
        },
        LinkKind::Skip => LinkStyle {
            color: Color32::from_rgb(0x2E, 0x86, 0xC1),
            width: 2.0,
            dash: Some([8.0, 5.0]),
        },
        LinkKind::Return => LinkStyle {
            color: Color32::from_rgb(0xD3, 0x7A, 0x12),
            width: 2.0,
            dash: Some([2.5, 3.5]),
        },
        LinkKind::Exit => LinkStyle {
            color: Color32::from_rgb(0xC6, 0x2F, 0x3A),
            width: 2.5,
            dash: None,
        },
    }
}

/// Where the handle that starts a link sits on a card: the middle of its right edge.
pub fn link_handle(card: Rect) -> Pos2 {
    pos2(card.right(), card.center().y)
}

/// One line of the legend: a sample arrow and what it means.
#[derive(Clone, Debug)]
pub struct LegendEntry {
    pub kind: LinkKind,
    pub line: [Pos2; 2],
    pub head: [Pos2; 3],
    pub text: TextBlock,
}

/// The legend under the grid, for the kinds of link the map uses.
#[derive(Clone, Debug)]
pub struct LinkLegend {
    pub rect: Rect,
    pub entries: Vec<LegendEntry>,
}

/// Where a card is: its box, and its column and row.
struct Placed {
    rect: Rect,
    stage: usize,
    lane: usize,
}

/// Places every link of the map.
pub(super) fn layout_links(
    map: &Map,
    stages: &[StageBox],
    lanes: &[LaneBox],
    cells: &[CellBox],
    cards: &[CardBox],
) -> Vec<LinkBox> {
    if map.links.is_empty() || stages.is_empty() {
        return Vec::new();
    }
    let mut placed = HashMap::with_capacity(cards.len());
    for (i, cell) in cells.iter().enumerate() {
        let (lane, stage) = (i / stages.len(), i % stages.len());
        for card in cards.get(cell.cards.clone()).unwrap_or(&[]) {
            placed.insert(
                card.id,
                Placed {
                    rect: card.rect,
                    stage,
                    lane,
                },
            );
        }
    }
    let router = Router {
        stages,
        lanes,
        cells,
        cards,
    };
    // Where each link leaves and enters its cards: several links at one side of a card share it out, ordered
    // by where their other end is, so that they neither cover each other nor cross there.
    let mut ports: HashMap<(CardId, bool), Vec<(usize, f32)>> = HashMap::new();
    let mut ends = Vec::with_capacity(map.links.len());
    for (i, link) in map.links.iter().enumerate() {
        let Some(from) = placed.get(&link.from) else {
            ends.push(None);
            continue;
        };
        let to = link.to.and_then(|to| placed.get(&to));
        if link.to.is_some() && to.is_none() {
            ends.push(None);
            continue;
        }
        // Forward and within a column a link leaves from the right side; back from the left.
        let (from_right, to_right) = match to {
            Some(to) if to.stage < from.stage => (false, true),
            Some(to) if to.stage == from.stage => (true, true),
            _ => (true, false),
        };
        let other_y = to.map_or(from.rect.center().y, |t| t.rect.center().y);
        ports
            .entry((link.from, from_right))
            .or_default()
            .push((i, other_y));
        if let (Some(to_id), Some(_)) = (link.to, to) {
            ports
                .entry((to_id, to_right))
                .or_default()
                .push((i, from.rect.center().y));
        }
        ends.push(Some((from, to, from_right, to_right)));
    }
    let mut port_y: HashMap<(usize, CardId), f32> = HashMap::new();
    for ((card, _), mut users) in ports {
        let Some(rect) = placed.get(&card).map(|p| p.rect) else {
            continue;
        };
        users.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        let n = users.len() as f32;
        for (k, (link, _)) in users.into_iter().enumerate() {
            let y = rect.top() + rect.height() * (k as f32 + 1.0) / (n + 1.0);
            port_y.insert((link, card), y);
        }
    }
    map.links
        .iter()
        .zip(ends)
        .enumerate()
        .filter_map(|(i, (link, ends))| {
            let (from, to, from_right, to_right) = ends?;
            // Links that share a gutter are set a little apart.
            let offset = (i % 3) as f32 * 3.0 - 3.0;
            let side = |rect: Rect, right: bool, card: CardId| {
                let y = port_y.get(&(i, card)).copied().unwrap_or(rect.center().y);
                pos2(if right { rect.right() } else { rect.left() }, y)
            };
            let start = side(from.rect, from_right, link.from);
            let (corners, stop) = match (to, link.to) {
                (Some(to), Some(to_id)) => {
                    let end = side(to.rect, to_right, to_id);
                    (router.route(from, to, start, end, offset), false)
                }
                _ => (vec![start, start + vec2(CELL_PADDING + 6.0, 0.0)], true),
            };
            let (path, corners, head) = finish(&corners);
            let stop = stop.then(|| {
                let tip = head[0];
                [tip - vec2(0.0, 6.0), tip + vec2(0.0, 6.0)]
            });
            Some(LinkBox {
                id: link.id,
                kind: link.kind,
                from: link.from,
                to: link.to,
                path,
                corners,
                head,
                stop,
            })
        })
        .collect()
}

struct Router<'a> {
    stages: &'a [StageBox],
    lanes: &'a [LaneBox],
    cells: &'a [CellBox],
    cards: &'a [CardBox],
}

impl Router<'_> {
    /// The corners of the route from one card to another.
    /// The corners of the route between two points on the sides of two cards.
    fn route(&self, from: &Placed, to: &Placed, start: Pos2, end: Pos2, offset: f32) -> Vec<Pos2> {
        let column = |s: usize| &self.stages[s].column;
        if from.stage == to.stage {
            // In one column: out of the right side, down or up the gutter, back in at the right side.
            let g = column(from.stage).end + offset;
            return vec![start, pos2(g, start.y), pos2(g, end.y), end];
        }
        let (g1, g2) = if to.stage > from.stage {
            (
                column(from.stage).end + offset,
                column(to.stage).start + offset,
            )
        } else {
            (
                column(from.stage).start + offset,
                column(to.stage).end + offset,
            )
        };
        if from.stage.abs_diff(to.stage) == 1 {
            return vec![start, pos2(g1, start.y), pos2(g1, end.y), end];
        }
        // Over stages: straight across when no card of the lane is in the way, else along the lane's free
        // strip at the bottom.
        let (lo, hi) = (from.stage.min(to.stage) + 1, from.stage.max(to.stage));
        let y = if self.clear(from.lane, lo..hi, start.y) {
            start.y
        } else {
            self.lanes[from.lane].rows.end - CELL_PADDING - ADD_BUTTON_HEIGHT / 2.0 + offset
        };
        vec![
            start,
            pos2(g1, start.y),
            pos2(g1, y),
            pos2(g2, y),
            pos2(g2, end.y),
            end,
        ]
    }

    /// Whether a horizontal line at `y` crosses no card of a lane in these columns.
    fn clear(&self, lane: usize, columns: std::ops::Range<usize>, y: f32) -> bool {
        columns.into_iter().all(|s| {
            let Some(cell) = self.cells.get(lane * self.stages.len() + s) else {
                return true;
            };
            self.cards
                .get(cell.cards.clone())
                .unwrap_or(&[])
                .iter()
                .all(|c| y < c.rect.top() - 3.0 || y > c.rect.bottom() + 3.0)
        })
    }
}

/// Rounds the corners of a route, and ends it at the base of its arrowhead.
fn finish(corners: &[Pos2]) -> (Vec<Pos2>, Vec<Pos2>, [Pos2; 3]) {
    let mut points: Vec<Pos2> = Vec::with_capacity(corners.len());
    for &p in corners {
        if points.last().is_none_or(|q| q.distance(p) > 0.01) {
            points.push(p);
        }
    }
    // A corner whose neighbours are in line is no corner.
    let mut i = 1;
    while i + 1 < points.len() {
        let (d1, d2) = (points[i] - points[i - 1], points[i + 1] - points[i]);
        if d1.x * d2.y - d1.y * d2.x == 0.0 && d1.dot(d2) > 0.0 {
            points.remove(i);
        } else {
            i += 1;
        }
    }
    let tip = points.last().copied().unwrap_or(Pos2::ZERO);
    let before = points
        .len()
        .checked_sub(2)
        .map_or(tip - vec2(1.0, 0.0), |i| points[i]);
    let direction = (tip - before).normalized();
    let direction = if direction.is_finite() {
        direction
    } else {
        Vec2::X
    };
    let base = tip - direction * HEAD_LENGTH;
    let normal = direction.rot90() * HEAD_HALF_WIDTH;
    let head = [tip, base + normal, base - normal];
    // The line stops just inside the head, so a thick line does not show past its tip.
    if let Some(last) = points.last_mut() {
        *last = base + direction * 1.0;
    }
    (round_corners(&points), points, head)
}

/// The polyline with each corner replaced by a short curve.
fn round_corners(points: &[Pos2]) -> Vec<Pos2> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut out = Vec::with_capacity(points.len() * 6);
    out.push(points[0]);
    for i in 1..points.len() - 1 {
        let (prev, corner, next) = (points[i - 1], points[i], points[i + 1]);
        let r = CORNER_RADIUS
            .min(prev.distance(corner) / 2.0)
            .min(next.distance(corner) / 2.0);
        let enter = corner + (prev - corner).normalized() * r;
        let leave = corner + (next - corner).normalized() * r;
        // A quadratic curve through the corner, as a few segments.
        for step in 0..=4 {
            let t = step as f32 / 4.0;
            let u = 1.0 - t;
            let p = enter.to_vec2() * (u * u)
                + corner.to_vec2() * (2.0 * u * t)
                + leave.to_vec2() * (t * t);
            out.push(p.to_pos2());
        }
    }
    if let Some(&last) = points.last() {
        out.push(last);
    }
    out
}

/// The legend under the grid: one sample arrow and its meaning per kind of link the map uses, in the map's
/// language. `None` when the map has no links.
pub(super) fn layout_legend(
    map: &Map,
    links: &[LinkBox],
    engine: &mut TextEngine,
    left: f32,
    top: f32,
) -> Option<LinkLegend> {
    let language = crate::i18n::map_language(map);
    let mut x = left;
    let mut entries = Vec::new();
    for kind in LinkKind::ALL {
        if !links.iter().any(|l| l.kind == kind) {
            continue;
        }
        let y = top + 10.0;
        let line = [pos2(x, y), pos2(x + 34.0, y)];
        let head = [
            pos2(x + 34.0 + HEAD_LENGTH, y),
            pos2(x + 34.0, y - HEAD_HALF_WIDTH),
            pos2(x + 34.0, y + HEAD_HALF_WIDTH),
        ];
        let words = crate::i18n::tr_in(language, kind.key(), &[]);
        let width = engine.width(&words, Face::Regular, SMALL_SIZE) + WRAP_SLACK;
        let line_height = engine.line_height(Face::Regular, SMALL_SIZE);
        let text = block(
            engine,
            &words,
            Face::Regular,
            SMALL_SIZE,
            width + 10.0,
            pos2(x + 34.0 + HEAD_LENGTH + 6.0, y - line_height / 2.0),
            TEXT,
        );
        x = text.pos.x + width + 24.0;
        entries.push(LegendEntry {
            kind,
            line,
            head,
            text,
        });
    }
    if entries.is_empty() {
        return None;
    }
    Some(LinkLegend {
        rect: Rect::from_min_max(pos2(left, top), pos2(x, top + 20.0)),
        entries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, build};
    use crate::layout::layout_map;
    use crate::model::sample::stroller_map;

    #[test]
    fn arrows_leave_and_enter_card_sides_and_follow_a_moved_card() {
        let mut map = stroller_map();
        // Only this test's link (the sample has links of its own).
        map.links.clear();
        let (a, b) = (map.cards[0].id, map.cards[5].id);
        let link = build::add_link(&map, a, Some(b), LinkKind::Next);
        apply(&mut map, link).unwrap();
        let mut engine = TextEngine::new();
        let layout = layout_map(&map, &mut engine);
        let arrow = &layout.links[0];
        let (ra, rb) = (layout.card(a).unwrap().rect, layout.card(b).unwrap().rect);
        let start = arrow.path[0];
        assert!(
            (start.x - ra.right()).abs() < 0.01 || (start.x - ra.left()).abs() < 0.01,
            "leaves a side"
        );
        let tip = arrow.head[0];
        assert!((tip.x - rb.left()).abs() < 0.01 || (tip.x - rb.right()).abs() < 0.01);
        assert!((tip.y - rb.center().y).abs() < 0.01);
        // No point of the line is inside a card other than where it leaves and enters.
        for card in &layout.cards {
            for p in &arrow.path {
                assert!(
                    !card.rect.shrink(1.0).contains(*p),
                    "the arrow runs through card {:?}",
                    card.id
                );
            }
        }
        let last_stage = map.stages.last().unwrap().id;
        let lane = map.card(b).unwrap().lane;
        let moved = build::move_card(&map, b, last_stage, lane, None).unwrap();
        apply(&mut map, moved).unwrap();
        let layout = layout_map(&map, &mut engine);
        let rb = layout.card(b).unwrap().rect;
        let tip = layout.links[0].head[0];
        assert!((tip.x - rb.left()).abs() < 0.01 && (tip.y - rb.center().y).abs() < 0.01);
        assert!(layout.legend.is_some());
    }
}
