//! File dialogs, loading and saving on worker threads, so the window never freezes. Results come back as
//! [`FileEvent`]s that the app handles on its next frame.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::edit::Document;
use crate::export::{ExportError, ExportOptions, PngSize, export_to_file, render_rgba};
use crate::i18n::{Key, k};
use crate::io::csv::{CsvError, export_csv, import_csv_file};
use crate::io::recovery::RecoveryEntry;
use crate::io::write_atomically;
use crate::io::{LoadError, load_file, save_file};
use crate::model::{Map, Photo};
use crate::t;
use crate::ui::export_dialog::{ExportJob, ExportOutcome, MAX_CLIPBOARD_PIXELS};

/// A dialog that returns within this time without a choice was most likely never shown (no portal, no
/// zenity): the user is then offered to type a path instead.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(250);

/// What to do once unsaved changes have been dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Next {
    Nothing,
    Close,
    OpenDialog,
    OpenPath(PathBuf),
    Replace(Box<Map>),
    /// A map imported from CSV: it opens unsaved, to be saved as a map file.
    Import(Box<Map>, PathBuf),
    /// File → Join live…: the room's map will replace the open one.
    JoinLive,
}

/// Why a path is asked for when no native dialog could be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum PathPurpose {
    Open,
    SaveAs(Next),
    Photo,
    Export(ExportOptions),
    ImportCsv,
    ExportCsv,
}

impl PathPurpose {
    /// The title of the file dialog, or of the dialog that asks for a path instead.
    pub fn title(&self) -> Key {
        match self {
            PathPurpose::Open => k::PATH_OPEN,
            PathPurpose::SaveAs(_) => k::PATH_SAVE_AS,
            PathPurpose::Photo => k::PATH_PHOTO,
            PathPurpose::Export(_) => k::PATH_EXPORT,
            PathPurpose::ImportCsv => k::PATH_IMPORT_CSV,
            PathPurpose::ExportCsv => k::PATH_EXPORT_CSV,
        }
    }
}

/// Which map, in which state, a save writes (see [`Document::identity`] and [`Document::state`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SavedState {
    pub document: u64,
    pub state: u64,
}

impl SavedState {
    pub fn of(doc: &Document) -> SavedState {
        SavedState {
            document: doc.identity(),
            state: doc.state(),
        }
    }
}

pub enum FileEvent {
    Opened {
        path: PathBuf,
        result: Result<Map, LoadError>,
    },
    Saved {
        path: PathBuf,
        /// What was saved: the map is no longer open when `of.document` is not the open document's.
        of: SavedState,
        result: Result<(), String>,
        then: Next,
    },
    /// A photo chosen for the persona of the map `document`.
    PhotoLoaded {
        document: u64,
        result: Result<Photo, String>,
    },
    Restored {
        entry: Box<RecoveryEntry>,
        result: Result<Map, LoadError>,
    },
    Exported(ExportOutcome),
    Imported {
        path: PathBuf,
        result: Result<Map, CsvError>,
    },
    CsvExported(Result<PathBuf, String>),
    NoDialog(PathPurpose),
    Cancelled,
}

pub struct Files {
    sender: Sender<FileEvent>,
    receiver: Receiver<FileEvent>,
    /// Jobs under way; the status bar says so.
    pub busy: usize,
}

impl Default for Files {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Files {
            sender,
            receiver,
            busy: 0,
        }
    }
}

fn map_filter(dialog: rfd::FileDialog) -> rfd::FileDialog {
    dialog
        .add_filter(t!(k::FILTER_MAP), &["ron"])
        .add_filter(t!(k::FILTER_ALL), &["*"])
}

impl Files {
    fn spawn(&mut self, ctx: &egui::Context, job: impl FnOnce() -> FileEvent + Send + 'static) {
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        self.busy += 1;
        // The worker speaks the window's language: its messages end up in the window.
        let language = crate::i18n::language();
        std::thread::spawn(move || {
            crate::i18n::set_thread_language(language);
            let event = job();
            let _ = sender.send(event);
            ctx.request_repaint();
        });
    }

    /// The events that arrived since the last frame.
    pub fn poll(&mut self) -> Vec<FileEvent> {
        let events: Vec<FileEvent> = self.receiver.try_iter().collect();
        self.busy = self.busy.saturating_sub(events.len());
        events
    }

    pub fn open_dialog(&mut self, ctx: &egui::Context) {
        self.spawn(ctx, || {
            let started = Instant::now();
            match map_filter(rfd::FileDialog::new())
                .set_title(t!(k::PATH_OPEN))
                .pick_file()
            {
                Some(path) => FileEvent::Opened {
                    result: load_file(&path),
                    path,
                },
                None if started.elapsed() < NO_DIALOG_THRESHOLD => {
                    FileEvent::NoDialog(PathPurpose::Open)
                }
                None => FileEvent::Cancelled,
            }
        });
    }

    pub fn load(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.spawn(ctx, move || FileEvent::Opened {
            result: load_file(&path),
            path,
        });
    }

    /// Asks where to export (a native dialog), then exports there on this worker.
    pub fn export(
        &mut self,
        ctx: &egui::Context,
        map: Map,
        options: ExportOptions,
        suggested: String,
        job: &ExportJob,
    ) {
        let (job, ctx2) = (job.handle(), ctx.clone());
        self.spawn(ctx, move || {
            let started = Instant::now();
            let extension = options.format.extension();
            let dialog = rfd::FileDialog::new()
                .set_title(t!(k::PATH_EXPORT))
                .set_file_name(suggested)
                .add_filter(extension.to_uppercase(), &[extension]);
            match dialog.save_file() {
                Some(mut path) => {
                    if path.extension().is_none() {
                        path.set_extension(extension);
                    }
                    export_event(&ctx2, &job, &map, &options, path)
                }
                None if started.elapsed() < NO_DIALOG_THRESHOLD => {
                    FileEvent::NoDialog(PathPurpose::Export(options))
                }
                None => FileEvent::Exported(ExportOutcome::Failed(ExportError::Cancelled)),
            }
        });
    }

    /// Exports to a known path on this worker.
    pub fn export_to(
        &mut self,
        ctx: &egui::Context,
        map: Map,
        options: ExportOptions,
        path: PathBuf,
        job: &ExportJob,
    ) {
        let (job, ctx2) = (job.handle(), ctx.clone());
        self.spawn(ctx, move || export_event(&ctx2, &job, &map, &options, path));
    }

    /// Renders the map at 2× (or as large as fits the clipboard limit) for "Copy map as image".
    pub fn copy_image(&mut self, ctx: &egui::Context, map: Map, job: &ExportJob) {
        let (job, ctx2) = (job.handle(), ctx.clone());
        self.spawn(ctx, move || {
            let background = crate::export::Background::White;
            let result = job.run(&ctx2, |progress| {
                match render_rgba(
                    &map,
                    PngSize::Scale(2.0),
                    background,
                    MAX_CLIPBOARD_PIXELS,
                    progress,
                ) {
                    Err(ExportError::Cancelled) => Err(ExportError::Cancelled),
                    // A map too large for 2× on the clipboard goes at 1×.
                    Err(_) => render_rgba(
                        &map,
                        PngSize::Scale(1.0),
                        background,
                        MAX_CLIPBOARD_PIXELS,
                        progress,
                    ),
                    ok => ok,
                }
            });
            FileEvent::Exported(match result {
                Ok(image) => ExportOutcome::Copied(image),
                Err(error) => ExportOutcome::Failed(error),
            })
        });
    }

    /// Asks for a CSV file of cards and imports it.
    pub fn import_csv_dialog(&mut self, ctx: &egui::Context) {
        self.spawn(ctx, || {
            let started = Instant::now();
            let dialog = rfd::FileDialog::new()
                .set_title(t!(k::PATH_IMPORT_CSV))
                .add_filter("CSV", &["csv", "txt"]);
            match dialog.pick_file() {
                Some(path) => FileEvent::Imported {
                    result: import_csv_file(&path),
                    path,
                },
                None if started.elapsed() < NO_DIALOG_THRESHOLD => {
                    FileEvent::NoDialog(PathPurpose::ImportCsv)
                }
                None => FileEvent::Cancelled,
            }
        });
    }

    pub fn import_csv(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.spawn(ctx, move || FileEvent::Imported {
            result: import_csv_file(&path),
            path,
        });
    }

    /// Asks where to write the map's cards as CSV, and writes them there.
    pub fn export_csv_dialog(&mut self, ctx: &egui::Context, map: Map, suggested: String) {
        self.spawn(ctx, move || {
            let started = Instant::now();
            let dialog = rfd::FileDialog::new()
                .set_title(t!(k::PATH_EXPORT_CSV))
                .set_file_name(suggested)
                .add_filter("CSV", &["csv"]);
            match dialog.save_file() {
                Some(path) => write_csv(&map, path),
                None if started.elapsed() < NO_DIALOG_THRESHOLD => {
                    FileEvent::NoDialog(PathPurpose::ExportCsv)
                }
                None => FileEvent::Cancelled,
            }
        });
    }

    pub fn export_csv(&mut self, ctx: &egui::Context, map: Map, path: PathBuf) {
        self.spawn(ctx, move || write_csv(&map, path));
    }

    /// Loads a map from the recovery folder.
    pub fn restore(&mut self, ctx: &egui::Context, entry: RecoveryEntry) {
        self.spawn(ctx, move || FileEvent::Restored {
            result: entry.load(),
            entry: Box::new(entry),
        });
    }

    /// Saves `map`, which is the document in the state `of`, to `path`.
    pub fn save(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        map: Map,
        of: SavedState,
        then: Next,
    ) {
        self.spawn(ctx, move || FileEvent::Saved {
            result: save_file(&map, &path),
            path,
            of,
            then,
        });
    }

    pub fn save_as_dialog(
        &mut self,
        ctx: &egui::Context,
        map: Map,
        of: SavedState,
        suggested: String,
        then: Next,
    ) {
        self.spawn(ctx, move || {
            let started = Instant::now();
            let dialog = map_filter(rfd::FileDialog::new())
                .set_title(t!(k::PATH_SAVE_AS))
                .set_file_name(suggested);
            match dialog.save_file() {
                Some(mut path) => {
                    if path.extension().is_none() {
                        path.set_extension("ron");
                    }
                    FileEvent::Saved {
                        result: save_file(&map, &path),
                        path,
                        of,
                        then,
                    }
                }
                None if started.elapsed() < NO_DIALOG_THRESHOLD => {
                    FileEvent::NoDialog(PathPurpose::SaveAs(then))
                }
                None => FileEvent::Cancelled,
            }
        });
    }

    /// Asks for a photo for the persona of the map `document`.
    pub fn photo_dialog(&mut self, ctx: &egui::Context, document: u64) {
        self.spawn(ctx, move || {
            let started = Instant::now();
            let dialog = rfd::FileDialog::new()
                .set_title(t!(k::PATH_PHOTO))
                .add_filter(t!(k::FILTER_PICTURES), &["png", "jpg", "jpeg", "webp"]);
            match dialog.pick_file() {
                Some(path) => FileEvent::PhotoLoaded {
                    document,
                    result: load_photo(&path),
                },
                None if started.elapsed() < NO_DIALOG_THRESHOLD => {
                    FileEvent::NoDialog(PathPurpose::Photo)
                }
                None => FileEvent::Cancelled,
            }
        });
    }

    pub fn load_photo(&mut self, ctx: &egui::Context, path: PathBuf, document: u64) {
        self.spawn(ctx, move || FileEvent::PhotoLoaded {
            document,
            result: load_photo(&path),
        });
    }
}

/// Pictures larger than this are not read at all.
const MAX_PHOTO_FILE_BYTES: u64 = 40 * 1024 * 1024;

pub fn load_photo(path: &std::path::Path) -> Result<Photo, String> {
    let what = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let size = std::fs::metadata(path).map_err(|e| what(&e))?.len();
    if size > MAX_PHOTO_FILE_BYTES {
        return Err(what(&t!(
            k::PHOTO_FILE_TOO_LARGE,
            limit = MAX_PHOTO_FILE_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| what(&e))?;
    Photo::from_image_bytes(&bytes).map_err(|e| what(&e))
}

fn export_event(
    ctx: &egui::Context,
    job: &ExportJob,
    map: &Map,
    options: &ExportOptions,
    path: PathBuf,
) -> FileEvent {
    match job.run(ctx, |progress| {
        export_to_file(map, &path, options, progress)
    }) {
        Ok(()) => FileEvent::Exported(ExportOutcome::Written(path)),
        Err(error) => FileEvent::Exported(ExportOutcome::Failed(error)),
    }
}

fn write_csv(map: &Map, path: PathBuf) -> FileEvent {
    FileEvent::CsvExported(write_atomically(&path, export_csv(map).as_bytes()).map(|()| path))
}
