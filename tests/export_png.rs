//! PNG export: sizes, content, the committed reference picture, transparency, the photo, progress,
//! cancellation and pictures too large to write.
//!
//! The reference picture is `tests/reference/sample-1x.png`. When the map's look changes on purpose, regenerate
//! it with `WAYMARK_UPDATE_REFERENCE=1 cargo test --test export_png`, look at it, and commit it.

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

use image::{Rgba, RgbaImage};
use waymark::export::{
    self, Background, ExportError, ExportOptions, Format, PngSize, Progress, export_to_file,
    no_progress,
};
use waymark::model::Photo;
use waymark::model::sample::stroller_map;

const REFERENCE: &str = "tests/reference/sample-1x.png";

fn png(map: &waymark::model::Map, size: PngSize, background: Background) -> RgbaImage {
    let bytes =
        no_progress(|p| export::png_bytes(map, size, background, p)).expect("the PNG renders");
    image::load_from_memory(&bytes)
        .expect("the PNG decodes")
        .to_rgba8()
}

fn expected_size(scale: f32) -> (u32, u32) {
    let size = export::layout(&stroller_map()).size;
    (
        (size.x * scale).ceil() as u32,
        (size.y * scale).ceil() as u32,
    )
}

/// Not blank: many pixels differ from the background, in many colours.
fn assert_not_blank(image: &RgbaImage) {
    let background = *image.get_pixel(0, 0);
    let differing = image.pixels().filter(|p| **p != background).count();
    let share = differing as f64 / (image.width() * image.height()) as f64;
    assert!(share > 0.3, "only {share:.3} of the picture is drawn");
    let mut colours: Vec<[u8; 4]> = image.pixels().map(|p| p.0).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 500, "only {} colours", colours.len());
}

#[test]
fn sample_at_1x_and_2x_has_the_expected_size_and_is_drawn() {
    for scale in [1.0, 2.0] {
        let image = png(&stroller_map(), PngSize::Scale(scale), Background::White);
        assert_eq!(image.dimensions(), expected_size(scale), "scale {scale}");
        assert_not_blank(&image);
        // The whole map is there: the bottom-right grid corner lies inside the picture, with a margin.
        let layout = export::layout(&stroller_map());
        assert!((layout.grid_right * scale) < image.width() as f32);
        assert!((layout.grid_bottom * scale) < image.height() as f32);
    }
}

#[test]
fn a_width_in_pixels_sets_the_scale() {
    let image = png(&stroller_map(), PngSize::Width(1000), Background::White);
    let (w, h) = expected_size(1.0);
    assert_eq!(image.width(), 1000);
    let expected_height = (h as f32 * 1000.0 / w as f32).round() as i64;
    assert!((image.height() as i64 - expected_height).abs() <= 1);
}

#[test]
fn sample_matches_the_reference_picture() {
    let image = png(&stroller_map(), PngSize::Scale(1.0), Background::White);
    if std::env::var_os("WAYMARK_UPDATE_REFERENCE").is_some() {
        std::fs::create_dir_all("tests/reference").unwrap();
        image.save(REFERENCE).unwrap();
        // Not a pass: nothing was compared.
        panic!(
            "wrote {REFERENCE}: look at it, commit it, and run the test again without WAYMARK_UPDATE_REFERENCE"
        );
    }
    let reference = match image::open(REFERENCE) {
        Ok(r) => r.to_rgba8(),
        Err(e) => panic!(
            "{REFERENCE} could not be read ({e}); create it with WAYMARK_UPDATE_REFERENCE=1 cargo test --test export_png"
        ),
    };
    assert_eq!(image.dimensions(), reference.dimensions(), "picture size");
    let mut total = 0u64;
    let mut far = 0u64;
    for (a, b) in image.pixels().zip(reference.pixels()) {
        let diff =
            a.0.iter()
                .zip(b.0)
                .map(|(x, y)| x.abs_diff(y) as u64)
                .max()
                .unwrap_or(0);
        total += diff;
        if diff > 48 {
            far += 1;
        }
    }
    let pixels = (image.width() * image.height()) as f64;
    let mean = total as f64 / pixels;
    let far_share = far as f64 / pixels;
    assert!(
        mean < 0.5 && far_share < 0.002,
        "the picture differs from {REFERENCE}: mean difference {mean:.3}, {:.3}% of pixels far off. If the change is intended, regenerate it with WAYMARK_UPDATE_REFERENCE=1",
        far_share * 100.0
    );
}

#[test]
fn a_transparent_background_leaves_the_margin_clear() {
    let image = png(
        &stroller_map(),
        PngSize::Scale(1.0),
        Background::Transparent,
    );
    assert_eq!(image.get_pixel(2, 2)[3], 0, "the margin is transparent");
    let layout = export::layout(&stroller_map());
    let inside_grid = image.get_pixel(
        (layout.grid_right - 20.0) as u32,
        (layout.grid_bottom - 5.0) as u32,
    );
    assert_eq!(inside_grid[3], 255, "the grid is opaque");
    let white = png(&stroller_map(), PngSize::Scale(1.0), Background::White);
    assert_eq!(*white.get_pixel(2, 2), Rgba([255, 255, 255, 255]));
}

#[test]
fn the_persona_photo_is_drawn_where_the_layout_puts_it() {
    let mut red = RgbaImage::new(64, 64);
    for p in red.pixels_mut() {
        *p = Rgba([220, 20, 30, 255]);
    }
    let mut bytes = Vec::new();
    red.write_to(
        &mut std::io::Cursor::new(&mut bytes),
        image::ImageFormat::Png,
    )
    .unwrap();
    let mut map = stroller_map();
    map.persona.photo = Some(Photo::from_image_bytes(&bytes).unwrap());
    let layout = export::layout(&map);
    let rect = layout.persona.photo.expect("the layout places the photo");
    let image = png(&map, PngSize::Scale(2.0), Background::White);
    let centre = image.get_pixel(
        (rect.center().x * 2.0) as u32,
        (rect.center().y * 2.0) as u32,
    );
    assert!(
        centre[0] > 200 && centre[1] < 60 && centre[2] < 60,
        "the photo's red shows: {centre:?}"
    );
}

#[test]
fn progress_rises_to_the_end_and_cancelling_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.png");
    let map = stroller_map();
    let options = ExportOptions::new(Format::Png);

    let seen = Mutex::new(Vec::new());
    let report = |f: f32| seen.lock().unwrap().push(f);
    let cancel = AtomicBool::new(false);
    export_to_file(&map, &path, &options, &Progress::new(&cancel, &report)).unwrap();
    let seen = seen.into_inner().unwrap();
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(seen.last(), Some(&1.0));
    assert!(path.exists());

    // Cancel once drawing has started.
    std::fs::remove_file(&path).unwrap();
    let cancel = AtomicBool::new(false);
    let report = |f: f32| {
        if f > 0.0 {
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    };
    let result = export_to_file(&map, &path, &options, &Progress::new(&cancel, &report));
    assert_eq!(result, Err(ExportError::Cancelled));
    assert!(no_files_but(dir.path(), &[]));
}

fn no_files_but(dir: &Path, allowed: &[&str]) -> bool {
    std::fs::read_dir(dir)
        .unwrap()
        .all(|e| allowed.contains(&e.unwrap().file_name().to_string_lossy().as_ref()))
}

#[test]
fn a_picture_too_large_is_refused_with_the_largest_scale_that_fits() {
    let size = export::layout(&stroller_map()).size;
    let result = export::png_pixel_size(size, PngSize::Scale(60.0), export::MAX_PNG_PIXELS);
    match result {
        Err(ExportError::TooLarge {
            largest_scale: Some(scale),
            ..
        }) => {
            let (w, h, _) =
                export::png_pixel_size(size, PngSize::Scale(scale), export::MAX_PNG_PIXELS)
                    .expect("the suggested scale fits");
            assert!(w as u64 * h as u64 <= export::MAX_PNG_PIXELS);
            let message = result.unwrap_err().to_string();
            assert!(message.contains(&format!("{scale}×")), "{message}");
        }
        other => panic!("expected TooLarge with a scale, got {other:?}"),
    }
    for bad in [0.0, -1.0, f32::NAN] {
        assert!(matches!(
            export::png_pixel_size(size, PngSize::Scale(bad), export::MAX_PNG_PIXELS),
            Err(ExportError::BadSize(_))
        ));
    }
}

#[test]
fn the_clipboard_bitmap_matches_the_png() {
    let map = stroller_map();
    let rgba = no_progress(|p| {
        export::render_rgba(&map, PngSize::Scale(1.0), Background::White, 50_000_000, p)
    })
    .unwrap();
    let image = png(&map, PngSize::Scale(1.0), Background::White);
    assert_eq!((rgba.width, rgba.height), image.dimensions());
    assert_eq!(rgba.pixels, image.into_raw(), "the same pixels as the PNG");
    // The clipboard refuses what would not fit in memory, naming a scale that fits.
    let refused = no_progress(|p| {
        export::render_rgba(&map, PngSize::Scale(8.0), Background::White, 50_000_000, p)
    });
    assert!(matches!(
        refused,
        Err(ExportError::TooLarge {
            largest_scale: Some(_),
            ..
        })
    ));
}
