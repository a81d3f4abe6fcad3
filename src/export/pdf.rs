//! PDF: the scene written straight to PDF with `pdf-writer`: vector shapes, and text shaped with rustybuzz (as
//! the PNG's) shown with the bundled fonts, embedded as subsets (`subsetter`) with a map back to the characters,
//! so that the text stays real, selectable and searchable text, Cyrillic included. Going through the SVG, usvg
//! and svg2pdf drew the same page several times slower.

use std::collections::HashMap;
use std::io::Write as _;

use egui::{Color32, Pos2, Rect};
use pdf_writer::types::{
    CidFontType, FontFlags, LineCapStyle, LineJoinStyle, SystemInfo, UnicodeCmap,
};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Ref, Str};
use rustybuzz::ttf_parser;

use crate::i18n::{Arg, Lang, k, map_language, tr_in};
use crate::layout::MapLayout;
use crate::layout::style::score_color;
use crate::model::Map;

use super::raster::{FontSet, PlacedGlyph, Plans, shape_line};
use super::scene::{self, Shape};
use super::svg::{Ascents, page_view_box};
use super::{ExportError, MAX_PAGE_UNITS, Paper, PdfPage, Poster, PosterPlan, Progress};

const FONT_NAMES: [&str; 3] = ["DejaVuSans", "DejaVuSans-Bold", "NotoEmoji-Regular"];
const FONT_TAGS: [&str; 3] = ["WAYMKA", "WAYMKB", "WAYMKC"];
const FONT_DATA: [&[u8]; 3] = [
    crate::layout::fonts::SANS,
    crate::layout::fonts::SANS_BOLD,
    crate::layout::fonts::EMOJI,
];

/// One page of the PDF: its size, and where the map goes on it.
struct Sheet {
    /// The media box, in page units.
    size: [f32; 2],
    /// Points per page unit, where a page unit is not one point (pages larger than [`MAX_PAGE_UNITS`]).
    user_unit: Option<f32>,
    /// From map units (y down) to page units (y up).
    map_transform: [f32; 6],
    /// A poster sheet: its place on the poster, and the part of the page the map may cover.
    tile: Option<Tile>,
}

#[derive(Clone, Copy)]
struct Tile {
    row: u32,
    column: u32,
    plan: PosterPlan,
}

fn sheets(size: egui::Vec2, page: PdfPage) -> Vec<Sheet> {
    match page {
        PdfPage::Fit => {
            // One map unit is one point, unless that page would be larger than a PDF page may be: then a
            // page unit is made larger than a point, so that the page stays within the limit and prints at
            // the same size.
            let longest = size.x.max(size.y);
            let unit = if longest > MAX_PAGE_UNITS {
                // Rounded up, so that the media box is never above the limit.
                (longest / MAX_PAGE_UNITS * 10_000.0).ceil() / 10_000.0
            } else {
                1.0
            };
            let page = [size.x / unit, size.y / unit];
            vec![Sheet {
                size: page,
                user_unit: (unit != 1.0).then_some(unit),
                map_transform: [1.0 / unit, 0.0, 0.0, -1.0 / unit, 0.0, page[1]],
                tile: None,
            }]
        }
        PdfPage::A4Landscape | PdfPage::A3Landscape => {
            let [page_w, page_h] = page.size_pt().unwrap_or(Paper::A4.landscape());
            // On paper the map is fitted and centred with a margin, as the SVG's view box does.
            let (min, view) = page_view_box(size, [page_w, page_h]);
            let scale = (page_w / view.x).min(page_h / view.y);
            let offset = egui::vec2(
                (page_w - view.x * scale) / 2.0 - min.x * scale,
                (page_h - view.y * scale) / 2.0 - min.y * scale,
            );
            vec![Sheet {
                size: [page_w, page_h],
                user_unit: None,
                map_transform: [scale, 0.0, 0.0, -scale, offset.x, page_h - offset.y],
                tile: None,
            }]
        }
        PdfPage::Poster(poster) => {
            let plan = poster.plan(size);
            let [sheet_w, sheet_h] = plan.sheet;
            let margin = Poster::MARGIN_PT;
            let mut sheets = Vec::with_capacity(plan.pages() as usize);
            for row in 0..plan.rows {
                for column in 0..plan.columns {
                    let left = margin - column as f32 * plan.stride.x;
                    let top = sheet_h - margin - plan.top + row as f32 * plan.stride.y;
                    sheets.push(Sheet {
                        size: [sheet_w, sheet_h],
                        user_unit: None,
                        map_transform: [plan.scale, 0.0, 0.0, -plan.scale, left, top],
                        tile: Some(Tile { row, column, plan }),
                    });
                }
            }
            sheets
        }
    }
}

/// The words printed on each poster sheet (kept together for translation).
fn tile_label(tile: &Tile, language: Lang) -> String {
    tr_in(
        language,
        k::POSTER_SHEET_LABEL,
        &[
            ("row", Arg::from(tile.row + 1)),
            ("rows", Arg::from(tile.plan.rows)),
            ("column", Arg::from(tile.column + 1)),
            ("columns", Arg::from(tile.plan.columns)),
        ],
    )
}

pub fn pdf_bytes(
    map: &Map,
    layout: &MapLayout,
    page: PdfPage,
    progress: &Progress<'_>,
) -> Result<Vec<u8>, ExportError> {
    progress.check()?;
    let fonts = FontSet::new()?;
    let size = layout.size;
    let sheets = sheets(size, page);

    let mut writer = PageWriter {
        content: Content::new(),
        fonts: &fonts,
        plans: Plans::new(),
        ascents: Ascents::new(),
        remappers: Default::default(),
        unicode: Default::default(),
        alphas: Default::default(),
        fill_alpha: Some(255),
        stroke_alpha: Some(255),
        photo: false,
        language: map_language(map),
    };
    // The map is drawn once, in map units with y down, as a form that every page shows through its own
    // transform (a poster's sheets each show a part of it).
    for shape in scene::build(layout) {
        writer.shape(&shape);
    }
    let map_content = deflate(&writer.take_content().finish());
    progress.report(0.4);
    progress.check()?;
    let mut page_contents = Vec::with_capacity(sheets.len());
    for sheet in &sheets {
        progress.check()?;
        let c = &mut writer.content;
        c.save_state();
        if let Some(tile) = &sheet.tile {
            let margin = Poster::MARGIN_PT;
            let printable = tile.plan.printable;
            c.rect(margin, margin, printable.x, printable.y);
            c.clip_nonzero();
            c.end_path();
        }
        c.transform(sheet.map_transform);
        c.x_object(Name(b"Map"));
        c.restore_state();
        if let Some(tile) = &sheet.tile {
            writer.tile_marks(sheet.size, tile);
        }
        page_contents.push(deflate(&writer.take_content().finish()));
    }
    progress.report(0.5);

    let mut pdf = Pdf::new();
    let mut next = 1;
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    let catalog = alloc();
    let tree = alloc();
    let map_id = alloc();
    let page_ids: Vec<(Ref, Ref)> = sheets.iter().map(|_| (alloc(), alloc())).collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().map(|(page, _)| *page))
        .count(page_ids.len() as i32);

    // Fonts: a subset of each font used, with widths and the map back to the characters.
    let mut font_refs = Vec::new();
    for (index, remapper) in writer.remappers.iter().enumerate() {
        let Some(remapper) = remapper else { continue };
        let face = &fonts.faces[index];
        let subset = subsetter::subset(FONT_DATA[index], 0, remapper)
            .map_err(|e| ExportError::Render(format!("a font could not be subset: {e}")))?;
        let upem = face.units_per_em() as f32;
        let to_pdf = |v: f32| v * 1000.0 / upem;
        let base_name = format!("{}+{}", FONT_TAGS[index], FONT_NAMES[index]);
        let (type0, cid, descriptor, file, cmap_id) = (alloc(), alloc(), alloc(), alloc(), alloc());
        pdf.type0_font(type0)
            .base_font(Name(base_name.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(cmap_id);
        let widths: Vec<f32> = remapper
            .remapped_gids()
            .map(|old| {
                to_pdf(
                    face.glyph_hor_advance(ttf_parser::GlyphId(old))
                        .unwrap_or(0) as f32,
                )
            })
            .collect();
        let mut cid_font = pdf.cid_font(cid);
        cid_font
            .subtype(CidFontType::Type2)
            .base_font(Name(base_name.as_bytes()))
            .system_info(SystemInfo {
                registry: Str(b"Adobe"),
                ordering: Str(b"Identity"),
                supplement: 0,
            })
            .font_descriptor(descriptor)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        cid_font.widths().consecutive(0, widths);
        cid_font.finish();
        let bbox = face.global_bounding_box();
        pdf.font_descriptor(descriptor)
            .name(Name(base_name.as_bytes()))
            .flags(FontFlags::SYMBOLIC)
            .bbox(pdf_writer::Rect::new(
                to_pdf(bbox.x_min as f32),
                to_pdf(bbox.y_min as f32),
                to_pdf(bbox.x_max as f32),
                to_pdf(bbox.y_max as f32),
            ))
            .italic_angle(0.0)
            .ascent(to_pdf(face.ascender() as f32))
            .descent(to_pdf(face.descender() as f32))
            .cap_height(to_pdf(
                face.capital_height().unwrap_or(face.ascender()) as f32
            ))
            .stem_v(80.0)
            .font_file2(file);
        let compressed = deflate(&subset);
        pdf.stream(file, &compressed)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), subset.len() as i32);
        let mut cmap = UnicodeCmap::new(
            Name(b"Custom"),
            SystemInfo {
                registry: Str(b"Adobe"),
                ordering: Str(b"UCS"),
                supplement: 0,
            },
        );
        for (gid, text) in &writer.unicode[index] {
            cmap.pair_with_multiple(*gid, text.chars());
        }
        pdf.cmap(cmap_id, &cmap.finish());
        font_refs.push((index, type0));
    }

    let alpha_refs: Vec<(String, Ref)> = writer
        .alphas
        .iter()
        .map(|(key, name)| {
            let id = alloc();
            let mut state = pdf.ext_graphics(id);
            match key {
                (true, a) => state.non_stroking_alpha(*a as f32 / 255.0),
                (false, a) => state.stroking_alpha(*a as f32 / 255.0),
            };
            (name.clone(), id)
        })
        .collect();

    let photo_ref = match (&map.persona.photo, writer.photo) {
        (Some(photo), true) => {
            let rgba =
                image::load_from_memory_with_format(photo.png_bytes(), image::ImageFormat::Png)
                    .map_err(|e| {
                        ExportError::Render(format!("the persona photo could not be read: {e}"))
                    })?
                    .to_rgba8();
            let (w, h) = rgba.dimensions();
            let mut rgb = Vec::with_capacity((w * h * 3) as usize);
            let mut alpha = Vec::with_capacity((w * h) as usize);
            for px in rgba.pixels() {
                rgb.extend_from_slice(&px.0[..3]);
                alpha.push(px.0[3]);
            }
            let (image_id, mask_id) = (alloc(), alloc());
            let mask = deflate(&alpha);
            let mut smask = pdf.image_xobject(mask_id, &mask);
            smask.filter(Filter::FlateDecode);
            smask.width(w as i32).height(h as i32).bits_per_component(8);
            smask.color_space().device_gray();
            smask.finish();
            let data = deflate(&rgb);
            let mut image = pdf.image_xobject(image_id, &data);
            image.filter(Filter::FlateDecode);
            image.width(w as i32).height(h as i32).bits_per_component(8);
            image.color_space().device_rgb();
            image.s_mask(mask_id);
            image.finish();
            Some(image_id)
        }
        _ => None,
    };

    let write_resources = |mut resources: pdf_writer::writers::Resources<'_>,
                           x_object: Option<(&[u8], Ref)>| {
        let mut font_dict = resources.fonts();
        for (index, id) in &font_refs {
            font_dict.pair(Name(format!("F{index}").as_bytes()), *id);
        }
        font_dict.finish();
        let mut states = resources.ext_g_states();
        for (name, id) in &alpha_refs {
            states.pair(Name(name.as_bytes()), *id);
        }
        states.finish();
        if let Some((name, id)) = x_object {
            resources.x_objects().pair(Name(name), id);
        }
        resources.finish();
    };

    let mut form = pdf.form_xobject(map_id, &map_content);
    form.filter(Filter::FlateDecode);
    // Everything the scene draws is within the map's size; the border is room to spare, not a clip.
    form.bbox(pdf_writer::Rect::new(
        -100.0,
        -100.0,
        size.x + 100.0,
        size.y + 100.0,
    ));
    write_resources(form.resources(), photo_ref.map(|id| (&b"Photo"[..], id)));
    form.finish();

    for (sheet, ((page_id, content_id), content)) in
        sheets.iter().zip(page_ids.iter().zip(&page_contents))
    {
        pdf.stream(*content_id, content).filter(Filter::FlateDecode);
        let mut page_dict = pdf.page(*page_id);
        page_dict
            .media_box(pdf_writer::Rect::new(
                0.0,
                0.0,
                sheet.size[0],
                sheet.size[1],
            ))
            .parent(tree)
            .contents(*content_id);
        if let Some(unit) = sheet.user_unit {
            page_dict.user_unit(unit);
        }
        write_resources(page_dict.resources(), Some((&b"Map"[..], map_id)));
        page_dict.finish();
    }
    progress.report(0.9);
    Ok(pdf.finish())
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(data.len() / 4 + 64),
        flate2::Compression::fast(),
    );
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

struct PageWriter<'f> {
    content: Content,
    fonts: &'f FontSet,
    plans: Plans,
    ascents: Ascents,
    /// Per font: the glyphs used, numbered as in the subset.
    remappers: [Option<subsetter::GlyphRemapper>; 3],
    /// Per font: the characters each subset glyph stands for.
    unicode: [Vec<(u16, String)>; 3],
    /// Graphics states for opacities: (fill?, alpha) → name.
    alphas: HashMap<(bool, u8), String>,
    /// The opacities set now, where known.
    fill_alpha: Option<u8>,
    stroke_alpha: Option<u8>,
    photo: bool,
    /// The map's language, for the words printed on poster sheets.
    language: Lang,
}

fn channel(v: u8) -> f32 {
    v as f32 / 255.0
}

impl PageWriter<'_> {
    /// The content drawn so far, leaving an empty one for the next stream (whose graphics state starts afresh).
    fn take_content(&mut self) -> Content {
        self.fill_alpha = Some(255);
        self.stroke_alpha = Some(255);
        std::mem::replace(&mut self.content, Content::new())
    }

    /// A poster sheet's marks and label, in its margin: crop marks at the corners of the printed part, dashed
    /// marks where the next sheet's edge goes (to the right and below), and which sheet this is.
    fn tile_marks(&mut self, [width, height]: [f32; 2], tile: &Tile) {
        const MM: f32 = 72.0 / 25.4;
        let (margin, overlap) = (Poster::MARGIN_PT, Poster::OVERLAP_PT);
        let ink = Color32::from_gray(40);
        self.content.save_state();
        // Page points, y down, as the map's text is written.
        self.content.transform([1.0, 0.0, 0.0, -1.0, 0.0, height]);
        self.stroke_color(ink, 0.4);
        let (left, top, right, bottom) = (margin, margin, width - margin, height - margin);
        let (gap, length) = (2.0 * MM, 6.0 * MM);
        for (x, out_x) in [(left, -1.0), (right, 1.0)] {
            for (y, out_y) in [(top, -1.0), (bottom, 1.0)] {
                self.content.move_to(x + out_x * gap, y);
                self.content.line_to(x + out_x * (gap + length), y);
                self.content.move_to(x, y + out_y * gap);
                self.content.line_to(x, y + out_y * (gap + length));
            }
        }
        self.content.stroke();
        self.content.set_dash_pattern([2.0, 1.5], 0.0);
        if tile.column + 1 < tile.plan.columns {
            let x = right - overlap;
            for (from, to) in [
                (top - gap, top - gap - length),
                (bottom + gap, bottom + gap + length),
            ] {
                self.content.move_to(x, from);
                self.content.line_to(x, to);
            }
        }
        if tile.row + 1 < tile.plan.rows {
            let y = bottom - overlap;
            for (from, to) in [
                (left - gap, left - gap - length),
                (right + gap, right + gap + length),
            ] {
                self.content.move_to(from, y);
                self.content.line_to(to, y);
            }
        }
        self.content.stroke();
        self.content.restore_state();
        self.reset_alpha_after_restore();

        self.content.save_state();
        self.content.transform([1.0, 0.0, 0.0, -1.0, 0.0, height]);
        let label = tile_label(tile, self.language);
        let size = 6.5;
        let glyphs = shape_line(
            self.fonts,
            &mut self.plans,
            &label,
            crate::layout::Face::Regular,
            size,
            left + gap + length + 2.0 * MM,
            bottom + margin / 2.0 + size / 3.0,
        );
        self.fill_color(ink);
        self.text(&label, &glyphs, size);
        self.content.restore_state();
        self.fill_alpha = None;
    }

    fn alpha(&mut self, fill: bool, a: u8) {
        let current = if fill {
            &mut self.fill_alpha
        } else {
            &mut self.stroke_alpha
        };
        if *current == Some(a) {
            return;
        }
        *current = Some(a);
        let count = self.alphas.len();
        let name = self
            .alphas
            .entry((fill, a))
            .or_insert_with(|| format!("A{count}"))
            .clone();
        self.content.set_parameters(Name(name.as_bytes()));
    }

    fn fill_color(&mut self, color: Color32) {
        let [r, g, b, a] = color.to_srgba_unmultiplied();
        self.alpha(true, a);
        self.content
            .set_fill_rgb(channel(r), channel(g), channel(b));
    }

    fn stroke_color(&mut self, color: Color32, width: f32) {
        let [r, g, b, a] = color.to_srgba_unmultiplied();
        self.alpha(false, a);
        self.content
            .set_stroke_rgb(channel(r), channel(g), channel(b));
        self.content.set_line_width(width);
    }

    fn rect_path(&mut self, rect: Rect, radius: f32) {
        let r = radius.min(rect.width() / 2.0).min(rect.height() / 2.0);
        let c = &mut self.content;
        if r <= 0.0 {
            c.rect(rect.left(), rect.top(), rect.width(), rect.height());
            return;
        }
        super::scene::rounded_rect_outline(&mut ContentPath(c), rect, r);
    }

    fn circle_path(&mut self, center: Pos2, r: f32) {
        let k = r * 0.552_284_8;
        let (x, y) = (center.x, center.y);
        let c = &mut self.content;
        c.move_to(x + r, y);
        c.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
        c.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
        c.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
        c.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
        c.close_path();
    }

    fn polyline_path(&mut self, points: &[Pos2]) -> bool {
        let Some((first, rest)) = points.split_first() else {
            return false;
        };
        if rest.is_empty() {
            return false;
        }
        self.content.move_to(first.x, first.y);
        for p in rest {
            self.content.line_to(p.x, p.y);
        }
        true
    }

    fn shape(&mut self, shape: &Shape<'_>) {
        match shape {
            Shape::Rect { rect, radius, fill } => {
                if rect.width() <= 0.0 || rect.height() <= 0.0 {
                    return;
                }
                self.fill_color(*fill);
                self.rect_path(*rect, *radius);
                self.content.fill_nonzero();
            }
            Shape::RectStroke {
                rect,
                radius,
                color,
                width,
            } => {
                self.stroke_color(*color, *width);
                self.rect_path(*rect, *radius);
                self.content.stroke();
            }
            Shape::Line {
                points,
                color,
                width,
                dash,
                round,
            } => {
                self.content.save_state();
                self.stroke_color(*color, *width);
                if let Some([on, off]) = dash {
                    self.content.set_dash_pattern([*on, *off], 0.0);
                }
                if *round {
                    self.content.set_line_cap(LineCapStyle::RoundCap);
                    self.content.set_line_join(LineJoinStyle::RoundJoin);
                }
                if self.polyline_path(points) {
                    self.content.stroke();
                }
                self.content.restore_state();
                // The state is back to what it was before `save_state`.
                self.reset_alpha_after_restore();
            }
            Shape::Polygon { points, fill } => {
                self.fill_color(*fill);
                if self.polyline_path(points) {
                    self.content.close_path();
                    self.content.fill_nonzero();
                }
            }
            Shape::Face {
                center,
                radius,
                score,
            } => {
                self.fill_color(score_color(*score));
                let (outline, width) = scene::face_outline(*radius);
                self.stroke_color(outline, width);
                self.circle_path(*center, *radius);
                self.content.fill_nonzero();
                self.circle_path(*center, *radius);
                self.content.stroke();
                let face = scene::face_parts(*center, *radius, *score);
                self.fill_color(scene::FACE_INK);
                for eye in face.eyes {
                    self.circle_path(eye, face.eye_radius);
                    self.content.fill_nonzero();
                }
                self.content.save_state();
                self.stroke_color(scene::FACE_INK, face.line_width);
                self.content.set_line_join(LineJoinStyle::RoundJoin);
                if self.polyline_path(&face.mouth) {
                    self.content.stroke();
                }
                self.content.restore_state();
                self.reset_alpha_after_restore();
            }
            Shape::Photo { rect } => {
                self.photo = true;
                self.content.save_state();
                self.content.transform([
                    rect.width(),
                    0.0,
                    0.0,
                    -rect.height(),
                    rect.left(),
                    rect.bottom(),
                ]);
                self.content.x_object(Name(b"Photo"));
                self.content.restore_state();
            }
            Shape::Text { block, line } => {
                let Some(text) = block.lines.get(*line) else {
                    return;
                };
                let baseline = self.ascents.line_top(block, *line) + self.ascents.baseline(block);
                let glyphs = shape_line(
                    self.fonts,
                    &mut self.plans,
                    text,
                    block.face,
                    block.size,
                    block.pos.x,
                    baseline,
                );
                self.fill_color(block.color);
                self.text(text, &glyphs, block.size);
            }
        }
    }

    /// After `restore_state` the stroke opacity is the one from before the matching `save_state` (only the
    /// stroke's changes between them): make the next stroke set it again.
    fn reset_alpha_after_restore(&mut self) {
        self.stroke_alpha = None;
    }

    fn text(&mut self, text: &str, glyphs: &[PlacedGlyph], size: f32) {
        if glyphs.is_empty() {
            return;
        }
        self.content.begin_text();
        let mut i = 0;
        while i < glyphs.len() {
            // A run: one font, one baseline.
            let first = glyphs[i];
            let mut end = i + 1;
            while end < glyphs.len() && glyphs[end].font == first.font && glyphs[end].y == first.y {
                end += 1;
            }
            let font = first.font as usize;
            let face = &self.fonts.faces[font];
            let upem = face.units_per_em() as f32;
            self.content
                .set_font(Name(format!("F{font}").as_bytes()), size);
            self.content
                .set_text_matrix([1.0, 0.0, 0.0, -1.0, first.x, first.y]);
            let remapper = self.remappers[font].get_or_insert_with(Default::default);
            let mut codes: Vec<u8> = Vec::new();
            let mut items: Vec<(Vec<u8>, f32)> = Vec::new();
            for (k, glyph) in glyphs[i..end].iter().enumerate() {
                let known = remapper.get(glyph.id).is_some();
                let new = remapper.remap(glyph.id);
                if !known {
                    // The characters this glyph stands for: its cluster, if it starts one.
                    let starts = k + i == 0 || glyphs[k + i - 1].cluster != glyph.cluster;
                    let next = glyphs[k + i + 1..]
                        .iter()
                        .map(|g| g.cluster as usize)
                        .find(|c| *c > glyph.cluster as usize)
                        .unwrap_or(text.len());
                    let chars = text
                        .get(glyph.cluster as usize..next)
                        .filter(|_| starts)
                        .unwrap_or("");
                    if !chars.is_empty() {
                        self.unicode[font].push((new, chars.to_owned()));
                    }
                }
                codes.extend_from_slice(&new.to_be_bytes());
                if let Some(next) = glyphs[i..end].get(k + 1) {
                    let advance = face
                        .glyph_hor_advance(ttf_parser::GlyphId(glyph.id))
                        .unwrap_or(0) as f32
                        * size
                        / upem;
                    let expected = glyph.x + advance;
                    let adjust = (expected - next.x) * 1000.0 / size;
                    if adjust.abs() > 0.01 {
                        items.push((std::mem::take(&mut codes), adjust));
                    }
                }
            }
            let mut shown = self.content.show_positioned();
            let mut array = shown.items();
            for (codes, adjust) in &items {
                array.show(Str(codes));
                array.adjust(*adjust);
            }
            if !codes.is_empty() {
                array.show(Str(&codes));
            }
            array.finish();
            shown.finish();
            i = end;
        }
        self.content.end_text();
    }
}

/// A PDF content stream as a [`super::scene::PathSink`].
struct ContentPath<'c>(&'c mut pdf_writer::Content);

impl super::scene::PathSink for ContentPath<'_> {
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
        self.0.close_path();
    }
}
