//! Reading and writing map files.

mod atomic;
pub mod cli;
pub mod csv;
pub mod preferences;
pub mod recent;
pub mod recovery;
mod ron_file;
mod versions;

pub use atomic::{
    STALE_TEMPORARY_FILE_AGE, new_file_permissions, remove_stale_temporary_files, write_atomically,
};
pub use ron_file::{LoadError, MAX_FILE_BYTES, load_file, parse_map, save_file, to_ron_string};
pub use versions::OLDEST_VERSION;
