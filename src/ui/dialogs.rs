//! Modal dialogs: errors, unsaved changes, new map from a template, and typing a path when no native file
//! dialog can be shown.

use std::path::PathBuf;

use egui::{Id, Modal};

use super::app::WaymarkApp;
use super::files::{Next, PathPurpose};
use crate::model::templates::{Language, Template};

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
}

impl Dialog {
    pub fn new_map() -> Dialog {
        Dialog::NewMap {
            template: Template::Marketing5,
            language: Language::English,
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
            Dialog::Error(message) => {
                let mut open = true;
                Modal::new(Id::unique("error-dialog")).show(ctx, |ui| {
                    ui.set_max_width(520.0);
                    ui.heading("Something went wrong");
                    ui.label(&message);
                    ui.add_space(8.0);
                    if ui.button("OK").clicked()
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
                    ui.heading("Save changes?");
                    ui.label(format!(
                        "{} has changes that are not saved.",
                        app.file_name()
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            choice = Some(0);
                        }
                        if ui.button("Don't save").clicked() {
                            choice = Some(1);
                        }
                        if ui.button("Cancel").clicked()
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
                    ui.heading("New map");
                    ui.label("Stages:");
                    for t in Template::ALL {
                        ui.radio_value(&mut template, t, t.label());
                    }
                    ui.add_space(6.0);
                    ui.horizontal(|ui| {
                        ui.label("Language:");
                        ui.radio_value(&mut language, Language::English, "English");
                        ui.radio_value(&mut language, Language::Russian, "Русский");
                    });
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Create").clicked() {
                            create = true;
                        }
                        if ui.button("Cancel").clicked()
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
            Dialog::PathEntry { purpose, mut text } => {
                let mut done = None;
                Modal::new(Id::unique("path-dialog")).show(ctx, |ui| {
                    ui.set_max_width(520.0);
                    ui.heading(match purpose {
                        PathPurpose::Open => "Open map",
                        PathPurpose::SaveAs(_) => "Save map as",
                        PathPurpose::Photo => "Choose a persona photo",
                    });
                    ui.label(
                        "No file dialog could be shown on this system (install zenity or an xdg-desktop-portal \
                         to get one). Type the file's full path instead:",
                    );
                    let response = ui.add(egui::TextEdit::singleline(&mut text).desired_width(480.0));
                    response.request_focus();
                    ui.horizontal(|ui| {
                        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        if (ui.button("OK").clicked() || entered) && !text.trim().is_empty() {
                            done = Some(true);
                        }
                        if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
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
