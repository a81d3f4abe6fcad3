//! What the app does to several selected cards at once: copy, cut, paste, duplicate, delete, recolour. Each
//! change is one batch, so one undo step.

use egui::ViewportCommand;

use super::WaymarkApp;
use crate::edit::{Edit, build};
use crate::model::{CardColor, CardId, LaneId, StageId};
use crate::ui::dialogs::Dialog;
use crate::ui::selection::{Direction, Selection};
use crate::workshop::clipboard::{CONFIRM_ABOVE_CARDS, CardDraft, cards_to_text, text_to_cards};

/// Where pasted cards go: a cell, after a card of it (or last).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PasteTarget {
    pub stage: StageId,
    pub lane: LaneId,
    pub after: Option<CardId>,
}

/// The sentences these actions show in the status bar, together for translation.
pub(crate) mod say {
    use crate::i18n::k;
    use crate::t;

    pub fn nothing_to_copy() -> String {
        t!(k::CARDS_NOTHING_TO_COPY)
    }
    pub fn copied(n: usize) -> String {
        t!(k::CARDS_COPIED, count = n)
    }
    pub fn cut(n: usize) -> String {
        t!(k::CARDS_CUT, count = n)
    }
    pub fn pasted(n: usize) -> String {
        t!(k::CARDS_PASTED, count = n)
    }
    pub fn duplicated(n: usize) -> String {
        t!(k::CARDS_DUPLICATED, count = n)
    }
    pub fn deleted(n: usize) -> String {
        t!(k::CARDS_DELETED, count = n)
    }
    pub fn no_card_lane() -> String {
        t!(k::CARDS_NO_CARD_LANE)
    }
    pub fn cannot_move() -> String {
        t!(k::CARDS_CANNOT_MOVE)
    }
    pub fn confirm_title() -> String {
        t!(k::CARDS_CONFIRM_TITLE)
    }
    pub fn confirm_text(n: usize) -> String {
        t!(k::CARDS_CONFIRM_TEXT, count = n)
    }
    pub fn confirm_yes(n: usize) -> String {
        t!(k::CARDS_CONFIRM_YES, count = n)
    }
    pub fn cancel() -> String {
        t!(k::CANCEL)
    }
}

impl WaymarkApp {
    /// The selected cards, in map order.
    pub fn selected_cards(&self) -> Vec<CardId> {
        self.canvas.selected_cards(self.doc.map())
    }

    fn drafts_of(&self, cards: &[CardId]) -> Vec<CardDraft> {
        let map = self.doc.map();
        cards
            .iter()
            .filter_map(|id| map.card(*id))
            .map(|c| CardDraft {
                text: c.text.clone(),
                color: Some(c.color),
                channel: c.channel,
            })
            .collect()
    }

    /// Ctrl+C and Ctrl+X: the selected cards go to the clipboard as text; a cut removes them in one step.
    pub(super) fn copy_cards(&mut self, ctx: &egui::Context, cut: bool) {
        let cards = self.selected_cards();
        if cards.is_empty() {
            self.status = say::nothing_to_copy();
            return;
        }
        ctx.copy_text(cards_to_text(&self.drafts_of(&cards)));
        if cut {
            self.remove_cards(&cards);
            self.status = say::cut(cards.len());
        } else {
            self.status = say::copied(cards.len());
        }
    }

    /// Removes cards in one step and selects nothing.
    pub(super) fn remove_cards(&mut self, cards: &[CardId]) {
        let edits = cards.iter().map(|id| Edit::RemoveCard(*id)).collect();
        let result = self.doc.apply(Edit::Batch(edits));
        if result.is_ok() {
            self.canvas.select_cards(Vec::new(), None);
            if cards.len() > 1 {
                self.status = say::deleted(cards.len());
            }
        }
        self.report(result);
    }

    /// Recolours the selected cards in one step.
    pub(super) fn recolor_selected(&mut self, color: CardColor) {
        let edits: Vec<Edit> = self
            .selected_cards()
            .into_iter()
            .map(|card| Edit::SetCardColor { card, color })
            .collect();
        if !edits.is_empty() {
            let result = self.doc.apply(Edit::Batch(edits));
            self.report(result);
        }
    }

    /// Ctrl+D: a copy of each selected card just after it; the copies are selected.
    pub(super) fn duplicate_selected(&mut self) {
        let cards = self.selected_cards();
        if cards.is_empty() {
            return;
        }
        let (edit, ids) = build::duplicate_cards(self.doc.map(), &cards);
        let result = self.doc.apply(edit);
        if result.is_ok() {
            self.status = say::duplicated(ids.len());
            self.canvas.select_cards(ids, None);
        }
        self.report(result);
    }

    /// Alt+arrow: each selected card to the neighbouring cell of its own, in one step; they stay selected.
    pub(super) fn shift_selected(&mut self, direction: Direction) {
        let cards = self.selected_cards();
        if cards.is_empty() {
            return;
        }
        let (stages, lanes) = match direction {
            Direction::Left => (-1, 0),
            Direction::Right => (1, 0),
            Direction::Up => (0, -1),
            Direction::Down => (0, 1),
        };
        match build::shift_cards(self.doc.map(), &cards, stages, lanes) {
            Some(edit) => {
                let result = self.doc.apply(edit);
                self.report(result);
            }
            None => self.status = say::cannot_move(),
        }
    }

    /// The menu's Paste: asks the system for the clipboard text, which arrives as a paste event.
    pub(super) fn request_paste(&mut self, ctx: &egui::Context) {
        ctx.send_viewport_cmd(ViewportCommand::RequestPaste);
    }

    /// Where pasted cards go: the selected card's cell after it (after the last selected card of that cell),
    /// the selected cell, the cell under the pointer, a selected stage's or lane's first cell, or the map's
    /// first cell.
    fn paste_target(&self, ctx: &egui::Context) -> Result<PasteTarget, String> {
        let map = self.doc.map();
        let selected = self.selected_cards();
        let first_card_lane = || {
            map.lanes
                .iter()
                .find(|l| l.kind.holds_cards())
                .map(|l| l.id)
        };
        let cell = match self.canvas.selection {
            Selection::Card(_) | Selection::Cell(..) => self.canvas.selection.cell(map),
            Selection::Stage(s) => first_card_lane().map(|l| (s, l)),
            Selection::Lane(l) => map.stages.first().map(|s| (s.id, l)),
            Selection::None | Selection::Link(_) => self
                .canvas
                .cell_under_pointer(ctx)
                .or_else(|| Some((map.stages.first()?.id, first_card_lane()?))),
        };
        let Some((stage, lane)) = cell else {
            return Err(say::no_card_lane());
        };
        if !map.lane(lane).is_some_and(|l| l.kind.holds_cards()) {
            return Err(say::no_card_lane());
        }
        let after = selected
            .iter()
            .rev()
            .find(|id| {
                map.card(**id)
                    .is_some_and(|c| c.stage == stage && c.lane == lane)
            })
            .copied();
        Ok(PasteTarget { stage, lane, after })
    }

    /// Ctrl+V with text from the clipboard: Waymark's cards, or one card per line of other text. Long pastes
    /// are confirmed first; megabytes are refused.
    pub fn paste_text(&mut self, ctx: &egui::Context, text: &str) {
        let drafts = match text_to_cards(text) {
            Ok(drafts) => drafts,
            Err(error) => {
                self.status = error.to_string();
                return;
            }
        };
        let target = match self.paste_target(ctx) {
            Ok(target) => target,
            Err(message) => {
                self.status = message;
                return;
            }
        };
        if drafts.len() > CONFIRM_ABOVE_CARDS {
            self.dialog = Some(Dialog::ConfirmPaste { drafts, target });
        } else {
            self.insert_drafts(&drafts, target);
        }
    }

    /// Makes the cards in one step and selects them.
    pub fn insert_drafts(&mut self, drafts: &[CardDraft], target: PasteTarget) {
        let (edit, ids) = build::insert_cards(
            self.doc.map(),
            target.stage,
            target.lane,
            target.after,
            drafts,
        );
        let result = self.doc.apply(edit);
        if result.is_ok() {
            self.status = say::pasted(ids.len());
            self.canvas.select_cards(ids, None);
        }
        self.report(result);
    }
}
