//! `waymark import` and `waymark check`: file work without a window. The binary only parses the arguments
//! and prints what these functions return, so that everything here is tested as a library. What they return is
//! in the interface language; `main.rs` replaces the help texts below with translated ones.

use std::path::{Path, PathBuf};

use crate::i18n::k;
use crate::model::Map;
use crate::t;

use super::csv::import_csv_file;
use super::{load_file, to_ron_string, write_atomically};

/// Import a CSV file of cards (columns stage, lane, text, score, color) as a map file.
#[derive(clap::Args, Debug, Clone)]
pub struct ImportArgs {
    /// The CSV file to read (comma, semicolon or tab separated, UTF-8).
    #[arg(value_name = "CSV")]
    pub csv: PathBuf,
    /// The map file (.ron) to write; it is replaced if it exists.
    #[arg(short, long, value_name = "MAP")]
    pub output: PathBuf,
}

/// Load each map (or CSV) file and print a one-line summary or its errors; fails if any file is bad.
#[derive(clap::Args, Debug, Clone)]
pub struct CheckArgs {
    /// The files to check: maps (.ron) or CSV files (.csv).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Runs `waymark import`: reads the CSV and writes the map atomically, so that nothing is written when the CSV
/// is bad and a crash never leaves half a file. Returns what to tell the user.
pub fn run_import(args: &ImportArgs) -> Result<String, String> {
    if same_file(&args.csv, &args.output) {
        return Err(t!(k::CLI_IMPORT_SAME_FILE, path = args.output.display()));
    }
    let map = import_csv_file(&args.csv).map_err(|e| e.to_string())?;
    let text = to_ron_string(&map)?;
    write_atomically(&args.output, text.as_bytes())?;
    Ok(t!(
        k::CLI_IMPORTED,
        path = args.output.display(),
        summary = summary(&map)
    ))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// What `waymark check` says about one file: its summary line, or the error.
pub fn check_file(path: &Path) -> Result<String, String> {
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let map = if is_csv {
        import_csv_file(path).map_err(|e| e.to_string())?
    } else {
        load_file(path).map_err(|e| e.to_string())?
    };
    Ok(t!(
        k::CLI_CHECKED,
        path = path.display(),
        summary = summary(&map)
    ))
}

/// Runs `waymark check`: one result per file, in order. The command fails if any is an error.
pub fn run_check(args: &CheckArgs) -> Vec<Result<String, String>> {
    args.files.iter().map(|path| check_file(path)).collect()
}

/// "7 stages, 6 lanes, 42 cards (“Title”)", "7 этапов, 6 дорожек, 42 карточки («Название»)".
pub fn summary(map: &Map) -> String {
    t!(
        k::CLI_SUMMARY,
        stages = map.stages.len(),
        lanes = map.lanes.len(),
        cards = map.cards.len(),
        title = &map.title
    )
}

/// Print what the map says is missing (its gap-analysis findings), without opening a window.
#[derive(clap::Args, Debug, Clone)]
pub struct ReportArgs {
    /// The map file (.ron) to analyse.
    #[arg(value_name = "MAP")]
    pub map: PathBuf,
    /// text for a terminal, json for scripts, md (Markdown) for a wiki.
    #[arg(long, value_enum, default_value_t = crate::analysis::report::Format::Text)]
    pub format: crate::analysis::report::Format,
}

/// Runs `waymark report`: the report, or why the map could not be read. Findings are not an error.
pub fn run_report(args: &ReportArgs) -> Result<String, String> {
    let map = load_file(&args.map).map_err(|e| e.to_string())?;
    Ok(crate::analysis::report::report(&map, args.format))
}
