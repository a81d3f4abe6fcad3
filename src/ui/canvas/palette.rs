//! The canvas's colours for a screen and for a projector.

use egui::{Color32, Stroke};

use crate::layout::style::{CARD_BORDER, GRID_LINE, SUBTLE_TEXT, TEXT};

/// The edge of a flat white or grey card: visible on the cells' white at any zoom.
pub(super) const FLAT_CARD_EDGE: Color32 = Color32::from_rgb(0xA4, 0xAA, 0xB4);

/// The colours of the canvas that change for a projector (View → Projector colours). Only the canvas uses them:
/// the map file and every export keep the layout's own colours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Drawn instead of the layout's text colour ([`TEXT`]) and its subtle one ([`SUBTLE_TEXT`]).
    pub(super) text: Color32,
    pub(super) subtle_text: Color32,
    pub(super) grid_line: Stroke,
    /// The edge of a card drawn at 75% and more.
    pub(super) card_border: Stroke,
    /// The edge of a flat card close to white, at smaller zooms.
    pub(super) flat_card_edge: Color32,
}

impl Palette {
    pub const SCREEN: Palette = Palette {
        text: TEXT,
        subtle_text: SUBTLE_TEXT,
        grid_line: Stroke {
            width: 1.0,
            color: GRID_LINE,
        },
        card_border: Stroke {
            width: 1.0,
            color: CARD_BORDER,
        },
        flat_card_edge: FLAT_CARD_EDGE,
    };
    /// Washed-out projectors lose light greys and thin lines: black text, darker grey text, cards framed in
    /// dark grey, grid lines that stay visible.
    pub const PROJECTOR: Palette = Palette {
        text: Color32::BLACK,
        subtle_text: Color32::from_rgb(0x30, 0x33, 0x3A),
        grid_line: Stroke {
            width: 2.0,
            color: Color32::from_rgb(0x70, 0x76, 0x80),
        },
        card_border: Stroke {
            width: 2.0,
            color: Color32::from_rgba_premultiplied(0, 0, 0, 150),
        },
        flat_card_edge: Color32::from_rgb(0x50, 0x55, 0x5E),
    };

    /// The colour to draw a text of the layout in.
    pub(super) fn ink(&self, color: Color32) -> Color32 {
        if color == TEXT {
            self.text
        } else if color == SUBTLE_TEXT {
            self.subtle_text
        } else {
            color
        }
    }
}

impl Default for Palette {
    fn default() -> Self {
        Palette::SCREEN
    }
}
