//! `waymark share` and `waymark snapshot`: a map into a room, a room's map into a file, without a window.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::{Address, Presence, Session, SessionKind, State, SyncError, random_room};
use crate::edit::Document;
use crate::i18n::k;
use crate::io::{load_file, to_ron_string, write_atomically};
use crate::model::Map;
use crate::t;

/// Put a map into a live-session room and print the room's address for others to join.
#[derive(clap::Args, Debug, Clone)]
pub struct ShareArgs {
    /// The map file (.ron) to share.
    #[arg(value_name = "MAP")]
    pub map: PathBuf,
    /// The y-websocket server, e.g. ws://127.0.0.1:1234.
    #[arg(long, value_name = "URL")]
    pub server: String,
    /// The room's name; a new unguessable one when not given. The room must be empty.
    #[arg(long, value_name = "NAME")]
    pub room: Option<String>,
    /// A token for servers that require one (or WAYMARK_SYNC_TOKEN).
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
}

/// Write the map currently in a live-session room as a map file.
#[derive(clap::Args, Debug, Clone)]
pub struct SnapshotArgs {
    /// The y-websocket server, e.g. ws://127.0.0.1:1234.
    #[arg(long, value_name = "URL")]
    pub server: String,
    /// The room's name.
    #[arg(long, value_name = "NAME")]
    pub room: String,
    /// The map file (.ron) to write; it is replaced if it exists.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// A token for servers that require one (or WAYMARK_SYNC_TOKEN).
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
}

/// The token to send: the one given on the command line, else WAYMARK_SYNC_TOKEN's (which, unlike an argument,
/// other users of the computer cannot see in the process list).
pub fn token(given: Option<&str>) -> Option<String> {
    given
        .map(str::to_owned)
        .or_else(|| std::env::var("WAYMARK_SYNC_TOKEN").ok())
        .filter(|t| !t.trim().is_empty())
}

/// How long the command line waits for the server.
const WAIT: Duration = Duration::from_secs(10);

fn presence() -> Presence {
    Presence {
        name: "waymark (command line)".to_owned(),
        color: [0x88, 0x88, 0x88],
        ..Presence::default()
    }
}

/// Runs `waymark share`: returns the room's address.
pub fn run_share(args: &ShareArgs) -> Result<String, String> {
    let map = load_file(&args.map).map_err(|e| e.to_string())?;
    let room = match &args.room {
        Some(room) => room.clone(),
        None => random_room().map_err(|e| e.to_string())?,
    };
    let address = Address::new(&args.server, &room)
        .and_then(|a| a.with_token(token(args.token.as_deref()).as_deref()))
        .map_err(|e| e.to_string())?;
    share(&map, &address).map_err(|e| e.to_string())?;
    Ok(address.url())
}

/// Puts a map into an empty room and waits until a second connection reads it back from the server.
pub fn share(map: &Map, address: &Address) -> Result<(), SyncError> {
    let mut session = Session::start(
        address.clone(),
        SessionKind::Share(Box::new(map.clone())),
        presence(),
    )?;
    let mut doc = Document::new(map.clone());
    wait_started(&mut session, &mut doc)?;
    // The server answers nothing to an update; reading the room anew shows that it has the map.
    let deadline = Instant::now() + WAIT;
    loop {
        let copy = snapshot(address)?;
        if copy.stages == map.stages && copy.lanes == map.lanes && copy.cards == map.cards {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(SyncError::Timeout);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Runs `waymark snapshot`: writes the room's map; returns what to tell the user.
pub fn run_snapshot(args: &SnapshotArgs) -> Result<String, String> {
    let address = Address::new(&args.server, &args.room)
        .and_then(|a| a.with_token(token(args.token.as_deref()).as_deref()))
        .map_err(|e| e.to_string())?;
    let map = snapshot(&address).map_err(|e| e.to_string())?;
    let text = to_ron_string(&map)?;
    write_atomically(&args.output, text.as_bytes())?;
    Ok(t!(
        k::CLI_SNAPSHOT_WRITTEN,
        path = args.output.display(),
        summary = crate::io::cli::summary(&map)
    ))
}

/// The map in a room, as a file would hold it.
pub fn snapshot(address: &Address) -> Result<Map, SyncError> {
    let mut session = Session::start(address.clone(), SessionKind::Join, presence())?;
    let mut doc = Document::new(super::shape::empty_map());
    wait_started(&mut session, &mut doc)?;
    let mut map = doc.map().clone();
    // The id counter of this participant means nothing in a file: past every id, as a file's is.
    map.next_id = 1;
    map.repair_id_counter();
    Ok(map)
}

/// Waits until the session has started, or says why it cannot: the first failure to connect is final here
/// (the editor keeps trying instead).
fn wait_started(session: &mut Session, doc: &mut Document) -> Result<(), SyncError> {
    let deadline = Instant::now() + WAIT;
    loop {
        session.poll(doc);
        match session.state() {
            State::Failed(error) | State::Offline(error) => return Err(error.clone()),
            _ if session.started() => return Ok(()),
            _ => {}
        }
        if Instant::now() > deadline {
            return Err(SyncError::Timeout);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}
