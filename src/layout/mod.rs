//! Where every part of a map goes: one layout, used by the canvas and by every export, so that they agree on
//! positions, sizes and line breaks. Everything is in map units (pixels at 100% zoom), origin at the top left.

mod boxes;
mod emotions;
pub mod fonts;
mod links;
mod metrics;
pub mod style;
mod text;
mod votes;

use egui::{Color32, Pos2, Rect, pos2, vec2};

use crate::model::{Channel, LaneId, LaneKind, Map, PersonaId, StageId};
pub use text::{Face, TextEngine};

pub use boxes::*;
use emotions::layout_emotions;
pub use emotions::{FaceShape, score_at_y, score_y};
pub use links::{
    CORNER_RADIUS, HANDLE_RADIUS, HEAD_HALF_WIDTH, HEAD_LENGTH, LegendEntry, LinkBox, LinkLegend,
    LinkStyle, link_handle, link_style,
};
use style::*;
pub use votes::{VOTE_DOT_RADIUS, VoteMark};

fn block(
    engine: &mut TextEngine,
    text: &str,
    face: Face,
    size: f32,
    width: f32,
    pos: Pos2,
    color: Color32,
) -> TextBlock {
    let lines = engine.wrap(text, face, size, width.max(10.0));
    let line_height = engine.line_height(face, size);
    TextBlock {
        pos,
        face,
        size,
        line_height,
        color,
        lines,
    }
}

fn truncate_lines(mut block: TextBlock, max: usize) -> TextBlock {
    if block.lines.len() > max {
        let mut lines: Vec<String> = block.lines[..max].to_vec();
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
        block.lines = lines.into();
    }
    block
}

/// Places every part of the map, every persona shown.
pub fn layout_map(map: &Map, engine: &mut TextEngine) -> MapLayout {
    layout_map_for(map, engine, None)
}

/// Places every part of the map as the persona filter shows it: with a persona, only its emotion curve, and
/// the cards not tagged with it dimmed.
pub fn layout_map_for(map: &Map, engine: &mut TextEngine, filter: Option<PersonaId>) -> MapLayout {
    let grid_left = MARGIN;
    let grid_width = LANE_HEADER_WIDTH + map.stages.iter().map(|s| s.width).sum::<f32>();
    let grid_right = grid_left + grid_width;

    let title = block(
        engine,
        &map.title,
        Face::Bold,
        TITLE_SIZE,
        grid_width.max(400.0),
        pos2(MARGIN, MARGIN),
        TEXT,
    );
    let (persona, persona_bottom) = layout_persona(
        map,
        engine,
        title.pos.y + title.height() + 10.0,
        grid_width,
        filter,
    );
    let grid_top = persona_bottom + 16.0;

    // Stage headers.
    let mut stages = Vec::with_capacity(map.stages.len());
    let mut x = grid_left + LANE_HEADER_WIDTH;
    let mut stage_header_height = MIN_STAGE_HEADER_HEIGHT;
    for stage in &map.stages {
        let inner = stage.width - 2.0 * HEADER_PADDING;
        let name_pos = pos2(x + HEADER_PADDING, grid_top + HEADER_PADDING);
        let name = block(
            engine,
            &stage.name,
            Face::Bold,
            HEADER_SIZE,
            inner - WRAP_SLACK,
            name_pos,
            HEADER_TEXT,
        );
        let mut texts = vec![name];
        if !stage.time_frame.is_empty() {
            let pos = pos2(x + HEADER_PADDING, name_pos.y + texts[0].height() + 2.0);
            texts.push(block(
                engine,
                &stage.time_frame,
                Face::Regular,
                SMALL_SIZE,
                inner - WRAP_SLACK,
                pos,
                HEADER_SUBTEXT,
            ));
        }
        let bottom = texts.last().map_or(0.0, |t| t.pos.y + t.height()) + HEADER_PADDING;
        stage_header_height = stage_header_height.max(bottom - grid_top);
        stages.push(StageBox {
            id: stage.id,
            header: Rect::NOTHING,
            texts,
            column: x..x + stage.width,
        });
        x += stage.width;
    }
    for stage in &mut stages {
        stage.header = Rect::from_x_y_ranges(
            stage.column.start..=stage.column.end,
            grid_top..=grid_top + stage_header_height,
        );
    }

    // Cards, cell by cell, which also gives each lane its height.
    let rows_top = grid_top + stage_header_height;
    let mut lanes = Vec::with_capacity(map.lanes.len());
    let mut cells = Vec::with_capacity(map.lanes.len() * map.stages.len());
    let mut cards = Vec::with_capacity(map.cards.len());
    let mut curves = Vec::new();
    let mut charts = Vec::new();
    let mut cell_cards: std::collections::HashMap<(StageId, LaneId), Vec<&crate::model::Card>> =
        std::collections::HashMap::new();
    for card in &map.cards {
        cell_cards
            .entry((card.stage, card.lane))
            .or_default()
            .push(card);
    }
    let mut y = rows_top;
    // The kind under a lane's name is part of the map, in the map's language (not the interface's): the
    // canvas and every export show the same words.
    let language = crate::i18n::map_language(map);
    let russian = language == crate::i18n::Lang::Ru;
    let online = crate::i18n::tr_in(language, crate::i18n::k::CARD_CHANNEL_ONLINE, &[]);
    let offline = crate::i18n::tr_in(language, crate::i18n::k::CARD_CHANNEL_OFFLINE, &[]);
    for lane in &map.lanes {
        let first_cell = cells.len();
        let inner = LANE_HEADER_WIDTH - 2.0 * HEADER_PADDING - WRAP_SLACK;
        let name = block(
            engine,
            &lane.name,
            Face::Bold,
            HEADER_SIZE,
            inner,
            pos2(grid_left + HEADER_PADDING, y + HEADER_PADDING),
            TEXT,
        );
        let kind_name = if russian {
            lane.kind.name_ru()
        } else {
            lane.kind.name_en()
        };
        let mut texts = vec![name];
        // A lane named after its kind ("Действия", Actions) would say the same word twice.
        if !same_words(&lane.name, kind_name) {
            let kind_pos = pos2(texts[0].pos.x, texts[0].pos.y + texts[0].height() + 2.0);
            texts.push(block(
                engine,
                kind_name,
                Face::Regular,
                SMALL_SIZE,
                inner,
                kind_pos,
                SUBTLE_TEXT,
            ));
        }
        let mut legend_top = texts.last().map_or(y, |t| t.pos.y + t.height()) + 6.0;
        let mut legend = Vec::new();
        let mut cards_top = y;
        let mut curves_here = Vec::new();
        if lane.kind == LaneKind::Emotions {
            curves_here = layout_emotions(map, lane, &stages, y, engine, filter);
            if map.more_personas.is_empty() {
                for curve in &mut curves_here {
                    curve.color = CURVE;
                }
            } else {
                for curve in &curves_here {
                    let name = map
                        .persona_by_id(curve.persona)
                        .map(|p| p.name.trim().to_owned())
                        .filter(|n| !n.is_empty())
                        .unwrap_or_else(|| "—".to_owned());
                    let item =
                        metrics::legend_item(engine, grid_left, legend_top, curve.color, &name, 1);
                    legend_top = item.text.pos.y + item.text.height() + 3.0;
                    legend.push(item);
                }
            }
        } else if let Some(chart) = metrics::layout_chart(map, lane, &stages, legend_top, engine) {
            for (row, measure) in chart.rows.iter().zip(&lane.measures) {
                legend.push(metrics::legend_item(
                    engine,
                    grid_left,
                    row.rect.top() + 2.0,
                    row.color,
                    &measure.label(),
                    3,
                ));
            }
            cards_top = chart.rows.last().map_or(y, |r| r.rect.bottom());
            charts.push(chart);
        }
        let legend_bottom = legend.last().map_or(y, |l: &LegendItem| {
            l.text.pos.y + l.text.height() + HEADER_PADDING
        });
        let height = if lane.kind.holds_cards() {
            let mut tallest: f32 = MIN_LANE_HEIGHT;
            for (stage, stage_box) in map.stages.iter().zip(&stages) {
                let start = cards.len();
                let mut card_y = cards_top + CELL_PADDING;
                let card_left = stage_box.column.start + CELL_PADDING;
                let card_width = stage.width - 2.0 * CELL_PADDING;
                for card in cell_cards.get(&(stage.id, lane.id)).into_iter().flatten() {
                    let text_pos = pos2(card_left + CARD_PADDING, card_y + CARD_PADDING);
                    let text_width = card_width - 2.0 * CARD_PADDING - WRAP_SLACK;
                    let dimmed = filter.is_some_and(|f| !card.personas.contains(&f));
                    let text = block(
                        engine,
                        &card.text,
                        Face::Regular,
                        BODY_SIZE,
                        text_width,
                        text_pos,
                        if dimmed { DIMMED_TEXT } else { TEXT },
                    );
                    let mut bottom = text_pos.y + text.height().max(text.line_height);
                    let badge = card.channel.map(|channel| {
                        let label = match channel {
                            Channel::Online => online.as_str(),
                            Channel::Offline => offline.as_str(),
                        };
                        let b = block(
                            engine,
                            label,
                            Face::Regular,
                            SMALL_SIZE,
                            text_width,
                            pos2(text_pos.x, bottom + 2.0),
                            SUBTLE_TEXT,
                        );
                        bottom += 2.0 + b.height();
                        (channel, b)
                    });
                    let rect = Rect::from_min_max(
                        pos2(card_left, card_y),
                        pos2(card_left + card_width, bottom + CARD_PADDING),
                    );
                    cards.push(CardBox {
                        id: card.id,
                        rect,
                        color: card.color,
                        text,
                        badge,
                        dimmed,
                    });
                    card_y = rect.bottom() + CARD_GAP;
                }
                let add_button = Rect::from_min_size(
                    pos2(card_left, card_y),
                    vec2(card_width, ADD_BUTTON_HEIGHT),
                );
                tallest = tallest.max(add_button.bottom() + CELL_PADDING - y);
                cells.push(CellBox {
                    stage: stage.id,
                    lane: lane.id,
                    rect: Rect::NOTHING,
                    cards: start..cards.len(),
                    add_button: Some(add_button),
                });
            }
            tallest.max(legend_bottom - y)
        } else {
            curves.append(&mut curves_here);
            for stage in &map.stages {
                let n = cards.len();
                cells.push(CellBox {
                    stage: stage.id,
                    lane: lane.id,
                    rect: Rect::NOTHING,
                    cards: n..n,
                    add_button: None,
                });
            }
            EMOTION_LANE_HEIGHT.max(legend_bottom - y)
        };
        let header = Rect::from_min_size(pos2(grid_left, y), vec2(LANE_HEADER_WIDTH, height));
        for (cell, stage_box) in cells[first_cell..].iter_mut().zip(&stages) {
            cell.rect = Rect::from_x_y_ranges(
                stage_box.column.start..=stage_box.column.end,
                y..=y + height,
            );
        }
        lanes.push(LaneBox {
            id: lane.id,
            kind: lane.kind,
            header,
            texts,
            rows: y..y + height,
            legend,
        });
        y += height;
    }
    let grid_bottom = y;
    let links = links::layout_links(map, &stages, &lanes, &cells, &cards);
    let legend = links::layout_legend(map, &links, engine, grid_left, grid_bottom + 10.0);
    let bottom = legend.as_ref().map_or(grid_bottom, |l| l.rect.bottom());
    let votes = votes::layout_votes(map, &cards, engine);
    let width = (grid_right + MARGIN)
        .max(persona.rect.right() + MARGIN)
        .max(title.pos.x + 400.0)
        .max(legend.as_ref().map_or(0.0, |l| l.rect.right() + MARGIN));
    MapLayout {
        size: vec2(width, bottom + MARGIN),
        title,
        persona,
        grid_top,
        grid_left,
        grid_right,
        grid_bottom,
        stage_header_height,
        stages,
        lanes,
        cells,
        cards,
        curves,
        links,
        legend,
        charts,
        votes,
    }
}

fn layout_persona(
    map: &Map,
    engine: &mut TextEngine,
    top: f32,
    grid_width: f32,
    filter: Option<PersonaId>,
) -> (PersonaBox, f32) {
    // The persona the filter shows, or the first one; the photo is the first persona's.
    let persona = filter
        .and_then(|id| map.persona_by_id(id))
        .unwrap_or(&map.persona);
    let width = grid_width.clamp(400.0, PERSONA_MAX_WIDTH);
    // The photo keeps its proportions inside a PHOTO_SIDE square.
    let photo = persona.photo.as_ref().map(|photo| {
        let [w, h] = photo.size().map(|v| v.max(1) as f32);
        let scale = PHOTO_SIDE / w.max(h);
        Rect::from_min_size(pos2(MARGIN, top), vec2(w * scale, h * scale))
    });
    let text_left = if photo.is_some() {
        MARGIN + PHOTO_SIDE + 14.0
    } else {
        MARGIN
    };
    let text_width = width - (text_left - MARGIN) - WRAP_SLACK;
    let mut texts = Vec::new();
    let mut y = top;
    let parts = [
        (&persona.name, Face::Bold, PERSONA_NAME_SIZE, TEXT),
        (&persona.description, Face::Regular, BODY_SIZE, TEXT),
        (&persona.goals, Face::Regular, BODY_SIZE, TEXT),
        (&persona.quote, Face::Regular, BODY_SIZE, SUBTLE_TEXT),
    ];
    for (text, face, size, color) in parts {
        if text.trim().is_empty() {
            continue;
        }
        let b = block(
            engine,
            text,
            face,
            size,
            text_width,
            pos2(text_left, y),
            color,
        );
        y += b.height() + 4.0;
        texts.push(b);
    }
    let bottom = photo.map_or(y, |p| p.bottom().max(y));
    let rect = Rect::from_min_max(pos2(MARGIN, top), pos2(MARGIN + width, bottom));
    (PersonaBox { rect, photo, texts }, bottom)
}

/// Whether two names are the same words, ignoring case and the spaces around them.
fn same_words(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::stroller_map;

    fn lane_words(map: &Map) -> Vec<Vec<String>> {
        let layout = layout_map(map, &mut TextEngine::new());
        layout
            .lanes
            .iter()
            .map(|lane| lane.texts.iter().map(|t| t.lines.join(" ")).collect())
            .collect()
    }

    #[test]
    fn a_lane_shows_its_kind_only_when_its_name_does_not_say_it() {
        let mut map = stroller_map();
        let actions = lane_words(&map)[0].clone();
        assert_eq!(actions, vec!["Действия".to_owned()]);
        map.lanes[0].name = "Что делает".to_owned();
        assert_eq!(lane_words(&map)[0], vec!["Что делает", "Действия"]);
    }

    fn badges(map: &Map) -> Vec<String> {
        let layout = layout_map(map, &mut TextEngine::new());
        let mut words: Vec<String> = layout
            .cards
            .iter()
            .filter_map(|card| card.badge.as_ref().map(|(_, b)| b.lines.join(" ")))
            .collect();
        words.sort();
        words.dedup();
        words
    }

    #[test]
    fn channel_badges_are_in_the_map_language_whatever_the_interface_says() {
        crate::i18n::set_thread_language(crate::i18n::Lang::En);
        let mut map = stroller_map();
        assert_eq!(badges(&map), vec!["● онлайн", "● офлайн"]);
        for stage in &mut map.stages {
            stage.name = "Stage".to_owned();
        }
        for lane in &mut map.lanes {
            lane.name = "Lane".to_owned();
        }
        assert_eq!(badges(&map), vec!["● offline", "● online"]);
    }
}
