//! The egui editor: app shell, canvas, side panel, dialogs, commands and shortcuts.

mod app;
pub mod canvas;
pub mod commands;
mod dialogs;
pub mod export_dialog;
pub mod files;
pub mod find_bar;
pub mod findings_panel;
pub mod follow;
pub mod icon;
mod link_panel;
pub mod live;
mod numbers_panel;
pub mod present;
pub mod safekeeping;
pub mod selection;
mod side_panel;
pub mod timer_view;
pub mod voting;

pub use app::WaymarkApp;
