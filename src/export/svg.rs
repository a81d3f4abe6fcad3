//! The map as SVG: rectangles, paths and real `<text>` elements, one per laid-out line, drawn in the canvas's
//! order and colours. The same SVG is rasterised for PNG and converted for PDF, so all three agree.

use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use egui::{Color32, Pos2, Rect, pos2};

use crate::layout::fonts;
use crate::layout::style::*;
use crate::layout::{EmotionCurve, FaceShape, MapLayout, TextBlock};
use crate::model::Map;

use super::Background;

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

/// The distance from the top of a line to its baseline, as egui places it, for each face.
struct Ascents {
    regular: f32,
    bold: f32,
}

impl Ascents {
    fn new() -> Ascents {
        Ascents {
            regular: ascent_per_em(fonts::SANS),
            bold: ascent_per_em(fonts::SANS_BOLD),
        }
    }

    fn baseline(&self, block: &TextBlock) -> f32 {
        let per_em = match block.face {
            crate::layout::Face::Regular => self.regular,
            crate::layout::Face::Bold => self.bold,
        };
        // egui rounds the ascent to 1/32 of a point.
        (per_em * block.size * 32.0).round() / 32.0
    }
}

fn ascent_per_em(font: &[u8]) -> f32 {
    match ttf_parser::Face::parse(font, 0) {
        Ok(face) => face.ascender() as f32 / face.units_per_em() as f32,
        // The bundled fonts always parse; DejaVu Sans's own ratio keeps this total.
        Err(_) => 0.928,
    }
}

/// The view box that puts the map on a page with a margin of a twentieth of the page's shorter side;
/// `preserveAspectRatio="xMidYMid meet"` then fits and centres it.
fn page_view_box(size: egui::Vec2, [page_w, page_h]: [f32; 2]) -> (Pos2, egui::Vec2) {
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

        self.text_block(&layout.title);
        if let (Some(rect), Some(photo)) = (layout.persona.photo, &map.persona.photo) {
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
        for block in &layout.persona.texts {
            self.text_block(block);
        }

        let grid = Rect::from_min_max(
            pos2(layout.grid_left, layout.grid_top),
            pos2(layout.grid_right, layout.grid_bottom),
        );
        self.rect(grid, Color32::WHITE, 0.0);

        // Headers come first so that the text reads in order: stages, then lane by lane.
        let corner = Rect::from_min_size(
            pos2(layout.grid_left, layout.grid_top),
            egui::vec2(LANE_HEADER_WIDTH, layout.stage_header_height),
        );
        self.rect(corner, HEADER_FILL, 0.0);
        for stage in &layout.stages {
            self.rect(stage.header, HEADER_FILL, 0.0);
            self.inner_stroke(stage.header, Color32::from_white_alpha(40), 1.0, 0.0);
            for block in &stage.texts {
                self.text_block(block);
            }
        }
        let stage_count = layout.stages.len();
        for (lane_index, lane) in layout.lanes.iter().enumerate() {
            self.rect(lane.header, LANE_FILL, 0.0);
            self.inner_stroke(lane.header, GRID_LINE, 1.0, 0.0);
            for block in &lane.texts {
                self.text_block(block);
            }
            let cells = layout
                .cells
                .get(lane_index * stage_count..(lane_index + 1) * stage_count)
                .unwrap_or(&[]);
            for cell in cells {
                self.inner_stroke(cell.rect, GRID_LINE, 1.0, 0.0);
                for card in layout.cards.get(cell.cards.clone()).unwrap_or(&[]) {
                    self.card(card);
                }
            }
            for curve in layout.curves.iter().filter(|c| c.lane == lane.id) {
                self.curve(curve);
            }
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

    /// A stroke drawn inside the rectangle, as egui's `StrokeKind::Inside`.
    fn inner_stroke(&mut self, rect: Rect, color: Color32, width: f32, radius: f32) {
        let inner = rect.shrink(width / 2.0);
        if inner.width() <= 0.0 || inner.height() <= 0.0 {
            return;
        }
        self.rect_geometry(inner, (radius - width / 2.0).max(0.0));
        self.out.push_str(" fill=\"none\"");
        self.stroke(color, width);
        self.out.push_str("/>\n");
    }

    fn text_block(&mut self, block: &TextBlock) {
        let baseline = self.ascents.baseline(block);
        for (i, line) in block.lines.iter().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            self.out.push_str("<text");
            self.attr("x", block.pos.x);
            self.attr("y", block.pos.y + i as f32 * block.line_height + baseline);
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
    }

    fn card(&mut self, card: &crate::layout::CardBox) {
        let radius = 4.0;
        self.rect(
            card.rect.translate(egui::vec2(0.0, 1.5)),
            Color32::from_black_alpha(30),
            radius,
        );
        self.rect(card.rect, card_fill(card.color), radius);
        self.inner_stroke(card.rect, CARD_BORDER, 1.0, radius);
        self.text_block(&card.text);
        if let Some((_, badge)) = &card.badge {
            self.text_block(badge);
        }
    }

    fn polyline(&mut self, points: &[Pos2], color: Color32, width: f32, extra: &str) {
        if points.len() < 2 {
            return;
        }
        self.out.push_str("<polyline points=\"");
        for (i, p) in points.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            num(&mut self.out, p.x);
            self.out.push(',');
            num(&mut self.out, p.y);
        }
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

    fn curve(&mut self, curve: &EmotionCurve) {
        // Lines are wrapped in groups: a flat line has no area, and renderers that cull by the area of the
        // line itself (rather than of its stroke) would drop it.
        self.out.push_str("<g>\n");
        if curve.path.len() >= 2 {
            let left = curve.path.first().map_or(0.0, |p| p.x);
            let right = curve.path.last().map_or(0.0, |p| p.x);
            self.polyline(
                &[pos2(left, curve.zero_y), pos2(right, curve.zero_y)],
                NEUTRAL_LINE,
                1.0,
                " stroke-dasharray=\"6 4\"",
            );
        }
        self.polyline(
            &curve.path,
            CURVE,
            2.5,
            " stroke-linejoin=\"round\" stroke-linecap=\"round\"",
        );
        self.out.push_str("</g>\n");
        for point in &curve.points {
            self.face(point.center, FACE_RADIUS, point.score);
            if let Some(note) = &point.note {
                self.text_block(note);
            }
        }
    }

    fn face(&mut self, center: Pos2, radius: f32, score: i8) {
        self.out.push_str("<g>\n");
        self.circle(center, radius, score_color(score));
        self.stroke(Color32::from_black_alpha(90), (radius * 0.12).max(0.5));
        self.out.push_str("/>\n");
        let ink = Color32::from_rgb(0x30, 0x30, 0x30);
        let face = FaceShape::new(center, radius, score);
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
