//! Opening, saving, exporting and importing: the file workflow, with its unsaved-changes questions and the
//! events the file workers send back.

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use super::WaymarkApp;
use crate::edit::Edit;
use crate::i18n::k;
use crate::model::Map;
use crate::t;
use crate::ui::dialogs::Dialog;
use crate::ui::export_dialog::{ExportJob, ExportOutcome, copy_to_clipboard, suggested_name};
use crate::ui::files::{FileEvent, Next, PathPurpose, SavedState};

impl WaymarkApp {
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
                self.status = t!(k::STATUS_NEW_MAP);
            }
            Next::JoinLive => {
                self.dialog = Some(Dialog::Live(crate::ui::live::LiveDialog::join(self)));
            }
            Next::Import(map, from) => {
                self.safekeeping.forget_document();
                self.doc.replace(*map);
                self.doc.mark_unsaved();
                self.path = None;
                self.canvas.reset();
                self.status = t!(k::STATUS_IMPORTED, path = from.display());
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
        let of = SavedState::of(&self.doc);
        self.files
            .save_as_dialog(ctx, self.doc.map().clone(), of, suggested, then);
    }

    /// Saves to a path typed by the user (when no native dialog is available).
    pub fn save_to(&mut self, ctx: &egui::Context, path: PathBuf, then: Next) {
        let of = SavedState::of(&self.doc);
        self.files.save(ctx, path, self.doc.map().clone(), of, then);
    }

    pub(super) fn file_event(&mut self, ctx: &egui::Context, event: FileEvent) {
        match event {
            FileEvent::Opened {
                path,
                result: Ok(map),
            } => {
                self.safekeeping.forget_document();
                self.safekeeping.file_used(&path);
                self.doc.replace(map);
                self.status = t!(k::STATUS_OPENED, path = path.display());
                self.path = Some(path);
                self.canvas.reset();
            }
            FileEvent::Opened {
                result: Err(error), ..
            } => self.dialog = Some(Dialog::Error(error.to_string())),
            // A save of a map that is no longer open (the user went on to another map while it ran): the file
            // is written, but the open map's file, state and next step are not the saved map's.
            FileEvent::Saved {
                path,
                of,
                result,
                then: _,
            } if of.document != self.doc.identity() => {
                self.status = match result {
                    Ok(()) => {
                        self.safekeeping.add_recent(&path);
                        t!(k::STATUS_SAVED_EARLIER, path = path.display())
                    }
                    Err(error) => t!(k::STATUS_EARLIER_NOT_SAVED, error = error),
                };
            }
            FileEvent::Saved {
                path,
                of,
                result: Ok(()),
                then,
            } => {
                self.doc.mark_saved_state(of.state);
                self.safekeeping.file_used(&path);
                self.status = t!(k::STATUS_SAVED, path = path.display());
                self.path = Some(path);
                self.proceed(ctx, then);
            }
            FileEvent::Saved {
                result: Err(error), ..
            } => {
                self.dialog = Some(Dialog::Error(t!(k::ERROR_SAVE_FAILED, error = error)));
            }
            FileEvent::PhotoLoaded { document, .. } if document != self.doc.identity() => {
                self.status = t!(k::STATUS_STALE_PHOTO);
            }
            FileEvent::PhotoLoaded {
                result: Ok(photo), ..
            } => {
                let persona = crate::model::Persona {
                    photo: Some(photo),
                    ..self.doc.map().persona.clone()
                };
                let result = self.doc.apply(Edit::SetPersona(persona));
                self.report(result);
            }
            FileEvent::PhotoLoaded {
                result: Err(error), ..
            } => {
                self.dialog = Some(Dialog::Error(t!(k::ERROR_PHOTO, error = error)));
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
                self.status = t!(k::STATUS_RESTORED, title = &entry.title);
            }
            FileEvent::Restored {
                result: Err(error), ..
            } => {
                self.dialog = Some(Dialog::Error(t!(
                    k::ERROR_RECOVERED_UNREADABLE,
                    error = error.to_string()
                )));
            }
            FileEvent::Exported(outcome) => {
                self.export_job = None;
                match outcome {
                    ExportOutcome::Written(path) => {
                        self.status = t!(k::STATUS_EXPORTED, path = path.display())
                    }
                    ExportOutcome::Copied(image) => {
                        copy_to_clipboard(ctx, &image);
                        self.status = t!(
                            k::STATUS_COPIED,
                            width = image.width.to_string(),
                            height = image.height.to_string()
                        );
                    }
                    ExportOutcome::Failed(crate::export::ExportError::Cancelled) => {
                        self.status = t!(k::STATUS_EXPORT_CANCELLED);
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
                self.status = t!(k::STATUS_EXPORTED, path = path.display())
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
            PathPurpose::Photo => self.files.load_photo(ctx, path, self.doc.identity()),
            PathPurpose::ImportCsv => self.files.import_csv(ctx, path),
            PathPurpose::ExportCsv => self.files.export_csv(ctx, self.doc.map().clone(), path),
            PathPurpose::Export(options) => {
                let job = ExportJob::new(t!(k::JOB_EXPORTING_TO, path = path.display()));
                self.files
                    .export_to(ctx, self.doc.map().clone(), options, path, &job);
                self.export_job = Some(job);
            }
        }
    }

    /// Starts an export with the dialog's choices: asks for a file name, then exports on a worker.
    pub fn start_export(&mut self, ctx: &egui::Context) {
        if self.export_job.is_some() {
            return;
        }
        let options = self.export_choices.options();
        let suggested = suggested_name(self.doc.map(), self.path.as_deref(), options.format);
        let job = ExportJob::new(t!(
            k::JOB_EXPORTING_AS,
            format = options.format.extension().to_uppercase()
        ));
        self.files
            .export(ctx, self.doc.map().clone(), options, suggested, &job);
        self.export_job = Some(job);
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
    // `.waymark.ron` is the name desktops recognise as a Waymark map (packaging/linux/waymark.xml).
    if name.is_empty() {
        "map.waymark.ron".to_owned()
    } else {
        format!("{name}.waymark.ron")
    }
}

/// A map file's name without `.waymark.ron` or `.ron`, for naming its exports.
pub fn map_file_stem(name: &str) -> &str {
    name.strip_suffix(".waymark.ron")
        .or_else(|| name.strip_suffix(".ron"))
        .unwrap_or(name)
}
