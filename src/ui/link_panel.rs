//! The side panel's part about journey paths: a card's links (each with its kind, to change or remove), and
//! the selected link itself.

use egui::{RichText, Ui};

use super::commands::Command;
use super::selection::Selection;
use super::side_panel::Requests;
use crate::edit::{Document, Edit};
use crate::i18n::k;
use crate::layout::link_style;
use crate::model::{CardId, Link, LinkId, LinkKind, Map};
use crate::t;

/// A card as links name it: its first line, shortened.
pub fn card_name(map: &Map, card: CardId) -> String {
    let text = map.card(card).map_or("", |c| c.text.as_str());
    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
    match first {
        None => t!(k::A11Y_UNNAMED),
        Some(line) if line.chars().count() > 32 => {
            let short: String = line.chars().take(31).collect();
            format!("{short}…")
        }
        Some(line) => line.to_owned(),
    }
}

/// Where a link goes, seen from one of its cards: "→ to “…”" or "← from “…”".
fn seen_from(map: &Map, link: &Link, card: CardId) -> String {
    if link.from == card {
        let to = match link.to {
            Some(to) => t!(k::PANEL_LINK_TO, card = card_name(map, to)),
            None => t!(k::LINK_NOWHERE),
        };
        format!("→ {to}")
    } else {
        format!(
            "← {}",
            t!(k::PANEL_LINK_FROM, card = card_name(map, link.from))
        )
    }
}

/// A small coloured sample of a kind's line, before its name.
fn kind_text(kind: LinkKind) -> RichText {
    RichText::new(format!("━ {}", kind.label())).color(link_style(kind).color)
}

/// Changes a link's kind, as one undo step.
fn set_kind(doc: &mut Document, link: LinkId, kind: LinkKind, requests: &mut Requests) {
    if doc.map().link(link).is_some_and(|l| l.kind != kind) {
        requests.note(doc.apply(Edit::SetLinkKind { link, kind }));
    }
}

/// The links of a selected card, each with its kind and a button to remove it.
pub fn card_links(ui: &mut Ui, doc: &mut Document, card: CardId, requests: &mut Requests) {
    ui.separator();
    ui.strong(t!(k::PANEL_LINKS));
    let links: Vec<Link> = doc.map().links_of(card).cloned().collect();
    if links.is_empty() {
        ui.label(RichText::new(t!(k::PANEL_NO_LINKS)).weak());
    }
    for link in links {
        let label = seen_from(doc.map(), &link, card);
        ui.horizontal_wrapped(|ui| {
            if ui.link(label).clicked() {
                requests.command = Some(Command::Select(Selection::Link(link.id)));
            }
            let mut kind = link.kind;
            egui::ComboBox::from_id_salt(("link-kind", link.id.0))
                .selected_text(kind_text(kind))
                .show_ui(ui, |ui| {
                    for other in LinkKind::ALL {
                        let possible = link.to.is_some() || other == LinkKind::Exit;
                        ui.add_enabled_ui(possible, |ui| {
                            ui.selectable_value(&mut kind, other, kind_text(other));
                        });
                    }
                });
            set_kind(doc, link.id, kind, requests);
            let name = t!(k::PANEL_DELETE_LINK);
            let remove = ui.small_button("✕").on_hover_text(&name);
            // Screen readers (and tests) know the button by what it does, not by its cross.
            remove.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if remove.clicked() {
                requests.note(doc.apply(Edit::RemoveLink(link.id)));
            }
        });
    }
    if ui.add(Command::LinkTo.button(ui.ctx())).clicked() {
        requests.command = Some(Command::LinkTo);
    }
}

/// The selected link: where it goes, its kind (one click changes it) and a button to delete it.
pub fn link(ui: &mut Ui, doc: &mut Document, id: LinkId, requests: &mut Requests) {
    let Some(link) = doc.map().link(id).cloned() else {
        return;
    };
    ui.heading(t!(k::PANEL_LINK));
    let map = doc.map();
    ui.label(t!(k::PANEL_LINK_FROM, card = card_name(map, link.from)));
    ui.label(seen_from(map, &link, link.from));
    ui.label(t!(k::PANEL_LINK_KIND));
    for kind in LinkKind::ALL {
        let possible = link.to.is_some() || kind == LinkKind::Exit;
        let chosen = ui
            .add_enabled(
                possible,
                egui::Button::selectable(link.kind == kind, kind_text(kind)),
            )
            .clicked();
        if chosen {
            set_kind(doc, id, kind, requests);
        }
    }
    let delete = Command::Delete(Selection::Link(id));
    if ui.add(delete.button(ui.ctx())).clicked() {
        requests.command = Some(delete);
    }
}
