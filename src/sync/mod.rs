//! Live sessions: several people edit one map at once, each in their own Waymark, through a Yjs room on a
//! y-websocket server (see the README's "Live sessions"). No egui here.
//!
//! - [`shape`]: how a map lives in the shared Yjs document (generic over the map's serde fields).
//! - [`vote_shape`]: how a round of dot voting lives there, so that concurrent voters all keep their dots.
//! - [`repair`]: makes what arrives a valid map (others' concurrent changes, hostile clients).
//! - [`net`]: the WebSocket connection and the y-sync protocol messages.
//! - [`presence`]: what each participant tells the others (name, colour, selection, view), read defensively.
//! - [`worker`]: the network thread that owns the shared document.
//! - [`Session`]: the handle the editor (or the command line) keeps; others' changes come out of it as
//!   [`crate::edit::Edit::ReplaceMap`] edits, applied outside the undo history.

pub mod cli;
pub mod net;
pub mod presence;
pub mod repair;
mod session;
pub mod shape;
pub mod vote_shape;
mod worker;

pub use presence::{Peer, Presence, SharedView};
pub use repair::repair;
pub use session::{Event, Session, SessionKind, State};
pub use worker::Timing;

use crate::model::{MAX_ID, Map};

/// Where a room is: the server's WebSocket address and the room's name. Written as `ws://host:port/ROOM`.
#[derive(Clone, PartialEq, Eq)]
pub struct Address {
    /// `ws://host:port` (no trailing slash), possibly with a path prefix.
    pub server: String,
    pub room: String,
    /// A token for servers that require one: sent as the `token` query parameter of the WebSocket address, as
    /// y-websocket's and y-sweet's clients send theirs. Never part of [`Address::url`], never printed.
    token: Option<String>,
}

impl std::fmt::Debug for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Address")
            .field("server", &self.server)
            .field("room", &self.room)
            .field("token", &self.token.as_ref().map(|_| "…"))
            .finish()
    }
}

/// The longest token accepted.
pub const MAX_TOKEN: usize = 4096;

/// The longest room name accepted.
pub const MAX_ROOM_NAME: usize = 128;

impl Address {
    /// The room's full address, to send to others.
    pub fn url(&self) -> String {
        format!("{}/{}", self.server, self.room)
    }

    /// A server address and a room name, both checked.
    pub fn new(server: &str, room: &str) -> Result<Address, SyncError> {
        let server = server.trim().trim_end_matches('/');
        let rest = server
            .strip_prefix("ws://")
            .ok_or_else(|| SyncError::BadAddress(server.to_owned()))?;
        if rest.is_empty() || rest.starts_with('/') || rest.contains(['?', '#', ' ']) {
            return Err(SyncError::BadAddress(server.to_owned()));
        }
        if !valid_room(room) {
            return Err(SyncError::BadRoom(room.to_owned()));
        }
        Ok(Address {
            server: server.to_owned(),
            room: room.to_owned(),
            token: None,
        })
    }

    /// The same room, reached with a token (blank: none). A token longer than [`MAX_TOKEN`] is refused.
    pub fn with_token(mut self, token: Option<&str>) -> Result<Address, SyncError> {
        let token = token.map(str::trim).filter(|t| !t.is_empty());
        if token.is_some_and(|t| t.len() > MAX_TOKEN) {
            return Err(SyncError::BadToken);
        }
        self.token = token.map(str::to_owned);
        Ok(self)
    }

    pub fn has_token(&self) -> bool {
        self.token.is_some()
    }

    /// Reads a full room address, `ws://host:port/ROOM`.
    pub fn parse(url: &str) -> Result<Address, SyncError> {
        let url = url.trim().trim_end_matches('/');
        let rest = url
            .strip_prefix("ws://")
            .ok_or_else(|| SyncError::BadAddress(url.to_owned()))?;
        match rest.rsplit_once('/') {
            Some((host, room)) if !host.is_empty() => Address::new(&url[..5 + host.len()], room),
            _ => Err(SyncError::BadAddress(url.to_owned())),
        }
    }

    /// `host:port` of the server, and the path to ask for in the WebSocket handshake.
    fn host_and_path(&self) -> (String, String) {
        let rest = &self.server["ws://".len()..];
        let (host, prefix) = match rest.split_once('/') {
            Some((host, prefix)) => (host, format!("/{prefix}")),
            None => (rest, String::new()),
        };
        let host = if host
            .rsplit_once(':')
            .is_some_and(|(_, p)| p.parse::<u16>().is_ok())
        {
            host.to_owned()
        } else {
            format!("{host}:80")
        };
        let query = match &self.token {
            Some(token) => format!(
                "?token={}",
                percent_encoding::utf8_percent_encode(token, percent_encoding::NON_ALPHANUMERIC)
            ),
            None => String::new(),
        };
        (host, format!("{prefix}/{}{query}", self.room))
    }
}

/// Room names: letters, digits, `-` and `_`, so that they are safe in an address and as a file name.
pub fn valid_room(room: &str) -> bool {
    !room.is_empty()
        && room.len() <= MAX_ROOM_NAME
        && room
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A new room name nobody can guess: 128 random bits, in lowercase letters and digits.
pub fn random_room() -> Result<String, SyncError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| SyncError::Random(e.to_string()))?;
    const DIGITS: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut bits = u128::from_le_bytes(bytes);
    let mut name = String::from("wm-");
    for _ in 0..26 {
        name.push(DIGITS[(bits & 31) as usize] as char);
        bits >>= 5;
    }
    Ok(name)
}

/// Everyone in a session hands out new ids from a block of its own, so that two people adding a card at the
/// same moment never give them the same id. Blocks are 2^32 ids wide; there are 2^21 of them below
/// [`MAX_ID`], chosen at random per session (two of twenty participants draw the same block about once in
/// ten thousand sessions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdBlock {
    pub start: u64,
}

const BLOCK_BITS: u32 = 32;

impl IdBlock {
    pub fn random() -> Result<IdBlock, SyncError> {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).map_err(|e| SyncError::Random(e.to_string()))?;
        let blocks = MAX_ID >> BLOCK_BITS;
        // Block 0 holds the ids of maps made before the session.
        let k = 1 + u64::from_le_bytes(bytes) % (blocks - 1);
        Ok(IdBlock {
            start: k << BLOCK_BITS,
        })
    }

    fn end(self) -> u64 {
        self.start + (1 << BLOCK_BITS)
    }

    /// The next id this participant hands out: above every id in its block, and never one it handed out
    /// before (`current` is its counter so far).
    pub fn next_id(self, map: &Map, current: u64) -> u64 {
        let in_block = |id: u64| (self.start..self.end()).contains(&id);
        let highest = map
            .stages
            .iter()
            .map(|s| s.id.0)
            .chain(map.lanes.iter().map(|l| l.id.0))
            .chain(map.cards.iter().map(|c| c.id.0))
            .filter(|id| in_block(*id))
            .max();
        let mut next = self.start;
        if in_block(current) {
            next = next.max(current);
        }
        if let Some(highest) = highest {
            next = next.max(highest + 1);
        }
        next
    }
}

/// What can go wrong in a live session. Shown to the user in the interface language.
#[derive(Clone, Debug, PartialEq)]
pub enum SyncError {
    BadAddress(String),
    BadRoom(String),
    /// The server could not be reached (or the connection dropped).
    Unreachable {
        server: String,
        reason: String,
    },
    /// The server refused the connection.
    Refused(String),
    /// The server refused the connection as unauthorised (HTTP 401 or 403: a missing or wrong token).
    Unauthorized(String),
    /// A token longer than [`MAX_TOKEN`].
    BadToken,
    /// The room holds no map.
    EmptyRoom(String),
    /// The room already holds a map (sharing would mix two maps).
    RoomTaken(String),
    /// The room's content is not a map Waymark can use.
    BadContent(String),
    /// A message larger than Waymark accepts.
    TooLarge,
    /// The server did not answer in time.
    Timeout,
    Random(String),
}

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::k;
        use crate::t;
        let text = match self {
            SyncError::BadAddress(a) => t!(k::SYNC_BAD_ADDRESS, address = a.as_str()),
            SyncError::BadRoom(r) => t!(k::SYNC_BAD_ROOM, room = r.as_str()),
            SyncError::Unreachable { server, reason } => t!(
                k::SYNC_UNREACHABLE,
                server = server.as_str(),
                reason = reason.as_str()
            ),
            SyncError::Refused(reason) => t!(k::SYNC_REFUSED, reason = reason.as_str()),
            SyncError::Unauthorized(status) => t!(k::SYNC_UNAUTHORIZED, status = status.as_str()),
            SyncError::BadToken => t!(k::SYNC_BAD_TOKEN, max = MAX_TOKEN as u64),
            SyncError::EmptyRoom(room) => t!(k::SYNC_EMPTY_ROOM, room = room.as_str()),
            SyncError::RoomTaken(room) => t!(k::SYNC_ROOM_TAKEN, room = room.as_str()),
            SyncError::BadContent(reason) => t!(k::SYNC_BAD_CONTENT, reason = reason.as_str()),
            SyncError::TooLarge => t!(
                k::SYNC_TOO_LARGE,
                megabytes = (net::MAX_MESSAGE >> 20) as u64
            ),
            SyncError::Timeout => t!(k::SYNC_TIMEOUT),
            SyncError::Random(reason) => t!(k::SYNC_RANDOM, reason = reason.as_str()),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SyncError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_read_back() {
        let a = Address::parse("ws://127.0.0.1:1234/room-1").expect("parses");
        assert_eq!(a.server, "ws://127.0.0.1:1234");
        assert_eq!(a.room, "room-1");
        assert_eq!(a.url(), "ws://127.0.0.1:1234/room-1");
        assert_eq!(
            a.host_and_path(),
            ("127.0.0.1:1234".to_owned(), "/room-1".to_owned())
        );
        assert!(Address::parse("http://x/room").is_err());
        assert!(Address::parse("ws://x:1/bad room").is_err());
        assert!(Address::parse("ws://x:1").is_err());
        let name = random_room().expect("random");
        assert!(valid_room(&name) && name.len() == 29);
        let with = a.clone().with_token(Some(" a b&c/й ")).expect("token");
        assert_eq!(with.host_and_path().1, "/room-1?token=a%20b%26c%2F%D0%B9");
        assert_eq!(
            with.url(),
            a.url(),
            "the token is never in the address to send"
        );
        assert!(!format!("{with:?}").contains("a b"), "nor in debug output");
        assert_eq!(a.clone().with_token(Some("  ")).expect("blank"), a);
    }
}
