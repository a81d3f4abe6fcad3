//! Seeing each other in a live session: what this window tells the others (selection, the card being typed
//! in, the part of the map in view), following someone's view, and asking everyone to follow. The network side
//! is `crate::sync::presence`; this is the window's.

use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Color32, Key, Modifiers, Rect, RichText, Ui, Vec2, vec2};

use super::app::WaymarkApp;
use super::canvas::TextTarget;
use super::canvas::view::{MAX_ZOOM, MIN_ZOOM, View};
use super::live::color_of;
use crate::i18n::k;
use crate::model::StageId;
use crate::sync::{Peer, Presence, SharedView};
use crate::t;

/// The view is sent at most this often while it moves (the last one always goes out).
const VIEW_THROTTLE: Duration = Duration::from_millis(100);

/// Who this window follows, and what it has told the others.
#[derive(Default)]
pub struct Together {
    pub following: Option<Following>,
    /// "Ask everyone to follow me" is on.
    pub ask_everyone: bool,
    /// The person whose "follow me" this window stopped following (Escape): not followed again until they ask
    /// anew.
    declined: Option<u64>,
    sent: Option<Presence>,
    sent_at: Option<Instant>,
    /// The view (and presentation stage) this window last took from the person followed, to notice its own
    /// pan and zoom.
    applied: Option<(View, Option<StageId>)>,
}

/// Following someone's view.
#[derive(Clone, Debug, PartialEq)]
pub struct Following {
    /// Their awareness client id.
    pub client: u64,
    pub name: String,
    pub color: [u8; 3],
    /// Because they asked everyone to follow them (it ends when they stop asking).
    pub asked: bool,
}

/// The view that shows all of `shared` in a canvas of `rect`, centred on the same point.
pub fn view_showing(shared: &SharedView, rect: Rect) -> View {
    let zoom = (rect.width() / shared.width)
        .min(rect.height() / shared.height)
        .clamp(MIN_ZOOM, MAX_ZOOM);
    let [cx, cy] = shared.center();
    View {
        pan: rect.size() / 2.0 - vec2(cx, cy) * zoom,
        zoom,
    }
}

impl WaymarkApp {
    /// Tells the others what changed here: the card typed in, the selected cards, the view (at most every
    /// [`VIEW_THROTTLE`] while it moves), whether everyone is asked to follow. Nothing when nothing changed.
    pub(super) fn send_presence(&mut self, ctx: &egui::Context) {
        let Some(session) = &self.live.session else {
            return;
        };
        let rect = self.canvas.last_rect();
        let view = self.canvas.view;
        let top_left = view.to_map(rect, rect.min);
        let size = rect.size() / view.zoom;
        let presence = Presence {
            name: self.live.name.clone(),
            color: color_of(&self.live.name),
            editing: match self.canvas.editing {
                Some(TextTarget::Card(id)) => Some(id.0),
                _ => None,
            },
            selected: self
                .canvas
                .selected_cards(self.doc.map())
                .into_iter()
                .map(|id| id.0)
                .collect(),
            view: Some(SharedView {
                x: top_left.x,
                y: top_left.y,
                width: size.x,
                height: size.y,
                stage: self
                    .presentation
                    .as_ref()
                    .and_then(|p| p.focus)
                    .map(|s| s.0),
            }),
            follow_me: self.live.together.ask_everyone,
        };
        let together = &mut self.live.together;
        let Some(sent) = &together.sent else {
            together.sent_at = Some(Instant::now());
            session.set_presence(presence.clone());
            together.sent = Some(presence);
            return;
        };
        if *sent == presence {
            return;
        }
        let only_view = Presence {
            view: sent.view,
            ..presence.clone()
        } == *sent;
        let since = together.sent_at.map_or(VIEW_THROTTLE, |at| at.elapsed());
        if only_view && since < VIEW_THROTTLE {
            ctx.request_repaint_after(VIEW_THROTTLE - since);
            return;
        }
        together.sent_at = Some(Instant::now());
        session.set_presence(presence.clone());
        together.sent = Some(presence);
    }

    /// At the start of a frame: the others for the canvas, following stops when this window moved its own
    /// view or the person left (or stopped asking), and a new "follow me" is taken up.
    pub(super) fn follow_update(&mut self) {
        let peers: Arc<[Peer]> = match &self.live.session {
            Some(session) => session.peers_shared(),
            None => {
                // The session just ended: nobody to show or follow any more.
                if self.live.together.sent.take().is_some() {
                    self.canvas.others = Arc::from(Vec::new());
                    self.stop_following(false);
                    self.live.together.ask_everyone = false;
                }
                return;
            }
        };
        if !Arc::ptr_eq(&self.canvas.others, &peers) {
            self.canvas.others = peers.clone();
        }
        let together = &self.live.together;
        if let (Some(following), Some((view, focus))) = (&together.following, together.applied) {
            let moved = self.canvas.view != view
                || self.presentation.as_ref().is_some_and(|p| p.focus != focus);
            if moved {
                let declined = following.asked;
                self.stop_following(declined);
            }
        }
        if let Some(following) = &self.live.together.following {
            let theirs = peers.iter().find(|p| p.client == following.client);
            let gone = match theirs {
                None => true,
                Some(peer) => following.asked && !peer.follow_me,
            };
            if gone {
                self.stop_following(false);
            }
        }
        let together = &mut self.live.together;
        if let Some(declined) = together.declined
            && !peers.iter().any(|p| p.client == declined && p.follow_me)
        {
            together.declined = None;
        }
        if together.following.is_none()
            && !together.ask_everyone
            && let Some(leader) = peers
                .iter()
                .find(|p| p.follow_me && Some(p.client) != together.declined)
        {
            self.follow(leader, true);
        }
    }

    /// Starts following someone's view.
    pub fn follow(&mut self, peer: &Peer, asked: bool) {
        let together = &mut self.live.together;
        together.following = Some(Following {
            client: peer.client,
            name: peer.name.clone(),
            color: peer.color,
            asked,
        });
        together.applied = None;
    }

    /// Stops following; `declined`: the person asked everyone, and this window is not to follow again until
    /// they ask anew.
    pub fn stop_following(&mut self, declined: bool) {
        let together = &mut self.live.together;
        if let Some(following) = together.following.take()
            && declined
        {
            together.declined = Some(following.client);
        }
        together.applied = None;
        if self.presentation.is_none() {
            self.canvas.spotlight = None;
        }
    }

    /// Escape stops following (before it does anything else).
    pub(super) fn follow_escape(&mut self, ctx: &egui::Context, typing: bool) {
        if self.live.together.following.is_none() || typing || self.dialog.is_some() {
            return;
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            let asked = self
                .live
                .together
                .following
                .as_ref()
                .is_some_and(|f| f.asked);
            self.stop_following(asked);
        }
    }

    /// Before the canvas is drawn: takes the view (and the presentation's stage) of the person followed.
    pub(super) fn follow_apply(&mut self, rect: Rect) {
        let Some(following) = &self.live.together.following else {
            return;
        };
        let Some(shared) = self
            .canvas
            .others
            .iter()
            .find(|p| p.client == following.client)
            .and_then(|p| p.view)
        else {
            return;
        };
        let stage = shared
            .stage
            .map(StageId)
            .filter(|id| self.doc.map().stage(*id).is_some());
        match &mut self.presentation {
            Some(presentation) => {
                presentation.focus = stage;
                self.canvas.spotlight = stage;
            }
            None => self.canvas.spotlight = stage,
        }
        if rect.width() < 50.0 || rect.height() < 50.0 {
            return;
        }
        let view = view_showing(&shared, rect);
        if self.canvas.view != view {
            self.canvas.set_view(view);
        }
        let focus = self.presentation.as_ref().and_then(|p| p.focus);
        self.live.together.applied = Some((view, focus));
    }

    /// "Following Anna — Esc to stop", over the top of the canvas while it lasts.
    pub(super) fn follow_banner(&mut self, ctx: &egui::Context) {
        let Some(following) = &self.live.together.following else {
            return;
        };
        let [r, g, b] = following.color;
        let text = t!(k::FOLLOW_BANNER, name = following.name.as_str());
        let top = self.canvas.last_rect().center_top() + Vec2::new(0.0, 8.0);
        let mut stop = false;
        egui::Area::new(egui::Id::unique("follow-banner"))
            .pivot(egui::Align2::CENTER_TOP)
            .fixed_pos(top)
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::new()
                    .fill(Color32::from_rgb(r, g, b))
                    .corner_radius(6.0)
                    .inner_margin(vec2(10.0, 5.0))
                    .show(ui, |ui| {
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(text).color(Color32::WHITE).strong());
                            stop = ui.small_button(t!(k::FOLLOW_STOP)).clicked();
                        });
                    });
            });
        if stop {
            let asked = following.asked;
            self.stop_following(asked);
        }
    }

    /// The Live menu (while in a session): follow someone, stop, ask everyone to follow.
    pub(super) fn live_menu(&mut self, ui: &mut Ui) {
        let Some(session) = &self.live.session else {
            return;
        };
        let peers = session.peers_shared();
        let mut follow = None;
        let mut stop = false;
        let mut ask = self.live.together.ask_everyone;
        ui.menu_button(t!(k::MENU_LIVE), |ui| {
            let following = self.live.together.following.as_ref().map(|f| f.client);
            if peers.is_empty() {
                ui.label(t!(k::FOLLOW_NOBODY));
            }
            for peer in peers.iter() {
                let on = following == Some(peer.client);
                let label = t!(k::FOLLOW_PEER, name = peer.name.as_str());
                if ui.selectable_label(on, label).clicked() {
                    follow = Some(peer.clone());
                    ui.close();
                }
            }
            if ui
                .add_enabled(
                    following.is_some(),
                    egui::Button::new(t!(k::FOLLOW_STOP_MENU)),
                )
                .clicked()
            {
                stop = true;
                ui.close();
            }
            ui.separator();
            ui.checkbox(&mut ask, t!(k::FOLLOW_ASK_EVERYONE))
                .on_hover_text(t!(k::FOLLOW_ASK_EVERYONE_HINT));
        });
        if let Some(peer) = follow {
            self.follow(&peer, false);
        }
        if stop {
            self.stop_following(false);
        }
        self.set_ask_everyone(ask);
    }

    /// Turns "Ask everyone to follow me" on or off (on: this window stops following anyone itself).
    pub fn set_ask_everyone(&mut self, ask: bool) {
        if ask && !self.live.together.ask_everyone {
            self.stop_following(false);
        }
        self.live.together.ask_everyone = ask;
    }
}
