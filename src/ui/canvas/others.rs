//! Others in a live session, on the canvas: each one's selected cards outlined in their colour with a small
//! name tag, and "✎ Name" on the card they are typing in. Only cards that exist and are in view are drawn;
//! one pass over the laid-out cards, a binary search per person, nothing kept between frames.

use egui::{Align2, Color32, FontId, Painter, Rect, Stroke, StrokeKind, pos2, vec2};

use super::Canvas;
use super::paint::Projection;
use crate::layout::{CardBox, MapLayout};
use crate::model::CardId;
use crate::sync::Peer;

/// The most name tags drawn in one frame (outlines are always drawn): a big shared selection stays legible.
const MAX_TAGS: usize = 80;
/// Below this zoom the tags would cover the cards they name: outlines only.
const TAG_ZOOM: f32 = 0.3;
const TAG_FONT: f32 = 11.0;

/// One person's mark on one card.
#[derive(Clone, Debug, PartialEq)]
pub struct PeerMark {
    pub card: CardId,
    pub name: String,
    /// They type in this card (else it is only selected).
    pub typing: bool,
}

/// Every (card, person, typing) to draw: cards that exist (they are laid out) and touch `visible`.
fn marks<'a>(
    layout: &'a MapLayout,
    visible: Rect,
    others: &'a [Peer],
) -> impl Iterator<Item = (&'a CardBox, usize, &'a Peer, bool)> + 'a {
    layout
        .cards
        .iter()
        .filter(move |card| !others.is_empty() && card.rect.intersects(visible))
        .flat_map(move |card| {
            others
                .iter()
                .filter_map(move |peer| {
                    let typing = peer.editing == Some(card.id.0);
                    (typing || peer.selects(card.id.0)).then_some((peer, typing))
                })
                .enumerate()
                .map(move |(k, (peer, typing))| (card, k, peer, typing))
        })
}

pub(super) fn paint_others(
    painter: &Painter,
    layout: &MapLayout,
    proj: &Projection,
    others: &[Peer],
) {
    let mut tags = 0;
    // Where the next tag on the same card ends (tags of several people on one card go side by side).
    let mut tag_right = (CardId(u64::MAX), 0.0);
    for (card, k, peer, typing) in marks(layout, proj.visible_map_rect(), others) {
        let [r, g, b] = peer.color;
        let color = Color32::from_rgb(r, g, b);
        let small = proj.zoom() < TAG_ZOOM;
        let screen = proj
            .rect(card.rect)
            .expand(if small { 1.0 } else { 2.0 + 3.0 * k as f32 });
        if small {
            // The whole map in view: square corners are a quarter of the vertices of round ones, and at this
            // size nobody sees the difference (a big shared selection stays cheap to draw).
            painter.rect_stroke(screen, 0.0, Stroke::new(1.5, color), StrokeKind::Outside);
            continue;
        }
        painter.rect_stroke(screen, 4.0, Stroke::new(2.0, color), StrokeKind::Outside);
        if tags >= MAX_TAGS {
            continue;
        }
        tags += 1;
        let text = if typing {
            format!("✎ {}", peer.name)
        } else {
            peer.name.clone()
        };
        let galley = painter.layout_no_wrap(text, FontId::proportional(TAG_FONT), Color32::WHITE);
        if tag_right.0 != card.id {
            tag_right = (card.id, screen.right());
        }
        let size = galley.size() + vec2(8.0, 2.0);
        let tag = Rect::from_min_size(pos2(tag_right.1 - size.x, screen.top() - size.y), size);
        tag_right.1 = tag.left() - 3.0;
        painter.rect_filled(tag, 3.0, color);
        painter.galley(
            Align2::CENTER_CENTER
                .align_size_within_rect(galley.size(), tag)
                .min,
            galley,
            Color32::WHITE,
        );
    }
}

impl Canvas {
    /// What the canvas shows of the others in the last frame's view: each selected or typed-in card that
    /// exists and is on screen, with the person's name (for tests and screen readers).
    pub fn peer_marks(&self) -> Vec<PeerMark> {
        let visible = Rect::from_min_max(
            self.view.to_map(self.last_rect, self.last_rect.min),
            self.view.to_map(self.last_rect, self.last_rect.max),
        );
        marks(&self.layout, visible, &self.others)
            .map(|(card, _, peer, typing)| PeerMark {
                card: card.id,
                name: peer.name.clone(),
                typing,
            })
            .collect()
    }
}
