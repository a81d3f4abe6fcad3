//! Waymark: a desktop editor for Customer Journey Maps.

pub mod analysis;
pub mod edit;
pub mod export;
pub mod i18n;
pub mod io;
pub mod layout;
pub mod merge;
pub mod model;
pub mod sync;
pub mod timer;
pub mod ui;
pub mod workshop;
