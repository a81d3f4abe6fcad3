//! The find bar (Edit → Find…, Ctrl+F): a line under the menu bar. Typing finds as you type; Enter and F3 bring
//! the next match into view, Shift+Enter and Shift+F3 the previous one; Escape closes the bar. While the bar is
//! open the canvas highlights the matches and fades the rest (see [`FindBar::highlight`]).
//!
//! The map's texts are prepared once per change of the map, not per keystroke (see [`crate::workshop::find`]).

use std::sync::Arc;

use egui::{Id, Key, Modifiers, RichText, Ui};

use crate::edit::Document;
use crate::i18n::k;
use crate::t;
use crate::ui::commands::Command;
use crate::workshop::find::{FindIndex, Found, Highlight, Matches, normalize};

/// The find bar's state: view state, never saved in the map.
#[derive(Default)]
pub struct FindBar {
    pub open: bool,
    pub query: String,
    /// The match brought into view last: the "3" of "3 of 12".
    pub current: Option<Found>,
    /// Give the query field the keyboard (with its text selected) when the bar is next drawn.
    focus_requested: bool,
    /// The map's prepared texts, for the document revision and identity they were read from.
    index: Option<((u64, u64), FindIndex)>,
    /// The matches of a query in that index.
    matches: Option<((u64, u64), String, Arc<Matches>)>,
}

/// The id of the query field, so that the bar can tell whether it has the keyboard before drawing it.
fn field_id() -> Id {
    Id::unique("waymark-find-query")
}

impl FindBar {
    /// Opens the bar, or gives its field the keyboard again, with the query selected so typing replaces it.
    pub fn open(&mut self) {
        self.open = true;
        self.focus_requested = true;
    }

    pub fn close(&mut self) {
        self.open = false;
        self.current = None;
    }

    /// The matches of the query in the map as it is now; the map's texts are prepared again only when it
    /// changed, and the query searched again only when it or the map changed.
    pub fn matches(&mut self, doc: &Document) -> Arc<Matches> {
        let key = (doc.revision(), doc.identity());
        if self.index.as_ref().is_none_or(|(k, _)| *k != key) {
            self.index = Some((key, FindIndex::new(doc.map())));
        }
        let fresh = self
            .matches
            .as_ref()
            .is_some_and(|(k, query, _)| *k == key && *query == self.query);
        if !fresh && let Some((_, index)) = &self.index {
            let matches = Arc::new(index.search(&self.query));
            self.matches = Some((key, self.query.clone(), matches));
        }
        self.matches
            .as_ref()
            .map_or_else(Default::default, |(_, _, m)| m.clone())
    }

    /// What the canvas highlights: nothing while the bar is closed or its query is blank.
    pub fn highlight(&mut self, doc: &Document) -> Option<Highlight> {
        if !self.open || normalize(&self.query).is_empty() {
            return None;
        }
        let matches = self.matches(doc);
        // A match that an edit took away is no longer the current one.
        self.current = self.current.filter(|c| matches.contains(*c));
        Some(Highlight {
            matches,
            current: self.current,
        })
    }

    /// Moves to the next (or previous) match, opening the bar when it is closed; returns the match to bring
    /// into view.
    pub fn step(&mut self, doc: &Document, forward: bool) -> Option<Found> {
        if !self.open {
            self.open();
        }
        let matches = self.matches(doc);
        self.current = matches.step(self.current, forward);
        self.current
    }

    /// Escape closes the open bar, wherever the keyboard is, unless `keys_free` says a dialog or a text being
    /// typed on the canvas has it. Called before anything else can take Escape.
    pub fn take_escape(&mut self, ctx: &egui::Context, keys_free: bool) {
        if self.open && keys_free && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
        {
            self.close();
        }
    }

    /// Draws the bar. Returns the match to bring into view, if one was chosen this frame.
    pub fn show(&mut self, ui: &mut Ui, doc: &Document) -> Option<Found> {
        let mut reveal = None;
        // Enter and F3 in the field are the bar's: taken before the field sees them (a one-line field would
        // give up the keyboard on Enter), and before the canvas (where Enter edits the selected card).
        if ui.memory(|m| m.has_focus(field_id())) {
            let (back, forth) = ui.input_mut(|i| {
                let back = i.consume_key(Modifiers::SHIFT, Key::Enter)
                    | i.consume_key(Modifiers::SHIFT, Key::F3);
                let forth = i.consume_key(Modifiers::NONE, Key::Enter)
                    | i.consume_key(Modifiers::NONE, Key::F3);
                (back, forth)
            });
            if back || forth {
                reveal = self.step(doc, forth);
            }
        }
        ui.horizontal(|ui| {
            let label = ui.label(t!(k::FIND_LABEL));
            let field = egui::TextEdit::singleline(&mut self.query)
                .id(field_id())
                .hint_text(t!(k::FIND_HINT))
                .desired_width(320.0);
            let response = ui.add(field).labelled_by(label.id);
            if std::mem::take(&mut self.focus_requested) {
                response.request_focus();
                if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), field_id()) {
                    let all = egui::text::CCursorRange::select_all_str(&self.query);
                    state.cursor.set_char_range(Some(all));
                    state.store(ui.ctx(), field_id());
                }
            }
            let matches = self.matches(doc);
            if response.changed() {
                // The current match stays while it still matches (typing more of a word); otherwise the first
                // match comes into view, as a browser's find does.
                self.current = self
                    .current
                    .filter(|c| matches.contains(*c))
                    .or_else(|| matches.step(None, true));
                reveal = self.current;
            }
            let blank = normalize(&self.query).is_empty();
            let count = match (blank, matches.len(), self.current) {
                (true, _, _) => String::new(),
                (false, 0, _) => t!(k::FIND_NONE),
                (false, count, Some(current)) => t!(
                    k::FIND_POSITION,
                    current = matches.position(current).map_or(0, |p| p + 1),
                    count = count
                ),
                (false, count, None) => t!(k::FIND_COUNT, count = count),
            };
            let count = if !blank && matches.is_empty() {
                RichText::new(count).color(ui.visuals().error_fg_color)
            } else {
                RichText::new(count)
            };
            ui.label(count);
            let any = !matches.is_empty();
            for (forward, text, command, key) in [
                (
                    false,
                    k::FIND_PREVIOUS,
                    Command::FindPrevious,
                    "Shift+Enter",
                ),
                (true, k::FIND_NEXT, Command::FindNext, "Enter"),
            ] {
                let hint = format!("{} ({key}, {})", command.label(), shortcut(ui, command));
                if ui
                    .add_enabled(any, egui::Button::new(t!(text)))
                    .on_hover_text(hint)
                    .clicked()
                {
                    reveal = self.step(doc, forward);
                }
            }
            if ui.button("✕").on_hover_text(t!(k::FIND_CLOSE)).clicked() {
                self.close();
            }
        });
        reveal.filter(|_| self.open)
    }
}

fn shortcut(ui: &Ui, command: Command) -> String {
    command
        .shortcuts()
        .first()
        .map(|s| ui.ctx().format_shortcut(s))
        .unwrap_or_default()
}
