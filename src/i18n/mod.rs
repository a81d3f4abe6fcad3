//! The language layer: every word Waymark shows a person, in English and Russian.
//!
//! Translations are Fluent files (`assets/i18n/en.ftl`, `assets/i18n/ru.ftl`) that a translator edits without
//! reading Rust; they are built into the binary. Code names a message by a typed key from [`k`] (one list, so
//! a test can walk every key in both languages) and formats it with [`t!`](crate::t):
//! `t!(k::MENU_FILE)`, `t!(k::STATUS_SAVED, path = path.display())`.
//!
//! Nothing here knows about egui: the command line, error messages and the editor all use it. The language is
//! chosen once per process ([`set_language`]) and may be overridden per thread ([`set_thread_language`]), so
//! that the editor, which can switch language at run time, and its worker threads agree, and tests can run an
//! English and a Russian editor side by side. What is written into files never goes through here.

mod bundle;
pub mod k;
mod numbers;
pub mod time;

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

pub use bundle::{check_message, message_ids};
pub use k::Key;

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "ru")]
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];

    /// The BCP 47 code: "en" or "ru".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language's own name, as a language menu shows it whatever the interface language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
        }
    }

    /// The interface language a locale name asks for: Russian for `ru*` (`ru`, `ru_RU.UTF-8`, `ru-RU`),
    /// English for any other real locale. `None` for an empty value, so that the next variable is looked at.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let locale = locale.trim();
        if locale.is_empty() {
            return None;
        }
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Some(if language == "ru" { Lang::Ru } else { Lang::En })
    }

    /// What `WAYMARK_LANG` says: `ru` or `en` (or a locale name such as `ru_RU.UTF-8`); `None` when unset or
    /// empty.
    pub fn from_override(value: Option<&str>) -> Option<Lang> {
        value.and_then(Lang::from_locale)
    }

    /// The language of the system's locale. On Linux and other Unix systems the POSIX variables decide, the
    /// first one set of LC_ALL, LC_MESSAGES and LANG; on macOS and Windows the user's preferred language.
    pub fn from_system(env: &dyn Fn(&str) -> Option<String>) -> Lang {
        #[cfg(any(target_os = "macos", target_os = "windows"))]
        {
            let _ = env;
            sys_locale::get_locale()
                .and_then(|l| Lang::from_locale(&l))
                .unwrap_or(Lang::En)
        }
        #[cfg(not(any(target_os = "macos", target_os = "windows")))]
        {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|name| env(name).and_then(|v| Lang::from_locale(&v)))
                .unwrap_or(Lang::En)
        }
    }

    /// The editor's language: `WAYMARK_LANG` first (for scripts), then the choice made in View → Language
    /// (a deliberate choice outlives the system's setting), then the system.
    pub fn choose(env: &dyn Fn(&str) -> Option<String>, remembered: Option<Lang>) -> Lang {
        Lang::from_override(env(OVERRIDE_VARIABLE).as_deref())
            .or(remembered)
            .unwrap_or_else(|| Lang::from_system(env))
    }
}

/// The environment variable that overrides every other choice of language.
pub const OVERRIDE_VARIABLE: &str = "WAYMARK_LANG";

/// Reads the process environment, for [`Lang::choose`] and [`Lang::from_system`].
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

static PROCESS_LANGUAGE: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD_LANGUAGE: Cell<Option<Lang>> = const { Cell::new(None) };
}

fn lang_from_index(index: u8) -> Lang {
    if index == 1 { Lang::Ru } else { Lang::En }
}

/// Sets the language of the whole process (threads without their own language use it).
pub fn set_language(lang: Lang) {
    PROCESS_LANGUAGE.store(lang as u8, Ordering::Relaxed);
}

/// Sets the language of this thread only, e.g. of an editor window and the workers it starts.
pub fn set_thread_language(lang: Lang) {
    THREAD_LANGUAGE.with(|l| l.set(Some(lang)));
}

/// The language messages are formatted in on this thread.
pub fn language() -> Lang {
    THREAD_LANGUAGE
        .with(Cell::get)
        .unwrap_or_else(|| lang_from_index(PROCESS_LANGUAGE.load(Ordering::Relaxed)))
}

/// A value put into a message: text, or a number (numbers choose plural forms and are written the way the
/// language writes them).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Arg {
        Arg::Text(value.to_owned())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Arg {
        Arg::Text(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Arg {
        Arg::Text(value.clone())
    }
}

impl From<std::path::Display<'_>> for Arg {
    fn from(value: std::path::Display<'_>) -> Arg {
        Arg::Text(value.to_string())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(value: $t) -> Arg {
                Arg::Number(value as f64)
            }
        }
    )*};
}
number_args!(u8, i8, u16, i16, u32, i32, u64, i64, usize, f32, f64);

/// Formats a message in the current language. Prefer [`t!`](crate::t), which names the arguments.
pub fn tr(key: Key, args: &[(&str, Arg)]) -> String {
    tr_in(language(), key, args)
}

/// Formats a message in the given language. A message missing from that language falls back to English,
/// then to its id: a gap in a translation shows as a word, never as a crash.
pub fn tr_in(lang: Lang, key: Key, args: &[(&str, Arg)]) -> String {
    debug_assert!(
        args.iter().all(|(name, _)| key.args.contains(name)),
        "{}: unexpected arguments {:?} (declared: {:?})",
        key.id,
        args.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        key.args
    );
    bundle::format(lang, key.id, args)
        .or_else(|| bundle::format(Lang::En, key.id, args))
        .unwrap_or_else(|| key.id.to_owned())
}

/// The language a map is written in, as its stage and lane names tell: the words Waymark prints into the map
/// itself (lane kinds, channel badges, poster labels) follow it, so the canvas and every export agree whatever the
/// interface language.
pub fn map_language(map: &crate::model::Map) -> Lang {
    if crate::edit::build::looks_russian(map) {
        Lang::Ru
    } else {
        Lang::En
    }
}

/// Formats a message: `t!(k::MENU_FILE)`, `t!(k::STATUS_SAVED, path = path.display())`.
#[macro_export]
macro_rules! t {
    ($key:expr) => {
        $crate::i18n::tr($key, &[])
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr($key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// An error from the operating system in plain words of the current language where Waymark knows them; the
/// system's own text otherwise.
pub fn io_error(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::PermissionDenied => tr(k::IO_PERMISSION_DENIED, &[]),
        ErrorKind::NotFound => tr(k::IO_NOT_FOUND, &[]),
        ErrorKind::StorageFull => tr(k::IO_DISK_FULL, &[]),
        ErrorKind::ReadOnlyFilesystem => tr(k::IO_READ_ONLY, &[]),
        ErrorKind::IsADirectory => tr(k::IO_IS_FOLDER, &[]),
        ErrorKind::FileTooLarge => tr(k::IO_FILE_TOO_LARGE, &[]),
        _ => error.to_string(),
    }
}

/// A number written the way the current language writes it ("12,500" / "12 500", "2.5" / "2,5").
pub fn number(value: f64) -> String {
    numbers::format(language(), value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn locale_names_choose_the_language() {
        for (locale, lang) in [
            ("ru_RU.UTF-8", Some(Lang::Ru)),
            ("ru", Some(Lang::Ru)),
            ("RU-ru", Some(Lang::Ru)),
            ("ru_UA@euro", Some(Lang::Ru)),
            ("en_US.UTF-8", Some(Lang::En)),
            ("de_DE", Some(Lang::En)),
            ("C", Some(Lang::En)),
            ("rus", Some(Lang::En)),
            ("", None),
            ("  ", None),
        ] {
            assert_eq!(Lang::from_locale(locale), lang, "{locale:?}");
        }
    }

    #[cfg(not(any(target_os = "macos", target_os = "windows")))]
    #[test]
    fn the_posix_variables_are_read_in_their_order() {
        let system = |vars: &[(&str, &str)]| Lang::from_system(&env_of(vars));
        assert_eq!(system(&[]), Lang::En);
        assert_eq!(system(&[("LANG", "ru_RU.UTF-8")]), Lang::Ru);
        assert_eq!(
            system(&[("LANG", "ru_RU.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")]),
            Lang::En
        );
        assert_eq!(
            system(&[("LC_MESSAGES", "en_GB"), ("LC_ALL", "ru_RU.UTF-8")]),
            Lang::Ru
        );
        assert_eq!(
            system(&[("LC_ALL", ""), ("LANG", "ru_RU.UTF-8")]),
            Lang::Ru,
            "an empty variable is skipped"
        );
    }

    #[cfg(not(any(target_os = "macos", target_os = "windows")))]
    #[test]
    fn waymark_lang_overrides_the_remembered_choice_which_overrides_the_system() {
        let russian_system = [("LANG", "ru_RU.UTF-8")];
        assert_eq!(Lang::choose(&env_of(&russian_system), None), Lang::Ru);
        assert_eq!(
            Lang::choose(&env_of(&russian_system), Some(Lang::En)),
            Lang::En
        );
        let forced = [("LANG", "ru_RU.UTF-8"), ("WAYMARK_LANG", "en")];
        assert_eq!(Lang::choose(&env_of(&forced), Some(Lang::Ru)), Lang::En);
        let forced = [("LANG", "C"), ("WAYMARK_LANG", "ru")];
        assert_eq!(Lang::choose(&env_of(&forced), Some(Lang::En)), Lang::Ru);
        let empty = [("LANG", "ru_RU.UTF-8"), ("WAYMARK_LANG", "")];
        assert_eq!(Lang::choose(&env_of(&empty), None), Lang::Ru);
    }

    #[test]
    fn a_thread_language_wins_over_the_process_language_on_that_thread_only() {
        let other = std::thread::spawn(|| {
            set_thread_language(Lang::Ru);
            language()
        })
        .join()
        .ok();
        assert_eq!(other, Some(Lang::Ru));
        set_thread_language(Lang::En);
        assert_eq!(language(), Lang::En);
    }
}

#[cfg(test)]
mod translation_tests {
    use super::*;

    /// Values each argument takes in turn: numbers that pick every plural form, and text.
    fn samples() -> Vec<Arg> {
        vec![
            Arg::Number(0.0),
            Arg::Number(1.0),
            Arg::Number(2.0),
            Arg::Number(5.0),
            Arg::Number(11.0),
            Arg::Number(21.0),
            Arg::Number(22.0),
            Arg::Number(1.5),
            Arg::Text("Звонок → сайт".to_owned()),
        ]
    }

    #[test]
    fn every_key_has_a_message_in_every_language_that_formats_cleanly() {
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            for key in k::ALL {
                for sample in samples() {
                    let args: Vec<(&str, Arg)> = key
                        .args
                        .iter()
                        .map(|name| (*name, sample.clone()))
                        .collect();
                    match check_message(lang, *key, &args) {
                        Ok(text) => {
                            if text.trim().is_empty() {
                                problems.push(format!("{} in {} is empty", key.id, lang.code()));
                            }
                            if text.contains(['\u{2068}', '\u{2069}']) {
                                problems.push(format!(
                                    "{} in {} has isolation marks",
                                    key.id,
                                    lang.code()
                                ));
                            }
                        }
                        Err(problem) => problems.push(problem),
                    }
                }
            }
        }
        problems.dedup();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn every_message_in_the_files_has_a_key_and_the_keys_are_unique() {
        let keys: std::collections::BTreeSet<&str> = k::ALL.iter().map(|key| key.id).collect();
        assert_eq!(keys.len(), k::ALL.len(), "two keys share an id");
        for lang in Lang::ALL {
            let orphans: Vec<String> = message_ids(lang)
                .into_iter()
                .filter(|id| !keys.contains(id.as_str()))
                .collect();
            assert!(
                orphans.is_empty(),
                "{}.ftl has messages no key names: {orphans:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn a_translation_that_lacks_a_message_falls_back_to_english_then_to_the_id() {
        let missing = Key {
            id: "no-such-message",
            args: &[],
        };
        assert_eq!(tr_in(Lang::Ru, missing, &[]), "no-such-message");
        assert_eq!(tr_in(Lang::Ru, k::MENU_FILE, &[]), "Файл");
        assert_eq!(tr_in(Lang::En, k::MENU_FILE, &[]), "File");
    }

    fn summary(lang: Lang, n: usize) -> String {
        tr_in(
            lang,
            k::CLI_SUMMARY,
            &[
                ("stages", Arg::from(n)),
                ("lanes", Arg::from(n)),
                ("cards", Arg::from(n)),
                ("title", Arg::from("T")),
            ],
        )
    }

    #[test]
    fn russian_plurals_take_the_right_form() {
        for (n, cards) in [
            (0, "0 карточек"),
            (1, "1 карточка"),
            (2, "2 карточки"),
            (4, "4 карточки"),
            (5, "5 карточек"),
            (11, "11 карточек"),
            (12, "12 карточек"),
            (21, "21 карточка"),
            (22, "22 карточки"),
            (25, "25 карточек"),
            (101, "101 карточка"),
            (111, "111 карточек"),
        ] {
            let text = summary(Lang::Ru, n);
            assert!(text.contains(&format!("{cards} («T»)")), "{n}: {text}");
        }
        assert_eq!(summary(Lang::Ru, 1), "1 этап, 1 дорожка, 1 карточка («T»)");
        assert_eq!(summary(Lang::Ru, 3), "3 этапа, 3 дорожки, 3 карточки («T»)");
        assert_eq!(
            summary(Lang::Ru, 7),
            "7 этапов, 7 дорожек, 7 карточек («T»)"
        );
        assert_eq!(
            summary(Lang::Ru, 12_500),
            "12\u{a0}500 этапов, 12\u{a0}500 дорожек, 12\u{a0}500 карточек («T»)"
        );
    }

    #[test]
    fn english_plurals_take_the_right_form() {
        assert_eq!(summary(Lang::En, 1), "1 stage, 1 lane, 1 card (“T”)");
        assert_eq!(summary(Lang::En, 2), "2 stages, 2 lanes, 2 cards (“T”)");
        assert_eq!(summary(Lang::En, 0), "0 stages, 0 lanes, 0 cards (“T”)");
        assert_eq!(
            summary(Lang::En, 1500),
            "1,500 stages, 1,500 lanes, 1,500 cards (“T”)"
        );
    }

    #[test]
    fn arguments_reach_the_text_without_isolation_marks() {
        set_thread_language(Lang::Ru);
        let text = crate::t!(k::STATUS_OPENED, path = "/tmp/карта.ron");
        set_thread_language(Lang::En);
        assert_eq!(text, "Открыт /tmp/карта.ron");
        assert!(!text.contains(['\u{2068}', '\u{2069}']));
    }

    #[test]
    fn dates_times_and_ages_follow_the_language() {
        let moment = time::LocalTime {
            year: 2026,
            month: 11,
            day: 27,
            hour: 15,
            minute: 7,
        };
        set_thread_language(Lang::Ru);
        assert_eq!(time::date_time(moment), "27 ноября 2026 г., 15:07");
        let ages: Vec<String> = [
            0,
            60,
            120,
            300,
            21 * 60,
            3600,
            7200,
            5 * 3600,
            86400,
            3 * 86400,
        ]
        .into_iter()
        .map(time::age)
        .collect();
        assert_eq!(
            ages,
            [
                "только что",
                "1 минуту назад",
                "2 минуты назад",
                "5 минут назад",
                "21 минуту назад",
                "1 час назад",
                "2 часа назад",
                "5 часов назад",
                "1 день назад",
                "3 дня назад"
            ]
        );
        set_thread_language(Lang::En);
        assert_eq!(time::date_time(moment), "November 27, 2026, 3:07 PM");
        let midnight = time::LocalTime { hour: 0, ..moment };
        assert_eq!(time::date_time(midnight), "November 27, 2026, 12:07 AM");
        assert_eq!(time::age(59), "just now");
        assert_eq!(time::age(60), "1 minute ago");
        assert_eq!(time::age(7200), "2 hours ago");
        assert_eq!(time::age(86400 * 2), "2 days ago");
    }
}
