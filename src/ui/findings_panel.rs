//! The findings panel (View → Findings): what the map's gap analysis says, under the canvas. It recomputes
//! only when the document's revision changes, and a click on a finding selects and shows its cells.

use egui::{RichText, Ui};

use super::selection::Selection;
use crate::analysis::{Finding, all_findings, messages};
use crate::edit::{Document, Edit, EditError};
use crate::model::FindingKind;

/// The panel's state: whether it is open, and the findings of the revision it last analysed.
#[derive(Default)]
pub struct FindingsPanel {
    pub open: bool,
    /// Every finding, switched off or not, with the document revision and identity they were found for.
    cache: Option<(u64, u64, Vec<Finding>)>,
}

/// What the panel asks of the app this frame.
#[derive(Default)]
pub struct PanelRequests {
    /// A finding was clicked: select this and scroll to it.
    pub reveal: Option<Selection>,
    pub refused: Option<EditError>,
    pub close: bool,
}

impl FindingsPanel {
    /// The findings for the document as it is now (of every kind), analysing it again only when it changed.
    pub fn current(&mut self, doc: &Document) -> &[Finding] {
        let key = (doc.revision(), doc.identity());
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|(revision, identity, _)| (*revision, *identity) == key);
        if !fresh {
            self.cache = Some((key.0, key.1, all_findings(doc.map())));
        }
        self.cache.as_ref().map_or(&[], |(_, _, f)| f.as_slice())
    }

    pub fn show(&mut self, ui: &mut Ui, doc: &mut Document) -> PanelRequests {
        let mut requests = PanelRequests::default();
        let found = self.current(doc).to_vec();
        let map = doc.map();
        let shown: Vec<&Finding> = found.iter().filter(|f| map.finding_on(f.kind)).collect();
        let mut toggled = None;
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!("{} ({})", messages::panel_title(), shown.len()));
            ui.separator();
            for kind in FindingKind::ALL {
                let count = found.iter().filter(|f| f.kind == kind).count();
                let mut on = map.finding_on(kind);
                let label = format!("{} ({count})", messages::title(kind));
                if ui
                    .checkbox(&mut on, label)
                    .on_hover_text(kind.name())
                    .changed()
                {
                    toggled = Some((kind, on));
                }
            }
            if ui
                .button("✕")
                .on_hover_text(messages::close_panel())
                .clicked()
            {
                requests.close = true;
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if shown.is_empty() {
                    ui.label(RichText::new(messages::no_findings()).weak());
                }
                // A grid, so that the sentences line up whatever the length of the kind's name.
                egui::Grid::new("findings-list")
                    .striped(true)
                    .show(ui, |ui| {
                        for finding in &shown {
                            ui.label(RichText::new(finding.kind.name()).weak().monospace());
                            if ui
                                .selectable_label(false, &finding.message)
                                .on_hover_text(messages::reveal())
                                .clicked()
                            {
                                requests.reveal = Some(target(finding));
                            }
                            ui.end_row();
                        }
                    });
            });
        if let Some((kind, on)) = toggled
            && let Err(error) = doc.apply(Edit::SetFindingKind { kind, on })
        {
            requests.refused = Some(error);
        }
        requests
    }
}

/// What a click on a finding selects: its first card, else its first cell, else its stage.
pub fn target(finding: &Finding) -> Selection {
    if let Some(card) = finding.cards.first() {
        Selection::Card(*card)
    } else if let Some(&(stage, lane)) = finding.cells.first() {
        Selection::Cell(stage, lane)
    } else {
        Selection::Stage(finding.stage)
    }
}
