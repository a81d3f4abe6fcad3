//! How long exports of large maps take, end to end (layout, drawing, encoding, writing the file), and how long
//! `rsvg-convert` takes to draw Waymark's own SVG of the same map at the same size.
//!
//! `cargo bench --bench export` prints one line per case, e.g. `cards=2000 format=png scale=2 ms=640`.
//! Set `WAYMARK_BENCH_CARDS=2000` to run fewer sizes.

#[path = "../tests/common/svg.rs"]
mod svg;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use waymark::export::{ExportOptions, Format, PdfPage, PngSize, export_to_file, no_progress};
use waymark::model::sample::generated_map;

fn main() {
    let sizes: Vec<usize> = std::env::var("WAYMARK_BENCH_CARDS")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![2_000, 10_000]);
    let dir = tempfile::tempdir().expect("a temporary folder");
    for cards in sizes {
        let map = generated_map(cards);
        if std::env::var_os("WAYMARK_BENCH_PHASES").is_some() {
            phases(cards, &map);
            continue;
        }
        let cases = [
            (Format::Svg, "format=svg".to_owned(), None),
            (Format::Pdf, "format=pdf page=fit".to_owned(), None),
            (Format::Png, "format=png scale=1".to_owned(), Some(1.0)),
            (Format::Png, "format=png scale=2".to_owned(), Some(2.0)),
        ];
        for (format, label, scale) in cases {
            let mut options = ExportOptions::new(format);
            options.pdf_page = PdfPage::Fit;
            if let Some(scale) = scale {
                options.png_size = PngSize::Scale(scale);
            }
            let path = dir
                .path()
                .join(format!("map-{cards}.{}", format.extension()));
            let start = Instant::now();
            let result = no_progress(|progress| export_to_file(&map, &path, &options, progress));
            let ms = start.elapsed().as_millis();
            match result {
                Ok(()) => {
                    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
                    let pixels = if format == Format::Png {
                        png_size(&path)
                            .map(|(w, h)| format!(" px={w}x{h}"))
                            .unwrap_or_default()
                    } else {
                        String::new()
                    };
                    println!("cards={cards} {label} ms={ms} bytes={bytes}{pixels}");
                }
                Err(e) => println!("cards={cards} {label} failed: {e}"),
            }
        }
        rsvg_convert(
            cards,
            &dir.path().join(format!("map-{cards}.svg")),
            dir.path(),
        );
    }
}

/// The PNG's size from its header, without decoding it.
fn png_size(path: &Path) -> Option<(u32, u32)> {
    let bytes = std::fs::read(path).ok()?;
    let w = u32::from_be_bytes(bytes.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(bytes.get(20..24)?.try_into().ok()?);
    Some((w, h))
}

/// Times `rsvg-convert -z 2` on Waymark's SVG, where it is installed.
fn rsvg_convert(cards: usize, svg: &Path, dir: &Path) {
    if Command::new("rsvg-convert")
        .arg("--version")
        .output()
        .is_err()
    {
        println!("cards={cards} rsvg_convert_ms=not-installed");
        return;
    }
    let out = dir.join(format!("rsvg-{cards}.png"));
    let start = Instant::now();
    let status = Command::new("rsvg-convert")
        .args(["-z", "2", "-o"])
        .arg(&out)
        .arg(svg)
        .output();
    let ms = start.elapsed().as_millis();
    match status {
        Ok(output) if output.status.success() => {
            let pixels = png_size(&out)
                .map(|(w, h)| format!(" px={w}x{h}"))
                .unwrap_or_default();
            println!("cards={cards} rsvg_convert_ms={ms}{pixels}");
        }
        Ok(output) => println!(
            "cards={cards} rsvg_convert_ms=failed ({})",
            String::from_utf8_lossy(&output.stderr).trim()
        ),
        Err(e) => println!("cards={cards} rsvg_convert_ms=failed ({e})"),
    }
    let _ = std::fs::remove_file(out);
}

/// Where the time goes: layout, SVG text, usvg parsing (text shaping), drawing, the former PDF path through
/// svg2pdf and the direct PDF writer, PNG encoding. resvg and svg2pdf run with `--features compare-renderers`.
fn phases(cards: usize, map: &waymark::model::Map) {
    let time = |label: &str, start: Instant| {
        println!(
            "cards={cards} phase={label} ms={}",
            start.elapsed().as_millis()
        );
    };
    let start = Instant::now();
    let layout = waymark::export::layout(map);
    time("layout", start);
    let start = Instant::now();
    let svg = waymark::export::write_svg(map, &layout, &Default::default());
    time("svg", start);
    let start = Instant::now();
    let tree = svg::parse_svg(&svg).expect("parses");
    time("usvg_parse", start);
    #[cfg(feature = "compare-renderers")]
    {
        let start = Instant::now();
        let width = (layout.size.x * 1.0).ceil() as u32;
        let mut pixmap = resvg::tiny_skia::Pixmap::new(width, 4000).expect("a pixmap");
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::identity(),
            &mut pixmap.as_mut(),
        );
        time("resvg_render_top_4000_rows_1x", start);
        let start = Instant::now();
        let _ = svg2pdf::to_pdf(&tree, Default::default(), Default::default());
        time("svg2pdf", start);
    }
    #[cfg(not(feature = "compare-renderers"))]
    drop(tree);
    // The PDF export itself writes the scene directly, without the SVG, usvg or svg2pdf.
    let start = Instant::now();
    let _ = waymark::export::no_progress(|p| {
        waymark::export::pdf_bytes(map, waymark::export::PdfPage::Fit, p)
    });
    time("pdf_direct_with_layout", start);
    let start = Instant::now();
    let image = waymark::export::no_progress(|p| {
        waymark::export::render_rgba(
            map,
            waymark::export::PngSize::Scale(1.0),
            waymark::export::Background::White,
            u64::MAX,
            p,
        )
    })
    .expect("renders");
    time("draw_only_1x_one_thread", start);
    let start = Instant::now();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, image.width, image.height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::Filter::Up);
    let mut writer = encoder.write_header().expect("header");
    writer.write_image_data(&image.pixels).expect("encodes");
    drop(writer);
    time("png_encode_only_1x_rgba", start);
}
