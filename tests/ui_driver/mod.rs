//! Drives the real editor headless through egui_kittest, as a person would: pointer and keyboard events.

#![allow(dead_code)]

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::model::templates::{Language, Template};
use waymark::model::{Card, CardColor, CardId, LaneId, LaneKind, Map, StageId};
use waymark::ui::WaymarkApp;
use waymark::ui::canvas::view::View;

pub struct Driver {
    pub harness: Harness<'static, WaymarkApp>,
}

impl Driver {
    /// The editor with a map, at 100% zoom with the map's corner at the canvas corner.
    pub fn new(map: Map) -> Driver {
        Driver::with_app(WaymarkApp::new(map, None))
    }

    pub fn with_app(app: WaymarkApp) -> Driver {
        let mut harness = Harness::builder()
            .with_size(Vec2::new(1600.0, 1000.0))
            .with_step_dt(1.0 / 60.0)
            .build_ui_state(|ui, app: &mut WaymarkApp| app.ui(ui), app);
        harness.run_steps(2);
        harness.state_mut().canvas.set_view(View {
            pan: Vec2::ZERO,
            zoom: 1.0,
        });
        harness.run_steps(2);
        Driver { harness }
    }

    /// Steps the UI until `done` holds, giving worker threads time; fails after 30 seconds.
    pub fn until(&mut self, what: &str, done: impl Fn(&WaymarkApp) -> bool) {
        let start = std::time::Instant::now();
        while !done(self.app()) {
            assert!(
                start.elapsed().as_secs() < 30,
                "timed out waiting for: {what}"
            );
            self.harness.step();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    /// Opens a menu of the menu bar and clicks one of its entries.
    pub fn menu(&mut self, menu: &str, entry: &str) {
        self.harness.get_by_label(menu).click();
        self.harness.run_steps(2);
        self.harness.get_by_label(entry).click();
        self.harness.run_steps(3);
    }

    /// File → Share live… on `server` as `name`, as a person would; waits until the map is in the room and
    /// returns the room's address.
    pub fn share_live(&mut self, server: &str, name: &str) -> String {
        self.harness.state_mut().live.server = server.to_owned();
        self.harness.state_mut().live.name = name.to_owned();
        self.menu("File", "Share live…");
        self.harness.get_by_label("Share").click();
        self.until("shared", |app| {
            app.live.session.as_ref().is_some_and(|s| s.started())
        });
        self.app()
            .live
            .session
            .as_ref()
            .map(|s| s.address.url())
            .expect("a session")
    }

    /// File → Join live… with the room's address typed into the dialog (its address field has the focus), as a
    /// person would; waits until the room's map is in the window.
    pub fn join_live(&mut self, address: &str) {
        self.menu("File", "Join live…");
        self.type_text(address);
        self.harness.get_by_label("Join").click();
        self.until("joined", |app| {
            app.live.session.as_ref().is_some_and(|s| s.started())
        });
    }

    pub fn app(&self) -> &WaymarkApp {
        self.harness.state()
    }

    pub fn map(&self) -> &Map {
        self.harness.state().doc.map()
    }

    fn step(&mut self) {
        self.harness.step();
    }

    fn button(&mut self, pos: Pos2, button: PointerButton, pressed: bool) {
        self.harness.event(Event::PointerButton {
            pos,
            button,
            pressed,
            modifiers: Modifiers::NONE,
        });
        self.step();
    }

    /// Moves to `pos` and clicks `button` there `times` times in quick succession.
    fn clicks(&mut self, pos: Pos2, button: PointerButton, times: usize) {
        self.harness.hover_at(pos);
        self.step();
        for _ in 0..times {
            self.button(pos, button, true);
            self.button(pos, button, false);
        }
        self.harness.run_steps(3);
    }

    pub fn click(&mut self, pos: Pos2) {
        self.clicks(pos, PointerButton::Primary, 1);
    }

    pub fn right_click(&mut self, pos: Pos2) {
        self.clicks(pos, PointerButton::Secondary, 1);
    }

    pub fn double_click(&mut self, pos: Pos2) {
        self.clicks(pos, PointerButton::Primary, 2);
    }

    /// Presses at `from`, moves in small steps to `to` and releases there.
    pub fn drag(&mut self, from: Pos2, to: Pos2) {
        self.harness.hover_at(from);
        self.step();
        self.button(from, PointerButton::Primary, true);
        let steps = 12;
        for i in 1..=steps {
            let t = i as f32 / steps as f32;
            self.harness.hover_at(from + (to - from) * t);
            self.step();
        }
        self.button(to, PointerButton::Primary, false);
        self.harness.remove_cursor();
        self.harness.run_steps(2);
    }

    pub fn type_text(&mut self, text: &str) {
        self.harness.event(Event::Text(text.to_owned()));
        self.harness.run_steps(2);
    }

    pub fn key(&mut self, key: Key) {
        self.harness.key_press(key);
        self.harness.run_steps(2);
    }

    pub fn key_with(&mut self, modifiers: Modifiers, key: Key) {
        self.harness.key_press_modifiers(modifiers, key);
        self.harness.run_steps(2);
    }

    /// Presses a key as egui-winit delivers it from a real keyboard (X11): `place` is the key's place on the
    /// keyboard and `typed` the character the layout gives it with these modifiers. The key event names the
    /// key egui has for that character, or else the place; the character also arrives as text.
    pub fn real_key(&mut self, modifiers: Modifiers, place: Key, typed: &str) {
        let key = Key::from_name(typed).unwrap_or(place);
        for pressed in [true, false] {
            self.harness.event(Event::Key {
                key,
                physical_key: Some(place),
                pressed,
                repeat: false,
                modifiers,
            });
            if pressed && !modifiers.command && !modifiers.ctrl {
                self.harness.event(Event::Text(typed.to_owned()));
            }
        }
        self.harness.run_steps(2);
    }

    pub fn undo(&mut self) {
        self.key_with(Modifiers::COMMAND, Key::Z);
    }

    pub fn redo(&mut self) {
        self.key_with(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    }

    fn screen(&self, map_pos: Pos2) -> Pos2 {
        self.app().canvas.map_to_screen(map_pos)
    }

    /// An empty spot near the bottom of a cell (below its cards and its "+" button).
    pub fn cell_spot(&self, stage: StageId, lane: LaneId) -> Pos2 {
        let cell = self
            .app()
            .canvas
            .layout()
            .cell_of(stage, lane)
            .expect("cell is laid out")
            .rect;
        self.screen(cell.center_bottom() - Vec2::new(0.0, 6.0))
    }

    pub fn card_center(&self, card: CardId) -> Pos2 {
        let rect = self
            .app()
            .canvas
            .layout()
            .card(card)
            .expect("card is laid out")
            .rect;
        self.screen(rect.center())
    }

    pub fn card_top(&self, card: CardId) -> Pos2 {
        let rect = self
            .app()
            .canvas
            .layout()
            .card(card)
            .expect("card is laid out")
            .rect;
        self.screen(rect.center_top() + Vec2::new(0.0, 3.0))
    }

    pub fn stage_header(&self, stage: StageId) -> Pos2 {
        let layout = self.app().canvas.layout();
        let header = layout
            .stages
            .iter()
            .find(|s| s.id == stage)
            .expect("stage is laid out")
            .header;
        self.screen(header.center())
    }

    pub fn lane_header(&self, lane: LaneId) -> Pos2 {
        let layout = self.app().canvas.layout();
        let header = layout
            .lanes
            .iter()
            .find(|l| l.id == lane)
            .expect("lane is laid out")
            .header;
        self.screen(header.center())
    }

    pub fn emotion_point(&self, lane: LaneId, stage: StageId) -> Pos2 {
        let layout = self.app().canvas.layout();
        let curve = layout
            .curves
            .iter()
            .find(|c| c.lane == lane)
            .expect("curve is laid out");
        let point = curve
            .points
            .iter()
            .find(|p| p.stage == stage)
            .expect("point is laid out");
        self.screen(point.center)
    }

    pub fn cards_in(&self, stage: StageId, lane: LaneId) -> Vec<(CardId, String)> {
        self.map()
            .cards_in(stage, lane)
            .map(|c| (c.id, c.text.clone()))
            .collect()
    }

    /// Clicks with modifiers held (Shift+click, Ctrl+click).
    pub fn click_with(&mut self, modifiers: Modifiers, pos: Pos2) {
        self.harness.hover_at(pos);
        self.harness.event(Event::ModifiersChanged(modifiers));
        self.step();
        for pressed in [true, false] {
            self.harness.event(Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed,
                modifiers,
            });
            self.step();
        }
        self.harness.event(Event::ModifiersChanged(Modifiers::NONE));
        self.harness.run_steps(3);
    }

    /// A drag with modifiers held from the press to the release (Shift+drag draws the selection band).
    pub fn drag_with(&mut self, modifiers: Modifiers, from: Pos2, to: Pos2) {
        self.harness.event(Event::ModifiersChanged(modifiers));
        self.harness.hover_at(from);
        self.step();
        self.harness.event(Event::PointerButton {
            pos: from,
            button: PointerButton::Primary,
            pressed: true,
            modifiers,
        });
        self.step();
        let steps = 12;
        for i in 1..=steps {
            let t = i as f32 / steps as f32;
            self.harness.hover_at(from + (to - from) * t);
            self.step();
        }
        self.harness.event(Event::PointerButton {
            pos: to,
            button: PointerButton::Primary,
            pressed: false,
            modifiers,
        });
        self.step();
        self.harness.event(Event::ModifiersChanged(Modifiers::NONE));
        self.harness.remove_cursor();
        self.harness.run_steps(2);
    }

    /// Sends a clipboard event as egui-winit does for Ctrl+C or Ctrl+X, and returns the text the app put on the
    /// clipboard in that frame.
    pub fn clipboard_event(&mut self, event: Event) -> Option<String> {
        self.harness.event(event);
        self.harness.step();
        let copied = self
            .harness
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|c| match c {
                egui::OutputCommand::CopyText(text) => Some(text.clone()),
                _ => None,
            });
        self.harness.run_steps(2);
        copied
    }

    /// Ctrl+C as egui-winit delivers it; returns what was copied.
    pub fn copy(&mut self) -> Option<String> {
        self.clipboard_event(Event::Copy)
    }

    /// Ctrl+X as egui-winit delivers it; returns what was copied.
    pub fn cut(&mut self) -> Option<String> {
        self.clipboard_event(Event::Cut)
    }

    /// Ctrl+V as egui-winit delivers it, with the clipboard's text.
    pub fn paste(&mut self, text: &str) {
        self.harness.event(Event::Paste(text.to_owned()));
        self.harness.run_steps(3);
    }
}

pub fn template() -> Map {
    Template::Marketing5.build(Language::English)
}

/// The template with cards: A and B in (stage 0, Actions), C in (stage 1, Actions), D in (stage 0, Barriers).
pub fn map_with_cards() -> Map {
    let mut map = template();
    let actions = map.lanes[0].id;
    let barriers = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Barriers)
        .map(|l| l.id)
        .unwrap();
    let (s0, s1) = (map.stages[0].id, map.stages[1].id);
    for (text, stage, lane) in [
        ("A", s0, actions),
        ("B", s0, actions),
        ("C", s1, actions),
        ("D", s0, barriers),
    ] {
        let id = CardId(map.allocate_id());
        map.cards.push(Card {
            id,
            stage,
            lane,
            text: text.into(),
            color: CardColor::Yellow,
            channel: None,
            personas: Vec::new(),
        });
    }
    map
}

pub fn texts(cards: &[(CardId, String)]) -> Vec<&str> {
    cards.iter().map(|(_, t)| t.as_str()).collect()
}
