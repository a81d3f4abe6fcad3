//! The editor's side of a live session: sends its changes to the network thread and brings others' changes in
//! as edits outside the undo history. Never waits for the network.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use super::presence::{Peer, Presence};
use super::worker::{self, Timing, ToWorker};
use super::{Address, IdBlock, SyncError};
use crate::edit::{Document, Edit};
use crate::model::Map;

/// Whether the session puts a map into a room or takes the room's map.
#[derive(Clone, Debug)]
pub enum SessionKind {
    Share(Box<Map>),
    Join,
}

/// The connection as the status bar shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum State {
    Connecting,
    /// Connected and up to date with the server.
    Online,
    /// Not connected; working locally and trying again. Carries why the connection dropped.
    Offline(SyncError),
    /// The session cannot go on (the room is empty, or already holds a map when sharing).
    Failed(SyncError),
}

/// What the network thread reports.
#[derive(Debug)]
pub enum Event {
    State(State),
    /// The room's map, once joined (or once the shared map is in the room); `generation` as for `Remote`.
    Started {
        generation: u64,
        map: Box<Map>,
    },
    /// Others changed the map; `generation` is the last change of ours it includes.
    Remote {
        generation: u64,
        map: Box<Map>,
    },
    Peers(Vec<Peer>),
}

/// What [`Session::poll`] did to the document.
#[derive(Debug, Default, PartialEq)]
pub struct Polled {
    /// The document now holds the room's map (after joining): its history was reset.
    pub started: bool,
    /// Others' changes were applied.
    pub remote: bool,
    /// The state or the people present changed.
    pub status: bool,
}

/// A running live session. Dropping it leaves the room.
pub struct Session {
    pub address: Address,
    to_worker: Sender<ToWorker>,
    events: Receiver<Event>,
    generation: u64,
    /// The map as the network thread last had it from us (or gave it to us).
    synced: Arc<Map>,
    seen_revision: u64,
    started: bool,
    /// Joining a room (its map replaces the document) rather than sharing this map into one.
    join: bool,
    state: State,
    peers: std::sync::Arc<[Peer]>,
}

impl Session {
    /// Starts a session on its own thread. For [`SessionKind::Share`] the map goes into the room as soon as
    /// the room turns out to be empty.
    pub fn start(
        address: Address,
        kind: SessionKind,
        presence: Presence,
    ) -> Result<Session, SyncError> {
        Session::start_with(address, kind, presence, Timing::default())
    }

    /// [`Session::start`] with other heartbeat and timeout periods (tests use short ones).
    pub fn start_with(
        address: Address,
        kind: SessionKind,
        presence: Presence,
        timing: Timing,
    ) -> Result<Session, SyncError> {
        let block = IdBlock::random()?;
        let join = matches!(kind, SessionKind::Join);
        let synced = match &kind {
            SessionKind::Share(map) => Arc::new((**map).clone()),
            SessionKind::Join => Arc::new(super::shape::empty_map()),
        };
        let (to_worker, from_ui) = channel();
        let (to_ui, events) = channel();
        worker::spawn(
            address.clone(),
            kind,
            presence,
            block,
            from_ui,
            to_ui,
            timing,
        );
        Ok(Session {
            address,
            to_worker,
            events,
            generation: 0,
            synced,
            seen_revision: 0,
            started: false,
            join,
            state: State::Connecting,
            peers: std::sync::Arc::from(Vec::new()),
        })
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn peers(&self) -> &[Peer] {
        &self.peers
    }

    /// The people present, shared (cheap to keep for drawing them every frame).
    pub fn peers_shared(&self) -> std::sync::Arc<[Peer]> {
        self.peers.clone()
    }

    /// Whether the room's map is in the document (joined, or shared into the room).
    pub fn started(&self) -> bool {
        self.started
    }

    /// Tells the others what this participant is doing (the card being typed in, the selection, the view).
    /// Send it only when it changed.
    pub fn set_presence(&self, presence: Presence) {
        let _ = self.to_worker.send(ToWorker::Presence(presence));
    }

    /// Brings in what arrived and sends what changed here. Call it often (every frame); it never blocks.
    /// When joining, the document is replaced by the room's map once it has arrived.
    pub fn poll(&mut self, doc: &mut Document) -> Polled {
        let mut polled = Polled::default();
        // Changes made here go out first: a map from the network thread that does not have them yet is then
        // recognised as older (by its generation) and left alone.
        self.send_local(doc);
        loop {
            match self.events.try_recv() {
                Ok(Event::State(state)) => {
                    polled.status = true;
                    self.state = state;
                }
                Ok(Event::Peers(peers)) => {
                    polled.status = true;
                    self.peers = std::sync::Arc::from(peers);
                }
                Ok(Event::Started { generation, map }) => {
                    self.started = true;
                    polled.started = true;
                    if *doc.map() != *map {
                        if self.join {
                            doc.replace(*map);
                        } else if generation == self.generation {
                            // Sharing: only this participant's id counter differs.
                            let _ = doc.apply_remote(Edit::ReplaceMap(map));
                        }
                    }
                    self.synced = Arc::new(doc.map().clone());
                    self.seen_revision = doc.revision();
                }
                Ok(Event::Remote { generation, map }) => {
                    // Changes of ours that the network thread has not seen yet would be undone by this map;
                    // it sends a newer one once it has them.
                    if generation == self.generation && self.started && *doc.map() != *map {
                        match doc.apply_remote(Edit::ReplaceMap(map)) {
                            Ok(()) => polled.remote = true,
                            Err(_) => continue,
                        }
                        self.synced = Arc::new(doc.map().clone());
                        self.seen_revision = doc.revision();
                    }
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => break,
            }
        }
        self.send_local(doc);
        polled
    }

    /// Sends the document's changes since the last call to the network thread.
    fn send_local(&mut self, doc: &Document) {
        if doc.revision() != self.seen_revision && (self.started || !self.join) {
            self.seen_revision = doc.revision();
            if *doc.map() != *self.synced {
                self.generation += 1;
                let map = Arc::new(doc.map().clone());
                let base = std::mem::replace(&mut self.synced, map.clone());
                let _ = self.to_worker.send(ToWorker::Local {
                    generation: self.generation,
                    base,
                    map,
                });
            }
        }
    }

    /// Leaves the room (the others see this participant go).
    pub fn leave(self) {}
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.to_worker.send(ToWorker::Leave);
    }
}
