//! Where the dots of a vote go: a row along each voted card's bottom edge, like stickers on a paper note, most
//! of each on the card's bottom padding and the rest in the gap below it, so that they never cover text and never move
//! a card (cards do not grow as dots arrive). The canvas always shows them; exports when asked.

use egui::{Color32, Pos2, Rect, pos2, vec2};

use super::style::{CARD_PADDING, SMALL_SIZE, TEXT};
use super::{CardBox, Face, TextBlock, TextEngine, block};
use crate::model::{CardId, Map};

/// A dot's radius in map units; dots sit this far apart plus a gap.
pub const VOTE_DOT_RADIUS: f32 = 6.0;
const STEP: f32 = 2.0 * VOTE_DOT_RADIUS + 2.0;

/// The dots on one card.
#[derive(Clone, Debug)]
pub struct VoteMark {
    pub card: CardId,
    /// Every dot on the card, from everyone.
    pub total: u32,
    /// The dots drawn, grouped by participant in the round's order.
    pub dots: Vec<(Pos2, Color32)>,
    /// When the row is full: a white pill saying how many more ("+7").
    pub more: Option<(Rect, TextBlock)>,
}

/// The marks of the map's vote, one per card with dots, in card order.
pub fn layout_votes(map: &Map, cards: &[CardBox], engine: &mut TextEngine) -> Vec<VoteMark> {
    let Some(vote) = &map.vote else {
        return Vec::new();
    };
    let mut by_card: std::collections::HashMap<CardId, Vec<(usize, u32)>> = Default::default();
    for dots in &vote.dots {
        let order = vote
            .participants
            .iter()
            .position(|p| p.id == dots.participant)
            .unwrap_or(usize::MAX);
        by_card
            .entry(dots.card)
            .or_default()
            .push((order, dots.count));
    }
    let mut marks = Vec::new();
    for card in cards {
        let Some(entries) = by_card.get_mut(&card.id) else {
            continue;
        };
        entries.sort_unstable();
        let total: u32 = entries.iter().map(|(_, n)| n).sum();
        let room = ((card.rect.width() - 2.0 * CARD_PADDING) / STEP)
            .floor()
            .max(2.0) as u32;
        // A full row keeps its last place for the "+n" pill.
        let shown = if total > room { room - 1 } else { total };
        // The ring reaches just to the next card below (the gap is 6), and not quite to the text above.
        let y = card.rect.bottom() - 1.5;
        let left = card.rect.left() + CARD_PADDING + VOTE_DOT_RADIUS;
        let colors = entries.iter().flat_map(|(order, count)| {
            let [r, g, b] = vote
                .participants
                .get(*order)
                .map_or([0x55, 0x55, 0x55], |p| p.color);
            std::iter::repeat_n(Color32::from_rgb(r, g, b), *count as usize)
        });
        let dots: Vec<(Pos2, Color32)> = colors
            .take(shown as usize)
            .enumerate()
            .map(|(i, color)| (pos2(left + i as f32 * STEP, y), color))
            .collect();
        let more = (total > shown).then(|| {
            let label = format!("+{}", total - shown);
            let x = left - VOTE_DOT_RADIUS + shown as f32 * STEP;
            let text = block(
                engine,
                &label,
                Face::Bold,
                SMALL_SIZE - 2.0,
                200.0,
                pos2(x + 3.0, 0.0),
                TEXT,
            );
            let text_width = engine.width(&label, Face::Bold, SMALL_SIZE - 2.0);
            let pill = Rect::from_min_size(
                pos2(x, y - VOTE_DOT_RADIUS - 1.0),
                vec2(text_width + 6.0, 2.0 * VOTE_DOT_RADIUS + 2.0),
            );
            let text = TextBlock {
                pos: pos2(x + 3.0, pill.center().y - text.line_height / 2.0),
                ..text
            };
            (pill, text)
        });
        marks.push(VoteMark {
            card: card.id,
            total,
            dots,
            more,
        });
    }
    marks
}
