//! `waymark export`: maps to PNG, SVG or PDF files without a window.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::i18n::k;
use crate::model::Map;
use crate::t;

use super::{
    Background, ExportOptions, Format, Paper, PdfPage, PngSize, Poster, export_to_file, no_progress,
};

/// Export maps to PNG, SVG or PDF, without opening a window.
///
/// One map: the format follows the output's extension (`-o map.png`, `map.svg`, `map.pdf`). Several maps, or
/// an output that is a folder (ends with `/` or exists as a folder): each map is written into that folder under
/// its own name, in the format `--format` names.
#[derive(clap::Args, Debug, Clone)]
pub struct ExportArgs {
    /// The map files (.ron) to export.
    #[arg(required = true, value_name = "MAP")]
    pub maps: Vec<PathBuf>,
    /// The file to write, or the folder to write into.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// png, svg or pdf: needed when writing into a folder; otherwise it must agree with the extension.
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// PNG: pixels per map unit (1 = the canvas at 100%; 2 or 4 for print and slides).
    #[arg(long, value_name = "N", conflicts_with = "width")]
    pub scale: Option<f32>,
    /// PNG: the width in pixels (the height follows).
    #[arg(long, value_name = "PX")]
    pub width: Option<u32>,
    /// PNG and SVG: leave the background transparent instead of white.
    #[arg(long)]
    pub transparent: bool,
    /// PDF: one page sized to the map (fit), or the map fitted on A4 or A3 landscape.
    #[arg(long, value_enum, value_name = "PAGE", conflicts_with = "poster")]
    pub page: Option<PageArg>,
    /// PDF: a poster on A4 or A3 sheets, to cut and glue: the map enlarged across --pages-across sheets and
    /// as many rows as it needs, 10 mm overlap, crop marks and each sheet's row and column in its margin.
    #[arg(long, value_enum, value_name = "PAPER")]
    pub poster: Option<PaperArg>,
    /// PDF poster: how many sheets wide (1 to 20; default 2). The rows follow from the map's shape.
    #[arg(long, value_name = "N", requires = "poster")]
    pub pages_across: Option<u32>,
    /// SVG: put the bundled fonts into the file, so browsers show the same fonts on every machine.
    #[arg(long)]
    pub embed_fonts: bool,
    /// PNG, SVG, PDF: draw one persona (its name, or its number from 1) as the canvas's persona filter does:
    /// only its emotion curve, the cards not tagged with it dimmed. Every persona by default.
    #[arg(long, value_name = "PERSONA")]
    pub persona: Option<String>,
    /// PNG, SVG and PDF: draw the dots of the map's vote on the cards.
    #[arg(long)]
    pub show_votes: bool,
}

/// The persona a `--persona` value names in a map: its name (letter case aside) or its number from 1.
pub fn persona_named(map: &Map, wanted: &str) -> Option<crate::model::PersonaId> {
    let wanted = wanted.trim();
    if let Ok(number) = wanted.parse::<usize>() {
        return number
            .checked_sub(1)
            .and_then(|at| map.personas().nth(at))
            .map(|p| p.id);
    }
    map.personas()
        .find(|p| p.name.trim().to_lowercase() == wanted.to_lowercase())
        .map(|p| p.id)
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaperArg {
    A4,
    A3,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageArg {
    Fit,
    A4,
    A3,
}

/// Something `waymark export` writes: one of the picture formats, or CSV through [`crate::io`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OutputFormat {
    Picture(Format),
    Csv,
}

impl OutputFormat {
    fn from_name(name: &str) -> Option<OutputFormat> {
        if name.eq_ignore_ascii_case("csv") {
            return Some(OutputFormat::Csv);
        }
        Format::from_name(name).map(OutputFormat::Picture)
    }

    fn extension(self) -> &'static str {
        match self {
            OutputFormat::Picture(f) => f.extension(),
            OutputFormat::Csv => "csv",
        }
    }
}

/// Runs `waymark export`. Returns one plain sentence per failure; nothing is written unless every map loads.
pub fn run(args: &ExportArgs) -> Result<(), Vec<String>> {
    let folder_mode = args.maps.len() > 1
        || args.output.is_dir()
        || args
            .output
            .as_os_str()
            .to_string_lossy()
            .ends_with(std::path::is_separator);
    let format = if folder_mode {
        let Some(name) = &args.format else {
            return Err(vec![t!(k::CLI_NEED_FORMAT, folder = args.output.display())]);
        };
        OutputFormat::from_name(name).ok_or_else(|| vec![t!(k::CLI_UNKNOWN_FORMAT, name = name)])?
    } else {
        let from_extension = args
            .output
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| (e, OutputFormat::from_name(e)));
        match (&args.format, from_extension) {
            (Some(name), extension) => {
                let format = OutputFormat::from_name(name)
                    .ok_or_else(|| vec![t!(k::CLI_UNKNOWN_FORMAT, name = name)])?;
                if let Some((ext, Some(other))) = extension
                    && other != format
                {
                    return Err(vec![t!(
                        k::CLI_FORMAT_MISMATCH,
                        name = name,
                        extension = ext
                    )]);
                }
                format
            }
            (None, Some((_, Some(format)))) => format,
            (None, Some((ext, None))) => {
                return Err(vec![t!(k::CLI_CANNOT_EXPORT, extension = ext)]);
            }
            (None, None) => {
                return Err(vec![t!(k::CLI_NO_EXTENSION, path = args.output.display())]);
            }
        }
    };
    let options = export_options(args, format).map_err(|e| vec![e])?;

    // Load every map first, so that a missing or broken one stops the run before anything is written.
    let mut maps: Vec<(PathBuf, Map)> = Vec::new();
    let mut errors = Vec::new();
    for path in &args.maps {
        match crate::io::load_file(path) {
            Ok(map) => maps.push((path.clone(), map)),
            Err(e) => errors.push(one_line(&e.to_string())),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let targets: Vec<PathBuf> = if folder_mode {
        let mut seen = HashSet::new();
        let mut targets = Vec::new();
        for (path, _) in &maps {
            let stem = path.file_stem().unwrap_or(path.as_os_str());
            let target = args
                .output
                .join(Path::new(stem).with_extension(format.extension()));
            if !seen.insert(target.clone()) {
                return Err(vec![t!(k::CLI_TWO_MAPS_ONE_FILE, path = target.display())]);
            }
            targets.push(target);
        }
        if !args.output.is_dir() {
            std::fs::create_dir_all(&args.output).map_err(|e| {
                vec![t!(
                    k::CLI_FOLDER_FAILED,
                    folder = args.output.display(),
                    error = super::io_message(&e)
                )]
            })?;
        }
        targets
    } else {
        vec![args.output.clone()]
    };

    if let Some(wanted) = &args.persona {
        if format == OutputFormat::Csv {
            return Err(vec![t!(
                k::CLI_ONLY_FOR,
                flag = "--persona",
                formats = "PNG, SVG, PDF"
            )]);
        }
        let missing: Vec<String> = maps
            .iter()
            .filter(|(_, map)| persona_named(map, wanted).is_none())
            .map(|(path, _)| {
                t!(
                    k::CLI_NO_SUCH_PERSONA,
                    path = path.display(),
                    persona = wanted.as_str()
                )
            })
            .collect();
        if !missing.is_empty() {
            return Err(missing);
        }
    }
    for ((_, map), target) in maps.iter().zip(&targets) {
        let result = match format {
            OutputFormat::Picture(_) => {
                let options = ExportOptions {
                    persona: args.persona.as_deref().and_then(|p| persona_named(map, p)),
                    ..options
                };
                no_progress(|progress| export_to_file(map, target, &options, progress))
                    .map_err(|e| one_line(&e.to_string()))
            }
            OutputFormat::Csv => {
                super::write_file_atomically(target, crate::io::csv::export_csv(map).as_bytes())
                    .map_err(|e| one_line(&e.to_string()))
            }
        };
        if let Err(e) = result {
            errors.push(e);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn export_options(args: &ExportArgs, format: OutputFormat) -> Result<ExportOptions, String> {
    let picture = match format {
        OutputFormat::Picture(f) => Some(f),
        OutputFormat::Csv => None,
    };
    let only = |flag: &str, formats: &str| t!(k::CLI_ONLY_FOR, flag = flag, formats = formats);
    if (args.scale.is_some() || args.width.is_some()) && picture != Some(Format::Png) {
        return Err(only(
            if args.scale.is_some() {
                "--scale"
            } else {
                "--width"
            },
            "PNG",
        ));
    }
    if args.transparent && !matches!(picture, Some(Format::Png | Format::Svg)) {
        return Err(only("--transparent", &t!(k::CLI_FORMATS_PNG_SVG)));
    }
    if args.page.is_some() && picture != Some(Format::Pdf) {
        return Err(only("--page", "PDF"));
    }
    if args.poster.is_some() && picture != Some(Format::Pdf) {
        return Err(only("--poster", "PDF"));
    }
    let across = args.pages_across.unwrap_or(2);
    if !(1..=Poster::MAX_ACROSS).contains(&across) {
        return Err(t!(
            k::CLI_PAGES_ACROSS,
            max = Poster::MAX_ACROSS,
            across = across
        ));
    }
    if args.embed_fonts && picture != Some(Format::Svg) {
        return Err(only("--embed-fonts", "SVG"));
    }
    if args.show_votes && picture.is_none() {
        return Err(only("--show-votes", "PNG, SVG, PDF"));
    }
    let mut options = ExportOptions::new(picture.unwrap_or(Format::Png));
    options.show_votes = args.show_votes;
    options.png_size = match (args.scale, args.width) {
        (_, Some(width)) => PngSize::Width(width),
        (Some(scale), None) => PngSize::Scale(scale),
        (None, None) => PngSize::Scale(1.0),
    };
    options.background = if args.transparent {
        Background::Transparent
    } else {
        Background::White
    };
    options.pdf_page = match (args.poster, args.page) {
        (Some(paper), _) => PdfPage::Poster(Poster {
            paper: match paper {
                PaperArg::A4 => Paper::A4,
                PaperArg::A3 => Paper::A3,
            },
            across,
        }),
        (None, None | Some(PageArg::Fit)) => PdfPage::Fit,
        (None, Some(PageArg::A4)) => PdfPage::A4Landscape,
        (None, Some(PageArg::A3)) => PdfPage::A3Landscape,
    };
    options.embed_fonts = args.embed_fonts;
    Ok(options)
}

/// Error messages go on one line each.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
