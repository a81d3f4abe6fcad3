//! Dot voting in the app: the voting panel beside the canvas, the start dialog, clearing a round, and the
//! canvas's clicks while votes are cast.

use super::WaymarkApp;
use crate::edit::Edit;
use crate::i18n::k;
use crate::model::{FIRST_COMPUTER_PARTICIPANT, Participant, ParticipantId, Vote};
use crate::t;
use crate::ui::commands::Command;
use crate::ui::dialogs::Dialog;
use crate::ui::selection::Selection;
use crate::ui::voting::VoteSetup;

impl WaymarkApp {
    /// The start dialog, with the last round's settings when there is one.
    /// In a live session the dialog makes only the people without a computer (none at first).
    pub(super) fn start_vote_dialog(&self) -> Dialog {
        let live = self.voting_live();
        let setup = match &self.doc.map().vote {
            Some(vote) => {
                // Those who voted from a computer join the new round again themselves.
                let people: Vec<_> = vote
                    .participants
                    .iter()
                    .filter(|p| !(live && p.id.is_computer()))
                    .collect();
                VoteSetup {
                    lane: vote.lane,
                    votes_each: vote.votes_each,
                    several_per_card: vote.several_per_card,
                    participants: people.len(),
                    names: people.iter().map(|p| p.name.clone()).collect(),
                    live,
                }
            }
            None if live => VoteSetup {
                participants: 0,
                live,
                ..VoteSetup::default()
            },
            None => VoteSetup::default(),
        };
        Dialog::StartVote(setup)
    }

    /// Whether this window is in a live session whose room's map it has: then it votes as its own participant.
    fn voting_live(&self) -> bool {
        self.live.session.as_ref().is_some_and(|s| s.started())
    }

    /// This window's own participant in a live session, with its live name and colour; its id is the one this
    /// person voted as before (kept in the preferences), or a new one.
    fn own_participant(&mut self) -> Participant {
        let id = match self.voting.own {
            Some(id) => id,
            None => {
                let remembered = self
                    .preferences
                    .vote_participant
                    .map(ParticipantId)
                    .filter(|id| id.is_computer());
                let id = remembered.unwrap_or_else(computer_participant);
                if remembered.is_none() {
                    self.preferences.vote_participant = Some(id.0);
                    self.remember_preferences();
                }
                self.voting.own = Some(id);
                id
            }
        };
        Participant {
            id,
            name: self.live.name.clone(),
            color: crate::ui::live::color_of(&self.live.name),
        }
    }

    /// Starts a round (replacing any other, as one undo step) and hands the first participant the turn (in a
    /// live session: this window's own participant, who is in the round from the start).
    pub fn start_vote(&mut self, mut vote: Vote) {
        vote.round = crate::workshop::voting::new_round();
        let own = self.voting_live().then(|| self.own_participant());
        if let Some(me) = &own {
            let at = vote.seat(me.id);
            vote.participants.insert(at, me.clone());
            self.voting.joined_round = Some(vote.round);
        }
        let (people, each) = (vote.participants.len(), vote.votes_each);
        match self.doc.apply(Edit::SetVote(Some(vote))) {
            Ok(()) => {
                self.voting.started();
                if let Some(me) = own {
                    self.voting.participant = Some(me.id);
                }
                // Nothing stays selected: keys that act on a selection have nothing to act on while voting.
                self.canvas.select_and_reveal(Selection::None);
                self.status = t!(k::STATUS_VOTE_STARTED, count = people, votes = each);
            }
            Err(error) => self.report(Err(error)),
        }
    }

    /// Ends the round: every dot goes, as one undo step.
    pub fn clear_votes(&mut self) {
        if self.doc.map().vote.is_none() {
            return;
        }
        match self.doc.apply(Edit::SetVote(None)) {
            Ok(()) => {
                self.voting.casting = false;
                self.status = t!(k::STATUS_VOTES_CLEARED);
            }
            Err(error) => self.report(Err(error)),
        }
    }

    /// Keys that would change the map through the selection wait until voting is paused: while votes are
    /// cast, the keyboard picks participants, and a stray Delete or digit must not change cards.
    pub(super) fn voting_blocks(&self, command: Command) -> bool {
        self.voting.is_casting(self.doc.map())
            && matches!(
                command,
                Command::AddCard
                    | Command::EditSelected
                    | Command::DeleteSelected
                    | Command::AddStage
                    | Command::Color(_)
                    | Command::MoveCards(_)
                    | Command::Cut
                    | Command::Duplicate
            )
    }

    /// The voting panel, left of the canvas (not in presentation mode, `show` false, where the keys and the
    /// clicks still vote), and what it and the voting keys ask for. Also tells the canvas whether clicks cast
    /// votes and which cards "highlight top N" keeps bright.
    pub(super) fn voting_panel(&mut self, ui: &mut egui::Ui, typing: bool, show: bool) {
        let ctx = ui.ctx().clone();
        self.voting.follow(&self.doc);
        if self.voting.is_casting(self.doc.map())
            && self.dialog.is_none()
            && !typing
            && let Some(status) = self.voting.keys(&ctx, self.doc.map())
        {
            self.status = status;
        }
        if self.voting.open && show {
            let mut requests = Default::default();
            egui::Panel::left("voting")
                .default_size(260.0)
                .max_size(420.0)
                .resizable(true)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        requests = self.voting.show(ui, &self.doc);
                    });
                });
            let requests: crate::ui::voting::Requests = requests;
            if let Some(status) = requests.status {
                self.status = status;
            }
            if let Some(card) = requests.reveal {
                self.canvas.select_and_reveal(Selection::Card(card));
            }
            if requests.clear {
                self.clear_votes();
            }
            if requests.start {
                self.dialog = Some(self.start_vote_dialog());
            }
        }
        self.canvas.casting = self.voting.is_casting(self.doc.map());
        self.canvas.highlight = self.voting.highlighted(&self.doc);
    }

    /// Turns the canvas's clicks on cards, while votes are cast, into dots.
    pub(super) fn vote_clicks(&mut self) {
        for click in std::mem::take(&mut self.canvas.vote_clicks) {
            self.status = self.voting.cast(&mut self.doc, click);
        }
    }
}

impl WaymarkApp {
    /// Every frame: in a live session while a round runs, this window joins it as its own participant (once per
    /// round, outside the undo history, so that Undo only ever takes back this person's own dots), and the
    /// voting panel opens with that participant's turn. Outside a live session every participant may be picked.
    pub(super) fn vote_as_live_participant(&mut self) {
        self.voting.follow(&self.doc);
        if !self.voting_live() {
            self.voting.own = None;
            self.voting.joined_round = None;
            return;
        }
        let Some(vote) = &self.doc.map().vote else {
            return;
        };
        // Once per round: join it (unless this person is in it already, back in the room) and take the turn.
        let round = vote.round;
        if self.voting.joined_round == Some(round) {
            return;
        }
        self.voting.joined_round = Some(round);
        let me = self.own_participant();
        let (id, name) = (me.id, me.name.clone());
        let joined = match self.doc.map().vote.as_ref().and_then(|v| v.participant(id)) {
            Some(_) => Ok(()),
            None => self.doc.apply_remote(Edit::JoinVote(me)),
        };
        match joined {
            Ok(()) => {
                let left = self.doc.map().vote.as_ref().map_or(0, |v| v.remaining(id));
                self.voting.open = true;
                self.voting.casting = true;
                self.voting.participant = Some(id);
                self.status = t!(k::STATUS_VOTE_JOINED, name = name, count = left);
            }
            Err(error) => {
                self.status = t!(k::STATUS_VOTE_JOIN_FAILED, reason = error.to_string());
            }
        }
    }
}

/// A participant id for this computer: drawn at random among the 2^32 − 2^16 ids of computers, so that two
/// computers practically never draw the same one.
fn computer_participant() -> ParticipantId {
    let mut bytes = [0u8; 4];
    let random = match getrandom::fill(&mut bytes) {
        Ok(()) => u32::from_le_bytes(bytes),
        // No system randomness: the clock's nanoseconds are the next best thing.
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos()),
    };
    ParticipantId(FIRST_COMPUTER_PARTICIPANT + random % (u32::MAX - FIRST_COMPUTER_PARTICIPANT + 1))
}
