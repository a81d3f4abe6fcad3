//! Dot voting in the app: the voting panel beside the canvas, the start dialog, clearing a round, and the
//! canvas's clicks while votes are cast.

use super::WaymarkApp;
use crate::edit::Edit;
use crate::i18n::k;
use crate::model::Vote;
use crate::t;
use crate::ui::commands::Command;
use crate::ui::dialogs::Dialog;
use crate::ui::selection::Selection;
use crate::ui::voting::VoteSetup;

impl WaymarkApp {
    /// The start dialog, with the last round's settings when there is one.
    pub(super) fn start_vote_dialog(&self) -> Dialog {
        let setup = match &self.doc.map().vote {
            Some(vote) => VoteSetup {
                lane: vote.lane,
                votes_each: vote.votes_each,
                several_per_card: vote.several_per_card,
                participants: vote.participants.len(),
                names: vote.participants.iter().map(|p| p.name.clone()).collect(),
            },
            None => VoteSetup::default(),
        };
        Dialog::StartVote(setup)
    }

    /// Starts a round (replacing any other, as one undo step) and hands the first participant the turn.
    pub fn start_vote(&mut self, vote: Vote) {
        let (people, each) = (vote.participants.len(), vote.votes_each);
        match self.doc.apply(Edit::SetVote(Some(vote))) {
            Ok(()) => {
                self.voting.started();
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
