//! PNG: the scene drawn straight onto tiny-skia bitmaps in horizontal strips, on as many threads as there are
//! cores; each thread also filters and compresses its strips, and the PNG file is written strip by strip, so
//! memory stays at a few strips however tall the picture is. Text is shaped once with rustybuzz (as usvg and
//! egui do) and drawn from a cache of glyph bitmaps; parsing the whole map as SVG with usvg and drawing it with
//! resvg was several times slower.

use std::collections::{HashMap, VecDeque};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use egui::Color32;
use rustybuzz::ttf_parser;
use tiny_skia::{
    self, FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, PixmapPaint, Stroke, StrokeDash,
    Transform,
};

use crate::i18n::k;
use crate::layout::style::score_color;
use crate::layout::{Face, MapLayout, fonts};
use crate::model::Map;
use crate::t;

use super::scene::{self, Shape};
use super::svg::Ascents;
use super::{Background, ExportError, PngSize, Progress};

/// The most pixels Waymark writes to one PNG (2.5 gigapixels; a 10,000-card map at 2× is well below).
pub const MAX_PNG_PIXELS: u64 = 2_500_000_000;
/// The longest side of a PNG Waymark writes.
pub const MAX_SIDE: u64 = 1_000_000;
/// The largest scale accepted at all.
const MAX_SCALE: f32 = 64.0;
/// About this many pixels are drawn at a time.
const STRIP_PIXELS: u64 = 4_000_000;

/// A bitmap in memory: rows of RGBA, not premultiplied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RgbaImage {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// The PNG's size in pixels and the scale from map units, or why there is none.
pub fn png_pixel_size(
    layout_size: egui::Vec2,
    size: PngSize,
    max_pixels: u64,
) -> Result<(u32, u32, f32), ExportError> {
    let scale = match size {
        PngSize::Scale(scale) => {
            if !(scale.is_finite() && scale > 0.0 && scale <= MAX_SCALE) {
                return Err(ExportError::BadSize(t!(
                    k::EXPORT_BAD_SCALE,
                    max = MAX_SCALE,
                    scale = scale
                )));
            }
            scale
        }
        PngSize::Width(width) => {
            if width == 0 {
                return Err(ExportError::BadSize(t!(k::EXPORT_BAD_WIDTH)));
            }
            width as f32 / layout_size.x
        }
    };
    let dims = |scale: f32| {
        (
            (layout_size.x as f64 * scale as f64).ceil().max(1.0) as u64,
            (layout_size.y as f64 * scale as f64).ceil().max(1.0) as u64,
        )
    };
    let fits = |(w, h): (u64, u64)| w <= MAX_SIDE && h <= MAX_SIDE && w * h <= max_pixels;
    let (mut width, height) = dims(scale);
    if let PngSize::Width(w) = size {
        width = w as u64;
    }
    if !fits((width, height)) {
        let largest_scale = [8.0, 4.0, 3.0, 2.0, 1.5, 1.0, 0.75, 0.5, 0.25]
            .into_iter()
            .find(|s| *s < scale && fits(dims(*s)));
        return Err(ExportError::TooLarge {
            width,
            height,
            largest_scale,
        });
    }
    Ok((width as u32, height as u32, scale))
}

/// The bundled fonts, ready for shaping and outlines.
pub(super) struct FontSet {
    pub(super) faces: [rustybuzz::Face<'static>; 3],
}

const REGULAR: usize = 0;
const BOLD: usize = 1;
const EMOJI: usize = 2;

impl FontSet {
    pub(super) fn new() -> Result<FontSet, ExportError> {
        let load = |bytes: &'static [u8]| {
            rustybuzz::Face::from_slice(bytes, 0)
                .ok_or_else(|| ExportError::Render(t!(k::RENDER_FONT_UNREADABLE)))
        };
        Ok(FontSet {
            faces: [
                load(fonts::SANS)?,
                load(fonts::SANS_BOLD)?,
                load(fonts::EMOJI)?,
            ],
        })
    }
}

pub(super) type Plans = HashMap<(usize, ttf_parser::Tag, u8), rustybuzz::ShapePlan>;

/// A glyph placed on the map: its origin on the baseline, in map units.
#[derive(Clone, Copy, Debug)]
pub(super) struct PlacedGlyph {
    pub(super) font: u8,
    pub(super) id: u16,
    pub(super) x: f32,
    pub(super) y: f32,
    /// Where the glyph's characters start in the line, in bytes.
    pub(super) cluster: u32,
}

/// One line of text, shaped.
struct ShapedLine {
    glyphs: Vec<PlacedGlyph>,
    size: f32,
    color: Color32,
}

/// Shapes a line as the SVG's renderers do: runs of the text face, falling back to the emoji font for
/// characters the text face lacks.
pub(super) fn shape_line(
    fonts: &FontSet,
    plans: &mut Plans,
    text: &str,
    face: Face,
    size: f32,
    x: f32,
    baseline: f32,
) -> Vec<PlacedGlyph> {
    let primary = match face {
        Face::Regular => REGULAR,
        Face::Bold => BOLD,
    };
    // Split into runs by font. Joiners and variation selectors stay with the character before them.
    let mut runs: Vec<(usize, usize, usize)> = Vec::new(); // (font, start, end) in bytes
    for (i, c) in text.char_indices() {
        let joins = matches!(c, '\u{200D}' | '\u{FE00}'..='\u{FE0F}');
        let font = if joins {
            runs.last().map_or(primary, |r| r.0)
        } else if fonts.faces[primary].glyph_index(c).is_some() || c.is_whitespace() {
            primary
        } else if fonts.faces[EMOJI].glyph_index(c).is_some() {
            EMOJI
        } else {
            primary
        };
        match runs.last_mut() {
            Some(run) if run.0 == font => run.2 = i + c.len_utf8(),
            _ => runs.push((font, i, i + c.len_utf8())),
        }
    }
    let mut glyphs = Vec::with_capacity(text.len());
    let mut pen = x;
    for (font, start, end) in runs {
        let face = &fonts.faces[font];
        let scale = size / face.units_per_em() as f32;
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(&text[start..end]);
        buffer.guess_segment_properties();
        // A shaping plan is costly to make; one per font, script and direction serves every line.
        let plan = plans
            .entry((font, buffer.script().tag(), buffer.direction() as u8))
            .or_insert_with(|| {
                rustybuzz::ShapePlan::new(
                    face,
                    buffer.direction(),
                    Some(buffer.script()),
                    None,
                    &[],
                )
            });
        let shaped = rustybuzz::shape_with_plan(face, plan, buffer);
        for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            glyphs.push(PlacedGlyph {
                font: font as u8,
                id: info.glyph_id as u16,
                x: pen + pos.x_offset as f32 * scale,
                y: baseline - pos.y_offset as f32 * scale,
                cluster: (start + info.cluster as usize) as u32,
            });
            pen += pos.x_advance as f32 * scale;
        }
    }
    glyphs
}

/// The scene with everything that does not depend on the strip worked out once: text shaped, the photo
/// decoded, each shape's vertical extent known.
struct Prepared<'a> {
    shapes: Vec<Shape<'a>>,
    ranges: Vec<(f32, f32)>,
    /// For a see-through rounded rectangle (a card's shadow) that the next shape, an opaque rounded rectangle
    /// of the same width and corners, covers down to near its bottom: where to start drawing it. Only the
    /// part below shows, and blending the hidden part cost much of the drawing time.
    cuts: Vec<Option<f32>>,
    /// Opaque white rectangles drawn where nothing was drawn before (the grid's background): on a white
    /// picture they change nothing.
    white_on_nothing: Vec<bool>,
    lines: Vec<Option<ShapedLine>>,
    photo: Option<Pixmap>,
    fonts: FontSet,
}

impl<'a> Prepared<'a> {
    fn new(map: &Map, layout: &'a MapLayout) -> Result<Prepared<'a>, ExportError> {
        let fonts = FontSet::new()?;
        let mut ascents = Ascents::new();
        let mut plans = Plans::new();
        let shapes = scene::build(layout);
        let ranges: Vec<(f32, f32)> = shapes.iter().map(Shape::y_range).collect();
        let cuts = (0..shapes.len())
            .map(|i| hidden_top(&shapes[i], shapes.get(i + 1)?))
            .collect();
        let mut lowest_so_far = f32::MIN;
        let white_on_nothing = shapes
            .iter()
            .zip(&ranges)
            .map(|(shape, (_, hi))| {
                let white = matches!(shape, Shape::Rect { rect, fill, .. }
                    if *fill == Color32::WHITE && rect.top() > lowest_so_far);
                lowest_so_far = lowest_so_far.max(*hi);
                white
            })
            .collect();
        let lines = shapes
            .iter()
            .map(|shape| match shape {
                Shape::Text { block, line } => {
                    let text = block.lines.get(*line)?;
                    let baseline = ascents.line_top(block, *line) + ascents.baseline(block);
                    Some(ShapedLine {
                        glyphs: shape_line(
                            &fonts,
                            &mut plans,
                            text,
                            block.face,
                            block.size,
                            block.pos.x,
                            baseline,
                        ),
                        size: block.size,
                        color: block.color,
                    })
                }
                _ => None,
            })
            .collect();
        let photo = match &map.persona.photo {
            Some(photo) => Some(decode_photo(photo.png_bytes())?),
            None => None,
        };
        Ok(Prepared {
            shapes,
            ranges,
            cuts,
            white_on_nothing,
            lines,
            photo,
            fonts,
        })
    }
}

/// Where a see-through rounded rectangle may start being drawn because `next`, drawn right over it, hides
/// everything above (see [`Prepared::cuts`]).
fn hidden_top(shape: &Shape<'_>, next: &Shape<'_>) -> Option<f32> {
    let (
        Shape::Rect {
            rect: below,
            radius,
            fill,
        },
        Shape::Rect {
            rect: above,
            radius: above_radius,
            fill: above_fill,
        },
    ) = (shape, next)
    else {
        return None;
    };
    let r = radius.min(below.width() / 2.0).min(below.height() / 2.0);
    // One map unit above where the covering rectangle's bottom corners begin.
    let cut = above.bottom() - r - 1.0;
    let covers = fill.a() < 255
        && above_fill.a() == 255
        && radius == above_radius
        && below.left() == above.left()
        && below.right() == above.right()
        && above.top() <= below.top()
        && above.bottom() <= below.bottom()
        && cut >= below.top() + r;
    covers.then_some(cut)
}

/// The part of a rounded rectangle below `cut` (which lies above its bottom corners).
fn bottom_path(rect: egui::Rect, radius: f32, cut: f32) -> Option<tiny_skia::Path> {
    let r = radius.min(rect.width() / 2.0).min(rect.height() / 2.0);
    let k = r * 0.552_284_8;
    let (l, rt, b) = (rect.left(), rect.right(), rect.bottom());
    let mut pb = PathBuilder::new();
    pb.move_to(l, cut);
    pb.line_to(rt, cut);
    pb.line_to(rt, b - r);
    pb.cubic_to(rt, b - r + k, rt - r + k, b, rt - r, b);
    pb.line_to(l + r, b);
    pb.cubic_to(l + r - k, b, l, b - r + k, l, b - r);
    pb.close();
    pb.finish()
}

fn decode_photo(png: &[u8]) -> Result<Pixmap, ExportError> {
    let rgba = image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .map_err(|e| ExportError::Render(t!(k::RENDER_PHOTO_UNREADABLE, error = e.to_string())))?
        .to_rgba8();
    let (w, h) = rgba.dimensions();
    let mut data = rgba.into_raw();
    for px in data.chunks_exact_mut(4) {
        let a = px[3] as u32;
        for c in &mut px[..3] {
            *c = ((*c as u32 * a + 127) / 255) as u8;
        }
    }
    tiny_skia::IntSize::from_wh(w, h)
        .and_then(|size| Pixmap::from_vec(data, size))
        .ok_or_else(|| ExportError::Render(t!(k::RENDER_PHOTO_EMPTY)))
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct GlyphKey {
    font: u8,
    id: u16,
    px_bits: u32,
    /// The glyph origin's position within its pixel, in quarters.
    sub_x: u8,
    sub_y: u8,
    color: [u8; 4],
}

/// A glyph drawn once in its colour, with the offset of the bitmap's corner from the glyph's pixel.
struct GlyphBitmap {
    pixmap: Pixmap,
    left: i32,
    top: i32,
}

/// Builds a tiny-skia path from a glyph outline: font units, y up, to pixels, y down.
struct OutlineToPath {
    builder: PathBuilder,
    scale: f32,
    dx: f32,
    dy: f32,
}

impl OutlineToPath {
    fn p(&self, x: f32, y: f32) -> (f32, f32) {
        (x * self.scale + self.dx, -y * self.scale + self.dy)
    }
}

impl ttf_parser::OutlineBuilder for OutlineToPath {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.p(x, y);
        self.builder.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.p(x, y);
        self.builder.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (x1, y1) = self.p(x1, y1);
        let (x, y) = self.p(x, y);
        self.builder.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (x1, y1) = self.p(x1, y1);
        let (x2, y2) = self.p(x2, y2);
        let (x, y) = self.p(x, y);
        self.builder.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.builder.close();
    }
}

fn render_glyph(fonts: &FontSet, key: GlyphKey) -> Option<GlyphBitmap> {
    let face = &fonts.faces[key.font as usize];
    let glyph = ttf_parser::GlyphId(key.id);
    let bbox = face.glyph_bounding_box(glyph)?;
    let px = f32::from_bits(key.px_bits);
    let scale = px / face.units_per_em() as f32;
    let (fx, fy) = (key.sub_x as f32 / 4.0, key.sub_y as f32 / 4.0);
    let left = (bbox.x_min as f32 * scale + fx).floor() as i32 - 1;
    let right = (bbox.x_max as f32 * scale + fx).ceil() as i32 + 1;
    let top = (-(bbox.y_max as f32) * scale + fy).floor() as i32 - 1;
    let bottom = (-(bbox.y_min as f32) * scale + fy).ceil() as i32 + 1;
    let mut pixmap = Pixmap::new((right - left).max(1) as u32, (bottom - top).max(1) as u32)?;
    let mut outline = OutlineToPath {
        builder: PathBuilder::new(),
        scale,
        dx: fx - left as f32,
        dy: fy - top as f32,
    };
    face.outline_glyph(glyph, &mut outline)?;
    let path = outline.builder.finish()?;
    let [r, g, b, a] = key.color;
    let mut paint = Paint::default();
    paint.set_color_rgba8(r, g, b, a);
    paint.anti_alias = true;
    pixmap.fill_path(
        &path,
        &paint,
        FillRule::Winding,
        Transform::identity(),
        None,
    );
    Some(GlyphBitmap { pixmap, left, top })
}

fn paint(color: Color32) -> Paint<'static> {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    let mut paint = Paint::default();
    paint.set_color_rgba8(r, g, b, a);
    paint.anti_alias = true;
    paint
}

fn rect_path(rect: egui::Rect, radius: f32) -> Option<tiny_skia::Path> {
    let r = radius.min(rect.width() / 2.0).min(rect.height() / 2.0);
    if r <= 0.0 {
        return tiny_skia::Rect::from_ltrb(rect.left(), rect.top(), rect.right(), rect.bottom())
            .map(PathBuilder::from_rect);
    }
    let mut sink = SkiaPath(PathBuilder::new());
    super::scene::rounded_rect_outline(&mut sink, rect, r);
    sink.0.finish()
}

/// tiny-skia's path builder as a [`super::scene::PathSink`].
struct SkiaPath(PathBuilder);

impl super::scene::PathSink for SkiaPath {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn cubic_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

fn polyline(points: &[egui::Pos2]) -> Option<tiny_skia::Path> {
    let mut pb = PathBuilder::new();
    let (first, rest) = points.split_first()?;
    pb.move_to(first.x, first.y);
    for p in rest {
        pb.line_to(p.x, p.y);
    }
    pb.finish()
}

/// A path through the points, left open for the caller to close.
fn polygon(points: &[egui::Pos2]) -> Option<PathBuilder> {
    let mut pb = PathBuilder::new();
    let (first, rest) = points.split_first()?;
    pb.move_to(first.x, first.y);
    for p in rest {
        pb.line_to(p.x, p.y);
    }
    Some(pb)
}

/// Draws strips of one picture; keeps its glyph bitmaps between strips.
struct StripPainter<'p, 'a> {
    prepared: &'p Prepared<'a>,
    scale: f32,
    /// The picture's background is white.
    on_white: bool,
    glyphs: HashMap<GlyphKey, Option<GlyphBitmap>>,
}

impl<'p, 'a> StripPainter<'p, 'a> {
    fn new(prepared: &'p Prepared<'a>, scale: f32, background: Background) -> Self {
        StripPainter {
            prepared,
            scale,
            on_white: background == Background::White,
            glyphs: HashMap::new(),
        }
    }

    /// Draws the rows `top..top + pixmap.height()` of the picture.
    fn draw(&mut self, top: u32, pixmap: &mut Pixmap) {
        let scale = self.scale;
        let t = Transform::from_row(scale, 0.0, 0.0, scale, 0.0, -(top as f32));
        // The strip in map units, widened by two pixels for anti-aliasing.
        let from = (top as f32 - 2.0) / scale;
        let to = (top + pixmap.height()) as f32 / scale + 2.0 / scale;
        let prepared = self.prepared;
        for (index, shape) in prepared.shapes.iter().enumerate() {
            let (lo, hi) = prepared.ranges[index];
            if hi < from || lo > to {
                continue;
            }
            match shape {
                Shape::Rect { .. } if self.on_white && prepared.white_on_nothing[index] => {}
                Shape::Rect { rect, radius, fill } => {
                    let path = match prepared.cuts[index] {
                        Some(cut) => bottom_path(*rect, *radius, cut),
                        None => rect_path(*rect, *radius),
                    };
                    if let Some(path) = path {
                        pixmap.fill_path(&path, &paint(*fill), FillRule::Winding, t, None);
                    }
                }
                Shape::RectStroke {
                    rect,
                    radius,
                    color,
                    width,
                } => {
                    if let Some(path) = rect_path(*rect, *radius) {
                        let stroke = Stroke {
                            width: *width,
                            ..Stroke::default()
                        };
                        pixmap.stroke_path(&path, &paint(*color), &stroke, t, None);
                    }
                }
                Shape::Line {
                    points,
                    color,
                    width,
                    dash,
                    round,
                } => {
                    if let Some(path) = polyline(points) {
                        let stroke = Stroke {
                            width: *width,
                            line_cap: if *round {
                                LineCap::Round
                            } else {
                                LineCap::Butt
                            },
                            line_join: if *round {
                                LineJoin::Round
                            } else {
                                LineJoin::Miter
                            },
                            dash: dash.and_then(|[on, off]| StrokeDash::new(vec![on, off], 0.0)),
                            ..Stroke::default()
                        };
                        pixmap.stroke_path(&path, &paint(*color), &stroke, t, None);
                    }
                }
                Shape::Polygon { points, fill } => {
                    if let Some(mut builder) = polygon(points) {
                        builder.close();
                        if let Some(path) = builder.finish() {
                            pixmap.fill_path(&path, &paint(*fill), FillRule::Winding, t, None);
                        }
                    }
                }
                Shape::Face {
                    center,
                    radius,
                    score,
                } => {
                    if let Some(circle) = PathBuilder::from_circle(center.x, center.y, *radius) {
                        pixmap.fill_path(
                            &circle,
                            &paint(score_color(*score)),
                            FillRule::Winding,
                            t,
                            None,
                        );
                        let (outline, width) = scene::face_outline(*radius);
                        let stroke = Stroke {
                            width,
                            ..Stroke::default()
                        };
                        pixmap.stroke_path(&circle, &paint(outline), &stroke, t, None);
                    }
                    let face = scene::face_parts(*center, *radius, *score);
                    let ink = paint(scene::FACE_INK);
                    for eye in face.eyes {
                        if let Some(dot) = PathBuilder::from_circle(eye.x, eye.y, face.eye_radius) {
                            pixmap.fill_path(&dot, &ink, FillRule::Winding, t, None);
                        }
                    }
                    if let Some(mouth) = polyline(&face.mouth) {
                        let stroke = Stroke {
                            width: face.line_width,
                            line_join: LineJoin::Round,
                            ..Stroke::default()
                        };
                        pixmap.stroke_path(&mouth, &ink, &stroke, t, None);
                    }
                }
                Shape::Photo { rect } => {
                    if let Some(photo) = &prepared.photo {
                        let pt = t.pre_translate(rect.left(), rect.top()).pre_scale(
                            rect.width() / photo.width() as f32,
                            rect.height() / photo.height() as f32,
                        );
                        let paint = PixmapPaint {
                            quality: tiny_skia::FilterQuality::Bicubic,
                            ..PixmapPaint::default()
                        };
                        pixmap.draw_pixmap(0, 0, photo.as_ref(), &paint, pt, None);
                    }
                }
                Shape::Text { .. } => {
                    if let Some(Some(line)) = prepared.lines.get(index) {
                        self.text(line, top, pixmap);
                    }
                }
            }
        }
    }

    fn text(&mut self, line: &ShapedLine, top: u32, pixmap: &mut Pixmap) {
        let px = line.size * self.scale;
        let color = line.color.to_srgba_unmultiplied();
        for glyph in &line.glyphs {
            let x = glyph.x * self.scale;
            let y = glyph.y * self.scale - top as f32;
            let (ix, iy) = (x.floor(), y.floor());
            let mut sub_x = ((x - ix) * 4.0).round() as i32;
            let mut sub_y = ((y - iy) * 4.0).round() as i32;
            let (mut ix, mut iy) = (ix as i32, iy as i32);
            if sub_x == 4 {
                sub_x = 0;
                ix += 1;
            }
            if sub_y == 4 {
                sub_y = 0;
                iy += 1;
            }
            let key = GlyphKey {
                font: glyph.font,
                id: glyph.id,
                px_bits: px.to_bits(),
                sub_x: sub_x as u8,
                sub_y: sub_y as u8,
                color,
            };
            let fonts = &self.prepared.fonts;
            let bitmap = self
                .glyphs
                .entry(key)
                .or_insert_with(|| render_glyph(fonts, key));
            if let Some(bitmap) = bitmap {
                blend(pixmap, &bitmap.pixmap, ix + bitmap.left, iy + bitmap.top);
            }
        }
    }
}

/// Draws a small premultiplied bitmap over the pixmap at a whole-pixel position ("source over"). Much
/// cheaper per glyph than tiny-skia's general `draw_pixmap`.
fn blend(pixmap: &mut Pixmap, glyph: &Pixmap, left: i32, top: i32) {
    let (pw, ph) = (pixmap.width() as i32, pixmap.height() as i32);
    let (gw, gh) = (glyph.width() as i32, glyph.height() as i32);
    let x0 = left.max(0);
    let x1 = (left + gw).min(pw);
    let y0 = top.max(0);
    let y1 = (top + gh).min(ph);
    if x0 >= x1 || y0 >= y1 {
        return;
    }
    let src = glyph.data();
    let dst = pixmap.data_mut();
    for y in y0..y1 {
        let s_row = ((y - top) * gw + (x0 - left)) as usize * 4;
        let d_row = (y * pw + x0) as usize * 4;
        let n = (x1 - x0) as usize * 4;
        let s = &src[s_row..s_row + n];
        let d = &mut dst[d_row..d_row + n];
        for (sp, dp) in s.chunks_exact(4).zip(d.chunks_exact_mut(4)) {
            let a = sp[3] as u32;
            if a == 0 {
                continue;
            }
            let inv = 255 - a;
            for i in 0..4 {
                dp[i] = (sp[i] as u32 + (dp[i] as u32 * inv + 127) / 255).min(255) as u8;
            }
        }
    }
}

fn new_pixmap(width: u32, height: u32, background: Background) -> Result<Pixmap, ExportError> {
    let mut pixmap = Pixmap::new(width, height).ok_or_else(|| {
        ExportError::Render(t!(k::RENDER_NO_BITMAP, width = width, height = height))
    })?;
    if background == Background::White {
        pixmap.fill(tiny_skia::Color::WHITE);
    }
    Ok(pixmap)
}

/// Renders the whole map into one bitmap in memory (for the clipboard).
pub fn render_rgba(
    map: &Map,
    layout: &MapLayout,
    size: PngSize,
    background: Background,
    max_pixels: u64,
    progress: &Progress<'_>,
) -> Result<RgbaImage, ExportError> {
    let (width, height, scale) = png_pixel_size(layout.size, size, max_pixels)?;
    progress.check()?;
    let prepared = Prepared::new(map, layout)?;
    progress.report(0.3);
    progress.check()?;
    let mut pixmap = new_pixmap(width, height, background)?;
    StripPainter::new(&prepared, scale, background).draw(0, &mut pixmap);
    progress.report(0.9);
    let mut pixels = pixmap.take();
    demultiply(&mut pixels);
    progress.report(1.0);
    Ok(RgbaImage {
        width,
        height,
        pixels,
    })
}

fn demultiply(rgba: &mut [u8]) {
    for px in rgba.chunks_exact_mut(4) {
        let a = px[3] as u32;
        if a != 0 && a != 255 {
            for c in &mut px[..3] {
                *c = ((*c as u32 * 255 + a / 2) / a).min(255) as u8;
            }
        }
    }
}

/// Writes the map as a PNG, drawing it strip by strip. I/O errors come back as [`ExportError::Write`] with an
/// empty path, for the caller to fill in.
pub fn write_png(
    map: &Map,
    layout: &MapLayout,
    size: PngSize,
    background: Background,
    out: &mut dyn Write,
    progress: &Progress<'_>,
) -> Result<(), ExportError> {
    write_png_in_strips(map, layout, size, background, out, progress, STRIP_PIXELS)
}

/// [`write_png`] with strips of about `strip_pixels` pixels.
///
/// Each worker draws a strip, filters it (Up; Sub on a strip's first row, so that strips do not depend on each
/// other) and compresses it with `fdeflate` as one deflate block; the blocks are joined into the one zlib
/// stream that PNG allows, so compression runs on every core too.
fn write_png_in_strips(
    map: &Map,
    layout: &MapLayout,
    size: PngSize,
    background: Background,
    out: &mut dyn Write,
    progress: &Progress<'_>,
    strip_pixels: u64,
) -> Result<(), ExportError> {
    let (width, height, scale) = png_pixel_size(layout.size, size, MAX_PNG_PIXELS)?;
    progress.check()?;
    let prepared = Prepared::new(map, layout)?;
    progress.report(0.1);
    progress.check()?;

    let opaque = background == Background::White;
    let mut encoder = png::Encoder::new(out, width, height);
    encoder.set_color(if opaque {
        png::ColorType::Rgb
    } else {
        png::ColorType::Rgba
    });
    encoder.set_depth(png::BitDepth::Eight);
    let io = |e: std::io::Error| ExportError::Write {
        path: Default::default(),
        message: super::io_message(&e),
    };
    let png_error = |e: png::EncodingError| match e {
        png::EncodingError::IoError(e) => io(e),
        other => ExportError::Render(other.to_string()),
    };
    let mut writer = encoder.write_header().map_err(png_error)?;

    let strip_height = (strip_pixels / width as u64).clamp(16, 4096) as u32;
    let strips = height.div_ceil(strip_height);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(strips as usize);
    // Workers stop when the writer stops, whether it finished, failed or was cancelled.
    let stop = AtomicBool::new(false);
    let channels = if opaque { 3 } else { 4 };

    let result = std::thread::scope(|scope| -> Result<(), ExportError> {
        let mut receivers = VecDeque::new();
        for worker in 0..workers {
            // Each worker draws every `workers`-th strip and hands it over, compressed, through its own small
            // queue, so the writer takes them in order and at most two per worker wait in memory.
            let (tx, rx) = mpsc::sync_channel::<Result<CompressedStrip, ExportError>>(1);
            receivers.push_back(rx);
            let prepared = &prepared;
            let stop = &stop;
            scope.spawn(move || {
                let mut painter = StripPainter::new(prepared, scale, background);
                let mut index = worker as u32;
                // One bitmap and one buffer of filtered rows serve all of this worker's strips.
                let mut pixmap: Option<Pixmap> = None;
                let mut filtered = Vec::new();
                while index < strips && !stop.load(Ordering::Relaxed) {
                    let top = index * strip_height;
                    let rows = strip_height.min(height - top);
                    let reuse = pixmap.take().filter(|p| p.height() == rows);
                    let fresh = match reuse {
                        Some(mut p) => {
                            p.fill(match background {
                                Background::White => tiny_skia::Color::WHITE,
                                Background::Transparent => tiny_skia::Color::TRANSPARENT,
                            });
                            Ok(p)
                        }
                        None => new_pixmap(width, rows, background),
                    };
                    let strip = fresh.and_then(|mut strip_pixmap| {
                        painter.draw(top, &mut strip_pixmap);
                        if !opaque {
                            demultiply(strip_pixmap.data_mut());
                        }
                        let compressed = compress_strip(
                            strip_pixmap.data(),
                            width as usize,
                            channels,
                            &mut filtered,
                        );
                        pixmap = Some(strip_pixmap);
                        compressed
                    });
                    if tx.send(strip).is_err() {
                        break;
                    }
                    index += workers as u32;
                }
            });
        }
        let mut encode = || -> Result<(), ExportError> {
            let mut zlib = ZlibJoiner::default();
            for index in 0..strips {
                progress.check()?;
                let rx = &receivers[index as usize % workers];
                let strip = rx
                    .recv()
                    .map_err(|_| ExportError::Render(t!(k::RENDER_THREAD_STOPPED)))??;
                let data = zlib.push(strip, index + 1 == strips);
                for chunk in data.chunks(1 << 30) {
                    writer
                        .write_chunk(png::chunk::IDAT, chunk)
                        .map_err(png_error)?;
                }
                progress.report(0.1 + 0.85 * (index + 1) as f32 / strips as f32);
            }
            Ok(())
        };
        let result = encode();
        stop.store(true, Ordering::Relaxed);
        // Unblock workers waiting to send, then let the scope join them.
        drop(receivers);
        result
    });
    result?;
    writer.finish().map_err(png_error)?;
    Ok(())
}

/// PNG rows from RGBA pixels: each row prefixed by its filter type, Up, or Sub for the strip's first row
/// (`prev` empty: it has no row above in this strip); RGBA becomes RGB when `channels` is 3. Written into `out`.
fn filter_rows<'a>(
    rgba: &'a [u8],
    mut prev: &'a [u8],
    width: usize,
    channels: usize,
    out: &mut Vec<u8>,
) {
    let row_bytes = width * channels;
    let rows = rgba.len() / (width * 4);
    out.clear();
    out.resize(rows * (row_bytes + 1), 0);
    for (src, dst) in rgba
        .chunks_exact(width * 4)
        .zip(out.chunks_exact_mut(row_bytes + 1))
    {
        let (kind, dst) = dst.split_first_mut().expect("a row");
        if src == prev {
            // Most rows repeat the one above: Up leaves only zeros, and `out` is zeros already.
            *kind = 2;
        } else if prev.is_empty() {
            *kind = 1;
            let mut left = [0u8; 4];
            for (d, s) in dst.chunks_exact_mut(channels).zip(src.chunks_exact(4)) {
                for c in 0..channels {
                    d[c] = s[c].wrapping_sub(left[c]);
                }
                left.copy_from_slice(s);
            }
        } else if channels == 4 {
            *kind = 2;
            for ((d, s), p) in dst.iter_mut().zip(src).zip(prev) {
                *d = s.wrapping_sub(*p);
            }
        } else {
            *kind = 2;
            for ((d, s), p) in dst
                .chunks_exact_mut(3)
                .zip(src.chunks_exact(4))
                .zip(prev.chunks_exact(4))
            {
                d[0] = s[0].wrapping_sub(p[0]);
                d[1] = s[1].wrapping_sub(p[1]);
                d[2] = s[2].wrapping_sub(p[2]);
            }
        }
        prev = src;
    }
}

/// One strip's filtered rows compressed by `fdeflate` as a complete zlib stream.
struct CompressedStrip {
    zlib: Vec<u8>,
    raw_len: usize,
}

fn compress_strip(
    rgba: &[u8],
    width: usize,
    channels: usize,
    filtered: &mut Vec<u8>,
) -> Result<CompressedStrip, ExportError> {
    let fail = |e: std::io::Error| {
        ExportError::Render(t!(k::RENDER_COMPRESSION_FAILED, error = e.to_string()))
    };
    let row = width * 4;
    let mut compressor =
        fdeflate::Compressor::new(Vec::with_capacity(rgba.len() / 5 + 64)).map_err(fail)?;
    // A few rows at a time, so that the filtered rows are still in the cache when compressed.
    let batch = (256 * 1024 / row).max(1) * row;
    let mut raw_len = 0;
    for start in (0..rgba.len()).step_by(batch) {
        let prev = if start == 0 {
            &[][..]
        } else {
            &rgba[start - row..start]
        };
        let end = (start + batch).min(rgba.len());
        filter_rows(&rgba[start..end], prev, width, channels, filtered);
        compressor.write_data(filtered).map_err(fail)?;
        raw_len += filtered.len();
    }
    let zlib = compressor.finish().map_err(fail)?;
    // fdeflate writes a two-byte zlib header, one dynamic-Huffman block marked final whose end-of-block code
    // ends with a 1 bit, and the Adler-32; the joiner relies on this, so check it.
    let block_header = zlib.get(2).copied().unwrap_or(0);
    if zlib.len() < 8
        || zlib[0] != 0x78
        || block_header & 0b111 != 0b101
        || zlib[zlib.len() - 5] == 0
    {
        return Err(ExportError::Render(t!(k::RENDER_BAD_STREAM)));
    }
    Ok(CompressedStrip { zlib, raw_len })
}

/// Joins the strips' zlib streams into one: keeps the first header, makes every block but the last non-final
/// and ends it on a byte boundary with an empty stored block, and ends with the Adler-32 of all the data.
#[derive(Default)]
struct ZlibJoiner {
    started: bool,
    adler: Option<u32>,
}

impl ZlibJoiner {
    fn push(&mut self, strip: CompressedStrip, last: bool) -> Vec<u8> {
        let CompressedStrip { mut zlib, raw_len } = strip;
        let n = zlib.len();
        let adler = u32::from_be_bytes([zlib[n - 4], zlib[n - 3], zlib[n - 2], zlib[n - 1]]);
        self.adler = Some(match self.adler {
            None => adler,
            Some(previous) => adler32_combine(previous, adler, raw_len),
        });
        zlib.truncate(n - 4);
        if !last {
            zlib[2] &= !1;
            // The end-of-block code's last bit is the highest set bit of the last byte; an empty stored block
            // (three zero bits, then zeros up to the byte boundary, then LEN 0 and NLEN 0xFFFF) follows it.
            let used_bits = 8 - zlib[n - 5].leading_zeros();
            if used_bits > 5 {
                zlib.push(0);
            }
            zlib.extend_from_slice(&[0, 0, 0xFF, 0xFF]);
        }
        if self.started {
            zlib.drain(..2);
        }
        self.started = true;
        if last {
            zlib.extend_from_slice(&self.adler.unwrap_or(1).to_be_bytes());
        }
        zlib
    }
}

/// The Adler-32 of two pieces of data joined, from theirs and the second's length (as zlib's
/// `adler32_combine`).
fn adler32_combine(adler1: u32, adler2: u32, len2: usize) -> u32 {
    const BASE: u64 = 65521;
    let rem = len2 as u64 % BASE;
    let a1 = adler1 as u64 & 0xFFFF;
    let b1 = (adler1 >> 16) as u64;
    let a2 = adler2 as u64 & 0xFFFF;
    let b2 = (adler2 >> 16) as u64;
    let a = (a1 + a2 + BASE - 1) % BASE;
    let b = (rem * a1 % BASE + b1 + b2 + BASE - rem) % BASE;
    ((b << 16) | a) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adler32(data: &[u8]) -> u32 {
        let (mut a, mut b) = (1u32, 0u32);
        for byte in data {
            a = (a + *byte as u32) % 65521;
            b = (b + a) % 65521;
        }
        (b << 16) | a
    }

    #[test]
    fn adler32_combines_as_one_pass() {
        let data: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let whole = adler32(&data);
        let (a, b) = data.split_at(123_457);
        let combined = adler32_combine(adler32(a), adler32(b), b.len());
        assert_eq!(combined, whole);
    }

    #[test]
    fn a_picture_in_many_strips_decodes_to_the_drawn_pixels() {
        let map = crate::model::sample::generated_map(40);
        let layout = crate::export::layout(&map);
        for background in [Background::White, Background::Transparent] {
            let mut png_bytes = Vec::new();
            super::super::no_progress(|p| {
                write_png_in_strips(
                    &map,
                    &layout,
                    PngSize::Scale(0.5),
                    background,
                    &mut png_bytes,
                    p,
                    20_000,
                )
            })
            .expect("writes");
            let decoded = image::load_from_memory(&png_bytes)
                .expect("decodes")
                .to_rgba8();
            // The same strips drawn and put together: the encoding must not change a pixel.
            let (width, height, scale) =
                png_pixel_size(layout.size, PngSize::Scale(0.5), u64::MAX).unwrap();
            let prepared = Prepared::new(&map, &layout).unwrap();
            let mut painter = StripPainter::new(&prepared, scale, background);
            let strip_height = (20_000 / width).clamp(16, 4096);
            let mut drawn = Vec::new();
            for top in (0..height).step_by(strip_height as usize) {
                let mut pixmap =
                    new_pixmap(width, strip_height.min(height - top), background).unwrap();
                painter.draw(top, &mut pixmap);
                drawn.extend_from_slice(pixmap.data());
            }
            demultiply(&mut drawn);
            assert_eq!((decoded.width(), decoded.height()), (width, height));
            assert!(height > strip_height * 8, "many strips");
            assert!(decoded.into_raw() == drawn, "the same pixels");
        }
    }
}
