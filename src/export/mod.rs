//! Exports a map as PNG, SVG or PDF, from the one layout the canvas uses, with the bundled fonts.
//!
//! Everything here runs without a display. The slow parts report progress and can be cancelled, so the editor
//! can run them on a worker thread; files are written to a temporary file in the target folder and renamed at
//! the end, so a failed or cancelled export never leaves a half-written file.

pub mod cli;
mod pdf;
mod raster;
mod scene;
mod svg;

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::i18n::k;
use crate::layout::{MapLayout, TextEngine, layout_map_for};
use crate::model::Map;
use crate::t;

pub use raster::{MAX_PNG_PIXELS, MAX_SIDE, RgbaImage, png_pixel_size};
pub use svg::{FONT_FAMILY, SvgOptions, write_svg};

/// The file formats a map exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
    Pdf,
}

impl Format {
    /// The format a file name's extension asks for (`.png`, `.svg`, `.pdf`, any case).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::from_name(&ext)
    }

    /// The format by its name or extension: `png`, `svg`, `pdf`.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "png" => Some(Format::Png),
            "svg" => Some(Format::Svg),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Pdf => "pdf",
        }
    }
}

/// What shows around and behind the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Background {
    #[default]
    White,
    /// Only the map's own boxes are painted (PNG and SVG; a PDF page stays white).
    Transparent,
}

/// How large a PNG is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PngSize {
    /// Pixels per map unit: 1 is the canvas at 100%, 2 and 4 are for print and high-density screens.
    Scale(f32),
    /// The width in pixels; the height follows.
    Width(u32),
}

impl Default for PngSize {
    fn default() -> Self {
        PngSize::Scale(1.0)
    }
}

/// The pages of a PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PdfPage {
    /// One page exactly the size of the map (scaled with `/UserUnit` where the map is larger than a PDF page
    /// may be).
    #[default]
    Fit,
    /// A4 landscape, the map fitted and centred.
    A4Landscape,
    /// A3 landscape, the map fitted and centred.
    A3Landscape,
    /// A poster: the map enlarged across several sheets that overlap, with marks to cut and glue them.
    Poster(Poster),
}

impl PdfPage {
    /// The page size in PDF points, or `None` for a page sized to the map or a poster's sheets.
    pub fn size_pt(self) -> Option<[f32; 2]> {
        match self {
            PdfPage::Fit | PdfPage::Poster(_) => None,
            PdfPage::A4Landscape => Some(Paper::A4.landscape()),
            PdfPage::A3Landscape => Some(Paper::A3.landscape()),
        }
    }
}

/// The sheets of paper a poster is printed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    A3,
}

impl Paper {
    /// Width and height in PDF points, the long side across.
    pub fn landscape(self) -> [f32; 2] {
        match self {
            Paper::A4 => [841.89, 595.28],
            Paper::A3 => [1190.55, 841.89],
        }
    }
}

/// A PDF page may be at most this many units on a side (the PDF specification's limit, which Acrobat
/// enforces); larger pages set `/UserUnit` so that a unit is more than a point.
pub const MAX_PAGE_UNITS: f32 = 14_400.0;

/// A poster: how many sheets wide the map is printed; the number of rows follows from the map's shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Poster {
    pub paper: Paper,
    /// Sheets across, from 1 to [`Poster::MAX_ACROSS`].
    pub across: u32,
}

impl Poster {
    pub const MAX_ACROSS: u32 = 20;
    /// The blank border of each sheet, where the marks and the label go: printers cannot print to the edge.
    pub const MARGIN_PT: f32 = 10.0 * MM;
    /// How much of the map neighbouring sheets both show, to glue one over the other.
    pub const OVERLAP_PT: f32 = 10.0 * MM;

    /// Where each sheet's part of the map comes from, for a map of this size.
    pub fn plan(self, map_size: egui::Vec2) -> PosterPlan {
        let [long, short] = self.paper.landscape();
        // Sheets turn to follow the map: landscape for a wide map, portrait for a tall one.
        let sheet = if map_size.x >= map_size.y {
            [long, short]
        } else {
            [short, long]
        };
        let printable = egui::vec2(
            sheet[0] - 2.0 * Poster::MARGIN_PT,
            sheet[1] - 2.0 * Poster::MARGIN_PT,
        );
        let stride = printable - egui::Vec2::splat(Poster::OVERLAP_PT);
        let columns = self.across.clamp(1, Poster::MAX_ACROSS);
        let width = columns as f32 * stride.x + Poster::OVERLAP_PT;
        let scale = width / map_size.x.max(1.0);
        let height = map_size.y * scale;
        let rows = (((height - Poster::OVERLAP_PT) / stride.y).ceil() as u32).max(1);
        PosterPlan {
            sheet,
            printable,
            stride,
            columns,
            rows,
            scale,
            // Centred on the rows, so that the last row is not the only one with white below the map.
            top: (rows as f32 * stride.y + Poster::OVERLAP_PT - height) / 2.0,
        }
    }
}

const MM: f32 = 72.0 / 25.4;

/// A poster laid out on its sheets: every sheet shows `printable` of the enlarged map, a `stride` from its
/// neighbours (so that they share [`Poster::OVERLAP_PT`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PosterPlan {
    /// One sheet's width and height in points.
    pub sheet: [f32; 2],
    /// The part of a sheet inside the margins.
    pub printable: egui::Vec2,
    pub stride: egui::Vec2,
    pub columns: u32,
    pub rows: u32,
    /// Points on paper per map unit (1.0: the size of the canvas at 100%, or of the page sized to the map).
    pub scale: f32,
    /// The blank space above the map on the first row, in points.
    pub top: f32,
}

impl PosterPlan {
    pub fn pages(&self) -> u32 {
        self.columns * self.rows
    }

    /// The poster's width and height in millimetres, overlaps counted once.
    pub fn size_mm(&self) -> [f32; 2] {
        [
            (self.columns as f32 * self.stride.x + Poster::OVERLAP_PT) / MM,
            (self.rows as f32 * self.stride.y + Poster::OVERLAP_PT) / MM,
        ]
    }
}

/// Everything an export needs besides the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExportOptions {
    pub format: Format,
    pub background: Background,
    pub png_size: PngSize,
    pub pdf_page: PdfPage,
    /// SVG only: embed the bundled fonts (see [`SvgOptions::embed_fonts`]).
    pub embed_fonts: bool,
    /// The persona filter, as on the canvas: `None` draws every persona's curve; a persona draws only its
    /// curve and dims the cards not tagged with it.
    pub persona: Option<crate::model::PersonaId>,
    /// Draw the dots of the map's vote on the cards (as the canvas shows them).
    pub show_votes: bool,
}

impl ExportOptions {
    pub fn new(format: Format) -> ExportOptions {
        ExportOptions {
            format,
            background: Background::White,
            png_size: PngSize::default(),
            pdf_page: PdfPage::Fit,
            embed_fonts: false,
            persona: None,
            show_votes: false,
        }
    }
}

/// Why an export did not happen. Each says what went wrong in words a user understands, in the interface
/// language (the messages inside are written in it when the error is made).
#[derive(Debug, Clone, PartialEq)]
pub enum ExportError {
    /// The user cancelled; nothing was written.
    Cancelled,
    /// The PNG would be larger than Waymark writes.
    TooLarge {
        width: u64,
        height: u64,
        /// The largest whole or half scale that fits, if any does.
        largest_scale: Option<f32>,
    },
    /// A scale or width that makes no picture (zero, negative, not a number).
    BadSize(String),
    /// The file or its folder could not be written.
    Write { path: PathBuf, message: String },
    /// The renderer failed; this is a bug in Waymark or a library.
    Render(String),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Cancelled => f.write_str(&t!(k::EXPORT_CANCELLED)),
            ExportError::TooLarge {
                width,
                height,
                largest_scale,
            } => {
                f.write_str(&t!(
                    k::EXPORT_TOO_LARGE,
                    width = *width,
                    height = *height,
                    megapixels = MAX_PNG_PIXELS / 1_000_000,
                    side = MAX_SIDE
                ))?;
                f.write_str(&match largest_scale {
                    Some(scale) => t!(k::EXPORT_TOO_LARGE_SCALE, scale = *scale),
                    None => t!(k::EXPORT_TOO_LARGE_OTHER_FORMAT),
                })
            }
            ExportError::BadSize(message) => f.write_str(message),
            ExportError::Write { path, message } => f.write_str(&t!(
                k::EXPORT_WRITE_FAILED,
                path = path.display(),
                error = message
            )),
            ExportError::Render(message) => {
                f.write_str(&t!(k::EXPORT_RENDER_FAILED, error = message))
            }
        }
    }
}

impl std::error::Error for ExportError {}

/// Progress of an export, from 0.0 to 1.0, and a way to stop it. The editor passes its cancel flag and a
/// callback that sends the fraction to the UI thread.
pub struct Progress<'a> {
    cancel: &'a AtomicBool,
    report: &'a (dyn Fn(f32) + Sync),
}

impl<'a> Progress<'a> {
    pub fn new(cancel: &'a AtomicBool, report: &'a (dyn Fn(f32) + Sync)) -> Progress<'a> {
        Progress { cancel, report }
    }

    fn check(&self) -> Result<(), ExportError> {
        if self.cancel.load(Ordering::Relaxed) {
            Err(ExportError::Cancelled)
        } else {
            Ok(())
        }
    }

    fn report(&self, fraction: f32) {
        (self.report)(fraction.clamp(0.0, 1.0));
    }
}

/// A progress that is never cancelled and reports nowhere, for callers that wait anyway.
pub fn no_progress<R>(f: impl FnOnce(&Progress<'_>) -> R) -> R {
    let cancel = AtomicBool::new(false);
    let report = |_: f32| {};
    f(&Progress::new(&cancel, &report))
}

/// Lays the map out with the bundled fonts, as the canvas does, without the dots of a vote.
pub fn layout(map: &Map) -> MapLayout {
    layout_with_votes(map, false)
}

/// Lays the map out with the bundled fonts, with or without the dots of its vote.
pub fn layout_with_votes(map: &Map, show_votes: bool) -> MapLayout {
    layout_for_export(map, None, show_votes)
}

/// Lays the map out as an export asks: one persona or all (`None`), with or without the dots of its vote.
pub fn layout_for_export(
    map: &Map,
    persona: Option<crate::model::PersonaId>,
    show_votes: bool,
) -> MapLayout {
    let mut layout = layout_map_for(map, &mut TextEngine::new(), persona);
    if !show_votes {
        layout.votes.clear();
    }
    layout
}

/// The map as SVG text.
pub fn svg_string(map: &Map, options: &SvgOptions) -> String {
    write_svg(map, &layout(map), options)
}

/// The map as PNG file contents, in memory.
pub fn png_bytes(
    map: &Map,
    size: PngSize,
    background: Background,
    progress: &Progress<'_>,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    raster::write_png(map, &layout(map), size, background, &mut out, progress)?;
    Ok(out)
}

/// The map as an RGBA bitmap in memory (for the clipboard). Refuses pictures above `max_pixels`, naming the
/// largest scale that fits.
pub fn render_rgba(
    map: &Map,
    size: PngSize,
    background: Background,
    max_pixels: u64,
    progress: &Progress<'_>,
) -> Result<RgbaImage, ExportError> {
    raster::render_rgba(map, &layout(map), size, background, max_pixels, progress)
}

/// The map as PDF file contents.
pub fn pdf_bytes(
    map: &Map,
    page: PdfPage,
    progress: &Progress<'_>,
) -> Result<Vec<u8>, ExportError> {
    pdf::pdf_bytes(map, &layout(map), page, progress)
}

/// Exports a map to a file: the format and settings come from `options`, not from the file name. Writes a
/// temporary file beside `path` and renames it into place only when everything succeeded.
pub fn export_to_file(
    map: &Map,
    path: &Path,
    options: &ExportOptions,
    progress: &Progress<'_>,
) -> Result<(), ExportError> {
    progress.report(0.0);
    progress.check()?;
    let mut file = AtomicFile::new(path)?;
    let layout = layout_for_export(map, options.persona, options.show_votes);
    progress.check()?;
    match options.format {
        Format::Png => raster::write_png(
            map,
            &layout,
            options.png_size,
            options.background,
            &mut file,
            progress,
        )
        .map_err(|e| match e {
            ExportError::Write { message, .. } => ExportError::Write {
                path: path.to_owned(),
                message,
            },
            other => other,
        })?,
        Format::Svg => {
            let svg = write_svg(
                map,
                &layout,
                &SvgOptions {
                    background: options.background,
                    embed_fonts: options.embed_fonts,
                    page: None,
                },
            );
            progress.report(0.8);
            file.write_all(svg.as_bytes()).map_err(|e| file.error(e))?;
        }
        Format::Pdf => {
            let pdf = pdf::pdf_bytes(map, &layout, options.pdf_page, progress)?;
            file.write_all(&pdf).map_err(|e| file.error(e))?;
        }
    }
    progress.check()?;
    file.commit()?;
    progress.report(1.0);
    Ok(())
}

/// Writes bytes to a file through a temporary file in its folder, renamed into place at the end.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let mut file = AtomicFile::new(path)?;
    file.write_all(bytes).map_err(|e| file.error(e))?;
    file.commit()
}

/// A file written beside its final place and renamed over it at the end. Dropped without `commit`, the
/// temporary file is deleted.
struct AtomicFile {
    path: PathBuf,
    temp: std::io::BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    fn new(path: &Path) -> Result<AtomicFile, ExportError> {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        let fail = |message: String| ExportError::Write {
            path: path.to_owned(),
            message,
        };
        if path.is_dir() {
            return Err(fail(t!(k::IO_IS_FOLDER)));
        }
        if folder.is_file() {
            return Err(fail(t!(
                k::EXPORT_FILE_NOT_FOLDER,
                folder = folder.display()
            )));
        }
        if !folder.is_dir() {
            return Err(fail(t!(k::EXPORT_NO_FOLDER, folder = folder.display())));
        }
        let temp = tempfile::Builder::new()
            .prefix(".waymark-export-")
            .suffix(".tmp")
            .tempfile_in(&folder)
            .map_err(|e| fail(io_message(&e)))?;
        crate::io::new_file_permissions(temp.as_file(), path);
        Ok(AtomicFile {
            path: path.to_owned(),
            temp: std::io::BufWriter::with_capacity(1 << 20, temp),
        })
    }

    fn error(&self, e: std::io::Error) -> ExportError {
        ExportError::Write {
            path: self.path.clone(),
            message: io_message(&e),
        }
    }

    fn commit(self) -> Result<(), ExportError> {
        let path = self.path.clone();
        let fail = |message: String| ExportError::Write {
            path: path.clone(),
            message,
        };
        let temp = self
            .temp
            .into_inner()
            .map_err(|e| fail(io_message(e.error())))?;
        temp.as_file()
            .sync_all()
            .map_err(|e| fail(io_message(&e)))?;
        temp.persist(&path)
            .map_err(|e| fail(io_message(&e.error)))?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.temp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.temp.flush()
    }
}

/// An I/O error in plain words.
fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => t!(k::IO_FOLDER_MISSING),
        _ => crate::i18n::io_error(e),
    }
}
