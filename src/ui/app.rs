//! The app shell: menus, panels, dialogs and the file workflow around the canvas.

use std::path::{Path, PathBuf};

use egui::{Button, Ui, ViewportCommand};

use super::canvas::{Canvas, TextTarget};
use super::commands::Command;
use super::dialogs::Dialog;
use super::export_dialog::{
    ExportChoices, ExportJob, ExportOutcome, copy_to_clipboard, suggested_name,
};
use super::files::{FileEvent, Files, Next, PathPurpose};
use super::safekeeping::Safekeeping;
use super::selection::Selection;
use super::side_panel;
use crate::edit::{Document, Edit, build};
use crate::layout::fonts::font_definitions;
use crate::model::Map;

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

    pub fn file_name(&self) -> String {
        match &self.path {
            Some(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None => "Untitled".to_owned(),
        }
    }

    pub fn title(&self) -> String {
        let marker = if self.doc.is_dirty() { " •" } else { "" };
        format!("{}{marker} — Waymark", self.file_name())
    }

    /// The whole window: for eframe, and for UI tests that drive it headless.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            ctx.set_fonts(font_definitions());
            // A light theme matches the paper-like map and reads best on projectors.
            ctx.set_theme(egui::Theme::Light);
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            self.fonts_installed = true;
        }
        for event in self.files.poll() {
            self.file_event(&ctx, event);
        }
        self.window_events(&ctx);
        self.safekeeping.tick(&ctx, &self.doc, self.path.as_deref());
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

        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menu_bar(ui));
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let zoom = format!("{:.0}%", self.canvas.view.zoom * 100.0);
                ui.label(
                    self.path
                        .as_ref()
                        .map_or("Not saved yet".to_owned(), |p| p.display().to_string()),
                );
                ui.separator();
                ui.label(zoom);
                if self.files.busy > 0 {
                    ui.separator();
                    ui.spinner();
                }
                if !self.status.is_empty() {
                    ui.separator();
                    ui.label(&self.status);
                }
            });
        });
        egui::Panel::right("side")
            .default_size(300.0)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    side_panel::show(ui, &mut self.doc, &mut self.canvas, &mut self.files);
                });
            });
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                self.canvas.show(ui, &mut self.doc);
            });

        if self.dialog.is_none()
            && !typing
            && !ctx.egui_wants_keyboard_input()
            && let Some(command) = ctx.input_mut(Command::pressed)
        {
            self.run(&ctx, command);
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
        let mut item = |ui: &mut Ui, command: Command, enabled: bool| {
            let mut button = Button::new(command.label());
            if let Some(shortcut) = command.shortcuts().first() {
                button = button.shortcut_text(ctx.format_shortcut(shortcut));
            }
            if ui.add_enabled(enabled, button).clicked() {
                chosen = Some(command);
            }
        };
        let mut open_recent = None;
        ui.menu_button("File", |ui| {
            for &command in Command::FILE {
                item(ui, command, true);
            }
            ui.menu_button("Open Recent", |ui| {
                let entries = self.safekeeping.recent.entries();
                if entries.is_empty() {
                    ui.label("No recent maps");
                }
                for entry in entries {
                    let name = entry.path.display().to_string();
                    let label = if entry.missing {
                        format!("{name} (missing)")
                    } else {
                        name
                    };
                    if ui.add_enabled(!entry.missing, Button::new(label)).clicked() {
                        open_recent = Some(entry.path);
                    }
                }
            });
        });
        ui.menu_button("Edit", |ui| {
            for &command in Command::EDIT {
                let enabled = match command {
                    Command::Undo => self.doc.can_undo(),
                    Command::Redo => self.doc.can_redo(),
                    Command::DeleteSelected | Command::EditSelected => {
                        self.canvas.selection != Selection::None
                    }
                    _ => true,
                };
                item(ui, command, enabled);
            }
            ui.menu_button("Add lane", |ui| {
                for kind in crate::model::LaneKind::ALL {
                    if ui.button(kind.name_en()).clicked() {
                        let index = self.doc.map().lanes.len();
                        self.canvas.add_lane(&mut self.doc, index, kind);
                    }
                }
            });
            ui.menu_button("Card colour", |ui| {
                for color in crate::model::CardColor::ALL {
                    item(
                        ui,
                        Command::Color(color),
                        matches!(self.canvas.selection, Selection::Card(_)),
                    );
                }
            });
        });
        ui.menu_button("View", |ui| {
            for &command in Command::VIEW {
                item(ui, command, true);
            }
        });
        if let Some(command) = chosen {
            self.run(&ctx, command);
        }
        if let Some(path) = open_recent {
            self.replace_map(&ctx, Next::OpenPath(path));
        }
    }

    /// Performs a menu command or shortcut.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.dialog = Some(Dialog::new_map()),
            Command::Open => self.replace_map(ctx, Next::OpenDialog),
            Command::Save => self.save(ctx, Next::Nothing),
            Command::SaveAs => self.save_as(ctx, Next::Nothing),
            Command::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            Command::Export => self.dialog = Some(Dialog::Export),
            Command::ImportCsv => self.files.import_csv_dialog(ctx),
            Command::ExportCsv => {
                let name = suggested_file_name(self.doc.map(), self.path.as_deref());
                let name = format!("{}.csv", name.strip_suffix(".ron").unwrap_or(&name));
                self.files
                    .export_csv_dialog(ctx, self.doc.map().clone(), name);
            }
            Command::CopyImage => {
                if self.export_job.is_none() {
                    let job = ExportJob::new("Copying the map as an image…".to_owned());
                    self.files.copy_image(ctx, self.doc.map().clone(), &job);
                    self.export_job = Some(job);
                }
            }
            Command::Undo => {
                self.canvas.editing = None;
                if !self.doc.undo() {
                    self.status = "Nothing to undo".to_owned();
                }
            }
            Command::Redo => {
                self.canvas.editing = None;
                if !self.doc.redo() {
                    self.status = "Nothing to redo".to_owned();
                }
            }
            Command::AddCard => self.canvas.add_card_to_selection(&mut self.doc),
            Command::EditSelected => match self.canvas.selection {
                Selection::Card(id) => self.canvas.start_editing(TextTarget::Card(id)),
                Selection::Stage(id) => self.canvas.start_editing(TextTarget::StageName(id)),
                Selection::Lane(id) => self.canvas.start_editing(TextTarget::LaneName(id)),
                Selection::Cell(..) => self.canvas.add_card_to_selection(&mut self.doc),
                Selection::None => {}
            },
            Command::DeleteSelected => self.delete_selection(),
            Command::AddStage => {
                let map = self.doc.map();
                let index = match self.canvas.selection.cell(map) {
                    Some((stage, _)) => map.stage_index(stage).map_or(map.stages.len(), |i| i + 1),
                    None => match self.canvas.selection {
                        Selection::Stage(s) => {
                            map.stage_index(s).map_or(map.stages.len(), |i| i + 1)
                        }
                        _ => map.stages.len(),
                    },
                };
                let name = if build::looks_russian(map) {
                    "Новый этап"
                } else {
                    "New stage"
                };
                self.canvas.add_stage(&mut self.doc, index, name);
            }
            Command::Color(color) => {
                if let Selection::Card(card) = self.canvas.selection {
                    let _ = self.doc.apply(Edit::SetCardColor { card, color });
                }
            }
            Command::ZoomIn => self.canvas.zoom_step(true),
            Command::ZoomOut => self.canvas.zoom_step(false),
            Command::ZoomFit => self.canvas.zoom_fit(),
            Command::ZoomActual => self.canvas.zoom_actual(),
        }
    }

    fn delete_selection(&mut self) {
        let edit = match self.canvas.selection {
            Selection::Card(id) => Some(Edit::RemoveCard(id)),
            Selection::Stage(id) => Some(Edit::RemoveStage(id)),
            Selection::Lane(id) => Some(Edit::RemoveLane(id)),
            Selection::Cell(stage, lane) => {
                let has_score = self
                    .doc
                    .map()
                    .lane(lane)
                    .and_then(|l| l.emotion_at(stage))
                    .is_some();
                has_score.then_some(Edit::SetEmotion {
                    lane,
                    stage,
                    point: None,
                })
            }
            Selection::None => None,
        };
        if let Some(edit) = edit
            && self.doc.apply(edit).is_ok()
            && !matches!(self.canvas.selection, Selection::Cell(..))
        {
            self.canvas.selection = Selection::None;
        }
    }

    /// Replaces the open map (open, new, drop a file, close), asking first if there are unsaved changes.
    pub fn replace_map(&mut self, ctx: &egui::Context, next: Next) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(next));
        } else {
            self.proceed(ctx, next);
        }
    }

    /// Goes on with what the user asked for once unsaved changes are saved or given up.
    pub fn proceed(&mut self, ctx: &egui::Context, next: Next) {
        match next {
            Next::Nothing => {}
            Next::Close => {
                self.safekeeping.forget_document();
                self.safekeeping.finish();
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Next::OpenDialog => self.files.open_dialog(ctx),
            Next::OpenPath(path) => self.files.load(ctx, path),
            Next::Replace(map) => {
                self.safekeeping.forget_document();
                self.doc.replace(*map);
                self.path = None;
                self.canvas.reset();
                self.status = "New map".to_owned();
            }
            Next::Import(map, from) => {
                self.safekeeping.forget_document();
                self.doc.replace(*map);
                self.doc.mark_unsaved();
                self.path = None;
                self.canvas.reset();
                self.status = format!(
                    "Imported {}: save it as a map file to keep it",
                    from.display()
                );
            }
        }
    }

    pub fn save(&mut self, ctx: &egui::Context, then: Next) {
        match self.path.clone() {
            Some(path) if self.safekeeping.changed_on_disk(&path) => {
                self.dialog = Some(Dialog::Overwrite { path, then });
            }
            Some(path) => self.save_to(ctx, path, then),
            None => self.save_as(ctx, then),
        }
    }

    /// Saves over the file even though it changed on disk since it was opened.
    pub fn save_anyway(&mut self, ctx: &egui::Context, then: Next) {
        match self.path.clone() {
            Some(path) => self.save_to(ctx, path, then),
            None => self.save_as(ctx, then),
        }
    }

    pub fn save_as(&mut self, ctx: &egui::Context, then: Next) {
        let suggested = suggested_file_name(self.doc.map(), self.path.as_deref());
        let state = self.doc.state();
        self.files
            .save_as_dialog(ctx, self.doc.map().clone(), state, suggested, then);
    }

    /// Saves to a path typed by the user (when no native dialog is available).
    pub fn save_to(&mut self, ctx: &egui::Context, path: PathBuf, then: Next) {
        let state = self.doc.state();
        self.files
            .save(ctx, path, self.doc.map().clone(), state, then);
    }

    fn file_event(&mut self, ctx: &egui::Context, event: FileEvent) {
        match event {
            FileEvent::Opened {
                path,
                result: Ok(map),
            } => {
                self.safekeeping.forget_document();
                self.safekeeping.file_used(&path);
                self.doc.replace(map);
                self.status = format!("Opened {}", path.display());
                self.path = Some(path);
                self.canvas.reset();
            }
            FileEvent::Opened {
                result: Err(error), ..
            } => self.dialog = Some(Dialog::Error(error.to_string())),
            FileEvent::Saved {
                path,
                state,
                result: Ok(()),
                then,
            } => {
                self.doc.mark_saved_state(state);
                self.safekeeping.file_used(&path);
                self.status = format!("Saved {}", path.display());
                self.path = Some(path);
                self.proceed(ctx, then);
            }
            FileEvent::Saved {
                result: Err(error), ..
            } => {
                self.dialog = Some(Dialog::Error(format!(
                    "{error}\n\nThe map is still open and nothing was lost. Try File → Save As… to save it somewhere else."
                )));
            }
            FileEvent::PhotoLoaded(Ok(photo)) => {
                let persona = crate::model::Persona {
                    photo: Some(photo),
                    ..self.doc.map().persona.clone()
                };
                let _ = self.doc.apply(Edit::SetPersona(persona));
            }
            FileEvent::PhotoLoaded(Err(error)) => {
                self.dialog = Some(Dialog::Error(format!(
                    "The photo could not be used: {error}"
                )));
            }
            FileEvent::Restored {
                entry,
                result: Ok(map),
            } => {
                self.safekeeping.adopt(&entry);
                self.doc.replace(map);
                self.doc.mark_unsaved();
                self.path = entry.original.clone();
                self.canvas.reset();
                self.status = format!("Restored “{}”: save it to keep it", entry.title);
            }
            FileEvent::Restored {
                result: Err(error), ..
            } => {
                self.dialog = Some(Dialog::Error(format!(
                    "The recovered map could not be read: {error}"
                )));
            }
            FileEvent::Exported(outcome) => {
                self.export_job = None;
                match outcome {
                    ExportOutcome::Written(path) => {
                        self.status = format!("Exported {}", path.display())
                    }
                    ExportOutcome::Copied(image) => {
                        copy_to_clipboard(ctx, &image);
                        self.status =
                            format!("Map copied as a {}×{} image", image.width, image.height);
                    }
                    ExportOutcome::Failed(crate::export::ExportError::Cancelled) => {
                        self.status = "Export cancelled; nothing was written".to_owned();
                    }
                    ExportOutcome::Failed(error) => {
                        self.dialog = Some(Dialog::Error(error.to_string()))
                    }
                }
            }
            FileEvent::Imported {
                path,
                result: Ok(map),
            } => self.replace_map(ctx, Next::Import(Box::new(map), path)),
            FileEvent::Imported {
                result: Err(error), ..
            } => self.dialog = Some(Dialog::Error(error.to_string())),
            FileEvent::CsvExported(Ok(path)) => {
                self.status = format!("Exported {}", path.display())
            }
            FileEvent::CsvExported(Err(error)) => self.dialog = Some(Dialog::Error(error)),
            FileEvent::NoDialog(purpose) => self.dialog = Some(Dialog::path_entry(purpose)),
            FileEvent::Cancelled => {}
        }
    }

    pub fn accept_path(&mut self, ctx: &egui::Context, purpose: PathPurpose, path: PathBuf) {
        match purpose {
            PathPurpose::Open => self.files.load(ctx, path),
            PathPurpose::SaveAs(then) => self.save_to(ctx, path, then),
            PathPurpose::Photo => self.files.load_photo(ctx, path),
            PathPurpose::ImportCsv => self.files.import_csv(ctx, path),
            PathPurpose::ExportCsv => self.files.export_csv(ctx, self.doc.map().clone(), path),
            PathPurpose::Export(options) => {
                let job = ExportJob::new(format!("Exporting {}…", path.display()));
                self.files
                    .export_to(ctx, self.doc.map().clone(), options, path, &job);
                self.export_job = Some(job);
            }
        }
    }
}

/// A file name made from the map's title, for the Save dialog.
pub fn suggested_file_name(map: &Map, current: Option<&Path>) -> String {
    if let Some(name) = current.and_then(|p| p.file_name()) {
        return name.to_string_lossy().into_owned();
    }
    let cleaned: String = map
        .title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let name = cleaned.split_whitespace().collect::<Vec<_>>().join("-");
    if name.is_empty() {
        "map.ron".to_owned()
    } else {
        format!("{name}.ron")
    }
}

impl eframe::App for WaymarkApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        WaymarkApp::ui(self, ui);
    }
}

impl WaymarkApp {
    /// Starts an export with the dialog's choices: asks for a file name, then exports on a worker.
    pub fn start_export(&mut self, ctx: &egui::Context) {
        if self.export_job.is_some() {
            return;
        }
        let options = self.export_choices.options();
        let suggested = suggested_name(self.doc.map(), self.path.as_deref(), options.format);
        let job = ExportJob::new(format!(
            "Exporting the map as {}…",
            options.format.extension().to_uppercase()
        ));
        self.files
            .export(ctx, self.doc.map().clone(), options, suggested, &job);
        self.export_job = Some(job);
    }
}
