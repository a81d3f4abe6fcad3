//! Full editor frames, headless: egui layout and tessellation of the whole window (no GPU), for big maps,
//! zoomed to fit and at 100%. Also opening and saving a 10,000-card map, and its gap analysis (which the
//! findings panel runs after every change). Prints one line per case.
//!
//! Run with `cargo bench --bench frame`; `-- findings` runs only the gap analysis, `-- links` frames of a
//! 2,000-card map with 1,000 links and the findings of a 10,000-card map with 10,000 links.

use std::time::Instant;

use egui::{Pos2, RawInput, Rect, Vec2};
use waymark::io::{load_file, save_file};
use waymark::model::sample::generated_map;
use waymark::ui::WaymarkApp;
use waymark::ui::canvas::view::View;

mod support;
use support::percentile;

const SCREEN: Vec2 = Vec2::new(1600.0, 1000.0);
const WARM_UP: usize = 10;
const FRAMES: usize = 120;

fn input(frame: usize) -> RawInput {
    // The pointer wanders over the canvas, as it does while someone works.
    let x = 300.0 + (frame % 50) as f32 * 10.0;
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
        time: Some(frame as f64 / 60.0),
        events: vec![egui::Event::PointerMoved(Pos2::new(x, 500.0))],
        ..Default::default()
    }
}

/// CPU time this thread has run, in ms: unlike wall time, it does not grow when other programs share the cores.
#[cfg(unix)]
fn thread_cpu_ms() -> Option<f64> {
    let mut time = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `time` is a valid timespec for the call to write into.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut time) };
    (status == 0).then(|| time.tv_sec as f64 * 1000.0 + time.tv_nsec as f64 / 1e6)
}

#[cfg(not(unix))]
fn thread_cpu_ms() -> Option<f64> {
    None
}

/// How many times over the window's pixels are painted: the triangles' area (inside their clip rectangles) over
/// the window's area. Without a GPU (Mesa's llvmpipe) the pixel work is most of a frame, so this is its measure.
fn painted_layers(primitives: &[egui::ClippedPrimitive]) -> f32 {
    let mut area = 0.0;
    for primitive in primitives {
        let egui::epaint::Primitive::Mesh(mesh) = &primitive.primitive else {
            continue;
        };
        for triangle in mesh.indices.chunks_exact(3) {
            let [a, b, c] = [0, 1, 2].map(|i| mesh.vertices[triangle[i] as usize].pos);
            let whole = ((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs() / 2.0;
            // Clipping, approximated by the share of the triangle's bounding box inside the clip rectangle.
            let bounds = Rect::from_points(&[a, b, c]);
            let inside = bounds.intersect(primitive.clip_rect);
            if bounds.area() > 0.0 && inside.is_positive() {
                area += whole * inside.area() / bounds.area();
            }
        }
    }
    area / (SCREEN.x * SCREEN.y)
}

/// The generated map with `count` links: chains through neighbouring cards with every kind (each card links
/// on to a card a few places after it in the card list, which is in another cell or stage).
fn with_links(cards: usize, count: usize) -> waymark::model::Map {
    use waymark::model::{Link, LinkId, LinkKind};
    let mut map = generated_map(cards);
    let ids: Vec<_> = map.cards.iter().map(|c| c.id).collect();
    for i in 0..count.min(ids.len().saturating_sub(7)) {
        let kind = LinkKind::ALL[i % 4];
        let to = (kind != LinkKind::Exit || i % 8 == 3).then(|| ids[i + 1 + i % 7]);
        let id = LinkId(map.allocate_id());
        map.links.push(Link {
            id,
            from: ids[i],
            to,
            kind,
        });
    }
    map
}

fn frames(cards: usize, view: &str) {
    frames_of(generated_map(cards), view, "");
}

fn frames_of(map: waymark::model::Map, view: &str, label: &str) {
    let cards = map.cards.len();
    let ctx = egui::Context::default();
    let mut app = WaymarkApp::new(map, None);
    let mut frame = 0;
    let mut run = |app: &mut WaymarkApp| {
        let output = ctx.run_ui(input(frame), |ui| app.ui(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        frame += 1;
        primitives.len()
    };
    run(&mut app);
    match view.strip_suffix('%').and_then(|z| z.parse::<f32>().ok()) {
        // The grid's top-left corner near the canvas corner, as when working through a map.
        Some(percent) => app.canvas.set_view(View {
            pan: Vec2::new(0.0, -150.0 * percent / 100.0),
            zoom: percent / 100.0,
        }),
        None => app.canvas.zoom_fit(),
    }
    for _ in 0..WARM_UP {
        run(&mut app);
    }
    let (vertices, layers) = {
        let output = ctx.run_ui(input(0), |ui| app.ui(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let vertices = primitives
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum::<usize>();
        (vertices, painted_layers(&primitives))
    };
    let mut times = Vec::with_capacity(FRAMES);
    let cpu_start = thread_cpu_ms();
    for _ in 0..FRAMES {
        let start = Instant::now();
        std::hint::black_box(run(&mut app));
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let cpu = match (cpu_start, thread_cpu_ms()) {
        (Some(start), Some(end)) => {
            format!(" frame_cpu_ms_mean={:.2}", (end - start) / FRAMES as f64)
        }
        _ => String::new(),
    };
    times.sort_by(f64::total_cmp);
    println!(
        "cards={cards}{label} view={view} zoom={:.2} vertices={vertices} painted_layers={layers:.2} frame_ms_median={:.2} frame_ms_p95={:.2}{cpu}",
        app.canvas.view.zoom,
        percentile(&times, 0.5),
        percentile(&times, 0.95)
    );
}

fn open_and_save(cards: usize) {
    let dir = std::env::temp_dir().join(format!("waymark-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("big.ron");
    let map = generated_map(cards);
    let mut save_ms = Vec::new();
    let mut open_ms = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        if let Err(e) = save_file(&map, &path) {
            println!("cards={cards} save_error={e:?}");
            return;
        }
        save_ms.push(start.elapsed().as_secs_f64() * 1000.0);
        let start = Instant::now();
        match load_file(&path) {
            Ok(loaded) => std::hint::black_box(loaded),
            Err(e) => {
                println!("cards={cards} open_error={e:?}");
                return;
            }
        };
        open_ms.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    save_ms.sort_by(f64::total_cmp);
    open_ms.sort_by(f64::total_cmp);
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "cards={cards} file_kb={} open_ms_median={:.1} save_ms_median={:.1}",
        bytes / 1024,
        percentile(&open_ms, 0.5),
        percentile(&save_ms, 0.5)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn findings(cards: usize) {
    findings_of(generated_map(cards), "");
}

fn findings_of(map: waymark::model::Map, label: &str) {
    let cards = map.cards.len();
    let mut ms = Vec::new();
    let mut count = 0;
    for _ in 0..20 {
        let start = Instant::now();
        count = std::hint::black_box(waymark::analysis::all_findings(&map)).len();
        ms.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    println!(
        "cards={cards}{label} findings={count} findings_ms={:.2} findings_ms_max={:.2}",
        percentile(&ms, 0.5),
        percentile(&ms, 1.0)
    );
}

fn main() {
    if std::env::args().any(|a| a == "links") {
        // `cargo bench --bench frame -- links`: frames and findings of maps with journey paths.
        for view in ["fit", "100%", "50%"] {
            frames_of(generated_map(2_000), view, " links=0");
            frames_of(with_links(2_000, 1_000), view, " links=1000");
        }
        findings_of(with_links(10_000, 10_000), " links=10000");
        return;
    }
    if std::env::args().any(|a| a == "findings") {
        // `cargo bench --bench frame -- findings`: only the gap analysis.
        findings(10_000);
        return;
    }
    for cards in [2_000, 10_000] {
        // 50% is the densest view where card text is still drawn as text: the worst case.
        for view in ["fit", "100%", "50%"] {
            frames(cards, view);
        }
    }
    open_and_save(10_000);
    findings(10_000);
}
