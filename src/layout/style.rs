//! Sizes and colours of the map, shared by the canvas and every export. Sizes are map units: pixels at 100%.

use egui::Color32;

pub const MARGIN: f32 = 16.0;
pub const TITLE_SIZE: f32 = 26.0;
pub const PERSONA_NAME_SIZE: f32 = 17.0;
pub const BODY_SIZE: f32 = 14.0;
pub const HEADER_SIZE: f32 = 15.0;
pub const SMALL_SIZE: f32 = 12.0;
pub const PHOTO_SIDE: f32 = 96.0;
pub const PERSONA_MAX_WIDTH: f32 = 1100.0;

pub const LANE_HEADER_WIDTH: f32 = 170.0;
pub const MIN_STAGE_HEADER_HEIGHT: f32 = 56.0;
pub const HEADER_PADDING: f32 = 8.0;

pub const CELL_PADDING: f32 = 8.0;
pub const CARD_GAP: f32 = 6.0;
pub const CARD_PADDING: f32 = 8.0;
/// Text is wrapped a little narrower than the card, so renderers whose glyph widths differ by a hair still fit.
pub const WRAP_SLACK: f32 = 4.0;
pub const ADD_BUTTON_HEIGHT: f32 = 22.0;
pub const MIN_LANE_HEIGHT: f32 = 72.0;

pub const EMOTION_LANE_HEIGHT: f32 = 190.0;
pub const EMOTION_CURVE_TOP: f32 = 26.0;
pub const EMOTION_CURVE_HEIGHT: f32 = 96.0;
pub const FACE_RADIUS: f32 = 12.0;
pub const NOTE_MAX_LINES: usize = 3;

pub const BACKGROUND: Color32 = Color32::from_rgb(0xF7, 0xF7, 0xF5);
pub const GRID_LINE: Color32 = Color32::from_rgb(0xD5, 0xD8, 0xDE);
pub const HEADER_FILL: Color32 = Color32::from_rgb(0x2F, 0x3E, 0x55);
pub const HEADER_TEXT: Color32 = Color32::from_rgb(0xFF, 0xFF, 0xFF);
pub const HEADER_SUBTEXT: Color32 = Color32::from_rgb(0xC4, 0xCD, 0xDB);
pub const LANE_FILL: Color32 = Color32::from_rgb(0xE9, 0xEC, 0xF1);
pub const TEXT: Color32 = Color32::from_rgb(0x22, 0x25, 0x2B);
pub const SUBTLE_TEXT: Color32 = Color32::from_rgb(0x6A, 0x70, 0x7C);
pub const CARD_BORDER: Color32 = Color32::from_rgba_premultiplied(0, 0, 0, 40);
pub const CURVE: Color32 = Color32::from_rgb(0x4A, 0x6F, 0xB5);
pub const NEUTRAL_LINE: Color32 = Color32::from_rgb(0xC0, 0xC6, 0xD0);

/// The face colour for an emotion score, from red (-2) through grey to green (+2).
pub fn score_color(score: i8) -> Color32 {
    match score {
        i8::MIN..=-2 => Color32::from_rgb(0xE0, 0x4F, 0x4F),
        -1 => Color32::from_rgb(0xF0, 0x96, 0x5A),
        0 => Color32::from_rgb(0xC9, 0xC2, 0x5A),
        1 => Color32::from_rgb(0x8C, 0xC8, 0x5E),
        _ => Color32::from_rgb(0x3F, 0xB0, 0x6A),
    }
}

pub fn card_fill(color: crate::model::CardColor) -> Color32 {
    let [r, g, b] = color.rgb();
    Color32::from_rgb(r, g, b)
}

/// A card filtered out by the persona filter: its colour faded most of the way to white (opaque, so every
/// export draws it the same).
pub fn dim(color: Color32) -> Color32 {
    let fade = |c: u8| (c as f32 + (255.0 - c as f32) * 0.7).round() as u8;
    Color32::from_rgb(fade(color.r()), fade(color.g()), fade(color.b()))
}

/// The text colour of a dimmed card.
pub const DIMMED_TEXT: Color32 = Color32::from_rgb(0xA8, 0xAC, 0xB4);

/// The colours of the personas' curves, in persona order (the first is the one-persona curve's colour).
pub const PERSONA_COLORS: [Color32; 6] = [
    CURVE,
    Color32::from_rgb(0xD9, 0x5F, 0x0E),
    Color32::from_rgb(0x2C, 0xA0, 0x6E),
    Color32::from_rgb(0x9B, 0x4D, 0xCA),
    Color32::from_rgb(0xC2, 0x3B, 0x6E),
    Color32::from_rgb(0x1F, 0x9E, 0xB4),
];

/// The colours of a Metrics lane's measures, in measure order.
pub const MEASURE_COLORS: [Color32; 8] = [
    Color32::from_rgb(0x4A, 0x6F, 0xB5),
    Color32::from_rgb(0xE0, 0x8A, 0x2E),
    Color32::from_rgb(0x3F, 0xA0, 0x6A),
    Color32::from_rgb(0x9B, 0x4D, 0xCA),
    Color32::from_rgb(0xC2, 0x3B, 0x6E),
    Color32::from_rgb(0x1F, 0x9E, 0xB4),
    Color32::from_rgb(0x7A, 0x7F, 0x3A),
    Color32::from_rgb(0x6A, 0x70, 0x7C),
];

pub fn persona_color(index: usize) -> Color32 {
    PERSONA_COLORS[index % PERSONA_COLORS.len()]
}

pub fn measure_color(index: usize) -> Color32 {
    MEASURE_COLORS[index % MEASURE_COLORS.len()]
}

/// The height of one measure's row in a Metrics lane's chart: the values' line, then the bars.
pub const METRIC_ROW_HEIGHT: f32 = 66.0;
pub const METRIC_VALUE_BAND: f32 = 16.0;
pub const METRIC_BAR_WIDTH: f32 = 44.0;
/// The square before each legend line (a persona's or a measure's colour).
pub const SWATCH: f32 = 10.0;
