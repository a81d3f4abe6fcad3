//! Cards on the clipboard, as text any program can carry.
//!
//! Copied cards are one card a line, so they read well when pasted into a chat, a document or a spreadsheet
//! column. A card whose text has a line break, a tab or starts with a quote is written in double quotes with
//! inner quotes doubled, as spreadsheets write such cells, so a spreadsheet keeps it in one cell. The first line
//! says the text came from Waymark and gives each card's colour and channel, so a paste into Waymark (the same
//! window or another) brings them back:
//!
//! ```text
//! Waymark cards: yellow, pink online, white
//! Compare prices
//! "Asks a friend:
//! which stroller?"
//! Too many models
//! ```
//!
//! Text from anywhere else (chat lines, a column or a block of cells from a spreadsheet, a bulleted or
//! numbered list) becomes one card per non-empty line or cell, with list markers taken off.

use crate::model::{CardColor, Channel};

/// The first words of the line that marks text copied from Waymark.
pub const HEADER: &str = "Waymark cards:";
/// Larger clipboard texts are refused at once, without reading them further.
pub const MAX_PASTE_BYTES: usize = 1_000_000;
/// Pastes that would make more cards than this are confirmed first.
pub const CONFIRM_ABOVE_CARDS: usize = 200;
/// Pastes that would make more cards than this are refused: a paste is a list of ideas, not a database.
pub const MAX_PASTE_CARDS: usize = 2_000;
/// Longer card texts are cut to this many characters.
pub const MAX_CARD_CHARS: usize = 5_000;

/// A card to be made from the clipboard: its text, and its colour and channel when Waymark copied it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardDraft {
    pub text: String,
    pub color: Option<CardColor>,
    pub channel: Option<Channel>,
}

impl CardDraft {
    pub fn plain(text: &str) -> CardDraft {
        CardDraft {
            text: text.to_owned(),
            color: None,
            channel: None,
        }
    }
}

/// Why a clipboard text gives no cards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteError {
    /// More than [`MAX_PASTE_BYTES`].
    TooLarge { bytes: usize },
    /// Only blank lines.
    Empty,
    /// More than [`MAX_PASTE_CARDS`] cards.
    TooManyCards { cards: usize },
}

impl std::fmt::Display for PasteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PasteError::TooLarge { bytes } => f.write_str(&crate::t!(
                crate::i18n::k::PASTE_TOO_LARGE,
                size = (*bytes as f64 / 1e5).round() / 10.0,
                limit = MAX_PASTE_BYTES / 1_000_000
            )),
            PasteError::Empty => f.write_str(&crate::t!(crate::i18n::k::PASTE_EMPTY)),
            PasteError::TooManyCards { cards } => f.write_str(&crate::t!(
                crate::i18n::k::PASTE_TOO_MANY,
                count = *cards,
                max = MAX_PASTE_CARDS
            )),
        }
    }
}

impl std::error::Error for PasteError {}

fn color_word(color: CardColor) -> &'static str {
    match color {
        CardColor::Yellow => "yellow",
        CardColor::Orange => "orange",
        CardColor::Pink => "pink",
        CardColor::Purple => "purple",
        CardColor::Blue => "blue",
        CardColor::Green => "green",
        CardColor::Gray => "gray",
        CardColor::White => "white",
    }
}

fn channel_word(channel: Channel) -> &'static str {
    match channel {
        Channel::Online => "online",
        Channel::Offline => "offline",
    }
}

/// The clipboard text for cards: the Waymark line, then one card a line.
pub fn cards_to_text<'a>(cards: impl IntoIterator<Item = &'a CardDraft>) -> String {
    let cards: Vec<&CardDraft> = cards.into_iter().collect();
    let specs: Vec<String> = cards
        .iter()
        .map(|c| {
            let color = color_word(c.color.unwrap_or_default());
            match c.channel {
                Some(channel) => format!("{color} {}", channel_word(channel)),
                None => color.to_owned(),
            }
        })
        .collect();
    let mut text = format!("{HEADER} {}\n", specs.join(", "));
    for card in cards {
        text.push_str(&quote_if_needed(&card.text));
        text.push('\n');
    }
    text
}

fn quote_if_needed(text: &str) -> String {
    let needs = text.contains(['\n', '\r', '\t'])
        || text.starts_with('"')
        || text.trim() != text
        || text.is_empty();
    if needs {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The cards a clipboard text makes: Waymark's own cards with their colours, or one card per non-empty line
/// or spreadsheet cell of any other text.
pub fn text_to_cards(text: &str) -> Result<Vec<CardDraft>, PasteError> {
    if text.len() > MAX_PASTE_BYTES {
        return Err(PasteError::TooLarge { bytes: text.len() });
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let cards = match text.strip_prefix(HEADER) {
        Some(rest) => waymark_cards(rest),
        None => plain_cards(&text),
    };
    if cards.is_empty() {
        Err(PasteError::Empty)
    } else if cards.len() > MAX_PASTE_CARDS {
        Err(PasteError::TooManyCards { cards: cards.len() })
    } else {
        Ok(cards)
    }
}

fn waymark_cards(rest: &str) -> Vec<CardDraft> {
    let (header, body) = rest.split_once('\n').unwrap_or((rest, ""));
    let specs: Vec<(Option<CardColor>, Option<Channel>)> = header
        .split(',')
        .map(|spec| {
            let mut words = spec.split_whitespace();
            let color = words
                .next()
                .and_then(|w| CardColor::ALL.into_iter().find(|c| color_word(*c) == w));
            let channel = words.next().and_then(|w| {
                [Channel::Online, Channel::Offline]
                    .into_iter()
                    .find(|c| channel_word(*c) == w)
            });
            (color, channel)
        })
        .collect();
    fields(body, false)
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let (color, channel) = specs.get(i).copied().unwrap_or((None, None));
            CardDraft {
                text: clip(&text),
                color,
                channel,
            }
        })
        .collect()
}

fn plain_cards(text: &str) -> Vec<CardDraft> {
    fields(text, true)
        .into_iter()
        .map(|field| strip_marker(field.trim()).trim().to_owned())
        .filter(|t| !t.is_empty())
        .map(|t| CardDraft::plain(&clip(&t)))
        .collect()
}

/// Cuts a text to [`MAX_CARD_CHARS`] characters.
fn clip(text: &str) -> String {
    match text.char_indices().nth(MAX_CARD_CHARS) {
        Some((at, _)) => text[..at].to_owned(),
        None => text.to_owned(),
    }
}

/// The fields of a text: its lines, and with `cells` the tab-separated cells of each line. A field that starts
/// with a double quote runs to the matching closing quote (inner quotes doubled), line breaks and tabs
/// included, as spreadsheets copy a cell with a line break; a quote that is never closed is just a character.
fn fields(text: &str, cells: bool) -> Vec<String> {
    let mut fields = Vec::new();
    let mut rest = text;
    // Once a quote is found never to close, later ones are taken as characters too, so that text full of
    // unclosed quotes is read in one pass, not once per quote.
    let mut quotes_close = true;
    while !rest.is_empty() {
        let closed = match rest.strip_prefix('"') {
            Some(quoted) if quotes_close => {
                let closed = closing_quote(quoted);
                quotes_close = closed.is_some();
                closed
            }
            _ => None,
        };
        if let Some((value, after)) = closed {
            let at_end =
                after.is_empty() || after.starts_with('\n') || (cells && after.starts_with('\t'));
            if at_end {
                fields.push(value);
                rest = after.strip_prefix(['\n', '\t']).unwrap_or(after);
                continue;
            }
        }
        let end = if cells {
            rest.find(['\n', '\t'])
        } else {
            rest.find('\n')
        };
        match end {
            Some(at) => {
                fields.push(rest[..at].to_owned());
                rest = &rest[at + 1..];
            }
            None => {
                fields.push(rest.to_owned());
                rest = "";
            }
        }
    }
    fields
}

/// The text up to the closing quote of a quoted field (after its opening quote), and what follows it.
fn closing_quote(quoted: &str) -> Option<(String, &str)> {
    let mut value = String::new();
    let mut chars = quoted.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '"' {
            if chars.peek().is_some_and(|(_, next)| *next == '"') {
                value.push('"');
                chars.next();
            } else {
                return Some((value, &quoted[at + 1..]));
            }
        } else {
            value.push(c);
        }
    }
    None
}

/// Takes off a list marker: "-", "•", "*", "–", "—", "1." or "1)" followed by a space.
fn strip_marker(line: &str) -> &str {
    for marker in ["- ", "• ", "* ", "– ", "— ", "· "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return rest;
        }
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=4).contains(&digits) {
        let rest = &line[digits..];
        for marker in [". ", ") "] {
            if let Some(rest) = rest.strip_prefix(marker) {
                return rest;
            }
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(cards: &[CardDraft]) -> Vec<&str> {
        cards.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn chat_lines_make_one_card_each_and_blank_lines_none() {
        let cards = text_to_cards("Идея один\r\n\r\n  Идея два  \n\n").unwrap();
        assert_eq!(texts(&cards), ["Идея один", "Идея два"]);
        assert!(cards.iter().all(|c| c.color.is_none()));
    }

    #[test]
    fn list_markers_are_taken_off() {
        let text = "- dash\n• bullet\n* star\n1. first\n12) twelfth\n-no space\n2024 was a year";
        let cards = text_to_cards(text).unwrap();
        assert_eq!(
            texts(&cards),
            [
                "dash",
                "bullet",
                "star",
                "first",
                "twelfth",
                "-no space",
                "2024 was a year"
            ]
        );
    }

    #[test]
    fn spreadsheet_cells_each_make_a_card_and_quoted_cells_keep_line_breaks() {
        let text = "Waits\tPays\n\tCalls\n\"Line one\nline two\"\tlast\n";
        let cards = text_to_cards(text).unwrap();
        assert_eq!(
            texts(&cards),
            ["Waits", "Pays", "Calls", "Line one\nline two", "last"]
        );
    }

    #[test]
    fn an_unclosed_quote_is_just_a_character() {
        let cards = text_to_cards("\"He said\nnext").unwrap();
        assert_eq!(texts(&cards), ["\"He said", "next"]);
    }

    #[test]
    fn waymark_cards_round_trip_with_colours_channels_and_line_breaks() {
        let cards = vec![
            CardDraft {
                text: "Сравнивает цены".into(),
                color: Some(CardColor::Pink),
                channel: Some(Channel::Online),
            },
            CardDraft {
                text: "Two\nlines with \"quotes\"\tand a tab".into(),
                color: Some(CardColor::White),
                channel: None,
            },
            CardDraft {
                text: "\"starts quoted".into(),
                color: Some(CardColor::Yellow),
                channel: Some(Channel::Offline),
            },
            CardDraft {
                text: String::new(),
                color: Some(CardColor::Gray),
                channel: None,
            },
            CardDraft {
                text: "- looks like a list".into(),
                color: Some(CardColor::Blue),
                channel: None,
            },
        ];
        let text = cards_to_text(&cards);
        assert!(
            text.starts_with("Waymark cards: pink online, white, yellow offline, gray, blue\n")
        );
        assert!(
            text.contains("\nСравнивает цены\n"),
            "plain cards read as lines: {text}"
        );
        assert_eq!(text_to_cards(&text).unwrap(), cards);
    }

    #[test]
    fn windows_line_ends_in_a_waymark_copy_are_understood() {
        let text = "Waymark cards: green, orange\r\nOne\r\nTwo\r\n";
        let cards = text_to_cards(text).unwrap();
        assert_eq!(texts(&cards), ["One", "Two"]);
        assert_eq!(cards[1].color, Some(CardColor::Orange));
    }

    #[test]
    fn megabytes_are_refused_and_blank_text_gives_no_cards() {
        let big = "idea\n".repeat(MAX_PASTE_BYTES / 5 + 1);
        assert!(matches!(
            text_to_cards(&big),
            Err(PasteError::TooLarge { .. })
        ));
        assert_eq!(text_to_cards(" \n\t\n"), Err(PasteError::Empty));
    }

    #[test]
    fn too_many_lines_are_refused_and_unclosed_quotes_are_characters() {
        let lines = "idea\n".repeat(MAX_PASTE_CARDS + 1);
        assert_eq!(
            text_to_cards(&lines),
            Err(PasteError::TooManyCards {
                cards: MAX_PASTE_CARDS + 1
            })
        );
        // An unclosed quote on every line: read as characters, in one pass.
        let quotes = "\"open\n".repeat(MAX_PASTE_CARDS);
        assert_eq!(text_to_cards(&quotes).map(|c| c.len()), Ok(MAX_PASTE_CARDS));
    }

    #[test]
    fn very_long_lines_are_cut() {
        let cards = text_to_cards(&"ж".repeat(MAX_CARD_CHARS + 10)).unwrap();
        assert_eq!(cards[0].text.chars().count(), MAX_CARD_CHARS);
    }

    proptest::proptest! {
        #[test]
        fn no_text_panics(text in "(?s).{0,400}") {
            let _ = text_to_cards(&text);
            let _ = text_to_cards(&format!("{HEADER}{text}"));
        }

        #[test]
        fn copied_cards_paste_back_the_same(texts in proptest::collection::vec("[^\r]{0,40}", 1..6)) {
            let cards: Vec<CardDraft> = texts
                .iter()
                .map(|t| CardDraft { text: t.clone(), color: Some(CardColor::Yellow), channel: None })
                .collect();
            proptest::prop_assert_eq!(text_to_cards(&cards_to_text(&cards)).unwrap(), cards);
        }
    }
}
