//! What the canvas tells assistive technology. The map is painted, not built from widgets, so the visible
//! stage and lane headers, cards, emotion points and "+" buttons are given accessibility nodes of their own,
//! each with a role and a name in the interface language ("Card: … — stage …, lane …"). The node of what is
//! selected has the screen reader's focus, so that moving the selection with the arrow keys is read out;
//! a screen reader that moves its focus (or clicks) selects the item in turn.

use egui::accesskit::{Action, Role};
use egui::{Id, Rect, Response, Sense, Ui, UiBuilder, WidgetInfo};

use super::Canvas;
use super::paint::Projection;
use crate::edit::Document;
use crate::i18n::k;
use crate::layout::MapLayout;
use crate::layout::style::FACE_RADIUS;
use crate::model::{LaneId, StageId};
use crate::t;
use crate::ui::selection::Selection;

/// Where the id of the node that should have the screen reader's focus is kept between the canvas and
/// [`FocusFollowsSelection`].
fn focus_key() -> Id {
    Id::unique("waymark-accessible-focus")
}

/// The id of an item's accessibility node, derived from the canvas's id so it is stable between frames.
pub fn node_id(canvas: Id, item: &Selection, add_button: bool) -> Id {
    canvas.with(("accessible", format!("{item:?}"), add_button))
}

/// What a screen reader (or a test) did to one node this frame.
enum Request {
    Select(Selection),
    AddCard(StageId, LaneId),
}

fn name_or_unnamed(name: &str) -> String {
    if name.trim().is_empty() {
        t!(k::A11Y_UNNAMED)
    } else {
        name.trim().to_owned()
    }
}

impl Canvas {
    /// Gives the visible parts of the map accessibility nodes. Costs nothing when no assistive technology
    /// (and no test) asks for the tree.
    pub(super) fn accessibility(
        &mut self,
        ui: &mut Ui,
        canvas: &Response,
        doc: &mut Document,
        layout: &MapLayout,
        proj: &Projection,
    ) {
        let ctx = ui.ctx().clone();
        let map = doc.map();
        let map_name = t!(k::A11Y_MAP, title = name_or_unnamed(&map.title));
        canvas.widget_info(|| WidgetInfo::labeled(Role::Group, true, &map_name));
        if !ctx.has_accesskit_node(canvas.id) {
            ctx.data_mut(|d| d.insert_temp::<Option<Id>>(focus_key(), None));
            return;
        }
        let items = ui.new_child(
            UiBuilder::new()
                .id_salt("canvas-accessibility")
                .max_rect(proj.canvas)
                .accessibility_parent(canvas.id),
        );
        let stage_name = |id: StageId| name_or_unnamed(map.stage(id).map_or("", |s| &s.name));
        let lane_name = |id: LaneId| name_or_unnamed(map.lane(id).map_or("", |l| &l.name));
        let mut requests = Vec::new();
        let mut node = |item: Selection, add_button: bool, rect: Rect, role: Role, name: String| {
            let rect = rect.intersect(proj.canvas);
            if rect.width() <= 0.0 || rect.height() <= 0.0 {
                return;
            }
            let id = node_id(canvas.id, &item, add_button);
            let response = items.interact(rect, id, Sense::hover());
            response.widget_info(|| WidgetInfo::labeled(role, true, &name));
            ctx.accesskit_node_builder(id, |node| {
                node.add_action(Action::Focus);
                node.add_action(Action::Click);
            });
            let clicked = ctx.input_mut(|i| {
                let mut asked = false;
                i.consume_accesskit_action_requests(id, |request| {
                    asked |= request.action == Action::Click;
                    request.action == Action::Click
                });
                asked
            });
            // A screen reader that moves its focus here selects the item; the canvas keeps the keyboard.
            let focused = response.has_focus();
            if focused {
                ctx.memory_mut(|m| m.surrender_focus(id));
            }
            match (clicked, add_button, item) {
                (true, true, Selection::Cell(stage, lane)) => {
                    requests.push(Request::AddCard(stage, lane));
                }
                _ if clicked || focused => requests.push(Request::Select(item)),
                _ => {}
            }
        };

        let stage_count = layout.stages.len();
        for (index, stage) in layout.stages.iter().enumerate() {
            let name = t!(
                k::A11Y_STAGE,
                name = stage_name(stage.id),
                number = index + 1,
                count = stage_count
            );
            node(
                Selection::Stage(stage.id),
                false,
                proj.stage_header(stage.header),
                Role::ColumnHeader,
                name,
            );
        }
        for lane in &layout.lanes {
            let name = t!(
                k::A11Y_LANE,
                name = lane_name(lane.id),
                kind = lane.kind.label()
            );
            node(
                Selection::Lane(lane.id),
                false,
                proj.lane_header(lane.header),
                Role::RowHeader,
                name,
            );
            for cell in layout.cells.iter().filter(|c| c.lane == lane.id) {
                let screen = proj.rect(cell.rect);
                if !screen.intersects(proj.canvas) {
                    continue;
                }
                let (stage, lane) = (cell.stage, cell.lane);
                for card in &layout.cards[cell.cards.clone()] {
                    let text = map.card(card.id).map_or("", |c| c.text.as_str());
                    let text = if text.trim().is_empty() {
                        t!(k::A11Y_EMPTY_CARD)
                    } else {
                        text.split_whitespace().collect::<Vec<_>>().join(" ")
                    };
                    let name = t!(
                        k::A11Y_CARD,
                        text = text,
                        stage = stage_name(stage),
                        lane = lane_name(lane)
                    );
                    // The dots a screen reader cannot see: "…, 3 votes".
                    let votes = map.vote.as_ref().map_or(0, |v| v.total(card.id));
                    let mut name = if votes > 0 {
                        t!(k::A11Y_CARD_VOTES, card = name, count = votes)
                    } else {
                        name
                    };
                    // Others in a live session: what the outlines and name tags show.
                    for peer in self.others.iter() {
                        if peer.editing == Some(card.id.0) {
                            name = t!(
                                k::A11Y_CARD_PEER_TYPING,
                                card = name,
                                name = peer.name.as_str()
                            );
                        } else if peer.selects(card.id.0) {
                            name = t!(
                                k::A11Y_CARD_PEER_SELECTED,
                                card = name,
                                name = peer.name.as_str()
                            );
                        }
                    }
                    node(
                        Selection::Card(card.id),
                        false,
                        proj.rect(card.rect),
                        Role::ListItem,
                        name,
                    );
                }
                if let Some(add) = cell.add_button {
                    let name = t!(
                        k::A11Y_ADD_CARD,
                        stage = stage_name(stage),
                        lane = lane_name(lane)
                    );
                    node(
                        Selection::Cell(stage, lane),
                        true,
                        proj.rect(add),
                        Role::Button,
                        name,
                    );
                }
            }
        }
        let active = self.active_persona();
        for curve in layout.curves.iter().filter(|c| c.persona == active) {
            for point in &curve.points {
                let Some(emotion) = map
                    .lane(curve.lane)
                    .and_then(|l| l.emotion_of(active, point.stage))
                else {
                    continue;
                };
                let (stage, lane) = (stage_name(point.stage), lane_name(curve.lane));
                let score = format!("{:+}", emotion.score).replace("+0", "0");
                let name = if emotion.note.trim().is_empty() {
                    t!(k::A11Y_EMOTION, score = score, stage = stage, lane = lane)
                } else {
                    t!(
                        k::A11Y_EMOTION_NOTE,
                        score = score,
                        stage = stage,
                        lane = lane,
                        note = emotion.note.trim()
                    )
                };
                let center = proj.pos(point.center);
                let radius = FACE_RADIUS * proj.zoom();
                node(
                    Selection::Cell(point.stage, curve.lane),
                    false,
                    Rect::from_center_size(center, egui::vec2(radius, radius) * 2.0),
                    Role::Slider,
                    name,
                );
            }
        }
        for link in &layout.links {
            let Some(model) = map.link(link.id) else {
                continue;
            };
            let (lo, hi) = link.path.iter().chain(&link.head).fold(
                (
                    egui::pos2(f32::MAX, f32::MAX),
                    egui::pos2(f32::MIN, f32::MIN),
                ),
                |(lo, hi), p| (lo.min(*p), hi.max(*p)),
            );
            let to = match model.to {
                Some(to) => crate::ui::link_panel::card_name(map, to),
                None => t!(k::LINK_NOWHERE),
            };
            let name = t!(
                k::A11Y_LINK,
                kind = model.kind.label(),
                from = crate::ui::link_panel::card_name(map, model.from),
                to = to
            );
            node(
                Selection::Link(link.id),
                false,
                proj.rect(Rect::from_min_max(lo, hi)),
                Role::Link,
                name,
            );
        }

        for request in requests {
            match request {
                Request::Select(selection) => {
                    self.selection = selection;
                    self.editing = None;
                }
                Request::AddCard(stage, lane) => {
                    // A refused edit leaves the map as it was; nothing to add for a screen reader.
                    let _ = self.add_card(doc, stage, lane, None);
                }
            }
        }
        let focus = match self.selection {
            Selection::None => None,
            Selection::Cell(..) => [false, true]
                .map(|add_button| node_id(canvas.id, &self.selection, add_button))
                .into_iter()
                .find(|id| ctx.has_accesskit_node(*id)),
            item => Some(node_id(canvas.id, &item, false)),
        };
        // While a text is being typed, the text field has the focus.
        let focus = focus.filter(|_| self.editing.is_none());
        ctx.data_mut(|d| d.insert_temp(focus_key(), focus));
    }
}

/// Gives the screen reader's focus to the node of what is selected on the canvas, when no widget has egui's
/// keyboard focus. egui's own focus cannot be used for this: a focused widget takes the arrow keys and the
/// shortcuts that move and change the selection.
pub struct FocusFollowsSelection;

impl egui::Plugin for FocusFollowsSelection {
    fn debug_name(&self) -> &'static str {
        "waymark: accessibility focus follows the canvas selection"
    }

    fn output_hook(&mut self, ctx: &egui::Context, output: &mut egui::FullOutput) {
        let Some(update) = output.platform_output.accesskit_update.as_mut() else {
            return;
        };
        if ctx.memory(|m| m.focused()).is_some() {
            return;
        }
        let Some(wanted) = ctx
            .data(|d| d.get_temp::<Option<Id>>(focus_key()))
            .flatten()
        else {
            return;
        };
        let wanted = wanted.accesskit_id();
        if update.nodes.iter().any(|(id, _)| *id == wanted) {
            update.focus = wanted;
        }
    }
}
