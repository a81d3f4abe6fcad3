//! The network thread of a live session. It owns the shared Yjs document: writes the editor's changes into
//! it, exchanges updates with the server, reads the merged map back, repairs it and hands it to the editor.
//! When the connection drops it keeps taking the editor's changes and merges both sides on reconnecting.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::{Duration, Instant};

use yrs::sync::{Awareness, Message, SyncMessage};
use yrs::updates::decoder::Decode;
use yrs::{Doc, ReadTxn, Transact, Update};

use super::net::{Connection, Incoming};
use super::presence::{self, Peer, Presence};
use super::session::{Event, SessionKind, State};
use super::shape::{self, Roots};
use super::{Address, IdBlock, SyncError, repair};
use crate::model::Map;

pub enum ToWorker {
    Local {
        generation: u64,
        base: Arc<Map>,
        map: Arc<Map>,
    },
    Presence(Presence),
    Leave,
}

/// How often a participant says it is still there, and when others not heard of have left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// How often this participant tells the room it is still there (y-protocols forgets after 30 s).
    pub heartbeat: Duration,
    /// Others not heard of for this long have left.
    pub peer_timeout: Duration,
}

impl Default for Timing {
    fn default() -> Timing {
        Timing {
            heartbeat: Duration::from_secs(15),
            peer_timeout: Duration::from_secs(30),
        }
    }
}
const FIRST_RETRY: Duration = Duration::from_millis(250);
const LAST_RETRY: Duration = Duration::from_secs(3);
/// The most messages read before the thread looks at the editor's requests again.
const READ_BATCH: usize = 256;
/// How long a room that looks empty is watched for content the server is still loading from disk (750 ms was
/// too short on a busy 2-core machine: a stored room was taken for an empty one).
const EMPTY_GRACE: Duration = Duration::from_secs(2);

pub fn spawn(
    address: Address,
    kind: SessionKind,
    presence: Presence,
    block: IdBlock,
    from_ui: Receiver<ToWorker>,
    to_ui: Sender<Event>,
    timing: Timing,
) {
    let _ = std::thread::Builder::new()
        .name("waymark-sync".to_owned())
        .spawn(move || Worker::new(address, kind, presence, block, to_ui, timing).run(from_ui));
}

impl Worker {
    fn new(
        address: Address,
        kind: SessionKind,
        presence: Presence,
        block: IdBlock,
        to_ui: Sender<Event>,
        timing: Timing,
    ) -> Worker {
        let doc = Doc::new();
        let roots = Roots::new(&doc);
        let (share, ui_map) = match kind {
            SessionKind::Share(map) => (true, Arc::new(*map)),
            SessionKind::Join => (false, Arc::new(shape::empty_map())),
        };
        let mut worker = Worker {
            address,
            awareness: Awareness::new(doc),
            roots,
            block,
            share,
            started: false,
            failed: false,
            ui_map,
            ui_generation: 0,
            remote_dirty: false,
            remote_sent: false,
            connection: None,
            synced: false,
            synced_at: None,
            retry_at: Instant::now(),
            backoff: FIRST_RETRY,
            last_heartbeat: Instant::now(),
            timing,
            peers: Vec::new(),
            known: presence::Known::default(),
            state: State::Connecting,
            to_ui,
        };
        worker.set_presence(presence);
        worker
    }
}

struct Worker {
    address: Address,
    awareness: Awareness,
    roots: Roots,
    block: IdBlock,
    /// Sharing: the editor's map goes into the room once the room turns out to be empty.
    share: bool,
    /// The room's map and the editor's are one (shared, or joined).
    started: bool,
    /// The session cannot go on; only leaving remains.
    failed: bool,
    /// The map as the editor has it, as far as this thread knows.
    ui_map: Arc<Map>,
    ui_generation: u64,
    /// Others' updates arrived since the map was last read.
    remote_dirty: bool,
    /// A map was sent to the editor since its last change (it may have dropped it).
    remote_sent: bool,
    connection: Option<Connection>,
    /// The server's state has arrived on this connection.
    synced: bool,
    /// When the server's state first arrived (before the session started).
    synced_at: Option<Instant>,
    retry_at: Instant,
    backoff: Duration,
    last_heartbeat: Instant,
    timing: Timing,
    peers: Vec<Peer>,
    /// Others' states as last read, so that only changed ones are read again.
    known: presence::Known,
    state: State,
    to_ui: Sender<Event>,
}

impl Worker {
    fn run(mut self, from_ui: Receiver<ToWorker>) {
        loop {
            loop {
                match from_ui.try_recv() {
                    Ok(ToWorker::Leave) | Err(TryRecvError::Disconnected) => return self.leave(),
                    Ok(request) => self.request(request),
                    Err(TryRecvError::Empty) => break,
                }
            }
            if self.connection.is_none() {
                let now = Instant::now();
                if now < self.retry_at || self.failed {
                    let wait = self
                        .retry_at
                        .saturating_duration_since(now)
                        .clamp(Duration::from_millis(5), Duration::from_millis(100));
                    match from_ui.recv_timeout(wait) {
                        Ok(ToWorker::Leave) | Err(RecvTimeoutError::Disconnected) => {
                            return self.leave();
                        }
                        Ok(request) => self.request(request),
                        Err(RecvTimeoutError::Timeout) => {}
                    }
                    continue;
                }
                self.connect();
            }
            self.read();
            if !self.started {
                self.decide();
            }
            if self.remote_dirty {
                self.refresh();
            }
            if self.last_heartbeat.elapsed() >= self.timing.heartbeat {
                self.last_heartbeat = Instant::now();
                self.renew_presence();
                self.send_awareness();
                self.update_peers();
            }
        }
    }

    fn request(&mut self, request: ToWorker) {
        match request {
            ToWorker::Local {
                generation,
                base,
                map,
            } => self.local(generation, &base, map),
            ToWorker::Presence(presence) => {
                self.set_presence(presence);
                // Only this participant's state changed: the others' are not sent again.
                self.send_own_awareness();
            }
            ToWorker::Leave => {}
        }
    }

    fn report(&mut self, state: State) {
        if state != self.state {
            self.state = state.clone();
            let _ = self.to_ui.send(Event::State(state));
        }
    }

    fn connect(&mut self) {
        match Connection::open(&self.address) {
            Ok(connection) => {
                self.connection = Some(connection);
                self.synced = false;
                self.backoff = FIRST_RETRY;
                let sv = self.awareness.doc().transact().state_vector();
                self.send(Message::Sync(SyncMessage::SyncStep1(sv)));
                self.renew_presence();
                self.send_awareness();
            }
            // Trying again would only be refused again: the user has to give another token. (Other refusals,
            // such as a proxy's 502 while the server restarts, are tried again.)
            Err(error @ SyncError::Unauthorized(_)) => self.fail(error),
            Err(error) => self.disconnected(error),
        }
    }

    fn disconnected(&mut self, error: SyncError) {
        if let Some(connection) = self.connection.take() {
            connection.close();
        }
        self.synced = false;
        self.synced_at = None;
        self.retry_at = Instant::now() + self.backoff;
        self.backoff = (self.backoff * 2).min(LAST_RETRY);
        if !self.failed {
            let error = match error {
                SyncError::Unreachable { reason, .. } => SyncError::Unreachable {
                    server: self.address.server.clone(),
                    reason,
                },
                other => other,
            };
            self.report(State::Offline(error));
        }
        // Nobody else is known to be there while offline.
        if !self.peers.is_empty() {
            self.peers.clear();
            let _ = self.to_ui.send(Event::Peers(Vec::new()));
        }
    }

    fn send(&mut self, message: Message) {
        let Some(connection) = self.connection.as_mut() else {
            return;
        };
        if let Err(error) = connection.send(&message) {
            self.disconnected(error);
        }
    }

    fn read(&mut self) {
        for _ in 0..READ_BATCH {
            let Some(connection) = self.connection.as_mut() else {
                return;
            };
            match connection.read() {
                Ok(Incoming::Idle) => return,
                Ok(Incoming::Other) => {}
                Ok(Incoming::Message(message)) => self.handle(message),
                Err(error) => return self.disconnected(error),
            }
        }
    }

    fn handle(&mut self, message: Message) {
        match message {
            Message::Sync(SyncMessage::SyncStep1(sv)) => {
                let update = self
                    .awareness
                    .doc()
                    .transact()
                    .encode_state_as_update_v1(&sv);
                self.send(Message::Sync(SyncMessage::SyncStep2(update)));
            }
            Message::Sync(SyncMessage::SyncStep2(update)) => {
                self.apply(&update);
                if !self.synced {
                    self.synced = true;
                    self.on_synced();
                }
            }
            Message::Sync(SyncMessage::Update(update)) => self.apply(&update),
            Message::Awareness(update) => {
                let applied =
                    catch_unwind(AssertUnwindSafe(|| self.awareness.apply_update(update)));
                if matches!(applied, Ok(Ok(_))) {
                    self.update_peers();
                }
            }
            Message::AwarenessQuery => self.send_awareness(),
            Message::Auth(Some(reason)) => {
                self.failed = true;
                self.report(State::Failed(SyncError::Refused(reason)));
                self.disconnected(SyncError::Timeout);
            }
            Message::Auth(None) | Message::Custom(..) => {}
        }
    }

    /// Applies an update from the server. A broken or hostile one is dropped (never a panic).
    fn apply(&mut self, bytes: &[u8]) {
        let doc = self.awareness.doc();
        let applied = catch_unwind(AssertUnwindSafe(|| {
            let update = Update::decode_v1(bytes).ok()?;
            doc.transact_mut().apply_update(update).ok()
        }));
        if matches!(applied, Ok(Some(()))) {
            self.remote_dirty = true;
        }
    }

    /// The server's state has arrived. A y-websocket server answers before it has loaded a room from disk
    /// (the room's content follows as an update), so a room that looks empty is only taken as empty after
    /// [`EMPTY_GRACE`].
    fn on_synced(&mut self) {
        if self.started {
            self.report(State::Online);
            return;
        }
        self.synced_at = Some(Instant::now());
        self.decide();
    }

    /// Before the session has started: shares into the room or joins it once its content is known.
    fn decide(&mut self) {
        let Some(since) = self.synced_at.filter(|_| !self.started && !self.failed) else {
            return;
        };
        let empty = self.roots.is_empty(&self.awareness.doc().transact());
        if empty && since.elapsed() < EMPTY_GRACE {
            return;
        }
        let room = self.address.room.clone();
        match (self.share, empty) {
            (true, false) => self.fail(SyncError::RoomTaken(room)),
            (false, true) => self.fail(SyncError::EmptyRoom(room)),
            (true, true) => {
                let map = self.ui_map.clone();
                self.write(&shape::empty_map(), &map);
                self.start();
            }
            (false, false) => self.start(),
        }
    }

    fn fail(&mut self, error: SyncError) {
        self.failed = true;
        self.report(State::Failed(error));
        if let Some(connection) = self.connection.take() {
            connection.close();
        }
    }

    fn start(&mut self) {
        match self.read_map() {
            Ok(map) => {
                self.started = true;
                self.remote_dirty = false;
                self.ui_map = Arc::new(map.clone());
                let _ = self.to_ui.send(Event::Started {
                    generation: self.ui_generation,
                    map: Box::new(map),
                });
                self.report(State::Online);
            }
            Err(error) => self.fail(error),
        }
    }

    /// Writes the editor's change into the document and sends it.
    fn local(&mut self, generation: u64, base: &Map, map: Arc<Map>) {
        self.ui_generation = generation;
        if self.started {
            self.write(base, &map);
        }
        self.ui_map = map;
        if self.started && (self.remote_dirty || self.remote_sent) {
            self.refresh();
        }
    }

    fn write(&mut self, base: &Map, map: &Map) {
        let update = {
            let mut txn = self.awareness.doc().transact_mut();
            shape::write(&mut txn, &self.roots, base, map);
            txn.encode_update_v1()
        };
        // An update without changes is two zero bytes.
        if update.len() > 2 && self.synced {
            self.send(Message::Sync(SyncMessage::Update(update)));
        }
    }

    /// The document's map, repaired (the repair is written back so that everyone gets the same map), with
    /// this participant's id counter.
    fn read_map(&mut self) -> Result<Map, SyncError> {
        let raw = shape::read(&self.awareness.doc().transact(), &self.roots, &self.ui_map)
            .map_err(|e| SyncError::BadContent(format!("{e:?}")))?;
        let mut map = raw.clone();
        repair(&mut map, &self.ui_map);
        if map.stages != raw.stages
            || map.lanes != raw.lanes
            || map.cards != raw.cards
            || map.vote != raw.vote
        {
            self.write(&raw, &map);
        }
        map.next_id = self.block.next_id(&map, self.ui_map.next_id);
        match map.validate().into_iter().next() {
            Some(error) => Err(SyncError::BadContent(error.to_string())),
            None => Ok(map),
        }
    }

    /// Reads the merged map and hands it to the editor when it differs from the editor's.
    fn refresh(&mut self) {
        self.remote_dirty = false;
        if !self.started {
            return;
        }
        match self.read_map() {
            Ok(map) if map != *self.ui_map => {
                let map = Arc::new(map);
                self.ui_map = map.clone();
                self.remote_sent = true;
                let _ = self.to_ui.send(Event::Remote {
                    generation: self.ui_generation,
                    map: Box::new((*map).clone()),
                });
            }
            Ok(_) => self.remote_sent = false,
            // What arrived does not make a map; the editor keeps the last good one.
            Err(_) => {}
        }
    }

    fn set_presence(&mut self, presence: Presence) {
        self.awareness
            .set_local_state_raw(presence::encode(&presence));
    }

    /// Announces the same state again with a newer clock: others take a state only when its clock is newer than
    /// the one they have, so a repeat with the same clock (after reconnecting, or as a heartbeat) would not tell
    /// them this participant is still there, and they would drop it after [`Timing::peer_timeout`].
    fn renew_presence(&mut self) {
        if let Some(json) = self.awareness.local_state_raw() {
            self.awareness.set_local_state_raw(json);
        }
    }

    fn send_own_awareness(&mut self) {
        let me = self.awareness.client_id();
        if let Ok(update) = self.awareness.update_with_clients([me]) {
            self.send(Message::Awareness(update));
        }
    }

    fn send_awareness(&mut self) {
        if let Ok(update) = self.awareness.update() {
            self.send(Message::Awareness(update));
        }
    }

    fn update_peers(&mut self) {
        let peers = self.known.peers(
            &self.awareness,
            u64::try_from(self.timing.peer_timeout.as_millis()).unwrap_or(u64::MAX),
        );
        if peers != self.peers {
            self.peers = peers.clone();
            let _ = self.to_ui.send(Event::Peers(peers));
        }
    }

    fn leave(mut self) {
        self.awareness.clean_local_state();
        // `update()` leaves out removed states: the removal is sent by name.
        self.send_own_awareness();
        if let Some(connection) = self.connection.take() {
            connection.close();
        }
    }
}
