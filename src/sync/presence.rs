//! What each participant tells the room about themselves (Yjs awareness, a JSON object per participant): name,
//! colour, the card being typed in, the selected cards, the part of the map in view (so that others can follow
//! it) and whether they ask everyone to follow them. No egui here.
//!
//! The encoding, one JSON object:
//! `{"user":{"name":"Anna","color":"#d03a3a"},"editing":"17","selected":["17","18"],
//!   "view":{"x":0,"y":0,"w":1200,"h":800,"stage":"3"},"followMe":true}`.
//! Ids are strings (JavaScript numbers cannot hold every id). Everything that arrives is read field by field:
//! a field that is missing, of the wrong type or out of range is left out and the rest is kept; only a state
//! without a name, or one too large to read, is no participant at all.

use std::collections::{HashMap, HashSet};

use serde_json::{Value, json};
use yrs::sync::Awareness;

use crate::model::MAX_ID;

/// The longest participant name shown.
pub const MAX_NAME: usize = 64;
/// The most selected cards announced or read; a larger selection is cut to its first ones.
pub const MAX_SELECTED: usize = 300;
/// The largest awareness state read (a full selection of long ids fits well within it).
pub const MAX_STATE_BYTES: usize = 32 * 1024;
/// The most other participants read (a hostile server could announce any number).
pub const MAX_PEERS: usize = 256;
/// How far from the map's origin a view may be, and how large, in map units.
const MAX_COORD: f32 = 10_000_000.0;
/// The smallest width or height of a view, in map units.
const MIN_SIZE: f32 = 1.0;

/// The part of the map someone has on screen, in map units, and the stage they spotlight while presenting.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SharedView {
    /// The top-left corner.
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    /// Presenting, with this stage in the spotlight.
    pub stage: Option<u64>,
}

impl SharedView {
    pub fn center(&self) -> [f32; 2] {
        [self.x + self.width / 2.0, self.y + self.height / 2.0]
    }

    /// A view with finite numbers in range, or `None`.
    fn checked(self) -> Option<SharedView> {
        let coord = |v: f32| v.is_finite() && v.abs() <= MAX_COORD;
        let size = |v: f32| v.is_finite() && (MIN_SIZE..=MAX_COORD).contains(&v);
        (coord(self.x) && coord(self.y) && size(self.width) && size(self.height)).then_some(self)
    }
}

/// What this participant tells the others about themselves.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Presence {
    pub name: String,
    /// sRGB.
    pub color: [u8; 3],
    /// The card being typed in.
    pub editing: Option<u64>,
    /// The selected cards (at most [`MAX_SELECTED`] are sent).
    pub selected: Vec<u64>,
    pub view: Option<SharedView>,
    /// Asks every other participant to follow this one's view.
    pub follow_me: bool,
}

/// Someone else in the room, as their Waymark announces them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Peer {
    /// Their awareness client id: tells two people of the same name apart.
    pub client: u64,
    pub name: String,
    /// sRGB.
    pub color: [u8; 3],
    /// The card they are typing in, if any.
    pub editing: Option<u64>,
    /// Their selected cards, sorted, without repeats, at most [`MAX_SELECTED`].
    pub selected: Vec<u64>,
    pub view: Option<SharedView>,
    pub follow_me: bool,
}

impl Peer {
    /// Whether they have this card selected.
    pub fn selects(&self, card: u64) -> bool {
        self.selected.binary_search(&card).is_ok()
    }
}

/// The awareness state (JSON text) that announces `presence`.
pub fn encode(presence: &Presence) -> String {
    let [r, g, b] = presence.color;
    let mut state = json!({
        "user": { "name": presence.name, "color": format!("#{r:02x}{g:02x}{b:02x}") },
        "editing": presence.editing.map(|id| id.to_string()),
    });
    if !presence.selected.is_empty() {
        let selected: Vec<String> = presence
            .selected
            .iter()
            .take(MAX_SELECTED)
            .map(u64::to_string)
            .collect();
        state["selected"] = json!(selected);
    }
    if let Some(view) = presence.view.and_then(SharedView::checked) {
        state["view"] = json!({
            "x": view.x, "y": view.y, "w": view.width, "h": view.height,
            "stage": view.stage.map(|id| id.to_string()),
        });
    }
    if presence.follow_me {
        state["followMe"] = json!(true);
    }
    state.to_string()
}

/// Someone's awareness state as a participant; `None` for anything without a name (or too large to read).
pub fn decode(client: u64, json: &str) -> Option<Peer> {
    if json.len() > MAX_STATE_BYTES {
        return None;
    }
    let value: Value = serde_json::from_str(json).ok()?;
    let user = value.get("user")?;
    let name: String = user.get("name")?.as_str()?.chars().take(MAX_NAME).collect();
    let color = user
        .get("color")
        .and_then(Value::as_str)
        .and_then(parse_color)
        .unwrap_or([0x88, 0x88, 0x88]);
    let mut selected: Vec<u64> = value
        .get("selected")
        .and_then(Value::as_array)
        .map(|ids| {
            ids.iter()
                .take(MAX_SELECTED)
                .filter_map(id_of)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    selected.sort_unstable();
    selected.dedup();
    Some(Peer {
        client,
        name,
        color,
        editing: value.get("editing").and_then(id_of),
        selected,
        view: value.get("view").and_then(view_of),
        follow_me: value.get("followMe").and_then(Value::as_bool) == Some(true),
    })
}

/// The others as last read from the awareness states: a state is read again only when its clock moved (a
/// room where someone pans announces a new view ten times a second; the others' states stay as they were).
#[derive(Default)]
pub struct Known {
    read: HashMap<u64, (u32, Option<Peer>)>,
}

impl Known {
    /// Everyone but this participant heard of within `timeout_ms` (at most [`MAX_PEERS`]), by name.
    pub fn peers(&mut self, awareness: &Awareness, timeout_ms: u64) -> Vec<Peer> {
        let me = awareness.client_id();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        let mut peers = Vec::new();
        let mut seen = HashSet::new();
        for (client, state) in awareness.iter() {
            let client_id = client.get();
            // A state without data is someone who left (with the clock they left at).
            let Some(json) = state.data.as_deref() else {
                continue;
            };
            if client == me || now.saturating_sub(state.last_updated) > timeout_ms {
                continue;
            }
            if seen.len() >= MAX_PEERS {
                break;
            }
            seen.insert(client_id);
            let peer = match self.read.get(&client_id) {
                Some((clock, peer)) if *clock == state.clock => peer.clone(),
                _ => {
                    let peer = decode(client_id, json);
                    self.read.insert(client_id, (state.clock, peer.clone()));
                    peer
                }
            };
            peers.extend(peer);
        }
        self.read.retain(|client, _| seen.contains(client));
        peers.sort_by(|a, b| a.name.cmp(&b.name).then(a.client.cmp(&b.client)));
        peers
    }
}

/// A card or stage id: a string of digits within the ids a map may hold.
fn id_of(value: &Value) -> Option<u64> {
    let text = value.as_str()?;
    if text.is_empty() || text.len() > 20 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|id| *id <= MAX_ID)
}

fn view_of(value: &Value) -> Option<SharedView> {
    let number = |key: &str| value.get(key)?.as_f64().map(|v| v as f32);
    SharedView {
        x: number("x")?,
        y: number("y")?,
        width: number("w")?,
        height: number("h")?,
        stage: value.get("stage").and_then(id_of),
    }
    .checked()
}

fn parse_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anna() -> Presence {
        Presence {
            name: "Анна".to_owned(),
            color: [0xd0, 0x3a, 0x3a],
            editing: Some(17),
            selected: vec![18, 17, MAX_ID],
            view: Some(SharedView {
                x: -40.5,
                y: 12.0,
                width: 1200.0,
                height: 800.0,
                stage: Some(3),
            }),
            follow_me: true,
        }
    }

    #[test]
    fn a_presence_reads_back_as_the_same_peer() {
        let peer = decode(7, &encode(&anna())).expect("a peer");
        assert_eq!(
            peer,
            Peer {
                client: 7,
                name: "Анна".to_owned(),
                color: [0xd0, 0x3a, 0x3a],
                editing: Some(17),
                selected: vec![17, 18, MAX_ID],
                view: anna().view,
                follow_me: true,
            }
        );
        assert!(peer.selects(18) && !peer.selects(19));
        // Nothing selected, no view, not asking: the old, short state.
        let plain = Presence {
            name: "Boris".to_owned(),
            ..Presence::default()
        };
        let text = encode(&plain);
        assert!(!text.contains("selected") && !text.contains("view") && !text.contains("followMe"));
        let peer = decode(1, &text).expect("a peer");
        assert_eq!(
            (peer.selected.len(), peer.view, peer.follow_me),
            (0, None, false)
        );
    }

    #[test]
    fn a_huge_selection_is_cut_when_sent_and_when_read() {
        let mut many = anna();
        many.selected = (1..=5000).collect();
        let text = encode(&many);
        assert!(text.len() < MAX_STATE_BYTES, "{} bytes", text.len());
        assert_eq!(
            decode(1, &text).expect("a peer").selected.len(),
            MAX_SELECTED
        );
        // Another client's longer list is read up to the limit too.
        let ids: Vec<String> = (1..=5000).map(|i| i.to_string()).collect();
        let hostile = json!({"user": {"name": "x"}, "selected": ids}).to_string();
        match decode(1, &hostile) {
            Some(peer) => assert!(peer.selected.len() <= MAX_SELECTED),
            None => assert!(hostile.len() > MAX_STATE_BYTES),
        }
    }

    #[test]
    fn hostile_fields_are_left_out_one_by_one() {
        let cases = [
            // Wrong types everywhere but the name: a peer with nothing else.
            r#"{"user":{"name":"x","color":7},"editing":12,"selected":"17","view":[1,2],"followMe":"yes"}"#,
            // Ids that are not ids.
            r#"{"user":{"name":"x"},"editing":"-1","selected":["abc","","1e5","99999999999999999999999",null,{}]}"#,
            // Views out of range, negative, zero or partial.
            r#"{"user":{"name":"x"},"view":{"x":1e300,"y":0,"w":10,"h":10}}"#,
            r#"{"user":{"name":"x"},"view":{"x":0,"y":0,"w":-10,"h":10}}"#,
            r#"{"user":{"name":"x"},"view":{"x":0,"y":0,"w":0,"h":0}}"#,
            r#"{"user":{"name":"x"},"view":{"x":0,"y":0,"w":10}}"#,
            r##"{"user":{"name":"x","color":"#zzzzzz"},"editing":"9007199254740993"}"##,
        ];
        for case in cases {
            let peer = decode(1, case).unwrap_or_else(|| panic!("a peer from {case}"));
            assert_eq!(peer.name, "x");
            assert_eq!(peer.editing, None, "{case}");
            assert!(peer.selected.is_empty(), "{case}");
            assert_eq!(peer.view, None, "{case}");
            assert!(!peer.follow_me, "{case}");
            assert_eq!(peer.color, [0x88, 0x88, 0x88]);
        }
        // Good fields next to bad ones are kept.
        let mixed = r#"{"user":{"name":"x"},"editing":"5","selected":["3","x","3","2"],"view":{"x":0,"y":0,"w":"10","h":10},"followMe":true}"#;
        let peer = decode(1, mixed).expect("a peer");
        assert_eq!(
            (peer.editing, peer.selected.as_slice()),
            (Some(5), &[2, 3][..])
        );
        assert_eq!((peer.view, peer.follow_me), (None, true));
    }

    #[test]
    fn states_without_a_participant_are_nobody_and_never_panic() {
        let deep = "[".repeat(100_000);
        let long_name = format!(r#"{{"user":{{"name":"{}"}}}}"#, "я".repeat(10_000));
        let too_big = format!(
            r#"{{"user":{{"name":"x"}},"pad":"{}"}}"#,
            "a".repeat(MAX_STATE_BYTES)
        );
        for case in [
            "",
            "null",
            "[]",
            "42",
            "\"x\"",
            "{}",
            r#"{"user":null}"#,
            r#"{"user":{"name":5}}"#,
            "{\"user\":",
            &deep,
            &too_big,
        ] {
            assert_eq!(decode(1, case), None, "{}", &case[..case.len().min(40)]);
        }
        let peer = decode(1, &long_name).expect("a peer");
        assert_eq!(peer.name.chars().count(), MAX_NAME);
    }

    #[test]
    fn known_peers_follow_changes_and_leaving() {
        use yrs::Doc;
        let mut anna = Awareness::new(Doc::new());
        let mut boris = Awareness::new(Doc::new());
        boris.set_local_state_raw(encode(&Presence {
            name: "Boris".to_owned(),
            ..Presence::default()
        }));
        let mut known = Known::default();
        anna.set_local_state_raw(encode(&self::tests::anna()));
        boris
            .apply_update(anna.update().expect("update"))
            .expect("applies");
        let peers = known.peers(&boris, 30_000);
        assert_eq!(peers.len(), 1, "Boris sees Anna, not himself");
        assert_eq!(peers[0].selected, vec![17, 18, MAX_ID]);
        // A new selection is read again; a repeat of the same clock changes nothing.
        let mut changed = self::tests::anna();
        changed.selected = vec![5];
        anna.set_local_state_raw(encode(&changed));
        boris
            .apply_update(anna.update().expect("update"))
            .expect("applies");
        assert_eq!(known.peers(&boris, 30_000)[0].selected, vec![5]);
        boris
            .apply_update(anna.update().expect("update"))
            .expect("applies");
        assert_eq!(known.peers(&boris, 30_000)[0].selected, vec![5]);
        // She leaves: nobody.
        anna.clean_local_state();
        boris
            .apply_update(
                anna.update_with_clients([anna.client_id()])
                    .expect("update"),
            )
            .expect("applies");
        assert!(known.peers(&boris, 30_000).is_empty());
    }
}
