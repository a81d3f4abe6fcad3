//! The command line: opens the editor, with a map file or the sample map.

use std::path::PathBuf;

use clap::Parser;

/// Waymark: a desktop editor for Customer Journey Maps.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// A map file (.ron) to open; without one, the sample map opens.
    map: Option<PathBuf>,
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let app = waymark::ui::WaymarkApp::open_at_start(cli.map.as_deref());
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Waymark")
            .with_app_id("waymark")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    match eframe::run_native("Waymark", options, Box::new(|_cc| Ok(Box::new(app)))) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("waymark: the window could not be opened: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
