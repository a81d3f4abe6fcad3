//! `waymark merge` and `waymark diff` without a window. The binary parses the arguments, prints what these
//! return and exits with the status they say; `main.rs` replaces the help texts below with translated ones.

use std::path::PathBuf;

use crate::i18n::k;
use crate::io::{load_file, to_ron_string, write_atomically};
use crate::t;

/// Merge two edited versions of a map (a git merge driver: waymark merge %O %A %B).
#[derive(clap::Args, Debug, Clone)]
pub struct MergeArgs {
    /// The common ancestor of the two versions.
    #[arg(value_name = "BASE")]
    pub base: PathBuf,
    /// Our version; the merge is written over it unless -o is given.
    #[arg(value_name = "OURS")]
    pub ours: PathBuf,
    /// Their version.
    #[arg(value_name = "THEIRS")]
    pub theirs: PathBuf,
    /// Write the merged map here instead of over OURS.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// Print what changed between two versions of a map.
#[derive(clap::Args, Debug, Clone)]
pub struct DiffArgs {
    /// The older version.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The newer version.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
}

/// How a merge ended, with what to tell the user.
#[derive(Debug)]
pub struct MergeReport {
    /// No conflict: exit status 0; otherwise 1.
    pub clean: bool,
    /// One line for each conflict and renumbered id, for standard error.
    pub details: Vec<String>,
    /// The last line.
    pub summary: String,
}

/// Runs `waymark merge`. `Err` is a file that cannot be read or written (exit status 2); conflicts are a
/// report that is not clean.
pub fn run_merge(args: &MergeArgs) -> Result<MergeReport, String> {
    let base = load_file(&args.base).map_err(|e| match e {
        // git passes an empty BASE when a map was added on both branches: there is nothing to merge from.
        crate::io::LoadError::Empty { .. } => t!(k::MERGE_NO_BASE, path = args.base.display()),
        other => other.to_string(),
    })?;
    let ours = load_file(&args.ours).map_err(|e| e.to_string())?;
    let theirs = load_file(&args.theirs).map_err(|e| e.to_string())?;
    let output = args.output.as_ref().unwrap_or(&args.ours);
    let path = output.display();
    match super::merge(&base, &ours, &theirs) {
        Ok(merged) => {
            let text = to_ron_string(&merged.map)?;
            write_atomically(output, text.as_bytes())?;
            let mut details: Vec<String> =
                merged.conflicts.iter().map(ToString::to_string).collect();
            details.extend(merged.renumbered.iter().map(|(old, new)| {
                t!(
                    k::MERGE_RENUMBERED,
                    old = old.to_string(),
                    new = new.to_string()
                )
            }));
            let clean = merged.conflicts.is_empty();
            let summary = if clean {
                t!(
                    k::MERGE_CLEAN,
                    path = path,
                    summary = crate::io::cli::summary(&merged.map)
                )
            } else {
                t!(
                    k::MERGE_CONFLICTS,
                    path = path,
                    count = merged.conflicts.len()
                )
            };
            Ok(MergeReport {
                clean,
                details,
                summary,
            })
        }
        Err(error) => {
            if args.output.is_some() {
                let text = to_ron_string(&ours)?;
                write_atomically(output, text.as_bytes())?;
            }
            Ok(MergeReport {
                clean: false,
                details: Vec::new(),
                summary: t!(k::MERGE_FAILED, path = path, error = error),
            })
        }
    }
}

/// Runs `waymark diff`: the summary of changes, or why a file could not be read.
pub fn run_diff(args: &DiffArgs) -> Result<String, String> {
    let old = load_file(&args.old).map_err(|e| e.to_string())?;
    let new = load_file(&args.new).map_err(|e| e.to_string())?;
    Ok(super::diff(&old, &new))
}
