//! Maps are stored as RON: human-readable, with a `version` field at the top.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{CURRENT_VERSION, Map, ValidationError};

use super::write_atomically;

/// Files larger than this are refused before they are read: no real map comes near it.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a map could not be read.
#[derive(Debug)]
pub enum LoadError {
    Io {
        path: PathBuf,
        message: String,
    },
    TooLarge {
        path: PathBuf,
        bytes: u64,
    },
    NotUtf8 {
        path: PathBuf,
    },
    /// The file holds nothing but white space.
    Empty {
        path: Option<PathBuf>,
    },
    /// The text is not a valid map; line and column are 1-based.
    Syntax {
        path: Option<PathBuf>,
        line: usize,
        column: usize,
        message: String,
    },
    NewerVersion {
        path: Option<PathBuf>,
        version: u32,
    },
    /// A version number that no Waymark ever wrote (below the first version).
    UnknownVersion {
        path: Option<PathBuf>,
        version: u32,
    },
    Invalid {
        path: Option<PathBuf>,
        problems: Vec<ValidationError>,
    },
}

fn describe_path(path: &Option<PathBuf>) -> String {
    match path {
        Some(p) => format!("{}", p.display()),
        None => "the map".to_owned(),
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Io { path, message } => {
                write!(f, "{} could not be read: {message}", path.display())
            }
            LoadError::TooLarge { path, bytes } => write!(
                f,
                "{} is {} MB, too large to be a map (the limit is {} MB)",
                path.display(),
                bytes / 1_000_000,
                MAX_FILE_BYTES / 1_000_000
            ),
            LoadError::NotUtf8 { path } => {
                write!(
                    f,
                    "{} is not a text file (it is not UTF-8), so it is not a Waymark map",
                    path.display()
                )
            }
            LoadError::Empty { path } => write!(
                f,
                "{} is empty: it holds no map (it may have been cut off while it was written)",
                describe_path(path)
            ),
            LoadError::Syntax {
                path,
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "{}: line {line}, column {column}: {message}",
                    describe_path(path)
                )
            }
            LoadError::NewerVersion { path, version } => write!(
                f,
                "{} was made by a newer Waymark (file version {version}; this Waymark reads up to {CURRENT_VERSION}). Please update Waymark to open it",
                describe_path(path)
            ),
            LoadError::UnknownVersion { path, version } => write!(
                f,
                "{} has the file version {version}, which no Waymark ever wrote (versions start at 1); it is not a Waymark map or it is damaged",
                describe_path(path)
            ),
            LoadError::Invalid { path, problems } => {
                write!(f, "{} is damaged: ", describe_path(path))?;
                for (i, problem) in problems.iter().take(5).enumerate() {
                    if i > 0 {
                        write!(f, "; ")?;
                    }
                    write!(f, "{problem}")?;
                }
                if problems.len() > 5 {
                    write!(f, "; and {} more problems", problems.len() - 5)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    fn with_path(self, path: &Path) -> LoadError {
        let path = Some(path.to_owned());
        match self {
            LoadError::Syntax {
                line,
                column,
                message,
                ..
            } => LoadError::Syntax {
                path,
                line,
                column,
                message,
            },
            LoadError::NewerVersion { version, .. } => LoadError::NewerVersion { path, version },
            LoadError::UnknownVersion { version, .. } => {
                LoadError::UnknownVersion { path, version }
            }
            LoadError::Empty { .. } => LoadError::Empty { path },
            LoadError::Invalid { problems, .. } => LoadError::Invalid { path, problems },
            other => other,
        }
    }
}

/// Only the version, read first so that a newer file gets "update Waymark" rather than a confusing syntax error.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

pub(crate) fn syntax_error(error: ron::error::SpannedError) -> LoadError {
    LoadError::Syntax {
        path: None,
        line: error.span.start.line,
        column: error.span.start.col,
        message: plain_message(&error.code),
    }
}

/// RON's own words where they are clear; plainer ones where they are not.
fn plain_message(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => {
            "the file ends in the middle of the map (it may have been cut off)".to_owned()
        }
        ron::Error::ExceededRecursionLimit => {
            format!("the data is nested more than {RECURSION_LIMIT} levels deep, which no map is")
        }
        ron::Error::IntegerOutOfBounds => "a number is too large or too small here".to_owned(),
        ron::Error::TrailingCharacters => "there is more text after the end of the map".to_owned(),
        other => other.to_string(),
    }
}

const RECURSION_LIMIT: usize = 64;

pub(crate) fn ron_options() -> ron::Options {
    // Deeply nested input must give an error, not a stack overflow.
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// Parses and validates a map from RON text, upgrading a file of an older version.
pub fn parse_map(text: &str) -> Result<Map, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: None });
    }
    let options = ron_options();
    // When even the version cannot be read, parsing as the current version gives the most useful syntax error.
    let version = options
        .from_str::<VersionProbe>(text)
        .map_or(CURRENT_VERSION, |probe| probe.version);
    let mut map = super::versions::read_version(version, text, &options)?;
    let problems = map.validate();
    if !problems.is_empty() {
        return Err(LoadError::Invalid {
            path: None,
            problems,
        });
    }
    map.repair_id_counter();
    for lane in &mut map.lanes {
        lane.emotions.sort_by_key(|p| p.stage);
    }
    // A hand-edited list may repeat a kind or list them in any order; the edits expect one of each, in order.
    map.findings_off.sort();
    map.findings_off.dedup();
    Ok(map)
}

/// Reads a map file, refusing files too large to be maps before reading them.
pub fn load_file(path: &Path) -> Result<Map, LoadError> {
    let io_error = |e: std::io::Error| LoadError::Io {
        path: path.to_owned(),
        message: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    if metadata.is_dir() {
        return Err(LoadError::Io {
            path: path.to_owned(),
            message: "it is a folder, not a map file".to_owned(),
        });
    }
    let bytes = metadata.len();
    if bytes > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            bytes,
        });
    }
    let mut data = Vec::with_capacity(bytes as usize);
    // `take` guards against a file that grows while it is read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut data)
        .map_err(io_error)?;
    if data.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            bytes: data.len() as u64,
        });
    }
    let text = String::from_utf8(data).map_err(|_| LoadError::NotUtf8 {
        path: path.to_owned(),
    })?;
    parse_map(&text).map_err(|e| e.with_path(path))
}

/// The map as pretty RON text.
pub fn to_ron_string(map: &Map) -> Result<String, String> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ".to_owned())
        .struct_names(false);
    ron::ser::to_string_pretty(map, config)
        .map_err(|e| format!("the map could not be written as text: {e}"))
}

/// Saves a map: writes a temporary file beside the target, flushes it to disk and renames it over the old
/// file, so that a crash at any moment leaves either the old or the new file, never a broken one.
pub fn save_file(map: &Map, path: &Path) -> Result<(), String> {
    let text = to_ron_string(map)?;
    write_atomically(path, text.as_bytes())
}
