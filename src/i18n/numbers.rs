//! Numbers the way each language writes them: "12,500" and "2.5" in English, "12 500" and "2,5" in Russian
//! (a four-digit number stays whole in Russian: "1500").

use fluent_bundle::FluentValue;

use super::Lang;

/// A no-break space: a grouped Russian number never breaks across lines.
const RUSSIAN_GROUP: char = '\u{a0}';

pub fn format(lang: Lang, value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let negative = value < 0.0;
    let magnitude = value.abs();
    // At most two decimals: no number Waymark shows needs more.
    let rounded = (magnitude * 100.0).round() / 100.0;
    let whole = rounded.trunc() as u64;
    let fraction = ((rounded - rounded.trunc()) * 100.0).round() as u64;
    let digits = whole.to_string();
    let (separator, decimal, min_grouped) = match lang {
        Lang::En => (',', '.', 1_000),
        Lang::Ru => (RUSSIAN_GROUP, ',', 10_000),
    };
    let mut out = String::new();
    if negative && (whole > 0 || fraction > 0) {
        out.push('-');
    }
    if whole >= min_grouped {
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
    } else {
        out.push_str(&digits);
    }
    if fraction > 0 {
        out.push(decimal);
        let fraction = format!("{fraction:02}");
        out.push_str(fraction.trim_end_matches('0'));
    }
    out
}

fn fluent(lang: Lang, value: &FluentValue) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(format(lang, n.value)),
        _ => None,
    }
}

pub fn fluent_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    fluent(Lang::En, value)
}

pub fn fluent_ru<M>(value: &FluentValue, _: &M) -> Option<String> {
    fluent(Lang::Ru, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(format(Lang::En, 0.0), "0");
        assert_eq!(format(Lang::En, 7.0), "7");
        assert_eq!(format(Lang::En, 1500.0), "1,500");
        assert_eq!(format(Lang::Ru, 1500.0), "1500");
        assert_eq!(format(Lang::En, 1_234_567.0), "1,234,567");
        assert_eq!(format(Lang::Ru, 1_234_567.0), "1\u{a0}234\u{a0}567");
        assert_eq!(format(Lang::En, 2.5), "2.5");
        assert_eq!(format(Lang::Ru, 2.5), "2,5");
        assert_eq!(format(Lang::Ru, 0.25), "0,25");
        assert_eq!(format(Lang::En, -2.0), "-2");
        assert_eq!(format(Lang::En, 12_500.0), "12,500");
        assert_eq!(format(Lang::Ru, 12_500.0), "12\u{a0}500");
    }
}
