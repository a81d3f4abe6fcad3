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
