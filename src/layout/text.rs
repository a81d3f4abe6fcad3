//! Line breaking with the bundled fonts. Measured once, at 100% and without hinting, so the canvas at any zoom
//! and every export break lines in the same places.

use std::collections::HashMap;
use std::sync::Arc;

use egui::epaint::text::{Fonts, LayoutJob, TextOptions};
use egui::{Color32, FontFamily, FontId};

use super::fonts::{BOLD_FAMILY, font_definitions};

/// Which face a piece of text uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Bold,
}

impl Face {
    pub fn family(self) -> FontFamily {
        match self {
            Face::Regular => FontFamily::Proportional,
            Face::Bold => FontFamily::Name(BOLD_FAMILY.into()),
        }
    }
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct WrapKey {
    text: String,
    face: Face,
    size_bits: u32,
    width_bits: u32,
}

/// Breaks text into lines with the bundled fonts, remembering what it has measured.
pub struct TextEngine {
    fonts: Fonts,
    memo: HashMap<WrapKey, Arc<[String]>>,
}

/// Memoised results are dropped past this many, so the memo cannot grow without end.
const MEMO_LIMIT: usize = 200_000;

impl Default for TextEngine {
    fn default() -> Self {
        TextEngine::new()
    }
}

impl TextEngine {
    pub fn new() -> TextEngine {
        let options = TextOptions {
            font_hinting: false,
            ..TextOptions::default()
        };
        TextEngine {
            fonts: Fonts::new(options, font_definitions()),
            memo: HashMap::new(),
        }
    }

    /// Height of one line of text.
    pub fn line_height(&mut self, face: Face, size: f32) -> f32 {
        self.fonts
            .with_pixels_per_point(1.0)
            .row_height(&FontId::new(size, face.family()))
    }

    /// Breaks `text` into lines no wider than `width` (explicit line breaks are kept).
    pub fn wrap(&mut self, text: &str, face: Face, size: f32, width: f32) -> Arc<[String]> {
        let key = WrapKey {
            text: text.to_owned(),
            face,
            size_bits: size.to_bits(),
            width_bits: width.to_bits(),
        };
        if let Some(lines) = self.memo.get(&key) {
            return lines.clone();
        }
        let job = LayoutJob::simple(
            text.to_owned(),
            FontId::new(size, face.family()),
            Color32::BLACK,
            width,
        );
        let galley = self.fonts.layout_uncached(1.0, Arc::new(job));
        let lines: Arc<[String]> = galley
            .rows
            .iter()
            .map(|row| {
                row.glyphs
                    .iter()
                    .map(|g| g.chr)
                    .collect::<String>()
                    .trim_end()
                    .to_owned()
            })
            .collect();
        if self.memo.len() >= MEMO_LIMIT {
            self.memo.clear();
        }
        self.memo.insert(key, lines.clone());
        lines
    }

    /// Width of one line of text.
    pub fn width(&mut self, text: &str, face: Face, size: f32) -> f32 {
        let job = LayoutJob::simple(
            text.to_owned(),
            FontId::new(size, face.family()),
            Color32::BLACK,
            f32::INFINITY,
        );
        self.fonts.layout_uncached(1.0, Arc::new(job)).size().x
    }
}
