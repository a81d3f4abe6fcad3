//! The command line: opens the editor, with a map file or the sample map.

use std::path::PathBuf;

use clap::{Arg, ArgAction, CommandFactory as _, FromArgMatches as _, Parser, Subcommand};
use waymark::i18n::{Lang, k};
use waymark::t;

/// Waymark: a desktop editor for Customer Journey Maps.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A map file (.ron) to open; without one, the sample map opens.
    map: Option<PathBuf>,
    /// Opens a live-session room (ws://host:port/ROOM) instead of a file.
    #[arg(long, value_name = "ADDRESS", conflicts_with = "map")]
    join: Option<String>,
    /// A token for servers that require one (or WAYMARK_SYNC_TOKEN).
    #[arg(long, value_name = "TOKEN", requires = "join")]
    token: Option<String>,
}

/// Work done without opening a window.
#[derive(Subcommand)]
enum Command {
    Export(waymark::export::cli::ExportArgs),
    Import(waymark::io::cli::ImportArgs),
    Check(waymark::io::cli::CheckArgs),
    Report(waymark::io::cli::ReportArgs),
    Merge(waymark::merge::cli::MergeArgs),
    Diff(waymark::merge::cli::DiffArgs),
    Share(waymark::sync::cli::ShareArgs),
    Snapshot(waymark::sync::cli::SnapshotArgs),
}

fn main() -> std::process::ExitCode {
    // The command line speaks the language of WAYMARK_LANG or of the system; the window may use the one chosen
    // in View → Language instead (see `with_preferences`).
    waymark::i18n::set_language(Lang::choose(&waymark::i18n::process_env, None));
    let matches = match localized(Cli::command()).try_get_matches() {
        Ok(matches) => matches,
        Err(error) => return usage_error(error),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
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
    if let Some(Command::Merge(args)) = &cli.command {
        return run_merge(args);
    }
    if let Some(Command::Diff(args)) = &cli.command {
        return run_diff(args);
    }
    if let Some(Command::Share(args)) = &cli.command {
        return print_result(waymark::sync::cli::run_share(args));
    }
    if let Some(Command::Snapshot(args)) = &cli.command {
        return print_result(waymark::sync::cli::run_snapshot(args));
    }
    let mut app = waymark::ui::WaymarkApp::open_at_start(cli.map.as_deref());
    if let Some(address) = &cli.join {
        app.join_live(
            address,
            waymark::sync::cli::token(cli.token.as_deref()).as_deref(),
        );
    }
    let app = app
        .with_preferences(waymark::io::preferences::Preferences::default_location())
        .with_safekeeping(waymark::ui::safekeeping::Safekeeping::in_user_folders());
    let title = app.title();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(title)
        // The app id matches the desktop entry (waymark.desktop), so desktops group the window under it.
        .with_app_id("waymark")
        .with_inner_size([1440.0, 900.0])
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    if let Some(icon) = waymark::ui::icon::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        // Dithering only hides banding in gradients, which Waymark does not draw; without a GPU it costs about a
        // sixth of every frame.
        dithering: false,
        ..Default::default()
    };
    match eframe::run_native("Waymark", options, Box::new(|_cc| Ok(Box::new(app)))) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "waymark: {}",
                t!(k::CLI_WINDOW_FAILED, error = error.to_string())
            );
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

/// Exit status as git expects of a merge driver: 0 merged, 1 conflicts (the file holds the merge), 2 a file
/// that could not be read or written (one line saying which and why).
fn run_merge(args: &waymark::merge::cli::MergeArgs) -> std::process::ExitCode {
    match waymark::merge::cli::run_merge(args) {
        Ok(report) => {
            for line in &report.details {
                eprintln!("waymark: {line}");
            }
            if report.clean {
                println!("{}", report.summary);
                std::process::ExitCode::SUCCESS
            } else {
                eprintln!("waymark: {}", report.summary);
                std::process::ExitCode::from(1)
            }
        }
        Err(error) => {
            eprintln!("waymark: {error}");
            std::process::ExitCode::from(2)
        }
    }
}

fn run_diff(args: &waymark::merge::cli::DiffArgs) -> std::process::ExitCode {
    match waymark::merge::cli::run_diff(args) {
        Ok(summary) => {
            print!("{summary}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("waymark: {error}");
            std::process::ExitCode::from(2)
        }
    }
}

/// Prints what a command says (or its one-line error) and exits accordingly.
fn print_result(result: Result<String, String>) -> std::process::ExitCode {
    match result {
        Ok(text) => {
            println!("{text}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("waymark: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// A command line clap could not read: help and version are printed as they are, mistakes in the interface
/// language (clap's own messages are English) with a pointer to `--help`, and exit status 2 as clap would.
fn usage_error(error: clap::Error) -> std::process::ExitCode {
    use clap::error::{ContextKind, ErrorKind};
    let value = |kind: ContextKind| error.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let message = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => error.exit(),
        ErrorKind::UnknownArgument => {
            t!(
                k::CLI_ERR_UNKNOWN_ARGUMENT,
                arg = value(ContextKind::InvalidArg)
            )
        }
        ErrorKind::InvalidSubcommand => t!(
            k::CLI_ERR_UNKNOWN_COMMAND,
            command = value(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => {
            t!(k::CLI_ERR_MISSING, args = value(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidValue if error.get(ContextKind::ValidValue).is_some() => t!(
            k::CLI_ERR_INVALID_VALUE,
            value = value(ContextKind::InvalidValue),
            arg = value(ContextKind::InvalidArg),
            valid = value(ContextKind::ValidValue)
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => t!(
            k::CLI_ERR_BAD_VALUE,
            value = value(ContextKind::InvalidValue),
            arg = value(ContextKind::InvalidArg)
        ),
        ErrorKind::ArgumentConflict => t!(
            k::CLI_ERR_CONFLICT,
            arg = value(ContextKind::InvalidArg),
            other = value(ContextKind::PriorArg)
        ),
        _ => t!(k::CLI_ERR_OTHER),
    };
    eprintln!("waymark: {message}\n{}", t!(k::CLI_ERR_HINT));
    std::process::ExitCode::from(2)
}

/// The help texts in the interface language. clap writes its help from the doc comments above, in English;
/// here every text a person reads in `--help` is replaced by its translation.
fn localized(command: clap::Command) -> clap::Command {
    let texts = |command: clap::Command, about: Option<String>, long_about: Option<String>| {
        let template = format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t!(k::CLI_USAGE)
        );
        let (arguments, options) = (t!(k::CLI_ARGUMENTS), t!(k::CLI_OPTIONS));
        let command = command
            .help_template(template)
            .disable_help_flag(true)
            .arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .help(t!(k::CLI_HELP)),
            )
            .mut_args(move |arg| {
                let heading = if arg.is_positional() {
                    arguments.clone()
                } else {
                    options.clone()
                };
                arg.help_heading(heading)
            });
        let command = match about {
            Some(about) => command.about(about),
            None => command,
        };
        match long_about {
            Some(long) => command.long_about(long),
            None => command,
        }
    };
    let help = |key: waymark::i18n::Key| move |arg: Arg| arg.help(waymark::i18n::tr(key, &[]));
    let export = |command: clap::Command| {
        texts(
            command,
            Some(t!(k::CLI_EXPORT_ABOUT)),
            Some(t!(k::CLI_EXPORT_LONG_ABOUT)),
        )
        .mut_arg("maps", help(k::CLI_EXPORT_MAPS))
        .mut_arg("output", help(k::CLI_EXPORT_OUTPUT))
        .mut_arg("format", help(k::CLI_EXPORT_FORMAT))
        .mut_arg("scale", help(k::CLI_EXPORT_SCALE))
        .mut_arg("width", help(k::CLI_EXPORT_WIDTH))
        .mut_arg("transparent", help(k::CLI_EXPORT_TRANSPARENT))
        // clap's "[possible values: …]" line is English; the help texts name the values themselves.
        .mut_arg("page", |arg| {
            help(k::CLI_EXPORT_PAGE)(arg).hide_possible_values(true)
        })
        .mut_arg("embed_fonts", help(k::CLI_EXPORT_EMBED_FONTS))
        .mut_arg("poster", |arg| {
            help(k::CLI_EXPORT_POSTER)(arg).hide_possible_values(true)
        })
        .mut_arg("pages_across", help(k::CLI_EXPORT_PAGES_ACROSS))
        .mut_arg("persona", help(k::CLI_EXPORT_PERSONA))
        .mut_arg("show_votes", help(k::CLI_EXPORT_SHOW_VOTES))
    };
    let import = |command: clap::Command| {
        texts(command, Some(t!(k::CLI_IMPORT_ABOUT)), None)
            .mut_arg("csv", help(k::CLI_IMPORT_CSV))
            .mut_arg("output", help(k::CLI_IMPORT_OUTPUT))
    };
    let check = |command: clap::Command| {
        texts(command, Some(t!(k::CLI_CHECK_ABOUT)), None)
            .mut_arg("files", help(k::CLI_CHECK_FILES))
    };
    let report = |command: clap::Command| {
        texts(command, Some(t!(k::CLI_REPORT_ABOUT)), None)
            .mut_arg("map", help(k::CLI_REPORT_MAP))
            .mut_arg("format", |arg| {
                help(k::CLI_REPORT_FORMAT)(arg)
                    .hide_possible_values(true)
                    .hide_default_value(true)
            })
    };
    let merge = |command: clap::Command| {
        texts(command, Some(t!(k::CLI_MERGE_ABOUT)), None)
            // Positional arguments under a heading are listed by name unless given an order.
            .mut_arg("base", |arg| help(k::CLI_MERGE_BASE)(arg).display_order(0))
            .mut_arg("ours", |arg| help(k::CLI_MERGE_OURS)(arg).display_order(1))
            .mut_arg("theirs", |arg| {
                help(k::CLI_MERGE_THEIRS)(arg).display_order(2)
            })
            .mut_arg("output", help(k::CLI_MERGE_OUTPUT))
    };
    let diff = |command: clap::Command| {
        texts(command, Some(t!(k::CLI_DIFF_ABOUT)), None)
            .mut_arg("old", |arg| help(k::CLI_DIFF_OLD)(arg).display_order(0))
            .mut_arg("new", |arg| help(k::CLI_DIFF_NEW)(arg).display_order(1))
    };
    let share = |command: clap::Command| {
        texts(command, Some(t!(k::CLI_SHARE_ABOUT)), None)
            .mut_arg("map", help(k::CLI_SHARE_MAP))
            .mut_arg("server", help(k::CLI_SHARE_SERVER))
            .mut_arg("room", help(k::CLI_SHARE_ROOM))
            .mut_arg("token", help(k::CLI_TOKEN))
    };
    let snapshot = |command: clap::Command| {
        texts(command, Some(t!(k::CLI_SNAPSHOT_ABOUT)), None)
            .mut_arg("server", help(k::CLI_SHARE_SERVER))
            .mut_arg("room", help(k::CLI_SNAPSHOT_ROOM))
            .mut_arg("output", help(k::CLI_SNAPSHOT_OUTPUT))
            .mut_arg("token", help(k::CLI_TOKEN))
    };
    let command = command
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!(k::CLI_VERSION)),
        )
        .subcommand_help_heading(t!(k::CLI_COMMANDS))
        .mut_arg("map", help(k::CLI_MAP))
        .mut_arg("join", help(k::CLI_JOIN))
        .mut_arg("token", help(k::CLI_TOKEN))
        .mut_subcommand("export", export)
        .mut_subcommand("import", import)
        .mut_subcommand("check", check)
        .mut_subcommand("report", report)
        .mut_subcommand("merge", merge)
        .mut_subcommand("diff", diff)
        .mut_subcommand("share", share)
        .mut_subcommand("snapshot", snapshot);
    texts(command, Some(t!(k::CLI_ABOUT)), None)
}
