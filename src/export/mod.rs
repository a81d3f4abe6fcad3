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
use std::sync::{Arc, OnceLock};

use resvg::usvg;

use crate::layout::{MapLayout, TextEngine, fonts, layout_map};
use crate::model::Map;

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
    /// One page exactly the size of the map.
    #[default]
    Fit,
    /// A4 landscape, the map fitted and centred.
    A4Landscape,
    /// A3 landscape, the map fitted and centred.
    A3Landscape,
}

impl PdfPage {
    /// The page size in PDF points, or `None` for a page sized to the map.
    pub fn size_pt(self) -> Option<[f32; 2]> {
        match self {
            PdfPage::Fit => None,
            PdfPage::A4Landscape => Some([841.89, 595.28]),
            PdfPage::A3Landscape => Some([1190.55, 841.89]),
        }
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
}

impl ExportOptions {
    pub fn new(format: Format) -> ExportOptions {
        ExportOptions {
            format,
            background: Background::White,
            png_size: PngSize::default(),
            pdf_page: PdfPage::Fit,
            embed_fonts: false,
        }
    }
}

/// Why an export did not happen. Each says what went wrong in words a user understands.
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
            ExportError::Cancelled => f.write_str("The export was cancelled; no file was written."),
            ExportError::TooLarge {
                width,
                height,
                largest_scale,
            } => {
                write!(
                    f,
                    "The picture would be {width} × {height} pixels, more than the {} megapixels (or {} pixels on a side) Waymark writes to one PNG",
                    MAX_PNG_PIXELS / 1_000_000,
                    MAX_SIDE
                )?;
                match largest_scale {
                    Some(scale) => write!(
                        f,
                        "; the largest scale that fits is {scale}×. Export at that scale, or as SVG or PDF."
                    ),
                    None => f.write_str("; export it as SVG or PDF instead."),
                }
            }
            ExportError::BadSize(message) => f.write_str(message),
            ExportError::Write { path, message } => {
                write!(f, "{} could not be written: {message}", path.display())
            }
            ExportError::Render(message) => write!(f, "The map could not be drawn: {message}"),
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

/// Lays the map out with the bundled fonts, as the canvas does.
pub fn layout(map: &Map) -> MapLayout {
    layout_map(map, &mut TextEngine::new())
}

/// The font database every export draws with: the bundled fonts and nothing else, so that the output is the
/// same on every machine.
pub fn font_database() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for font in [fonts::SANS, fonts::SANS_BOLD, fonts::EMOJI] {
            db.load_font_data(font.to_vec());
        }
        db.set_sans_serif_family("DejaVu Sans");
        db.set_serif_family("DejaVu Sans");
        Arc::new(db)
    })
    .clone()
}

/// Parses SVG text with the bundled fonts.
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options {
        fontdb: font_database(),
        font_family: "DejaVu Sans".to_owned(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Render(e.to_string()))
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
    let layout = layout(map);
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
            return Err(fail("it is a folder".to_owned()));
        }
        if !folder.is_dir() {
            return Err(fail(format!(
                "the folder {} does not exist",
                folder.display()
            )));
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
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::NotFound => "the folder does not exist".to_owned(),
        ErrorKind::StorageFull => "the disk is full".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        _ => e.to_string(),
    }
}
