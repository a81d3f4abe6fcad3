//! File format versions and the upgrade path between them.
//!
//! Every map file starts with its `version`. Version 1 is the first and current format, so nothing needs
//! upgrading yet. When the format changes, the version-1 types move to a `v1` module, [`CURRENT_VERSION`]
//! becomes 2, and `read_version` gains a line `1 => upgrade_v1(options.from_str::<v1::Map>(text)...)` that
//! turns the old map into the new one, tested against committed version-1 fixtures.

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
