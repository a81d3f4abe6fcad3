//! PNG: the map's SVG drawn by resvg in horizontal strips, on as many threads as there are cores, and streamed
//! into the PNG encoder strip by strip. Memory stays at a few strips however tall the picture is.

use std::collections::VecDeque;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use resvg::tiny_skia::{self, Pixmap, Transform};
use resvg::usvg;

use crate::layout::MapLayout;
use crate::model::Map;

use super::svg::{SvgOptions, write_svg};
use super::{Background, ExportError, PngSize, Progress, parse_svg};

/// The most pixels Waymark writes to one PNG (2.5 gigapixels; a 10,000-card map at 2× is well below).
pub const MAX_PNG_PIXELS: u64 = 2_500_000_000;
/// The longest side of a PNG Waymark writes.
pub const MAX_SIDE: u64 = 1_000_000;
/// The largest scale accepted at all.
const MAX_SCALE: f32 = 64.0;
/// About this many pixels are drawn at a time.
const STRIP_PIXELS: u64 = 4_000_000;

/// A bitmap in memory: rows of RGBA, not premultiplied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RgbaImage {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// The PNG's size in pixels and the scale from map units, or why there is none.
pub fn png_pixel_size(
    layout_size: egui::Vec2,
    size: PngSize,
    max_pixels: u64,
) -> Result<(u32, u32, f32), ExportError> {
    let scale = match size {
        PngSize::Scale(scale) => {
            if !(scale.is_finite() && scale > 0.0 && scale <= MAX_SCALE) {
                return Err(ExportError::BadSize(format!(
                    "The scale must be a number above 0 and at most {MAX_SCALE}, not {scale}."
                )));
            }
            scale
        }
        PngSize::Width(width) => {
            if width == 0 {
                return Err(ExportError::BadSize(
                    "The width must be at least 1 pixel.".to_owned(),
                ));
            }
            width as f32 / layout_size.x
        }
    };
    let dims = |scale: f32| {
        (
            (layout_size.x as f64 * scale as f64).ceil().max(1.0) as u64,
            (layout_size.y as f64 * scale as f64).ceil().max(1.0) as u64,
        )
    };
    let fits = |(w, h): (u64, u64)| w <= MAX_SIDE && h <= MAX_SIDE && w * h <= max_pixels;
    let (mut width, height) = dims(scale);
    if let PngSize::Width(w) = size {
        width = w as u64;
    }
    if !fits((width, height)) {
        let largest_scale = [8.0, 4.0, 3.0, 2.0, 1.5, 1.0, 0.75, 0.5, 0.25]
            .into_iter()
            .find(|s| *s < scale && fits(dims(*s)));
        return Err(ExportError::TooLarge {
            width,
            height,
            largest_scale,
        });
    }
    Ok((width as u32, height as u32, scale))
}

/// The parsed map and its top-level drawing elements with their vertical extent in map units, so that each
/// strip draws only what reaches into it.
struct Scene {
    tree: usvg::Tree,
}

struct Element<'a> {
    node: &'a usvg::Node,
    bbox: tiny_skia::NonZeroRect,
}

impl Scene {
    fn new(map: &Map, layout: &MapLayout) -> Result<Scene, ExportError> {
        let svg = write_svg(
            map,
            layout,
            &SvgOptions {
                background: Background::Transparent,
                embed_fonts: false,
                page: None,
            },
        );
        Ok(Scene {
            tree: parse_svg(&svg)?,
        })
    }

    fn elements(&self) -> Vec<Element<'_>> {
        // The SVG is flat: rectangles and text at the top level, lines inside small groups whose bounds include
        // their strokes. Nodes without an area (none are written) could not be drawn by `render_node`.
        self.tree
            .root()
            .children()
            .iter()
            .filter_map(|node| {
                let bbox = node.abs_layer_bounding_box()?;
                Some(Element { node, bbox })
            })
            .collect()
    }
}

/// Draws the rows `top..top + pixmap.height()` of the picture.
fn draw_strip(elements: &[Element<'_>], scale: f32, top: u32, pixmap: &mut Pixmap) {
    let transform = Transform::from_row(scale, 0.0, 0.0, scale, 0.0, -(top as f32));
    // The strip in map units, widened by a pixel for anti-aliasing.
    let from = (top as f32 - 2.0) / scale;
    let to = (top + pixmap.height()) as f32 / scale + 2.0 / scale;
    let mut pixmap_mut = pixmap.as_mut();
    for element in elements {
        if element.bbox.bottom() < from || element.bbox.top() > to {
            continue;
        }
        // `render_node` draws a node at its bounding box's origin; shift it back to where it belongs.
        let t = transform.pre_translate(element.bbox.x(), element.bbox.y());
        resvg::render_node(element.node, t, &mut pixmap_mut);
    }
}

fn new_pixmap(width: u32, height: u32, background: Background) -> Result<Pixmap, ExportError> {
    let mut pixmap = Pixmap::new(width, height).ok_or_else(|| {
        ExportError::Render(format!("no {width} × {height} bitmap could be made"))
    })?;
    if background == Background::White {
        pixmap.fill(tiny_skia::Color::WHITE);
    }
    Ok(pixmap)
}

/// Renders the whole map into one bitmap in memory (for the clipboard).
pub fn render_rgba(
    map: &Map,
    layout: &MapLayout,
    size: PngSize,
    background: Background,
    max_pixels: u64,
    progress: &Progress<'_>,
) -> Result<RgbaImage, ExportError> {
    let (width, height, scale) = png_pixel_size(layout.size, size, max_pixels)?;
    progress.check()?;
    let scene = Scene::new(map, layout)?;
    progress.report(0.3);
    progress.check()?;
    let mut pixmap = new_pixmap(width, height, background)?;
    draw_strip(&scene.elements(), scale, 0, &mut pixmap);
    progress.report(0.9);
    let mut pixels = pixmap.take();
    demultiply(&mut pixels);
    progress.report(1.0);
    Ok(RgbaImage {
        width,
        height,
        pixels,
    })
}

fn demultiply(rgba: &mut [u8]) {
    for px in rgba.chunks_exact_mut(4) {
        let a = px[3] as u32;
        if a != 0 && a != 255 {
            for c in &mut px[..3] {
                *c = ((*c as u32 * 255 + a / 2) / a).min(255) as u8;
            }
        }
    }
}

/// Writes the map as a PNG, drawing it strip by strip. I/O errors come back as [`ExportError::Write`] with an
/// empty path, for the caller to fill in.
pub fn write_png(
    map: &Map,
    layout: &MapLayout,
    size: PngSize,
    background: Background,
    out: &mut dyn Write,
    progress: &Progress<'_>,
) -> Result<(), ExportError> {
    let (width, height, scale) = png_pixel_size(layout.size, size, MAX_PNG_PIXELS)?;
    progress.check()?;
    let scene = Scene::new(map, layout)?;
    progress.report(0.1);
    progress.check()?;
    let elements = scene.elements();

    let opaque = background == Background::White;
    let mut encoder = png::Encoder::new(out, width, height);
    encoder.set_color(if opaque {
        png::ColorType::Rgb
    } else {
        png::ColorType::Rgba
    });
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::Filter::Up);
    let io = |e: std::io::Error| ExportError::Write {
        path: Default::default(),
        message: super::io_message(&e),
    };
    let png_error = |e: png::EncodingError| match e {
        png::EncodingError::IoError(e) => io(e),
        other => ExportError::Render(other.to_string()),
    };
    let mut writer = encoder.write_header().map_err(png_error)?;
    let mut stream = writer.stream_writer_with_size(1 << 20).map_err(png_error)?;

    let strip_height = (STRIP_PIXELS / width as u64).clamp(16, 4096) as u32;
    let strips = height.div_ceil(strip_height);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(strips as usize);
    // Workers stop when the encoder stops, whether it finished, failed or was cancelled.
    let stop = AtomicBool::new(false);
    let channel_bytes = width as usize * strip_height as usize * if opaque { 3 } else { 4 };

    let result = std::thread::scope(|scope| -> Result<(), ExportError> {
        let mut receivers = VecDeque::new();
        for worker in 0..workers {
            // Each worker draws every `workers`-th strip and hands it over through its own small queue, so the
            // encoder takes them in order and at most two per worker wait in memory.
            let (tx, rx) = mpsc::sync_channel::<Result<Vec<u8>, ExportError>>(1);
            receivers.push_back(rx);
            let elements = &elements;
            let stop = &stop;
            scope.spawn(move || {
                let mut index = worker as u32;
                while index < strips && !stop.load(Ordering::Relaxed) {
                    let top = index * strip_height;
                    let rows = strip_height.min(height - top);
                    let strip = new_pixmap(width, rows, background).map(|mut pixmap| {
                        draw_strip(elements, scale, top, &mut pixmap);
                        let rgba = pixmap.take();
                        if opaque {
                            let mut rgb = Vec::with_capacity(channel_bytes);
                            for px in rgba.chunks_exact(4) {
                                rgb.extend_from_slice(&px[..3]);
                            }
                            rgb
                        } else {
                            let mut rgba = rgba;
                            demultiply(&mut rgba);
                            rgba
                        }
                    });
                    if tx.send(strip).is_err() {
                        break;
                    }
                    index += workers as u32;
                }
            });
        }
        let mut encode = || -> Result<(), ExportError> {
            for index in 0..strips {
                progress.check()?;
                let rx = &receivers[index as usize % workers];
                let strip = rx
                    .recv()
                    .map_err(|_| ExportError::Render("a drawing thread stopped".to_owned()))??;
                stream.write_all(&strip).map_err(io)?;
                progress.report(0.1 + 0.85 * (index + 1) as f32 / strips as f32);
            }
            Ok(())
        };
        let result = encode();
        stop.store(true, Ordering::Relaxed);
        // Unblock workers waiting to send, then let the scope join them.
        drop(receivers);
        result
    });
    result?;
    stream.finish().map_err(png_error)?;
    Ok(())
}
