//! File → Share live… and File → Join live…: the dialogs, the session the window keeps, and the status bar's
//! account of it (room, connection, who is there). The network runs in `crate::sync`, on its own thread.

use egui::{Color32, Id, Modal, RichText, Ui};

use super::app::WaymarkApp;
use crate::i18n::k;
use crate::sync::{Address, Presence, Session, SessionKind, State, random_room};
use crate::t;

/// The live session of a window, if any.
pub struct Live {
    pub session: Option<Session>,
    /// The document the session belongs to; another one (opened, new) ends the session.
    identity: u64,
    /// What the last dialog was given, offered again next time.
    pub server: String,
    pub name: String,
    /// The token for servers that require one: kept in memory only (never in the preferences, the recent files
    /// or the status bar).
    pub token: String,
    /// Following and being followed, and what was last told to the others.
    pub together: super::follow::Together,
}

impl Default for Live {
    fn default() -> Live {
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        Live {
            session: None,
            identity: 0,
            server: env("WAYMARK_SYNC_SERVER").unwrap_or_else(|| "ws://127.0.0.1:1234".to_owned()),
            name: env("WAYMARK_NAME")
                .or_else(|| env("USER"))
                // Windows names the user here.
                .or_else(|| env("USERNAME"))
                .unwrap_or_else(|| "Waymark".to_owned()),
            token: crate::sync::cli::token(None).unwrap_or_default(),
            together: Default::default(),
        }
    }
}

/// A participant's colour, from their name (the same on every computer).
pub fn color_of(name: &str) -> [u8; 3] {
    const PALETTE: [[u8; 3]; 8] = [
        [0xd0, 0x3a, 0x3a],
        [0x2a, 0x7a, 0xd0],
        [0x2e, 0x9a, 0x4e],
        [0xb0, 0x5c, 0xc8],
        [0xe0, 0x8a, 0x1e],
        [0x1a, 0x9a, 0x9a],
        [0xc8, 0x4a, 0x8a],
        [0x6a, 0x6a, 0x2a],
    ];
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    PALETTE[(hash % PALETTE.len() as u64) as usize]
}

/// The two live-session dialogs.
pub enum LiveDialog {
    Share {
        server: String,
        name: String,
        token: String,
    },
    Join {
        address: String,
        name: String,
        token: String,
    },
}

impl LiveDialog {
    pub fn share(app: &WaymarkApp) -> LiveDialog {
        LiveDialog::Share {
            server: app.live.server.clone(),
            name: app.live.name.clone(),
            token: app.live.token.clone(),
        }
    }

    pub fn join(app: &WaymarkApp) -> LiveDialog {
        LiveDialog::Join {
            address: String::new(),
            name: app.live.name.clone(),
            token: app.live.token.clone(),
        }
    }

    /// Shows the dialog; returns it while it stays open.
    pub fn show(mut self, ctx: &egui::Context, app: &mut WaymarkApp) -> Option<LiveDialog> {
        let mut go = false;
        let mut cancel = false;
        let (title, hint, button) = match &self {
            LiveDialog::Share { .. } => (
                k::LIVE_SHARE_TITLE,
                k::LIVE_SHARE_HINT,
                k::LIVE_SHARE_BUTTON,
            ),
            LiveDialog::Join { .. } => (k::LIVE_JOIN_TITLE, k::LIVE_JOIN_HINT, k::LIVE_JOIN_BUTTON),
        };
        Modal::new(Id::unique("live-dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(t!(title));
            ui.label(t!(hint));
            ui.add_space(8.0);
            let (first_label, first, name, token) = match &mut self {
                LiveDialog::Share {
                    server,
                    name,
                    token,
                } => (k::LIVE_SERVER, server, name, token),
                LiveDialog::Join {
                    address,
                    name,
                    token,
                } => (k::LIVE_ADDRESS, address, name, token),
            };
            egui::Grid::new("live-fields")
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label(t!(first_label));
                    let field = ui.add(egui::TextEdit::singleline(first).desired_width(340.0));
                    if ui.memory(|m| m.focused().is_none()) {
                        field.request_focus();
                    }
                    ui.end_row();
                    ui.label(t!(k::LIVE_NAME));
                    ui.add(egui::TextEdit::singleline(name).desired_width(340.0));
                    ui.end_row();
                    let label = ui.label(t!(k::LIVE_TOKEN));
                    ui.add(
                        egui::TextEdit::singleline(token)
                            .password(true)
                            .hint_text(t!(k::LIVE_TOKEN_PLACEHOLDER))
                            .desired_width(340.0),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(t!(k::LIVE_TOKEN_HINT));
                    ui.end_row();
                });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                go = ui.button(t!(button)).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Enter));
                cancel = ui.button(t!(k::CANCEL)).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape));
            });
        });
        if cancel {
            return None;
        }
        if !go {
            return Some(self);
        }
        let started = match &self {
            LiveDialog::Share {
                server,
                name,
                token,
            } => {
                app.live.server = server.trim().to_owned();
                app.live.name = name.trim().to_owned();
                app.live.token = token.trim().to_owned();
                random_room()
                    .and_then(|room| Address::new(server, &room))
                    .and_then(|address| address.with_token(Some(token)))
                    .map(|address| (address, SessionKind::Share(Box::new(app.doc.map().clone()))))
            }
            LiveDialog::Join {
                address,
                name,
                token,
            } => {
                app.live.name = name.trim().to_owned();
                app.live.token = token.trim().to_owned();
                Address::parse(address)
                    .and_then(|address| address.with_token(Some(token)))
                    .map(|address| {
                        app.live.server = address.server.clone();
                        (address, SessionKind::Join)
                    })
            }
        };
        match started.and_then(|(address, kind)| {
            Session::start(address, kind, presence(&app.live.name, None))
        }) {
            Ok(session) => {
                app.live.leave();
                app.live.identity = app.doc.identity();
                app.status = t!(k::LIVE_CONNECTING, room = session.address.room.as_str());
                app.live.session = Some(session);
                None
            }
            Err(error) => {
                app.status = error.to_string();
                Some(self)
            }
        }
    }
}

fn presence(name: &str, editing: Option<u64>) -> Presence {
    Presence {
        name: name.to_owned(),
        color: color_of(name),
        editing,
        ..Presence::default()
    }
}

impl Live {
    pub fn active(&self) -> bool {
        self.session.is_some()
    }

    /// Leaves the room, if in one.
    pub fn leave(&mut self) {
        self.session = None;
    }
}

impl WaymarkApp {
    /// Joins a room (from the command line's `--join`, with its `--token`); a bad address is shown in the
    /// status bar.
    pub fn join_live(&mut self, address: &str, token: Option<&str>) {
        if let Some(token) = token {
            self.live.token = token.trim().to_owned();
        }
        let joined = Address::parse(address)
            .and_then(|address| address.with_token(token))
            .and_then(|address| {
                Session::start(address, SessionKind::Join, presence(&self.live.name, None))
            });
        match joined {
            Ok(session) => {
                self.live.identity = self.doc.identity();
                self.status = t!(k::LIVE_CONNECTING, room = session.address.room.as_str());
                self.live.session = Some(session);
            }
            Err(error) => self.status = error.to_string(),
        }
    }

    /// Every frame: brings in others' changes and sends this window's, keeps the session to its document.
    pub(super) fn poll_live(&mut self, ctx: &egui::Context) {
        let Some(session) = self.live.session.as_mut() else {
            return;
        };
        if self.doc.identity() != self.live.identity {
            // Another map was opened or made: that one is not in the room.
            self.live.leave();
            self.status = t!(k::LIVE_LEFT);
            return;
        }
        let was_started = session.started();
        let polled = session.poll(&mut self.doc);
        if polled.started && !was_started {
            let address = session.address.url();
            if session_kind_joined(&self.doc, self.live.identity) {
                // Joined: the room's map is a new document, not the file that was open.
                self.path = None;
                self.canvas.editing = None;
                self.live.identity = self.doc.identity();
                self.status = t!(k::LIVE_JOINED, room = session.address.room.as_str());
            } else {
                ctx.copy_text(address.clone());
                self.status = t!(k::LIVE_SHARED, address = address);
            }
        }
        if let State::Failed(error) = session.state() {
            self.status = t!(k::LIVE_FAILED, reason = error.to_string());
            self.live.leave();
            return;
        }
        self.send_presence(ctx);
        // Others' changes arrive without any input here: look again soon.
        ctx.request_repaint_after(std::time::Duration::from_millis(50));
    }

    /// The status bar's part about the session: room, connection, who is there.
    pub(super) fn live_status(&mut self, ui: &mut Ui) {
        let Some(session) = &self.live.session else {
            return;
        };
        ui.separator();
        let room = session.address.room.as_str();
        let (text, color) = match session.state() {
            State::Connecting => (t!(k::LIVE_CONNECTING, room = room), Color32::GRAY),
            State::Online => (
                t!(k::LIVE_ONLINE, room = room, count = session.peers().len()),
                Color32::from_rgb(0x2e, 0x8a, 0x4e),
            ),
            State::Offline(error) => (
                t!(k::LIVE_OFFLINE, room = room, reason = error.to_string()),
                Color32::from_rgb(0xc0, 0x50, 0x20),
            ),
            State::Failed(error) => (
                t!(k::LIVE_FAILED, reason = error.to_string()),
                Color32::from_rgb(0xc0, 0x20, 0x20),
            ),
        };
        ui.label(RichText::new(text).color(color))
            .on_hover_text(session.address.url());
        if ui.small_button(t!(k::LIVE_COPY_ADDRESS)).clicked() {
            ui.ctx().copy_text(session.address.url());
        }
        if self.live.together.ask_everyone {
            ui.label(RichText::new(t!(k::FOLLOW_EVERYONE_FOLLOWS)).strong());
        }
        let following = self.live.together.following.as_ref().map(|f| f.client);
        let mut clicked = None;
        for peer in session.peers() {
            let [r, g, b] = peer.color;
            let text = match peer.editing {
                Some(_) => format!("● {} ✎", peer.name),
                None => format!("● {}", peer.name),
            };
            let mut text = RichText::new(text).color(Color32::from_rgb(r, g, b));
            if following == Some(peer.client) {
                text = text.underline();
            }
            // A click on a name follows that person's view (another click stops).
            let mut label = ui.add(egui::Label::new(text).sense(egui::Sense::click()));
            if peer.editing.is_some() {
                label = label.on_hover_text(t!(k::LIVE_TYPING, name = peer.name.as_str()));
            }
            let hint = if following == Some(peer.client) {
                t!(k::FOLLOW_CLICK_TO_STOP)
            } else {
                t!(k::FOLLOW_CLICK_TO_FOLLOW, name = peer.name.as_str())
            };
            if label.on_hover_text(hint).clicked() {
                clicked = Some(peer.clone());
            }
        }
        if let Some(peer) = clicked {
            if following == Some(peer.client) {
                self.stop_following(false);
            } else {
                self.follow(&peer, false);
            }
        }
    }
}

/// Whether the session replaced the document (a join) rather than sharing it: joining gives the document a
/// new identity.
fn session_kind_joined(doc: &crate::edit::Document, identity: u64) -> bool {
    doc.identity() != identity
}
