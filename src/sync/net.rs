//! The connection to a y-websocket server: a plain blocking WebSocket (tungstenite) on the worker thread, with
//! a short read timeout so that the thread can also serve the editor. Messages are the y-sync protocol's
//! (`yrs::sync::Message`).

use std::io::ErrorKind;
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

use tungstenite::protocol::WebSocketConfig;
use tungstenite::{Message as WsMessage, WebSocket};
use yrs::sync::Message;
use yrs::updates::decoder::Decode;
use yrs::updates::encoder::Encode;

use super::{Address, SyncError};

/// The largest message accepted from the server (the whole room arrives in one message when joining).
pub const MAX_MESSAGE: usize = 64 << 20;
/// How long connecting may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// How long one read waits before the thread looks at the editor's requests again.
pub const POLL: Duration = Duration::from_millis(4);

pub struct Connection {
    socket: WebSocket<TcpStream>,
}

/// What one read brought.
pub enum Incoming {
    Message(Message),
    /// Nothing yet.
    Idle,
    /// A message that is not y-sync (ignored).
    Other,
}

impl Connection {
    pub fn open(address: &Address) -> Result<Connection, SyncError> {
        let (host, path) = address.host_and_path();
        let unreachable = |reason: String| SyncError::Unreachable {
            server: address.server.clone(),
            reason,
        };
        let addrs: Vec<_> = host
            .to_socket_addrs()
            .map_err(|e| unreachable(e.to_string()))?
            .collect();
        let mut last = String::new();
        let mut stream = None;
        for addr in addrs {
            match TcpStream::connect_timeout(&addr, CONNECT_TIMEOUT) {
                Ok(s) => {
                    stream = Some(s);
                    break;
                }
                Err(e) => last = e.to_string(),
            }
        }
        let stream = stream.ok_or_else(|| unreachable(last))?;
        let _ = stream.set_nodelay(true);
        stream
            .set_read_timeout(Some(CONNECT_TIMEOUT))
            .and_then(|()| stream.set_write_timeout(Some(Duration::from_secs(10))))
            .map_err(|e| unreachable(e.to_string()))?;
        let config = WebSocketConfig::default()
            .max_message_size(Some(MAX_MESSAGE))
            .max_frame_size(Some(MAX_MESSAGE));
        let url = format!("ws://{host}{path}");
        let (socket, _) =
            tungstenite::client::client_with_config(url.as_str(), stream, Some(config)).map_err(
                |e| match e {
                    tungstenite::HandshakeError::Failure(tungstenite::Error::Http(response)) => {
                        let status = response.status();
                        if status == 401 || status == 403 {
                            SyncError::Unauthorized(status.to_string())
                        } else {
                            SyncError::Refused(status.to_string())
                        }
                    }
                    other => unreachable(other.to_string()),
                },
            )?;
        socket
            .get_ref()
            .set_read_timeout(Some(POLL))
            .map_err(|e| unreachable(e.to_string()))?;
        Ok(Connection { socket })
    }

    pub fn send(&mut self, message: &Message) -> Result<(), SyncError> {
        self.socket
            .send(WsMessage::binary(message.encode_v1()))
            .map_err(|e| self.error(e))
    }

    /// Waits at most [`POLL`] for a message.
    pub fn read(&mut self) -> Result<Incoming, SyncError> {
        match self.socket.read() {
            Ok(WsMessage::Binary(bytes)) => {
                Ok(decode(&bytes).map_or(Incoming::Other, Incoming::Message))
            }
            Ok(WsMessage::Close(_)) => Err(SyncError::Unreachable {
                server: String::new(),
                reason: "closed".to_owned(),
            }),
            Ok(_) => Ok(Incoming::Other),
            Err(tungstenite::Error::Io(e))
                if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) =>
            {
                Ok(Incoming::Idle)
            }
            Err(e) => Err(self.error(e)),
        }
    }

    pub fn close(mut self) {
        let _ = self.socket.close(None);
        let _ = self.socket.flush();
    }

    fn error(&self, error: tungstenite::Error) -> SyncError {
        match error {
            tungstenite::Error::Capacity(_) => SyncError::TooLarge,
            other => SyncError::Unreachable {
                server: String::new(),
                reason: other.to_string(),
            },
        }
    }
}

/// Reads one y-sync message; `None` for anything else (a broken or hostile message never panics).
pub fn decode(bytes: &[u8]) -> Option<Message> {
    std::panic::catch_unwind(|| Message::decode_v1(bytes).ok())
        .ok()
        .flatten()
}
