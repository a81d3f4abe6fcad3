//! The command line: opens the editor, with a map file or the sample map.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Waymark: a desktop editor for Customer Journey Maps.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A map file (.ron) to open; without one, the sample map opens.
    map: Option<PathBuf>,
}

/// Work done without opening a window.
#[derive(Subcommand)]
enum Command {
    Export(waymark::export::cli::ExportArgs),
    Import(waymark::io::cli::ImportArgs),
    Check(waymark::io::cli::CheckArgs),
    Report(waymark::io::cli::ReportArgs),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Export(args)) = &cli.command {
        return run_export(args);
    }
    if let Some(Command::Import(args)) = &cli.command {
        return run_import(args);
    }
    if let Some(Command::Check(args)) = &cli.command {
        return run_check(args);
    }
    if let Some(Command::Report(args)) = &cli.command {
        return run_report(args);
    }
    let app = waymark::ui::WaymarkApp::open_at_start(cli.map.as_deref())
        .with_safekeeping(waymark::ui::safekeeping::Safekeeping::in_user_folders());
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Waymark")
            .with_app_id("waymark")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        persist_window: true,
        // Dithering only hides banding in gradients, which Waymark does not draw; without a GPU it costs about a
        // sixth of every frame.
        dithering: false,
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

fn run_export(args: &waymark::export::cli::ExportArgs) -> std::process::ExitCode {
    match waymark::export::cli::run(args) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(errors) => {
            for error in errors {
                eprintln!("waymark: {error}");
            }
            std::process::ExitCode::FAILURE
        }
    }
}

fn run_import(args: &waymark::io::cli::ImportArgs) -> std::process::ExitCode {
    match waymark::io::cli::run_import(args) {
        Ok(done) => {
            println!("{done}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("waymark: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run_check(args: &waymark::io::cli::CheckArgs) -> std::process::ExitCode {
    let mut all_good = true;
    for result in waymark::io::cli::run_check(args) {
        match result {
            Ok(summary) => println!("{summary}"),
            Err(error) => {
                all_good = false;
                eprintln!("{error}");
            }
        }
    }
    if all_good {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}

fn run_report(args: &waymark::io::cli::ReportArgs) -> std::process::ExitCode {
    match waymark::io::cli::run_report(args) {
        Ok(report) => {
            print!("{report}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("waymark: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
