//! Every action of the menus, with its label and keyboard shortcuts. Menus and the shortcut handler are both
//! generated from [`Command`], so a new action is added in one place and its menu entry and keys cannot drift.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::CardColor;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    New,
    Open,
    Save,
    SaveAs,
    Export,
    ImportCsv,
    ExportCsv,
    Quit,
    Undo,
    Redo,
    CopyImage,
    AddCard,
    EditSelected,
    DeleteSelected,
    AddStage,
    Color(CardColor),
    ZoomIn,
    ZoomOut,
    ZoomFit,
    ZoomActual,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;

impl Command {
    pub const FILE: &[Command] = &[
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Export,
        Command::ImportCsv,
        Command::ExportCsv,
        Command::Quit,
    ];
    pub const EDIT: &[Command] = &[
        Command::Undo,
        Command::Redo,
        Command::CopyImage,
        Command::AddCard,
        Command::EditSelected,
        Command::DeleteSelected,
        Command::AddStage,
    ];
    pub const VIEW: &[Command] = &[
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomFit,
        Command::ZoomActual,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Command::New => "New…",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save As…",
            Command::Export => "Export…",
            Command::ImportCsv => "Import CSV…",
            Command::ExportCsv => "Export CSV…",
            Command::CopyImage => "Copy map as image",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::AddCard => "Add card",
            Command::EditSelected => "Edit selected",
            Command::DeleteSelected => "Delete selected",
            Command::AddStage => "Add stage",
            Command::Color(color) => color.name(),
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomFit => "Fit map to window",
            Command::ZoomActual => "Zoom to 100%",
        }
    }

    /// The shortcuts, the first one shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        match self {
            Command::New => vec![key(CMD, Key::N)],
            Command::Open => vec![key(CMD, Key::O)],
            Command::Save => vec![key(CMD, Key::S)],
            Command::SaveAs => vec![key(CMD_SHIFT, Key::S)],
            Command::Export => vec![key(CMD, Key::E)],
            Command::ImportCsv => vec![key(CMD, Key::I)],
            Command::ExportCsv => vec![key(CMD_SHIFT, Key::E)],
            Command::CopyImage => vec![key(CMD_SHIFT, Key::C)],
            Command::Quit => vec![key(CMD, Key::Q)],
            Command::Undo => vec![key(CMD, Key::Z)],
            Command::Redo => vec![key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)],
            Command::AddCard => vec![key(NONE, Key::N), key(NONE, Key::Insert)],
            Command::EditSelected => vec![key(NONE, Key::Enter), key(NONE, Key::F2)],
            Command::DeleteSelected => vec![key(NONE, Key::Delete), key(NONE, Key::Backspace)],
            Command::AddStage => vec![key(SHIFT, Key::S)],
            Command::Color(color) => vec![match color {
                CardColor::Yellow => key(NONE, Key::Num1),
                CardColor::Orange => key(NONE, Key::Num2),
                CardColor::Pink => key(NONE, Key::Num3),
                CardColor::Purple => key(NONE, Key::Num4),
                CardColor::Blue => key(NONE, Key::Num5),
                CardColor::Green => key(NONE, Key::Num6),
                CardColor::Gray => key(NONE, Key::Num7),
                CardColor::White => key(NONE, Key::Num8),
            }],
            Command::ZoomIn => vec![key(NONE, Key::Plus), key(NONE, Key::Equals)],
            Command::ZoomOut => vec![key(NONE, Key::Minus)],
            Command::ZoomFit => vec![key(SHIFT, Key::Num1)],
            Command::ZoomActual => vec![key(SHIFT, Key::Num0)],
        }
    }

    /// Whether the command acts on the canvas selection, so that it must not fire while text is being typed.
    /// (All of them, in fact: a shortcut never fires while a text field has the keyboard.)
    pub fn all() -> Vec<Command> {
        let mut all: Vec<Command> = Command::FILE
            .iter()
            .chain(Command::EDIT)
            .chain(Command::VIEW)
            .copied()
            .collect();
        all.extend(CardColor::ALL.map(Command::Color));
        all
    }

    /// Finds the command whose shortcut was pressed this frame, consuming it. Shortcuts with more modifiers
    /// are tried first, so that ctrl+shift+Z is not taken for ctrl+Z.
    pub fn pressed(input: &mut egui::InputState) -> Option<Command> {
        let mut candidates: Vec<(Command, KeyboardShortcut)> = Command::all()
            .into_iter()
            .flat_map(|c| c.shortcuts().into_iter().map(move |s| (c, s)))
            .collect();
        let weight = |m: Modifiers| m.command as u8 + m.ctrl as u8 + m.shift as u8 + m.alt as u8;
        candidates.sort_by_key(|(_, s)| std::cmp::Reverse(weight(s.modifiers)));
        candidates
            .into_iter()
            .find(|(_, s)| input.consume_shortcut(s))
            .map(|(c, _)| c)
    }
}
