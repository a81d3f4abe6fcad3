//! Modal dialogs: errors, unsaved changes, new map from a template, and typing a path when no native file
//! dialog can be shown.

use std::path::PathBuf;

use egui::{Id, Modal};

use super::app::WaymarkApp;
use super::files::{Next, PathPurpose};
use crate::i18n::{Lang, k};
use crate::io::recovery::RecoveryEntry;
use crate::model::templates::{Language, Template};
use crate::t;

pub enum Dialog {
    Error(String),
    Unsaved(Next),
    NewMap {
        template: Template,
        language: Language,
    },
    PathEntry {
        purpose: PathPurpose,
        text: String,
    },
    /// Format, size and background of an export.
    Export,
    /// Maps an earlier run left in the recovery folder.
    Recover(Vec<RecoveryEntry>),
    /// The open file changed on disk (noticed when the window got the focus back).
    ChangedOnDisk(PathBuf),
    /// Saving would overwrite changes made to the file by someone else.
    Overwrite {
        path: PathBuf,
        then: Next,
    },
    /// Starts a round of dot voting.
    StartVote(crate::ui::voting::VoteSetup),
    /// A paste that would make many cards, to be confirmed.
    ConfirmPaste {
        drafts: Vec<crate::workshop::clipboard::CardDraft>,
        target: crate::ui::app::PasteTarget,
    },
    /// Timer → Custom time…: the time box as typed, and why the last try was not understood.
    TimerCustom {
        text: String,
        error: Option<String>,
    },
    /// File → Share live… or Join live….
    Live(crate::ui::live::LiveDialog),
}

impl Dialog {
    /// The New map dialog, offering stage names in the interface language first.
    pub fn new_map() -> Dialog {
        Dialog::NewMap {
            template: Template::Marketing5,
            language: match crate::i18n::language() {
                Lang::Ru => Language::Russian,
                Lang::En => Language::English,
            },
        }
    }

    pub fn path_entry(purpose: PathPurpose) -> Dialog {
        Dialog::PathEntry {
            purpose,
            text: String::new(),
        }
    }

    /// Shows the dialog; returns it while it stays open.
    pub fn show(self, ctx: &egui::Context, app: &mut WaymarkApp) -> Option<Dialog> {
        match self {
            Dialog::TimerCustom { text, error } => {
                crate::ui::timer_view::custom_time_dialog(ctx, app, text, error)
            }
            Dialog::StartVote(mut setup) => match setup.show(ctx, app.doc.map()) {
                Some(Some(vote)) => {
                    app.start_vote(vote);
                    None
                }
                Some(None) => None,
                None => Some(Dialog::StartVote(setup)),
            },
            Dialog::Live(live) => live.show(ctx, app).map(Dialog::Live),
            Dialog::ConfirmPaste { drafts, target } => {
                use crate::ui::app::say;
                let mut choice = None;
                Modal::new(Id::unique("confirm-paste-dialog")).show(ctx, |ui| {
                    ui.set_max_width(520.0);
                    ui.heading(say::confirm_title());
                    ui.label(say::confirm_text(drafts.len()));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(say::confirm_yes(drafts.len())).clicked() {
                            choice = Some(true);
                        }
                        if ui.button(say::cancel()).clicked()
                            || ui.input(|i| i.key_pressed(egui::Key::Escape))
                        {
                            choice = Some(false);
                        }
                    });
                });
                match choice {
                    Some(true) => {
                        app.insert_drafts(&drafts, target);
                        None
                    }
                    Some(false) => None,
                    None => Some(Dialog::ConfirmPaste { drafts, target }),
                }
            }
            Dialog::Error(message) => {
                let mut open = true;
                Modal::new(Id::unique("error-dialog")).show(ctx, |ui| {
                    ui.set_max_width(520.0);
                    ui.heading(t!(k::ERROR_TITLE));
                    ui.label(&message);
                    ui.add_space(8.0);
                    if ui.button(t!(k::OK)).clicked()
                        || ui.input(|i| {
                            i.key_pressed(egui::Key::Escape) || i.key_pressed(egui::Key::Enter)
                        })
                    {
                        open = false;
                    }
                });
                open.then_some(Dialog::Error(message))
            }
            Dialog::Unsaved(next) => {
                let mut choice = None;
                Modal::new(Id::unique("unsaved-dialog")).show(ctx, |ui| {
                    ui.heading(t!(k::UNSAVED_TITLE));
                    ui.label(t!(k::UNSAVED_BODY, name = app.file_name()));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(t!(k::UNSAVED_SAVE)).clicked() {
                            choice = Some(0);
                        }
                        if ui.button(t!(k::UNSAVED_DONT_SAVE)).clicked() {
                            choice = Some(1);
                        }
                        if ui.button(t!(k::CANCEL)).clicked()
                            || ui.input(|i| i.key_pressed(egui::Key::Escape))
                        {
                            choice = Some(2);
                        }
                    });
                });
                match choice {
                    Some(0) => {
                        app.save(ctx, next);
                        None
                    }
                    Some(1) => {
                        app.proceed(ctx, next);
                        None
                    }
                    Some(_) => None,
                    None => Some(Dialog::Unsaved(next)),
                }
            }
            Dialog::NewMap {
                mut template,
                mut language,
            } => {
                let mut result = Some(());
                let mut create = false;
                Modal::new(Id::unique("new-map-dialog")).show(ctx, |ui| {
                    ui.heading(t!(k::NEW_MAP_TITLE));
                    ui.label(t!(k::NEW_MAP_STAGES));
                    for t in Template::ALL {
                        ui.radio_value(&mut template, t, t.label());
                    }
                    ui.add_space(6.0);
                    ui.horizontal(|ui| {
                        ui.label(t!(k::NEW_MAP_LANGUAGE));
                        ui.radio_value(&mut language, Language::English, "English");
                        ui.radio_value(&mut language, Language::Russian, "Русский");
                    });
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(t!(k::NEW_MAP_CREATE)).clicked() {
                            create = true;
                        }
                        if ui.button(t!(k::CANCEL)).clicked()
                            || ui.input(|i| i.key_pressed(egui::Key::Escape))
                        {
                            result = None;
                        }
                    });
                });
                if create {
                    app.replace_map(ctx, Next::Replace(Box::new(template.build(language))));
                    return None;
                }
                result.map(|()| Dialog::NewMap { template, language })
            }
            Dialog::Export => {
                let mut export = false;
                let mut close = false;
                let mut choices = app.export_choices;
                Modal::new(Id::unique("export-dialog")).show(ctx, |ui| {
                    ui.heading(t!(k::EXPORT_TITLE));
                    let personas: Vec<_> = app
                        .doc
                        .map()
                        .personas()
                        .map(|p| (p.id, p.name.clone()))
                        .collect();
                    choices.persona_ui(ui, &personas);
                    export = choices.ui(ui, app.canvas.layout().size);
                    if ui.button(t!(k::CANCEL)).clicked()
                        || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        close = true;
                    }
                });
                app.export_choices = choices;
                if export {
                    app.start_export(ctx);
                    return None;
                }
                (!close).then_some(Dialog::Export)
            }
            Dialog::Recover(mut entries) => {
                let mut close = false;
                let mut restore = None;
                let mut discard = None;
                let now = std::time::SystemTime::now();
                Modal::new(Id::unique("recover-dialog")).show(ctx, |ui| {
                    ui.set_max_width(600.0);
                    ui.heading(t!(k::RECOVER_TITLE));
                    ui.label(t!(k::RECOVER_BODY));
                    ui.add_space(6.0);
                    for (i, entry) in entries.iter().enumerate() {
                        ui.horizontal(|ui| {
                            let place = entry.original.as_ref().map_or_else(
                                || t!(k::RECOVER_NEVER_SAVED),
                                |p| p.display().to_string(),
                            );
                            let when = crate::i18n::time::saved_at(entry.saved_at, now);
                            ui.label(t!(
                                k::RECOVER_ENTRY,
                                title = &entry.title,
                                place = place,
                                when = when
                            ));
                            if ui.button(t!(k::RECOVER_RESTORE)).clicked() {
                                restore = Some(i);
                            }
                            if ui.button(t!(k::RECOVER_DISCARD)).clicked() {
                                discard = Some(i);
                            }
                        });
                    }
                    ui.add_space(6.0);
                    if ui.button(t!(k::RECOVER_LATER)).clicked() {
                        close = true;
                    }
                });
                if let Some(i) = discard {
                    app.safekeeping.discard(&entries.remove(i));
                }
                if let Some(i) = restore {
                    let entry = entries.remove(i);
                    app.files.restore(ctx, entry);
                    // The others stay in the folder and are offered again at the next start.
                    return None;
                }
                (!close && !entries.is_empty()).then_some(Dialog::Recover(entries))
            }
            Dialog::ChangedOnDisk(path) => {
                let mut choice = None;
                Modal::new(Id::unique("changed-dialog")).show(ctx, |ui| {
                    ui.set_max_width(520.0);
                    ui.heading(t!(k::CHANGED_TITLE));
                    ui.label(t!(k::CHANGED_BODY, path = path.display()));
                    if app.doc.is_dirty() {
                        ui.label(t!(k::CHANGED_LOSES_CHANGES));
                    }
                    ui.horizontal(|ui| {
                        if ui.button(t!(k::CHANGED_RELOAD)).clicked() {
                            choice = Some(true);
                        }
                        if ui.button(t!(k::CHANGED_KEEP)).clicked() {
                            choice = Some(false);
                        }
                    });
                });
                match choice {
                    Some(true) => {
                        app.proceed(ctx, Next::OpenPath(path));
                        None
                    }
                    Some(false) => {
                        app.safekeeping.accept_disk_state(&path);
                        None
                    }
                    None => Some(Dialog::ChangedOnDisk(path)),
                }
            }
            Dialog::Overwrite { path, then } => {
                let mut choice = None;
                Modal::new(Id::unique("overwrite-dialog")).show(ctx, |ui| {
                    ui.set_max_width(520.0);
                    ui.heading(t!(k::OVERWRITE_TITLE));
                    ui.label(t!(k::OVERWRITE_BODY, path = path.display()));
                    ui.horizontal(|ui| {
                        if ui.button(t!(k::OVERWRITE_CONFIRM)).clicked() {
                            choice = Some(0);
                        }
                        if ui.button(t!(k::CMD_SAVE_AS)).clicked() {
                            choice = Some(1);
                        }
                        if ui.button(t!(k::CANCEL)).clicked() {
                            choice = Some(2);
                        }
                    });
                });
                match choice {
                    Some(0) => {
                        app.save_anyway(ctx, then);
                        None
                    }
                    Some(1) => {
                        app.save_as(ctx, then);
                        None
                    }
                    Some(_) => None,
                    None => Some(Dialog::Overwrite { path, then }),
                }
            }
            Dialog::PathEntry { purpose, mut text } => {
                let mut done = None;
                Modal::new(Id::unique("path-dialog")).show(ctx, |ui| {
                    ui.set_max_width(520.0);
                    ui.heading(t!(purpose.title()));
                    let label = ui.label(t!(k::PATH_BODY));
                    let response = ui
                        .add(egui::TextEdit::singleline(&mut text).desired_width(480.0))
                        .labelled_by(label.id);
                    response.request_focus();
                    ui.horizontal(|ui| {
                        let entered =
                            response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        if (ui.button(t!(k::OK)).clicked() || entered) && !text.trim().is_empty() {
                            done = Some(true);
                        }
                        if ui.button(t!(k::CANCEL)).clicked()
                            || ui.input(|i| i.key_pressed(egui::Key::Escape))
                        {
                            done = Some(false);
                        }
                    });
                });
                match done {
                    Some(true) => {
                        app.accept_path(ctx, purpose, PathBuf::from(text.trim()));
                        None
                    }
                    Some(false) => None,
                    None => Some(Dialog::PathEntry { purpose, text }),
                }
            }
        }
    }
}
