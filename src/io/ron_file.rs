//! Maps are stored as RON: human-readable, with a `version` field at the top.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::k;
use crate::model::{CURRENT_VERSION, Map, ValidationError};
use crate::t;

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
        None => t!(k::LOAD_NO_PATH),
    }
}

/// The error in the interface language.
impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let megabytes = |bytes: u64| bytes / 1_000_000;
        let text = match self {
            LoadError::Io { path, message } => {
                t!(k::LOAD_IO, path = path.display(), error = message)
            }
            LoadError::TooLarge { path, bytes } => t!(
                k::LOAD_TOO_LARGE,
                path = path.display(),
                size = megabytes(*bytes),
                limit = megabytes(MAX_FILE_BYTES)
            ),
            LoadError::NotUtf8 { path } => t!(k::LOAD_NOT_UTF8, path = path.display()),
            LoadError::Empty { path } => t!(k::LOAD_EMPTY, path = describe_path(path)),
            LoadError::Syntax {
                path,
                line,
                column,
                message,
            } => t!(
                k::LOAD_SYNTAX,
                path = describe_path(path),
                line = *line,
                column = *column,
                message = message
            ),
            LoadError::NewerVersion { path, version } => t!(
                k::LOAD_NEWER,
                path = describe_path(path),
                version = *version,
                current = CURRENT_VERSION
            ),
            LoadError::UnknownVersion { path, version } => t!(
                k::LOAD_UNKNOWN_VERSION,
                path = describe_path(path),
                version = *version
            ),
            LoadError::Invalid { path, problems } => {
                let mut listed: Vec<String> =
                    problems.iter().take(5).map(ToString::to_string).collect();
                if problems.len() > 5 {
                    listed.push(t!(k::LOAD_MORE_PROBLEMS, count = problems.len() - 5));
                }
                t!(
                    k::LOAD_INVALID,
                    path = describe_path(path),
                    problems = listed.join("; ")
                )
            }
        };
        f.write_str(&text)
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

/// RON's own words where Waymark has none of its own; plain words of the interface language for the mistakes a
/// hand edit or a cut-off file makes.
fn plain_message(code: &ron::Error) -> String {
    use ron::Error as E;
    let expected = |what: crate::i18n::Key| t!(k::RON_EXPECTED, what = crate::i18n::tr(what, &[]));
    match code {
        E::Eof => t!(k::RON_EOF),
        E::ExceededRecursionLimit => t!(k::RON_TOO_DEEP, limit = RECURSION_LIMIT),
        E::IntegerOutOfBounds => t!(k::RON_INTEGER_OUT_OF_BOUNDS),
        E::TrailingCharacters => t!(k::RON_TRAILING),
        E::MissingStructField { field, .. } => t!(k::RON_MISSING_FIELD, field = *field),
        E::NoSuchStructField { found, .. } => t!(k::RON_UNKNOWN_FIELD, field = found),
        E::DuplicateStructField { field, .. } => t!(k::RON_DUPLICATE_FIELD, field = *field),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => t!(
            k::RON_UNKNOWN_VARIANT,
            found = found,
            expected = expected.join(", ")
        ),
        E::UnclosedBlockComment => t!(k::RON_UNCLOSED_COMMENT),
        E::ExpectedStringEnd => t!(k::RON_UNCLOSED_STRING),
        E::ExpectedComma => expected(k::RON_WHAT_COMMA),
        E::ExpectedString => expected(k::RON_WHAT_STRING),
        E::ExpectedInteger => expected(k::RON_WHAT_INTEGER),
        E::ExpectedFloat => expected(k::RON_WHAT_NUMBER),
        E::ExpectedBoolean => expected(k::RON_WHAT_BOOLEAN),
        E::ExpectedIdentifier => expected(k::RON_WHAT_NAME),
        E::ExpectedStructLikeEnd => expected(k::RON_WHAT_CLOSE_PAREN),
        E::ExpectedArrayEnd => expected(k::RON_WHAT_CLOSE_BRACKET),
        E::ExpectedArray => expected(k::RON_WHAT_LIST),
        E::ExpectedStructLike => expected(k::RON_WHAT_STRUCT),
        E::ExpectedNamedStructLike(name) => t!(
            k::RON_EXPECTED,
            what = t!(k::RON_WHAT_NAMED_STRUCT, name = *name)
        ),
        // Messages of our own (the persona photo's) are already in the interface language.
        E::Message(message) => message.clone(),
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
        message: crate::i18n::io_error(&e),
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    if metadata.is_dir() {
        return Err(LoadError::Io {
            path: path.to_owned(),
            message: t!(k::LOAD_IS_FOLDER),
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
        .map_err(|e| t!(k::TO_TEXT_FAILED, error = e.to_string()))
}

/// Saves a map: writes a temporary file beside the target, flushes it to disk and renames it over the old
/// file, so that a crash at any moment leaves either the old or the new file, never a broken one.
pub fn save_file(map: &Map, path: &Path) -> Result<(), String> {
    let text = to_ron_string(map)?;
    write_atomically(path, text.as_bytes())
}
