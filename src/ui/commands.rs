//! Every action of the menus, the right-click menu and the side panel's buttons, with its label and keyboard
//! shortcuts. Menus, the right-click menu, the side panel and the shortcut handler are all generated from
//! [`Command`], and the app carries every one out in one place, so a new action is added once and its menu
//! entries and keys cannot drift.

use egui::{Event, Key, KeyboardShortcut, Modifiers};

use crate::i18n::k;
use crate::model::{CardColor, CardId, Channel, LaneId, LaneKind, StageId};
use crate::t;
use crate::ui::canvas::TextTarget;
use crate::ui::selection::{Direction, Selection};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    New,
    Open,
    /// An entry of File → Open Recent, by its place in the list.
    OpenRecent(usize),
    Save,
    SaveAs,
    Export,
    ImportCsv,
    ExportCsv,
    /// File → Share live…: puts the map into a new room of a live-session server.
    ShareLive,
    /// File → Join live…: opens a room's map.
    JoinLive,
    LeaveLive,
    Quit,
    Undo,
    Redo,
    CopyImage,
    /// Ctrl+A: the cards of the selected cell, then its lane, then the map.
    SelectAll,
    /// Copies the selected cards to the clipboard as text.
    Copy,
    Cut,
    /// Pastes cards, or one card per line of other text.
    Paste,
    Duplicate,
    /// Opens the find bar (or gives it the keyboard again).
    Find,
    /// Brings the next match of the find bar into view (opening the bar when it is closed).
    FindNext,
    FindPrevious,
    /// Moves the selected cards to the neighbouring cell (Alt+arrow).
    MoveCards(Direction),
    AddCard,
    EditSelected,
    DeleteSelected,
    AddStage,
    /// Edit → Add lane: a lane of this kind below the others.
    AddLane(LaneKind),
    /// Recolours the selected card (in the right-click menu and the side panel, the card they are about).
    Color(CardColor),
    ZoomIn,
    ZoomOut,
    ZoomFit,
    ZoomActual,
    /// View → Findings: shows or hides the gap-analysis findings under the canvas.
    Findings,
    /// View → Present (F5): the map full screen, stage by stage; pressed again, or Escape, leaves.
    Present,
    /// View → Projector colours: darker text, stronger borders and grid lines on the canvas (never in files).
    ProjectorColours,
    /// Timer → a time box of so many minutes, started at once.
    TimerPreset(u32),
    /// Timer → Custom time…: asks for the time box, then starts it.
    TimerCustom,
    /// Starts the timer, pauses it, or silences it when it flashes.
    TimerStartPause,
    TimerAddMinute,
    /// Back to the full time box, not running.
    TimerReset,
    /// View → Dot voting: shows or hides the voting panel.
    VotingPanel,
    /// Opens the dialog that starts a round of dot voting.
    StartVote,
    /// Ends the round of dot voting, taking every dot off (one undo step).
    ClearVotes,
    // What the right-click menu and the side panel do to the part of the map they are about.
    /// Edits a card's text, or renames a stage or lane, in place.
    EditText(TextTarget),
    /// Deletes a card, or a stage or lane with its cards, or clears a cell's emotion score.
    Delete(Selection),
    AddCardIn(StageId, LaneId),
    AddStageBeside {
        stage: StageId,
        after: bool,
    },
    AddLaneBelow(LaneId, LaneKind),
    SetChannel(CardId, Option<Channel>),
    /// Gives a cell of an Emotions lane a neutral score.
    SetScore(StageId, LaneId),
    ChoosePhoto,
    RemovePhoto,
    /// Starts a link from the selected card: the arrow keys (or a click) choose the card it goes to.
    LinkTo,
    /// Selects a part of the map and shows it (a link in the side panel's list).
    Select(Selection),
    /// Relabels a link (the right-click menu of an arrow).
    SetLinkKind(crate::model::LinkId, crate::model::LinkKind),
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
        Command::ShareLive,
        Command::JoinLive,
        Command::LeaveLive,
        Command::Quit,
    ];
    pub const EDIT: &[Command] = &[
        Command::Undo,
        Command::Redo,
        Command::Cut,
        Command::Copy,
        Command::Paste,
        Command::Duplicate,
        Command::SelectAll,
        Command::Find,
        Command::FindNext,
        Command::FindPrevious,
        Command::CopyImage,
        Command::AddCard,
        Command::EditSelected,
        Command::DeleteSelected,
        Command::AddStage,
        Command::LinkTo,
        Command::StartVote,
        Command::ClearVotes,
    ];
    pub const MOVE_CARDS: [Command; 4] = [
        Command::MoveCards(Direction::Left),
        Command::MoveCards(Direction::Right),
        Command::MoveCards(Direction::Up),
        Command::MoveCards(Direction::Down),
    ];
    pub const VIEW: &[Command] = &[
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomFit,
        Command::ZoomActual,
        Command::Findings,
        Command::VotingPanel,
        Command::Present,
        Command::ProjectorColours,
    ];
    pub const TIMER: &[Command] = &[
        Command::TimerPreset(1),
        Command::TimerPreset(3),
        Command::TimerPreset(5),
        Command::TimerPreset(10),
        Command::TimerPreset(15),
        Command::TimerCustom,
        Command::TimerStartPause,
        Command::TimerAddMinute,
        Command::TimerReset,
    ];

    /// The menu text, in the interface language.
    pub fn label(self) -> String {
        let key = match self {
            Command::New => k::CMD_NEW,
            Command::Open => k::CMD_OPEN,
            Command::OpenRecent(_) => k::CMD_OPEN_RECENT_MAP,
            Command::Save => k::CMD_SAVE,
            Command::SaveAs => k::CMD_SAVE_AS,
            Command::Export => k::CMD_EXPORT,
            Command::ImportCsv => k::CMD_IMPORT_CSV,
            Command::ExportCsv => k::CMD_EXPORT_CSV,
            Command::ShareLive => k::CMD_SHARE_LIVE,
            Command::JoinLive => k::CMD_JOIN_LIVE,
            Command::LeaveLive => k::CMD_LEAVE_LIVE,
            Command::CopyImage => k::CMD_COPY_IMAGE,
            Command::SelectAll => k::CMD_SELECT_ALL,
            Command::Copy => k::CMD_COPY,
            Command::Cut => k::CMD_CUT,
            Command::Paste => k::CMD_PASTE,
            Command::Duplicate => k::CMD_DUPLICATE,
            Command::Find => k::CMD_FIND,
            Command::FindNext => k::CMD_FIND_NEXT,
            Command::FindPrevious => k::CMD_FIND_PREVIOUS,
            Command::MoveCards(Direction::Left) => k::CMD_MOVE_LEFT,
            Command::MoveCards(Direction::Right) => k::CMD_MOVE_RIGHT,
            Command::MoveCards(Direction::Up) => k::CMD_MOVE_UP,
            Command::MoveCards(Direction::Down) => k::CMD_MOVE_DOWN,
            Command::Quit => k::CMD_QUIT,
            Command::Undo => k::CMD_UNDO,
            Command::Redo => k::CMD_REDO,
            Command::AddCard | Command::AddCardIn(..) => k::CMD_ADD_CARD,
            Command::EditSelected => k::CMD_EDIT_SELECTED,
            Command::DeleteSelected => k::CMD_DELETE_SELECTED,
            Command::AddStage => k::CMD_ADD_STAGE,
            Command::AddLane(kind) | Command::AddLaneBelow(_, kind) => return kind.label(),
            Command::Color(color) => return color.label(),
            Command::ZoomIn => k::CMD_ZOOM_IN,
            Command::ZoomOut => k::CMD_ZOOM_OUT,
            Command::ZoomFit => k::CMD_ZOOM_FIT,
            Command::ZoomActual => k::CMD_ZOOM_ACTUAL,
            Command::Findings => k::CMD_FINDINGS,
            Command::Present => k::CMD_PRESENT,
            Command::ProjectorColours => k::CMD_PROJECTOR_COLOURS,
            Command::TimerPreset(minutes) => return t!(k::CMD_TIMER_MINUTES, count = minutes),
            Command::TimerCustom => k::CMD_TIMER_CUSTOM,
            Command::TimerStartPause => k::CMD_TIMER_START_PAUSE,
            Command::TimerAddMinute => k::CMD_TIMER_ADD_MINUTE,
            Command::TimerReset => k::CMD_TIMER_RESET,
            Command::VotingPanel => k::CMD_VOTING_PANEL,
            Command::StartVote => k::CMD_START_VOTE,
            Command::ClearVotes => k::CMD_CLEAR_VOTES,
            Command::EditText(TextTarget::Card(_)) => k::CANVAS_EDIT_TEXT,
            Command::EditText(TextTarget::StageName(_)) => k::CANVAS_RENAME_STAGE,
            Command::EditText(TextTarget::LaneName(_)) => k::CANVAS_RENAME_LANE,
            Command::Delete(Selection::Card(_)) => k::PANEL_DELETE_CARD,
            Command::Delete(Selection::Stage(_)) => k::PANEL_DELETE_STAGE,
            Command::Delete(Selection::Lane(_)) => k::PANEL_DELETE_LANE,
            Command::Delete(Selection::Cell(..)) => k::PANEL_CLEAR_SCORE,
            Command::Delete(Selection::None) => k::CMD_DELETE_SELECTED,
            Command::Delete(Selection::Link(_)) => k::PANEL_DELETE_LINK,
            Command::AddStageBeside { after: false, .. } => k::CANVAS_ADD_STAGE_BEFORE,
            Command::AddStageBeside { after: true, .. } => k::CANVAS_ADD_STAGE_AFTER,
            Command::SetChannel(_, Some(channel)) => return channel.label(),
            Command::SetChannel(_, None) => k::PANEL_NO_CHANNEL,
            Command::SetScore(..) => k::PANEL_SET_SCORE,
            Command::ChoosePhoto => k::PANEL_CHOOSE_PHOTO,
            Command::RemovePhoto => k::PANEL_REMOVE_PHOTO,
            Command::LinkTo => k::CMD_LINK_TO,
            Command::Select(_) => k::PANEL_LINK,
            Command::SetLinkKind(_, kind) => return kind.label(),
        };
        t!(key)
    }

    /// A menu button for the command: its label, and its first shortcut.
    pub fn button(self, ctx: &egui::Context) -> egui::Button<'static> {
        let button = egui::Button::new(self.label());
        match self.shortcuts().first() {
            Some(shortcut) => button.shortcut_text(shortcut_text(ctx, shortcut)),
            None => button,
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
            Command::SelectAll => vec![key(CMD, Key::A)],
            Command::Copy => vec![key(CMD, Key::C)],
            Command::Cut => vec![key(CMD, Key::X)],
            Command::Paste => vec![key(CMD, Key::V)],
            Command::Duplicate => vec![key(CMD, Key::D)],
            Command::Find => vec![key(CMD, Key::F)],
            Command::FindNext => vec![key(NONE, Key::F3)],
            Command::FindPrevious => vec![key(SHIFT, Key::F3)],
            Command::MoveCards(direction) => vec![key(
                Modifiers::ALT,
                match direction {
                    Direction::Left => Key::ArrowLeft,
                    Direction::Right => Key::ArrowRight,
                    Direction::Up => Key::ArrowUp,
                    Direction::Down => Key::ArrowDown,
                },
            )],
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
            Command::Findings => vec![key(NONE, Key::F8)],
            Command::Present => vec![key(NONE, Key::F5)],
            Command::TimerStartPause => vec![key(NONE, Key::T)],
            Command::TimerAddMinute => vec![key(SHIFT, Key::T)],
            Command::TimerReset => vec![key(CMD_SHIFT, Key::T)],
            Command::LinkTo => vec![key(NONE, Key::L)],
            Command::VotingPanel => vec![key(NONE, Key::F9)],
            // Rarely used; no key of their own.
            Command::ShareLive | Command::JoinLive | Command::LeaveLive => Vec::new(),
            // These act on a part of the map named by the menu or panel they are in; keys act on the selection.
            Command::OpenRecent(_)
            | Command::AddLane(_)
            | Command::EditText(_)
            | Command::Delete(_)
            | Command::AddCardIn(..)
            | Command::AddStageBeside { .. }
            | Command::AddLaneBelow(..)
            | Command::SetChannel(..)
            | Command::SetScore(..)
            | Command::ChoosePhoto
            | Command::RemovePhoto
            | Command::ProjectorColours
            | Command::TimerPreset(_)
            | Command::TimerCustom
            | Command::Select(_)
            | Command::SetLinkKind(..) => Vec::new(),
            Command::StartVote | Command::ClearVotes => Vec::new(),
        }
    }

    /// Whether the command acts on the canvas selection, so that it must not fire while text is being typed.
    /// (All of them, in fact: a shortcut never fires while a text field has the keyboard.)
    pub fn all() -> Vec<Command> {
        let mut all: Vec<Command> = Command::FILE
            .iter()
            .chain(Command::EDIT)
            .chain(Command::VIEW)
            .chain(Command::TIMER)
            .copied()
            .collect();
        all.extend(CardColor::ALL.map(Command::Color));
        all.extend(Command::MOVE_CARDS);
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
        // egui-winit turns Ctrl+C and Ctrl+X into these events instead of key presses.
        let clipboard_event = input
            .events
            .iter()
            .position(|e| matches!(e, Event::Copy | Event::Cut));
        if let Some(at) = clipboard_event {
            return Some(match input.events.remove(at) {
                Event::Cut => Command::Cut,
                _ => Command::Copy,
            });
        }
        candidates
            .into_iter()
            .find(|(_, s)| consume(input, s))
            .map(|(c, _)| c)
    }
}

/// Consumes a press of the shortcut. Shift with a digit or a symbol types a character that depends on the
/// keyboard layout (Shift+1 is `!` on US and Russian keyboards, Shift+4 is `$` or `;`), and egui-winit reports
/// that character's key when egui has one (`Key::Exclamationmark` for Shift+1), or else the key's place. So a
/// shortcut with Shift and a key that is not a letter also matches the key at its place on the keyboard (the
/// physical key), whatever character it types. Letters keep matching what they type (on Dvorak, Shift+S is
/// where S is printed).
fn consume(input: &mut egui::InputState, shortcut: &KeyboardShortcut) -> bool {
    // egui matches a shortcut without Shift also when Shift is held; a digit with Shift is another key (Shift+5
    // types '%', which egui reports as the key's place), not the digit's command.
    let digit = matches!(
        shortcut.logical_key,
        Key::Num0
            | Key::Num1
            | Key::Num2
            | Key::Num3
            | Key::Num4
            | Key::Num5
            | Key::Num6
            | Key::Num7
            | Key::Num8
            | Key::Num9
    );
    if digit
        && !shortcut.modifiers.shift
        && input.events.iter().any(|event| {
            matches!(event, Event::Key { key, pressed: true, modifiers, .. }
                if *key == shortcut.logical_key && modifiers.shift)
        })
    {
        return false;
    }
    if input.consume_shortcut(shortcut) {
        return true;
    }
    let key = shortcut.logical_key;
    let letter = key.name().len() == 1 && key.name().chars().all(|c| c.is_ascii_alphabetic());
    if !shortcut.modifiers.shift || letter {
        return false;
    }
    let before = input.events.len();
    input.events.retain(|event| {
        !matches!(
            event,
            Event::Key {
                physical_key: Some(physical),
                pressed: true,
                modifiers,
                ..
            } if *physical == key && modifiers.matches_logically(shortcut.modifiers)
        )
    });
    input.events.len() != before
}

/// The text of a paste (Ctrl+V, or the menu's Paste answered by the system), consuming it.
pub fn take_paste(input: &mut egui::InputState) -> Option<String> {
    let at = input
        .events
        .iter()
        .position(|e| matches!(e, Event::Paste(_)))?;
    match input.events.remove(at) {
        Event::Paste(text) => Some(text),
        _ => None,
    }
}

/// A shortcut as menus show it. egui names the + and − keys in English words ("Plus", "Minus"); the signs read
/// the same in every language.
fn shortcut_text(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    match shortcut.logical_key {
        Key::Plus if shortcut.modifiers.is_none() => "+".to_owned(),
        Key::Minus if shortcut.modifiers.is_none() => "−".to_owned(),
        _ => ctx.format_shortcut(shortcut),
    }
}
