//! File format versions and the upgrade path between them.
//!
//! Every map file starts with its `version`. `read_version` reads each older version and brings it up to
//! [`CURRENT_VERSION`], one step per version, tested against committed fixtures of real older files
//! (`tests/fixtures/`).
//!
//! - Version 1: the first format.
//! - Version 2 adds `findings_off`, the kinds of gap-analysis findings a map switched off. A version 1 file is
//!   a version 2 file without that field (every kind on), so it is read with the current types and
//!   [`upgrade_v1`] only sets the version. A change that renames, removes or reshapes a field instead moves the
//!   old types into a `vN` module here and converts them.
//! - Version 3 adds the workshop and analysis data (votes, links, metrics, several personas). Every addition
//!   is a field with a default meaning "none yet", so a version 2 file is read with the current types and
//!   [`upgrade_v2`] only sets the version. Links: `links`, a list of `(id, from, to, kind)` (card ids;
//!   `to` left out for an exit that leads out of the map; `kind` one of `Next`, `Skip`, `Return`, `Exit`), and
//!   `OrphanCard` among the kinds `findings_off` may name.
//!   [`upgrade_v2`] only sets the version.
//!   - Personas: `more_personas` (the personas after the first, each with a counter id; the first persona
//!     keeps `persona` and the id 0, never written), `persona` on emotion points (left out for the first
//!     persona) and `personas` on cards (the tags). A version 2 map is its one persona with its curve.
//!   - Metrics: `measures` on Metrics lanes, each `(id, name, unit, min, max, values: [(stage, value)])`.
//!   - Dot voting: `vote`, the round (voted lane, votes each, one or several dots per card, participants
//!     with their colours, and the dots per participant and card); left out when there is no round.

use crate::model::{CURRENT_VERSION, Map};

use super::ron_file::{LoadError, syntax_error};

/// The oldest file format this Waymark reads.
pub const OLDEST_VERSION: u32 = 1;

/// Reads map text written in file format `version` and brings it up to [`CURRENT_VERSION`].
pub(crate) fn read_version(
    version: u32,
    text: &str,
    options: &ron::Options,
) -> Result<Map, LoadError> {
    match version {
        CURRENT_VERSION => options.from_str::<Map>(text).map_err(syntax_error),
        1 => options
            .from_str::<Map>(text)
            .map(upgrade_v1)
            .map(upgrade_v2)
            .map_err(syntax_error),
        2 => options
            .from_str::<Map>(text)
            .map(upgrade_v2)
            .map_err(syntax_error),
        newer if newer > CURRENT_VERSION => Err(LoadError::NewerVersion {
            path: None,
            version: newer,
        }),
        unknown => Err(LoadError::UnknownVersion {
            path: None,
            version: unknown,
        }),
    }
}

/// Version 1 → 2: every kind of finding is on, which is what a missing `findings_off` already says.
fn upgrade_v1(mut map: Map) -> Map {
    map.version = 2;
    map.findings_off.clear();
    map
}

/// Version 2 → 3: no votes, links, metrics or extra personas yet, which is what their missing fields say.
fn upgrade_v2(mut map: Map) -> Map {
    map.version = 3;
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_up_to_the_current_one_is_read() {
        // A new format version must add its upgrade here, or this fails.
        let text =
            crate::io::to_ron_string(&crate::model::sample::stroller_map()).unwrap_or_default();
        for version in OLDEST_VERSION..=CURRENT_VERSION {
            let versioned = text.replacen(
                &format!("version: {CURRENT_VERSION}"),
                &format!("version: {version}"),
                1,
            );
            let result = read_version(version, &versioned, &crate::io::ron_file::ron_options());
            assert!(result.is_ok(), "version {version}: {:?}", result.err());
        }
    }
}
