//! The map as a list of simple drawing shapes, in painting order, in map units: what the canvas draws, without
//! selection, hover or "+" buttons. The SVG writer and the PNG rasteriser both draw this list, so they agree.

use egui::{Color32, Pos2, Rect, pos2, vec2};

use crate::layout::style::*;
use crate::layout::{FaceShape, MapLayout, TextBlock};

/// One thing to draw.
#[derive(Clone, Debug)]
pub enum Shape<'a> {
    /// A filled rectangle with rounded corners (radius 0 for square ones).
    Rect {
        rect: Rect,
        radius: f32,
        fill: Color32,
    },
    /// A rectangle's outline, drawn inside it as egui's `StrokeKind::Inside`: `rect` is the line's centre.
    RectStroke {
        rect: Rect,
        radius: f32,
        color: Color32,
        width: f32,
    },
    /// An open polyline.
    Line {
        points: std::borrow::Cow<'a, [Pos2]>,
        color: Color32,
        width: f32,
        /// Dash and gap lengths.
        dash: Option<[f32; 2]>,
        round: bool,
    },
    /// A filled polygon (an arrowhead).
    Polygon {
        points: std::borrow::Cow<'a, [Pos2]>,
        fill: Color32,
    },
    /// An emotion face: its circle, eyes and mouth.
    Face {
        center: Pos2,
        radius: f32,
        score: i8,
    },
    /// The persona photo, stretched over the rectangle as on the canvas.
    Photo { rect: Rect },
    /// One line of a text block.
    Text { block: &'a TextBlock, line: usize },
}

impl Shape<'_> {
    /// How far up and down the shape reaches, in map units (strokes and anti-aliasing included).
    pub fn y_range(&self) -> (f32, f32) {
        match self {
            Shape::Rect { rect, .. } | Shape::Photo { rect } => (rect.top(), rect.bottom()),
            Shape::RectStroke { rect, width, .. } => (rect.top() - width, rect.bottom() + width),
            Shape::Line { points, width, .. } => {
                let (lo, hi) = points.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| {
                    (lo.min(p.y), hi.max(p.y))
                });
                (lo - width, hi + width)
            }
            Shape::Polygon { points, .. } => {
                let (lo, hi) = points.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| {
                    (lo.min(p.y), hi.max(p.y))
                });
                (lo - 1.0, hi + 1.0)
            }
            Shape::Face { center, radius, .. } => {
                (center.y - radius - 1.0, center.y + radius + 1.0)
            }
            Shape::Text { block, line } => {
                let top = block.pos.y + *line as f32 * block.line_height;
                // Accents and descenders of the fallback font can reach a little beyond the line.
                (
                    top - block.size * 0.3,
                    top + block.line_height + block.size * 0.3,
                )
            }
        }
    }
}

/// The colour of the faces' eyes and mouths.
pub const FACE_INK: Color32 = Color32::from_rgb(0x30, 0x30, 0x30);
/// The faces' outline.
pub fn face_outline(radius: f32) -> (Color32, f32) {
    (Color32::from_black_alpha(90), (radius * 0.12).max(0.5))
}

pub fn face_parts(center: Pos2, radius: f32, score: i8) -> FaceShape {
    FaceShape::new(center, radius, score)
}

fn text<'a>(out: &mut Vec<Shape<'a>>, block: &'a TextBlock) {
    for (line, content) in block.lines.iter().enumerate() {
        if !content.trim().is_empty() {
            out.push(Shape::Text { block, line });
        }
    }
}

fn inner_stroke(out: &mut Vec<Shape<'_>>, rect: Rect, color: Color32, width: f32, radius: f32) {
    let inner = rect.shrink(width / 2.0);
    if inner.width() > 0.0 && inner.height() > 0.0 {
        out.push(Shape::RectStroke {
            rect: inner,
            radius: (radius - width / 2.0).max(0.0),
            color,
            width,
        });
    }
}

/// Everything to draw, in order. Headers come before the cells, so that text reads in order (title, persona,
/// stages, then lane by lane); in an export nothing overlaps, so the order does not change the picture.
pub fn build(layout: &MapLayout) -> Vec<Shape<'_>> {
    let mut out = Vec::with_capacity(64 + layout.cards.len() * 8);
    text(&mut out, &layout.title);
    if let Some(rect) = layout.persona.photo {
        out.push(Shape::Photo { rect });
    }
    for block in &layout.persona.texts {
        text(&mut out, block);
    }
    out.push(Shape::Rect {
        rect: Rect::from_min_max(
            pos2(layout.grid_left, layout.grid_top),
            pos2(layout.grid_right, layout.grid_bottom),
        ),
        radius: 0.0,
        fill: Color32::WHITE,
    });
    out.push(Shape::Rect {
        rect: Rect::from_min_size(
            pos2(layout.grid_left, layout.grid_top),
            vec2(LANE_HEADER_WIDTH, layout.stage_header_height),
        ),
        radius: 0.0,
        fill: HEADER_FILL,
    });
    for stage in &layout.stages {
        out.push(Shape::Rect {
            rect: stage.header,
            radius: 0.0,
            fill: HEADER_FILL,
        });
        inner_stroke(
            &mut out,
            stage.header,
            Color32::from_white_alpha(40),
            1.0,
            0.0,
        );
        for block in &stage.texts {
            text(&mut out, block);
        }
    }
    let stage_count = layout.stages.len();
    for (lane_index, lane) in layout.lanes.iter().enumerate() {
        out.push(Shape::Rect {
            rect: lane.header,
            radius: 0.0,
            fill: LANE_FILL,
        });
        inner_stroke(&mut out, lane.header, GRID_LINE, 1.0, 0.0);
        for block in &lane.texts {
            text(&mut out, block);
        }
        for item in &lane.legend {
            out.push(Shape::Rect {
                rect: item.swatch,
                radius: 2.0,
                fill: item.color,
            });
            text(&mut out, &item.text);
        }
        let cells = layout
            .cells
            .get(lane_index * stage_count..(lane_index + 1) * stage_count)
            .unwrap_or(&[]);
        for cell in cells {
            inner_stroke(&mut out, cell.rect, GRID_LINE, 1.0, 0.0);
            for card in layout.cards.get(cell.cards.clone()).unwrap_or(&[]) {
                const RADIUS: f32 = 4.0;
                out.push(Shape::Rect {
                    rect: card.rect.translate(vec2(0.0, 1.5)),
                    radius: RADIUS,
                    fill: Color32::from_black_alpha(30),
                });
                out.push(Shape::Rect {
                    rect: card.rect,
                    radius: RADIUS,
                    fill: card.fill(),
                });
                inner_stroke(&mut out, card.rect, CARD_BORDER, 1.0, RADIUS);
                text(&mut out, &card.text);
                if let Some((_, badge)) = &card.badge {
                    text(&mut out, badge);
                }
            }
        }
        for curve in layout.curves.iter().filter(|c| c.lane == lane.id) {
            if curve.path.len() >= 2 {
                let left = curve.path.first().map_or(0.0, |p| p.x);
                let right = curve.path.last().map_or(0.0, |p| p.x);
                out.push(Shape::Line {
                    points: vec![pos2(left, curve.zero_y), pos2(right, curve.zero_y)].into(),
                    color: NEUTRAL_LINE,
                    width: 1.0,
                    dash: Some([6.0, 4.0]),
                    round: false,
                });
                out.push(Shape::Line {
                    points: curve.path.as_slice().into(),
                    color: curve.color,
                    width: 2.5,
                    dash: None,
                    round: true,
                });
            }
            for point in &curve.points {
                out.push(Shape::Face {
                    center: point.center,
                    radius: FACE_RADIUS,
                    score: point.score,
                });
                if let Some(note) = &point.note {
                    text(&mut out, note);
                }
            }
        }
        for chart in layout.charts.iter().filter(|c| c.lane == lane.id) {
            for row in &chart.rows {
                out.push(Shape::Line {
                    points: vec![
                        pos2(row.rect.left(), row.baseline_y),
                        pos2(row.rect.right(), row.baseline_y),
                    ]
                    .into(),
                    color: NEUTRAL_LINE,
                    width: 1.0,
                    dash: Some([4.0, 3.0]),
                    round: false,
                });
                for bar in &row.bars {
                    out.push(Shape::Rect {
                        rect: bar.rect,
                        radius: 2.0,
                        fill: row.color,
                    });
                    text(&mut out, &bar.value);
                }
            }
        }
    }
    links(&mut out, layout);
    votes(&mut out, layout);
    out
}

/// The dots of a vote (present in the layout only when the export shows votes): circles with a white ring,
/// drawn as rectangles whose corner radius is half their side, so that every writer already draws them.
fn votes<'a>(out: &mut Vec<Shape<'a>>, layout: &'a MapLayout) {
    use crate::layout::VOTE_DOT_RADIUS;
    let circle = |center: Pos2, radius: f32, fill: Color32| Shape::Rect {
        rect: Rect::from_center_size(center, vec2(2.0 * radius, 2.0 * radius)),
        radius,
        fill,
    };
    for mark in &layout.votes {
        for &(center, color) in &mark.dots {
            out.push(circle(center, VOTE_DOT_RADIUS + 1.5, Color32::WHITE));
            out.push(circle(center, VOTE_DOT_RADIUS, color));
        }
        if let Some((pill, label)) = &mark.more {
            let radius = pill.height() / 2.0;
            out.push(Shape::Rect {
                rect: pill.expand(1.0),
                radius: radius + 1.0,
                fill: GRID_LINE,
            });
            out.push(Shape::Rect {
                rect: *pill,
                radius,
                fill: Color32::WHITE,
            });
            text(out, label);
        }
    }
}

/// The journey paths over the grid, and their legend under it: the same lines, dashes and arrowheads the
/// canvas draws (`crate::layout::link_style`).
fn links<'a>(out: &mut Vec<Shape<'a>>, layout: &'a MapLayout) {
    for link in &layout.links {
        let style = crate::layout::link_style(link.kind);
        out.push(Shape::Line {
            points: link.path.as_slice().into(),
            color: style.color,
            width: style.width,
            dash: style.dash,
            round: style.dash.is_none(),
        });
        out.push(Shape::Polygon {
            points: link.head.to_vec().into(),
            fill: style.color,
        });
        if let Some(stop) = link.stop {
            out.push(Shape::Line {
                points: stop.to_vec().into(),
                color: style.color,
                width: style.width,
                dash: None,
                round: false,
            });
        }
    }
    if let Some(legend) = &layout.legend {
        for entry in &legend.entries {
            let style = crate::layout::link_style(entry.kind);
            out.push(Shape::Line {
                points: entry.line.to_vec().into(),
                color: style.color,
                width: style.width,
                dash: style.dash,
                round: false,
            });
            out.push(Shape::Polygon {
                points: entry.head.to_vec().into(),
                fill: style.color,
            });
            text(out, &entry.text);
        }
    }
}

/// Something a path can be drawn into: tiny-skia's path builder, a PDF content stream.
pub trait PathSink {
    fn move_to(&mut self, x: f32, y: f32);
    fn line_to(&mut self, x: f32, y: f32);
    fn cubic_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32);
    fn close(&mut self);
}

/// The outline of a rectangle with rounded corners (quarter circles as cubic curves); `r` must be positive
/// and at most half the rectangle's width and height.
pub fn rounded_rect_outline(sink: &mut impl PathSink, rect: egui::Rect, r: f32) {
    let k = r * 0.552_284_8;
    let (l, t, rt, b) = (rect.left(), rect.top(), rect.right(), rect.bottom());
    sink.move_to(l + r, t);
    sink.line_to(rt - r, t);
    sink.cubic_to(rt - r + k, t, rt, t + r - k, rt, t + r);
    sink.line_to(rt, b - r);
    sink.cubic_to(rt, b - r + k, rt - r + k, b, rt - r, b);
    sink.line_to(l + r, b);
    sink.cubic_to(l + r - k, b, l, b - r + k, l, b - r);
    sink.line_to(l, t + r);
    sink.cubic_to(l, t + r - k, l + r - k, t, l + r, t);
    sink.close();
}
