//! The canvas during dot voting: the dots on the cards (always, like the map's other content), the dimming of
//! "highlight top N", and, while votes are being cast, clicks that only put and take back dots.
//!
//! While casting, a click on a card is a vote and nothing else: no card is selected, dragged or edited, a
//! double-click is two votes (a dot and its take-back, where one dot per card is allowed), and the right-click
//! menu gives way to taking a dot back. Dragging anywhere pans, so the map can still be moved around.

use std::collections::HashSet;

use egui::{Color32, CornerRadius, CursorIcon, Painter, Response, Stroke, Ui};

use super::paint::Projection;
use super::{Canvas, Gesture, Hit};
use crate::layout::{MapLayout, VOTE_DOT_RADIUS};
use crate::model::CardId;

/// A click on a card while votes are cast, for the voting panel to turn into a dot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoteClick {
    pub card: CardId,
    /// A right click: take one of the participant's dots back.
    pub take_back: bool,
}

impl Canvas {
    /// Pointer handling while votes are cast: clicks on cards become [`VoteClick`]s, drags pan.
    pub(super) fn vote_pointer(
        &mut self,
        ui: &Ui,
        response: &Response,
        layout: &MapLayout,
        proj: &Projection,
    ) {
        if response.drag_started() {
            self.gesture = Gesture::Pan;
        }
        if response.dragged() && self.gesture == Gesture::Pan {
            self.view.pan += response.drag_delta();
        }
        if response.drag_stopped() {
            self.gesture = Gesture::Idle;
        }
        if let Some(pos) = response.hover_pos()
            && matches!(self.hit(layout, proj, pos), Hit::Card(_))
            && self.gesture == Gesture::Idle
        {
            ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
        }
        for (clicked, take_back) in [
            (response.clicked(), false),
            (response.secondary_clicked(), true),
        ] {
            if clicked
                && let Some(pos) = response.interact_pointer_pos()
                && let Hit::Card(card) = self.hit(layout, proj, pos)
            {
                self.vote_clicks.push(VoteClick { card, take_back });
            }
        }
    }
}

/// Draws the dots of the vote over the cards, then dims the cards outside `highlight` (when it is set).
pub(super) fn paint_votes(
    painter: &Painter,
    layout: &MapLayout,
    p: &Projection,
    highlight: Option<&HashSet<CardId>>,
) {
    let zoom = p.zoom();
    let visible = p.visible_map_rect().expand(2.0 * VOTE_DOT_RADIUS);
    let radius = VOTE_DOT_RADIUS * zoom;
    for mark in &layout.votes {
        if radius < 1.0 {
            break;
        }
        for &(center, color) in &mark.dots {
            if visible.contains(center) {
                painter.circle(
                    p.pos(center),
                    radius,
                    color,
                    Stroke::new((1.5 * zoom).max(0.5), Color32::WHITE),
                );
            }
        }
        if let Some((pill, label)) = &mark.more
            && pill.intersects(visible)
        {
            let screen = p.rect(*pill);
            let round = CornerRadius::same((screen.height() / 2.0).clamp(0.0, 255.0) as u8);
            painter.rect(
                screen,
                round,
                Color32::WHITE,
                Stroke::new(1.0, crate::layout::style::GRID_LINE),
                egui::StrokeKind::Outside,
            );
            painter.text(
                p.pos(label.pos),
                egui::Align2::LEFT_TOP,
                label.joined(),
                egui::FontId::new(label.size * zoom, label.face.family()),
                label.color,
            );
        }
    }
    let Some(highlight) = highlight else {
        return;
    };
    // A veil of the cells' white over the other cards: they stay readable but step back. One mesh for all of
    // them (a map of thousands of cards at a small zoom); square corners do not show, white over white.
    let veil = Color32::from_white_alpha(200);
    let visible = p.visible_map_rect();
    let mut mesh = egui::Mesh::default();
    for card in &layout.cards {
        if !highlight.contains(&card.id) && card.rect.intersects(visible) {
            mesh.add_colored_rect(p.rect(card.rect).expand(1.0), veil);
        }
    }
    painter.add(egui::Shape::mesh(mesh));
    for mark in &layout.votes {
        if !highlight.contains(&mark.card) {
            for &(center, _) in &mark.dots {
                painter.circle_filled(p.pos(center), radius + 1.5 * zoom, veil);
            }
        }
    }
}
