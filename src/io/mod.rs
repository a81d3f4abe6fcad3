//! Reading and writing map files.

mod ron_file;

pub use ron_file::{LoadError, MAX_FILE_BYTES, load_file, parse_map, save_file, to_ron_string};
