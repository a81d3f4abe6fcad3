//! Reading and writing map files.

pub mod csv;
mod ron_file;
mod versions;

pub use ron_file::{LoadError, MAX_FILE_BYTES, load_file, parse_map, save_file, to_ron_string};
pub use versions::OLDEST_VERSION;
