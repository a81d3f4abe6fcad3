//! Several cards selected at once: Shift/Ctrl+click, the rubber band, Ctrl+A. The focus card stays in
//! `selection` (arrow keys and the side panel start from it); the others are kept beside it in `group`.

use std::collections::HashSet;

use egui::{Painter, Rect, Stroke, StrokeKind};

use super::Canvas;
use super::paint::{Projection, SELECTION};
use crate::layout::MapLayout;
use crate::model::{CardId, Map};
use crate::ui::selection::{Scope, Selection, select_all_scope};

impl Canvas {
    /// The selected cards in map order: the group when several are selected, else the selected card.
    pub fn selected_cards(&self, map: &Map) -> Vec<CardId> {
        match self.selection {
            Selection::Card(focus) if self.group.len() > 1 && self.group.contains(&focus) => {
                let group: HashSet<CardId> = self.group.iter().copied().collect();
                map.cards
                    .iter()
                    .map(|c| c.id)
                    .filter(|id| group.contains(id))
                    .collect()
            }
            Selection::Card(focus) if map.card(focus).is_some() => vec![focus],
            _ => Vec::new(),
        }
    }

    /// Whether a card is one of several selected.
    pub(super) fn group_set(&self) -> HashSet<CardId> {
        match self.selection {
            Selection::Card(focus) if self.group.len() > 1 && self.group.contains(&focus) => {
                self.group.iter().copied().collect()
            }
            _ => HashSet::new(),
        }
    }

    /// Selects exactly these cards; the focus is `focus` when it is one of them, else the first.
    pub fn select_cards(&mut self, cards: Vec<CardId>, focus: Option<CardId>) {
        self.selection = match (focus.filter(|f| cards.contains(f)), cards.first()) {
            (Some(f), _) | (None, Some(&f)) => Selection::Card(f),
            (None, None) => Selection::None,
        };
        self.group = if cards.len() > 1 { cards } else { Vec::new() };
        self.scope = None;
    }

    /// Selects one thing only, forgetting the group.
    pub(super) fn select_one(&mut self, selection: Selection) {
        self.selection = selection;
        self.group.clear();
        self.scope = None;
    }

    /// Shift/Ctrl+click: adds a card to the selection, or takes it out.
    pub(super) fn toggle_card(&mut self, map: &Map, card: CardId) {
        let mut cards = self.selected_cards(map);
        if let Some(at) = cards.iter().position(|c| *c == card) {
            cards.remove(at);
            let focus = cards.first().copied();
            self.select_cards(cards, focus);
        } else {
            cards.push(card);
            self.select_cards(cards, Some(card));
        }
    }

    /// Ctrl+A: all cards of the selected cell, then (pressed again) of its lane, then of the map.
    pub fn select_all(&mut self, map: &Map) {
        let already: HashSet<CardId> = self.selected_cards(map).into_iter().collect();
        let focus = match self.selection {
            Selection::Card(id) => Some(id),
            _ => None,
        };
        let (scope, cards) = select_all_scope(map, self.selection, &already);
        self.select_cards(cards, focus);
        self.scope = Some(scope);
    }

    /// Selects the cards the band from `a` to `b` (map units) touches.
    pub(super) fn band_select(&mut self, layout: &MapLayout, band: Rect) {
        let cards: Vec<CardId> = layout
            .cards
            .iter()
            .filter(|c| c.rect.intersects(band))
            .map(|c| c.id)
            .collect();
        self.select_cards(cards, None);
    }

    /// The cell under the pointer, if the pointer is over the canvas.
    pub fn cell_under_pointer(
        &self,
        ctx: &egui::Context,
    ) -> Option<(crate::model::StageId, crate::model::LaneId)> {
        let pos = ctx.input(|i| i.pointer.hover_pos())?;
        if !self.last_rect.contains(pos) {
            return None;
        }
        let cell = self.layout.cell_at(self.view.to_map(self.last_rect, pos))?;
        Some((cell.stage, cell.lane))
    }

    /// Draws the rubber band.
    pub(super) fn paint_band(&self, painter: &Painter, proj: &Projection, band: Rect) {
        let screen = Rect::from_two_pos(
            proj.view.to_screen(proj.canvas, band.min),
            proj.view.to_screen(proj.canvas, band.max),
        );
        painter.rect_filled(screen, 0.0, SELECTION.gamma_multiply(0.08));
        painter.rect_stroke(screen, 0.0, Stroke::new(1.0, SELECTION), StrokeKind::Inside);
    }

    /// What the status bar says about the selection: how many cards, and how far Ctrl+A reached.
    pub fn selection_status(&self, map: &Map) -> Option<String> {
        if let Some(pick) = self.link_pick {
            let card = crate::ui::link_panel::card_name(map, pick.from);
            return Some(crate::t!(crate::i18n::k::LINK_PICK_HINT, card = card));
        }
        let count = self.selected_cards(map).len();
        match self.scope {
            Some(scope) => Some(select_all_message(scope, count)),
            None if count > 1 => Some(cards_selected(count)),
            None => None,
        }
    }
}

/// "12 cards selected", "12 карточек выбрано".
pub fn cards_selected(count: usize) -> String {
    crate::t!(crate::i18n::k::CARDS_SELECTED, count = count)
}

fn select_all_message(scope: Scope, count: usize) -> String {
    let selected = cards_selected(count);
    match scope {
        Scope::Cell => crate::t!(crate::i18n::k::CARDS_ALL_IN_CELL, selected = selected),
        Scope::Stage => crate::t!(crate::i18n::k::CARDS_ALL_IN_STAGE, selected = selected),
        Scope::Lane => crate::t!(crate::i18n::k::CARDS_ALL_IN_LANE, selected = selected),
        Scope::Map => crate::t!(crate::i18n::k::CARDS_ALL_IN_MAP, selected = selected),
    }
}
