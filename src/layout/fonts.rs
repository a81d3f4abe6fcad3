//! The bundled fonts. The canvas and every export use exactly these, so text looks the same on every machine.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

pub const SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub const SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
pub const EMOJI: &[u8] = include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf");

/// The family name of the bold face, for headers and titles.
pub const BOLD_FAMILY: &str = "waymark-bold";

/// egui font definitions: DejaVu Sans (Latin, Cyrillic, arrows, ₽) first, Noto Emoji as the fallback.
pub fn font_definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    defs.font_data.insert(
        "dejavu-sans".to_owned(),
        Arc::new(FontData::from_static(SANS)),
    );
    defs.font_data.insert(
        "dejavu-sans-bold".to_owned(),
        Arc::new(FontData::from_static(SANS_BOLD)),
    );
    defs.font_data.insert(
        "waymark-emoji".to_owned(),
        Arc::new(FontData::from_static(EMOJI)),
    );
    let regular = ["dejavu-sans".to_owned(), "waymark-emoji".to_owned()];
    let bold = vec!["dejavu-sans-bold".to_owned(), "waymark-emoji".to_owned()];
    let proportional = defs.families.entry(FontFamily::Proportional).or_default();
    // Keep egui's own fonts after ours: its icon font covers the symbols egui's widgets draw.
    proportional.retain(|name| !regular.contains(name));
    proportional.splice(0..0, regular.iter().cloned());
    defs.families
        .insert(FontFamily::Name(BOLD_FAMILY.into()), bold);
    if let Some(mono) = defs.families.get_mut(&FontFamily::Monospace) {
        mono.push("dejavu-sans".to_owned());
    }
    defs
}
