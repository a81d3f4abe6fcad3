//! Tools for running a journey-mapping workshop with Waymark: cards on the clipboard (and, later, find, dot
//! voting, a timer and presentation mode). Plain code, no egui.

pub mod clipboard;
pub mod voting;
