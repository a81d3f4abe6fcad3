//! The app shell: menus, panels and dialogs around the canvas. What commands do is in `actions`, the file
//! workflow (open, save, export, import, recovery) in `workflow`.

mod actions;
mod cards;
mod presenting;
mod voting;
mod workflow;

pub use cards::PasteTarget;
pub(crate) use cards::say;
pub use workflow::{map_file_stem, suggested_file_name};

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Button, Ui, ViewportCommand};

use super::canvas::Canvas;
use super::commands::Command;
use super::dialogs::Dialog;
use super::export_dialog::{ExportChoices, ExportJob};
use super::files::{Files, Next};
use super::find_bar::FindBar;
use super::findings_panel::FindingsPanel;
use super::present::Presentation;
use super::safekeeping::Safekeeping;
use super::selection::Selection;
use super::side_panel;
use super::timer_view;
use crate::edit::{Document, EditError};
use crate::i18n::{Lang, k};
use crate::io::preferences::Preferences;
use crate::layout::fonts::font_definitions;
use crate::model::Map;
use crate::t;
use crate::timer::{Clock, SystemClock, Timer};

pub struct WaymarkApp {
    pub doc: Document,
    /// Where the map was loaded from or last saved to; `None` for a map never saved.
    pub path: Option<PathBuf>,
    pub canvas: Canvas,
    pub dialog: Option<Dialog>,
    pub files: Files,
    /// Autosave, recovery, recent files and changes on disk.
    pub safekeeping: Safekeeping,
    pub export_choices: ExportChoices,
    /// An export or clipboard render under way.
    pub export_job: Option<ExportJob>,
    /// The last thing that happened, shown in the status bar.
    pub status: String,
    /// View → Findings, under the canvas.
    pub findings: FindingsPanel,
    /// View → Dot voting, left of the canvas.
    pub voting: super::voting::VotingPanel,
    /// Edit → Find (Ctrl+F), under the menu bar.
    pub find: FindBar,
    /// File → Share live… / Join live…: the live session, if any.
    pub live: super::live::Live,
    /// The interface language; every frame of this window is drawn in it.
    pub language: Lang,
    /// The language chosen in View → Language, or `None` to follow the system.
    pub chosen_language: Option<Lang>,
    /// The system's language, what "As the system" means.
    pub system_language: Lang,
    /// The workshop timer (session state, not part of the map).
    pub timer: Timer,
    /// Where the timer's time comes from: the system's clock, or a test's.
    clock: Arc<dyn Clock>,
    /// Presentation mode (F5), while it lasts.
    pub presentation: Option<Presentation>,
    /// What is remembered across restarts (the language, projector colours).
    pub preferences: Preferences,
    /// Where the preferences are remembered; `None` in tests.
    preferences_path: Option<PathBuf>,
    fonts_installed: bool,
    allow_close: bool,
    window_title: String,
}

impl WaymarkApp {
    pub fn new(map: Map, path: Option<PathBuf>) -> WaymarkApp {
        WaymarkApp {
            doc: Document::new(map),
            path,
            canvas: Canvas::new(),
            dialog: None,
            files: Files::default(),
            safekeeping: Safekeeping::disabled(),
            export_choices: ExportChoices::default(),
            export_job: None,
            status: String::new(),
            findings: FindingsPanel::default(),
            voting: Default::default(),
            find: FindBar::default(),
            live: Default::default(),
            language: crate::i18n::language(),
            chosen_language: None,
            system_language: crate::i18n::language(),
            timer: Timer::default(),
            clock: Arc::new(SystemClock::new()),
            presentation: None,
            preferences: Preferences::default(),
            preferences_path: None,
            fonts_installed: false,
            allow_close: false,
            window_title: String::new(),
        }
    }

    /// The editor with the sample map, or with a file when one is given (the sample stays open, with the error
    /// shown, when the file cannot be read).
    pub fn open_at_start(path: Option<&Path>) -> WaymarkApp {
        let Some(path) = path else {
            return WaymarkApp::new(crate::model::sample::stroller_map(), None);
        };
        match crate::io::load_file(path) {
            Ok(map) => WaymarkApp::new(map, Some(path.to_owned())),
            Err(error) => {
                let mut app = WaymarkApp::new(crate::model::sample::stroller_map(), None);
                app.dialog = Some(Dialog::Error(error.to_string()));
                app
            }
        }
    }

    /// Turns on autosave and the recent-files list, and offers back the maps an earlier run left behind.
    pub fn with_safekeeping(mut self, mut safekeeping: Safekeeping) -> WaymarkApp {
        if let Some(path) = &self.path {
            safekeeping.file_used(path);
        }
        self.safekeeping = safekeeping;
        let leftovers = self.safekeeping.leftovers();
        if !leftovers.is_empty() && self.dialog.is_none() {
            self.dialog = Some(Dialog::Recover(leftovers));
        }
        self
    }

    /// Chooses the interface language as the user asked: `WAYMARK_LANG`, else the choice remembered in the
    /// preferences file, else the system's language. Choices made in View → Language are saved there.
    pub fn with_preferences(mut self, path: Option<PathBuf>) -> WaymarkApp {
        let preferences = path.as_deref().map(Preferences::load).unwrap_or_default();
        let remembered = preferences.language;
        self.canvas.projector_colours = preferences.projector_colours;
        self.preferences = preferences;
        self.language = Lang::choose(&crate::i18n::process_env, remembered);
        self.system_language = Lang::from_system(&crate::i18n::process_env);
        self.chosen_language = remembered;
        self.preferences_path = path;
        crate::i18n::set_language(self.language);
        self
    }

    /// View → Language: switches the interface at once (the next frame is drawn in it) and remembers the
    /// choice; `None` follows the system again.
    pub fn choose_language(&mut self, choice: Option<Lang>) {
        self.chosen_language = choice;
        self.language = choice.unwrap_or(self.system_language);
        crate::i18n::set_thread_language(self.language);
        crate::i18n::set_language(self.language);
        self.status = t!(k::STATUS_LANGUAGE, language = self.language.native_name());
        self.preferences.language = choice;
        self.remember_preferences();
    }

    pub fn file_name(&self) -> String {
        match &self.path {
            Some(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None => t!(k::STATUS_UNTITLED),
        }
    }

    /// The window title: the map's name, its file (when it has one), unsaved changes, the program.
    pub fn title(&self) -> String {
        let marker = if self.doc.is_dirty() { " •" } else { "" };
        let name = self.doc.map().title.split_whitespace().collect::<Vec<_>>();
        match (name.is_empty(), &self.path) {
            (true, _) => format!("{}{marker} — Waymark", self.file_name()),
            (false, None) => format!("{}{marker} — Waymark", name.join(" ")),
            (false, Some(_)) => format!(
                "{} ({}){marker} — Waymark",
                name.join(" "),
                self.file_name()
            ),
        }
    }

    /// The whole window: for eframe, and for UI tests that drive it headless.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        crate::i18n::set_thread_language(self.language);
        if !self.fonts_installed {
            ctx.set_fonts(font_definitions());
            // A light theme matches the paper-like map and reads best on projectors.
            ctx.set_theme(egui::Theme::Light);
            // Panels are not filled: the window is cleared white (the canvas's cells), and without a GPU every
            // filled pixel costs (the side panel, menu and status bars were a fifth of a frame's pixels).
            ctx.style_mut_of(egui::Theme::Light, |style| {
                style.visuals.panel_fill = egui::Color32::TRANSPARENT;
                // Text fields stay visible boxes on the white panels.
                style.visuals.text_edit_bg_color = Some(egui::Color32::from_gray(240));
            });
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            ctx.add_plugin(super::canvas::FocusFollowsSelection);
            self.fonts_installed = true;
        }
        for event in self.files.poll() {
            self.file_event(&ctx, event);
        }
        self.window_events(&ctx);
        self.poll_live(&ctx);
        self.vote_as_live_participant();
        self.follow_update();
        if let Some(notice) = self.safekeeping.tick(&ctx, &self.doc, self.path.as_deref()) {
            self.status = notice;
        }
        if self.safekeeping.regained_focus(&ctx)
            && self.dialog.is_none()
            && let Some(path) = &self.path
            && self.safekeeping.changed_on_disk(path)
        {
            self.dialog = Some(Dialog::ChangedOnDisk(path.clone()));
        }
        // Decided before the panels run: the key that ends an edit (Enter, Escape) must not also act as a
        // shortcut in the same frame.
        let typing = ctx.egui_wants_keyboard_input() || self.canvas.editing.is_some();
        // Escape stops following first (before it leaves presentation mode or clears the selection).
        self.follow_escape(&ctx, typing);
        let reading = self.timer.read(self.now());
        // Escape closes the find bar first (before it leaves presentation mode); an open dialog or text being
        // typed on the canvas keeps it.
        self.find
            .take_escape(&ctx, self.dialog.is_none() && self.canvas.editing.is_none());
        if self.presentation.is_some() && self.dialog.is_none() && !typing {
            self.presentation_keys(&ctx);
        }
        let presenting = self.presentation.is_some();
        if !presenting {
            self.panels(ui, &reading);
        } else {
            // Find works in presentation mode too; its bar is then the only panel.
            self.find_bar(ui);
        }
        self.voting_panel(ui, typing, !presenting);
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                self.canvas.dialog_open = self.dialog.is_some();
                self.canvas.find = self.find.highlight(&self.doc);
                if let Some(presentation) = &mut self.presentation {
                    self.canvas.refresh_layout(&self.doc);
                    let rect = ui.available_rect_before_wrap();
                    presentation.frame(&mut self.canvas, rect, self.doc.map());
                }
                self.follow_apply(ui.available_rect_before_wrap());
                self.canvas.show(ui, &mut self.doc);
            });
        self.vote_clicks();
        if let Some(error) = self.canvas.refused.take() {
            self.status = refused_edit(&error);
        }
        if let Some(command) = self.canvas.command.take() {
            self.run(&ctx, command);
            ctx.request_repaint();
        }
        if let Some(presentation) = &self.presentation {
            timer_view::corner_clock(&ctx, &reading);
            timer_view::presentation_footer(&ctx, presentation.position(self.doc.map()));
        }
        timer_view::flash_frame(&ctx, &reading, self.canvas.last_rect());
        self.follow_banner(&ctx);

        if self.dialog.is_none() && !typing && !ctx.egui_wants_keyboard_input() {
            if let Some(text) = ctx.input_mut(crate::ui::commands::take_paste) {
                self.paste_text(&ctx, &text);
            }
            if let Some(command) = ctx.input_mut(Command::pressed) {
                if self.voting_blocks(command) {
                    self.status = t!(k::STATUS_VOTE_BLOCKED);
                } else {
                    self.run(&ctx, command);
                }
            }
        }
        if let Some(job) = &self.export_job {
            job.show(&ctx);
        }
        if let Some(dialog) = self.dialog.take() {
            let still_open = dialog.show(&ctx, self);
            // A dialog's choice may open the next dialog (Create → "Save changes?"): that one wins.
            if self.dialog.is_none() {
                self.dialog = still_open;
            }
        }
        let title = self.title();
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
        // The timer is the only thing that changes with no input: repaint when what it shows changes, and
        // never while it is off, paused or quiet (an idle editor uses no CPU).
        if let Some(wait) = self.timer.next_change(self.now()) {
            ctx.request_repaint_after(wait);
        }
    }

    /// Menus, status bar, side panel and findings: everything but the canvas, hidden while presenting.
    fn panels(&mut self, ui: &mut Ui, reading: &crate::timer::Reading) {
        let ctx = ui.ctx().clone();
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menu_bar(ui));
        });
        self.find_bar(ui);
        let mut timer_command = None;
        egui::Panel::bottom("status")
            .frame(timer_view::status_bar_frame(ui, reading))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    if let Some(command) = timer_view::status_item(ui, reading) {
                        timer_command = Some(command);
                    }
                    if reading.phase != crate::timer::Phase::Off {
                        ui.separator();
                    }
                    let zoom = format!("{:.0}%", self.canvas.view.zoom * 100.0);
                    ui.label(
                        self.path.as_ref().map_or_else(
                            || t!(k::STATUS_NOT_SAVED_YET),
                            |p| p.display().to_string(),
                        ),
                    );
                    ui.separator();
                    ui.label(zoom);
                    self.live_status(ui);
                    if self.files.busy > 0 {
                        ui.separator();
                        ui.spinner();
                    }
                    if let Some(selected) = self.canvas.selection_status(self.doc.map()) {
                        ui.separator();
                        ui.label(selected);
                    }
                    if !self.status.is_empty() {
                        ui.separator();
                        // A long message (a path, an error) ends in "…"; hovering shows all of it.
                        ui.add(egui::Label::new(&self.status).truncate());
                    }
                });
            });
        let mut panel = side_panel::Requests::default();
        egui::Panel::right("side")
            .default_size(300.0)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let cards = self.canvas.selected_cards(self.doc.map()).len();
                    let shared = side_panel::Shared {
                        persona: &mut self.canvas.persona,
                        focus_measure: &mut self.canvas.focus_measure,
                    };
                    let selection = self.canvas.selection;
                    panel = side_panel::show(ui, &mut self.doc, selection, cards, shared);
                });
            });
        if let Some(error) = panel.refused {
            self.status = refused_edit(&error);
        }
        if let Some(command) = panel.command {
            self.run(&ctx, command);
        }
        if let Some(command) = timer_command {
            self.run(&ctx, command);
        }
        self.findings_panel(ui);
    }

    fn window_events(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved(Next::Close));
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.replace_map(ctx, Next::OpenPath(path));
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let mut chosen = None;
        // Chosen in menus drawn without `item` (a checked entry, the timer's).
        let mut extra = None;
        let mut item = |ui: &mut Ui, command: Command, enabled: bool| {
            if ui.add_enabled(enabled, command.button(&ctx)).clicked() {
                chosen = Some(command);
            }
        };
        let mut open_recent = None;
        ui.menu_button(t!(k::MENU_FILE), |ui| {
            for &command in Command::FILE {
                let enabled = command != Command::LeaveLive || self.live.active();
                item(ui, command, enabled);
            }
            ui.menu_button(t!(k::MENU_OPEN_RECENT), |ui| {
                let entries = self.safekeeping.recent.entries();
                if entries.is_empty() {
                    ui.label(t!(k::MENU_NO_RECENT));
                }
                for (index, entry) in entries.into_iter().enumerate() {
                    // The entry's file is its label; the command names it by its place in the list.
                    let name = entry.path.display().to_string();
                    let label = if entry.missing {
                        t!(k::MENU_RECENT_MISSING, name = name)
                    } else {
                        name
                    };
                    if ui.add_enabled(!entry.missing, Button::new(label)).clicked() {
                        open_recent = Some(Command::OpenRecent(index));
                    }
                }
            });
        });
        ui.menu_button(t!(k::MENU_EDIT), |ui| {
            for &command in Command::EDIT {
                let enabled = match command {
                    Command::Undo => self.doc.can_undo(),
                    Command::Redo => self.doc.can_redo(),
                    Command::DeleteSelected | Command::EditSelected => {
                        self.canvas.selection != Selection::None
                    }
                    Command::ClearVotes => self.doc.map().vote.is_some(),
                    _ => true,
                };
                item(ui, command, enabled);
            }
            ui.menu_button(t!(k::MENU_ADD_LANE), |ui| {
                for kind in crate::model::LaneKind::ALL {
                    item(ui, Command::AddLane(kind), true);
                }
            });
            ui.menu_button(t!(k::MENU_MOVE_CARDS), |ui| {
                let any = !self.canvas.selected_cards(self.doc.map()).is_empty();
                for command in Command::MOVE_CARDS {
                    item(ui, command, any);
                }
            });
            ui.menu_button(t!(k::MENU_CARD_COLOUR), |ui| {
                for color in crate::model::CardColor::ALL {
                    item(
                        ui,
                        Command::Color(color),
                        matches!(self.canvas.selection, Selection::Card(_)),
                    );
                }
            });
        });
        let mut language = None;
        ui.menu_button(t!(k::MENU_VIEW), |ui| {
            for &command in Command::VIEW {
                if command == Command::ProjectorColours {
                    let on = self.canvas.projector_colours;
                    if ui.add(command.button(&ctx).selected(on)).clicked() {
                        extra = Some(command);
                    }
                } else {
                    item(ui, command, true);
                }
            }
            ui.separator();
            ui.menu_button(t!(k::MENU_LANGUAGE), |ui| {
                let system = t!(
                    k::MENU_LANGUAGE_SYSTEM,
                    language = self.system_language.native_name()
                );
                if ui.radio(self.chosen_language.is_none(), system).clicked() {
                    language = Some(None);
                }
                for lang in Lang::ALL {
                    let chosen = self.chosen_language == Some(lang);
                    if ui.radio(chosen, lang.native_name()).clicked() {
                        language = Some(Some(lang));
                    }
                }
            });
        });
        ui.menu_button(t!(k::MENU_TIMER), |ui| {
            if let Some(command) = timer_view::timer_menu(ui, &self.timer.read(self.now())) {
                extra = Some(command);
            }
        });
        self.live_menu(ui);
        if let Some(choice) = language {
            self.choose_language(choice);
        }
        if let Some(command) = chosen.or(open_recent).or(extra) {
            self.run(&ctx, command);
        }
    }

    /// The findings panel, under the canvas and beside the side panel. Below the canvas rather than in the
    /// side panel, so that the properties of the card a finding selects stay in view next to it, and the
    /// sentences get the width of the window.
    fn findings_panel(&mut self, ui: &mut Ui) {
        if !self.findings.open {
            return;
        }
        let mut requests = Default::default();
        egui::Panel::bottom("findings")
            .default_size(160.0)
            .resizable(true)
            .show(ui, |ui| {
                requests = self.findings.show(ui, &mut self.doc);
            });
        let requests: super::findings_panel::PanelRequests = requests;
        if let Some(error) = requests.refused {
            self.status = refused_edit(&error);
        }
        if let Some(selection) = requests.reveal {
            self.canvas.select_and_reveal(selection);
        }
        if requests.close {
            self.findings.open = false;
        }
    }

    /// Shows in the status bar why the map refused an edit.
    pub fn report(&mut self, result: Result<(), EditError>) {
        if let Err(error) = result {
            self.status = refused_edit(&error);
        }
    }
}

/// The status-bar sentence for an edit the map refused.
pub fn refused_edit(error: &EditError) -> String {
    t!(k::STATUS_REFUSED_EDIT, error = error.to_string())
}

impl eframe::App for WaymarkApp {
    /// The canvas leaves its cells unpainted, showing this colour (see [`crate::ui::canvas::CLEAR_COLOR`]).
    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        crate::ui::canvas::CLEAR_COLOR.to_normalized_gamma_f32()
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        WaymarkApp::ui(self, ui);
    }
}
