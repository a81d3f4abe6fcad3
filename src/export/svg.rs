//! The map as SVG: rectangles, paths and real `<text>` elements, one per laid-out line, drawn in the canvas's
//! order and colours. The PNG and PDF writers draw the same scene (`scene.rs`), so all three agree.

use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use egui::{Color32, Pos2, Rect, pos2};

use crate::layout::fonts;
use crate::layout::style::score_color;
use crate::layout::{MapLayout, TextBlock};
use crate::model::Map;

use super::Background;
use super::scene::{self, Shape};

/// The font families the SVG names, in fallback order. The first two are the bundled fonts; `sans-serif` is
/// for viewers that have neither installed.
pub const FONT_FAMILY: &str = "'DejaVu Sans', 'Noto Emoji', sans-serif";

/// How the SVG is written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SvgOptions {
    pub background: Background,
    /// Put the bundled fonts into the file (`@font-face`, about 2.5 MB), so that browsers show exactly the
    /// canvas's fonts even where DejaVu Sans is not installed.
    pub embed_fonts: bool,
    /// Draw the map fitted and centred on a page of this size (in SVG user units) instead of at its own size.
    pub page: Option<[f32; 2]>,
}

impl Default for SvgOptions {
    fn default() -> Self {
        SvgOptions {
            background: Background::White,
            embed_fonts: false,
            page: None,
        }
    }
}

/// Writes the whole laid-out map as an SVG document.
pub fn write_svg(map: &Map, layout: &MapLayout, options: &SvgOptions) -> String {
    let mut w = SvgWriter {
        out: String::with_capacity(4096 + layout.cards.len() * 600),
        ascents: Ascents::new(),
    };
    w.document(map, layout, options);
    w.out
}

/// The distance from the top of a line to its baseline, as egui places it (measured with egui itself, so the
/// export puts text exactly where the canvas does at 100%).
pub(super) struct Ascents {
    fonts: egui::epaint::text::Fonts,
    known: std::collections::HashMap<(crate::layout::Face, u32), f32>,
}

impl Ascents {
    pub(super) fn new() -> Ascents {
        let options = egui::epaint::text::TextOptions {
            font_hinting: false,
            ..Default::default()
        };
        Ascents {
            fonts: egui::epaint::text::Fonts::new(options, fonts::font_definitions()),
            known: Default::default(),
        }
    }

    /// The top of a block's line. egui puts rows a whole number of pixels apart.
    pub(super) fn line_top(&self, block: &TextBlock, line: usize) -> f32 {
        block.pos.y + line as f32 * block.line_height.round()
    }

    pub(super) fn baseline(&mut self, block: &TextBlock) -> f32 {
        let key = (block.face, block.size.to_bits());
        if let Some(ascent) = self.known.get(&key) {
            return *ascent;
        }
        let job = egui::text::LayoutJob::simple_singleline(
            "Hx".to_owned(),
            egui::FontId::new(block.size, block.face.family()),
            Color32::BLACK,
        );
        let galley = self.fonts.layout_uncached(1.0, std::sync::Arc::new(job));
        let ascent = galley
            .rows
            .first()
            .and_then(|row| Some(row.pos.y + row.glyphs.first()?.pos.y))
            .unwrap_or(block.size * 0.93);
        self.known.insert(key, ascent);
        ascent
    }
}

/// The view box that puts the map on a page with a margin of a twentieth of the page's shorter side;
/// `preserveAspectRatio="xMidYMid meet"` then fits and centres it.
pub(super) fn page_view_box(size: egui::Vec2, [page_w, page_h]: [f32; 2]) -> (Pos2, egui::Vec2) {
    let scale = (page_w / size.x).min(page_h / size.y);
    let margin = 0.05 * page_w.min(page_h) / scale;
    (
        pos2(-margin, -margin),
        size + egui::vec2(2.0 * margin, 2.0 * margin),
    )
}

struct SvgWriter {
    out: String,
    ascents: Ascents,
}

/// A colour as an SVG paint and, when not opaque, its opacity.
fn paint(color: Color32) -> (String, Option<f32>) {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    let hex = format!("#{r:02x}{g:02x}{b:02x}");
    let opacity = (a < 255).then(|| (a as f32 / 255.0 * 1000.0).round() / 1000.0);
    (hex, opacity)
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped rather than making the file unreadable.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// Numbers with at most two decimals, without trailing zeros.
fn num(out: &mut String, v: f32) {
    let rounded = (v * 100.0).round() / 100.0;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    let _ = write!(out, "{rounded}");
}

impl SvgWriter {
    fn document(&mut self, map: &Map, layout: &MapLayout, options: &SvgOptions) {
        let size = layout.size;
        self.out
            .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"");
        match options.page {
            None => {
                self.attr("width", size.x);
                self.attr("height", size.y);
                self.out.push_str(" viewBox=\"0 0 ");
                num(&mut self.out, size.x);
                self.out.push(' ');
                num(&mut self.out, size.y);
                self.out.push('"');
            }
            Some(page) => {
                let (min, view) = page_view_box(size, page);
                self.attr("width", page[0]);
                self.attr("height", page[1]);
                self.out.push_str(" viewBox=\"");
                num(&mut self.out, min.x);
                self.out.push(' ');
                num(&mut self.out, min.y);
                self.out.push(' ');
                num(&mut self.out, view.x);
                self.out.push(' ');
                num(&mut self.out, view.y);
                self.out
                    .push_str("\" preserveAspectRatio=\"xMidYMid meet\"");
            }
        }
        self.out.push_str(" font-family=\"");
        self.out.push_str(FONT_FAMILY);
        self.out.push_str("\">\n<title>");
        escape(&map.title, &mut self.out);
        self.out.push_str("</title>\n");
        if options.embed_fonts {
            self.embedded_fonts();
        }
        if options.background == Background::White {
            let area = match options.page {
                // The whole page: what `meet` shows of user space around the view box.
                Some([page_w, page_h]) => {
                    let (min, view) = page_view_box(size, [page_w, page_h]);
                    let scale = (page_w / view.x).min(page_h / view.y);
                    let visible = egui::vec2(page_w, page_h) / scale;
                    Rect::from_center_size(min + view / 2.0, visible)
                }
                None => Rect::from_min_size(Pos2::ZERO, size),
            };
            self.rect(area, Color32::WHITE, 0.0);
        }

        for shape in scene::build(layout) {
            self.shape(map, &shape);
        }
        self.out.push_str("</svg>\n");
    }

    fn embedded_fonts(&mut self) {
        self.out.push_str("<style>\n");
        let faces: [(&[u8], &str, &str); 3] = [
            (fonts::SANS, "DejaVu Sans", "normal"),
            (fonts::SANS_BOLD, "DejaVu Sans", "bold"),
            (fonts::EMOJI, "Noto Emoji", "normal"),
        ];
        for (bytes, family, weight) in faces {
            let _ = write!(
                self.out,
                "@font-face {{ font-family: '{family}'; font-weight: {weight}; src: url(data:font/ttf;base64,"
            );
            BASE64.encode_string(bytes, &mut self.out);
            self.out.push_str(") format('truetype'); }\n");
        }
        self.out.push_str("</style>\n");
    }

    fn attr(&mut self, name: &str, value: f32) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        num(&mut self.out, value);
        self.out.push('"');
    }

    fn fill(&mut self, color: Color32) {
        let (hex, opacity) = paint(color);
        self.out.push_str(" fill=\"");
        self.out.push_str(&hex);
        self.out.push('"');
        if let Some(o) = opacity {
            self.attr("fill-opacity", o);
        }
    }

    fn stroke(&mut self, color: Color32, width: f32) {
        let (hex, opacity) = paint(color);
        self.out.push_str(" stroke=\"");
        self.out.push_str(&hex);
        self.out.push('"');
        if let Some(o) = opacity {
            self.attr("stroke-opacity", o);
        }
        self.attr("stroke-width", width);
    }

    fn rect_geometry(&mut self, rect: Rect, radius: f32) {
        self.out.push_str("<rect");
        self.attr("x", rect.left());
        self.attr("y", rect.top());
        self.attr("width", rect.width());
        self.attr("height", rect.height());
        if radius > 0.0 {
            self.attr("rx", radius);
        }
    }

    fn rect(&mut self, rect: Rect, color: Color32, radius: f32) {
        if rect.width() <= 0.0 || rect.height() <= 0.0 {
            return;
        }
        self.rect_geometry(rect, radius);
        self.fill(color);
        self.out.push_str("/>\n");
    }

    fn shape(&mut self, map: &Map, shape: &Shape<'_>) {
        match shape {
            Shape::Rect { rect, radius, fill } => self.rect(*rect, *fill, *radius),
            Shape::RectStroke {
                rect,
                radius,
                color,
                width,
            } => {
                self.rect_geometry(*rect, *radius);
                self.out.push_str(" fill=\"none\"");
                self.stroke(*color, *width);
                self.out.push_str("/>\n");
            }
            Shape::Line {
                points,
                color,
                width,
                dash,
                round,
            } => {
                let mut extra = String::new();
                if let Some([on, off]) = dash {
                    let _ = write!(extra, " stroke-dasharray=\"{on} {off}\"");
                }
                if *round {
                    extra.push_str(" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
                }
                // Lines are wrapped in groups: a flat line has no area, and renderers that cull by the area of
                // the line itself (rather than of its stroke) would drop it.
                self.out.push_str("<g>");
                self.polyline(points, *color, *width, &extra);
                self.out.push_str("</g>\n");
            }
            Shape::Polygon { points, fill } => {
                if points.len() < 3 {
                    return;
                }
                self.out.push_str("<polygon class=\"arrowhead\" points=\"");
                self.points(points);
                self.out.push('"');
                self.fill(*fill);
                self.out.push_str("/>\n");
            }
            Shape::Face {
                center,
                radius,
                score,
            } => self.face(*center, *radius, *score),
            Shape::Photo { rect } => {
                let Some(photo) = &map.persona.photo else {
                    return;
                };
                self.out.push_str("<image");
                self.attr("x", rect.left());
                self.attr("y", rect.top());
                self.attr("width", rect.width());
                self.attr("height", rect.height());
                // The canvas stretches the photo over its square; so does the export.
                self.out
                    .push_str(" preserveAspectRatio=\"none\" xlink:href=\"data:image/png;base64,");
                BASE64.encode_string(photo.png_bytes(), &mut self.out);
                self.out.push_str("\"/>\n");
            }
            Shape::Text { block, line } => self.text_line(block, *line),
        }
    }

    fn text_line(&mut self, block: &TextBlock, index: usize) {
        let Some(line) = block.lines.get(index) else {
            return;
        };
        let baseline = self.ascents.baseline(block);
        self.out.push_str("<text");
        self.attr("x", block.pos.x);
        let top = self.ascents.line_top(block, index);
        self.attr("y", top + baseline);
        self.attr("font-size", block.size);
        if block.face == crate::layout::Face::Bold {
            self.out.push_str(" font-weight=\"bold\"");
        }
        self.fill(block.color);
        if line.starts_with(' ') || line.contains("  ") || line.contains('\t') {
            self.out.push_str(" xml:space=\"preserve\"");
        }
        self.out.push('>');
        escape(line, &mut self.out);
        self.out.push_str("</text>\n");
    }

    /// A `points` attribute's value: `x,y x,y …`.
    fn points(&mut self, points: &[Pos2]) {
        for (i, p) in points.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            num(&mut self.out, p.x);
            self.out.push(',');
            num(&mut self.out, p.y);
        }
    }

    fn polyline(&mut self, points: &[Pos2], color: Color32, width: f32, extra: &str) {
        if points.len() < 2 {
            return;
        }
        self.out.push_str("<polyline points=\"");
        self.points(points);
        self.out.push_str("\" fill=\"none\"");
        self.stroke(color, width);
        self.out.push_str(extra);
        self.out.push_str("/>\n");
    }

    fn circle(&mut self, center: Pos2, radius: f32, fill: Color32) {
        self.out.push_str("<circle");
        self.attr("cx", center.x);
        self.attr("cy", center.y);
        self.attr("r", radius);
        self.fill(fill);
    }

    fn face(&mut self, center: Pos2, radius: f32, score: i8) {
        self.out.push_str("<g>\n");
        self.circle(center, radius, score_color(score));
        let (outline, width) = scene::face_outline(radius);
        self.stroke(outline, width);
        self.out.push_str("/>\n");
        let ink = scene::FACE_INK;
        let face = scene::face_parts(center, radius, score);
        for eye in face.eyes {
            self.circle(eye, face.eye_radius, ink);
            self.out.push_str("/>\n");
        }
        self.polyline(
            &face.mouth,
            ink,
            face.line_width,
            " stroke-linejoin=\"round\"",
        );
        self.out.push_str("</g>\n");
    }
}
