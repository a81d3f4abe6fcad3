//! Tools for running a journey-mapping workshop with Waymark: cards on the clipboard, find and dot voting (the
//! timer and presentation mode live in `src/timer` and the UI). Plain code, no egui.

pub mod clipboard;
pub mod find;
pub mod voting;
