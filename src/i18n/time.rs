//! Dates, times and ages ("3 minutes ago") the way each language writes them.

use std::time::SystemTime;

use super::k;

/// A moment of local time, broken into what a date needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    pub day: u32,
    /// 0 to 23.
    pub hour: u32,
    pub minute: u32,
}

impl LocalTime {
    /// The moment in the computer's time zone.
    pub fn of(time: SystemTime) -> LocalTime {
        use chrono::{Datelike as _, Timelike as _};
        let local: chrono::DateTime<chrono::Local> = time.into();
        LocalTime {
            year: local.year(),
            month: local.month(),
            day: local.day(),
            hour: local.hour(),
            minute: local.minute(),
        }
    }
}

const MONTHS: [super::Key; 12] = [
    k::MONTH_1,
    k::MONTH_2,
    k::MONTH_3,
    k::MONTH_4,
    k::MONTH_5,
    k::MONTH_6,
    k::MONTH_7,
    k::MONTH_8,
    k::MONTH_9,
    k::MONTH_10,
    k::MONTH_11,
    k::MONTH_12,
];

/// "November 27, 2026, 3:57 PM" / "27 ноября 2026 г., 15:57".
pub fn date_time(time: LocalTime) -> String {
    let month = MONTHS[(time.month.clamp(1, 12) - 1) as usize];
    let hour12 = match time.hour % 12 {
        0 => 12,
        h => h,
    };
    crate::t!(
        k::DATE_TIME,
        day = time.day.to_string(),
        month = crate::i18n::tr(month, &[]),
        year = time.year.to_string(),
        hour = time.hour.to_string(),
        hour12 = hour12.to_string(),
        minute = format!("{:02}", time.minute),
        pm = if time.hour >= 12 { "pm" } else { "am" },
    )
}

/// How long ago something happened: "just now", "5 minutes ago", "2 days ago" (in the current language).
pub fn age(seconds: u64) -> String {
    match seconds {
        0..60 => crate::t!(k::AGE_JUST_NOW),
        60..3600 => crate::t!(k::AGE_MINUTES, count = seconds / 60),
        3600..86400 => crate::t!(k::AGE_HOURS, count = seconds / 3600),
        _ => crate::t!(k::AGE_DAYS, count = seconds / 86400),
    }
}

/// When something was saved, with how long ago: "November 27, 2026, 3:57 PM (5 minutes ago)".
pub fn saved_at(time: SystemTime, now: SystemTime) -> String {
    let seconds = now.duration_since(time).map_or(0, |d| d.as_secs());
    crate::t!(
        k::DATE_WITH_AGE,
        date = date_time(LocalTime::of(time)),
        age = age(seconds)
    )
}
