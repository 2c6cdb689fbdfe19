//! Numbers, amounts and dates worded per language, in pure Rust so that the pre-rendered
//! HTML and the browser produce the same text (the browser's `Intl` would not).

use crate::i18n::Lang;
use crate::story::{Amount, AmountKind, Unit};

/// No-break space (between a number and its unit).
pub(crate) const NBSP: char = '\u{a0}';
/// Narrow no-break space (French thousands separator).
pub(crate) const NNBSP: char = '\u{202f}';

/// French text with the no-break spaces French typography puts inside « » and before
/// `: ; ! ? %`, and between a number and the word it counts, where the editor typed an
/// ordinary space: a line never starts with `»` or `?`, nor ends with `«` or `5` before
/// `GW`. Other text is returned as it is.
pub fn french_spacing(text: String) -> String {
    no_break(text, true)
}

/// English text with a no-break space between a number and the word it counts ("$30
/// billion", "10 GW"), where the editor typed an ordinary one.
pub fn english_spacing(text: String) -> String {
    no_break(text, false)
}

/// Whether the space at byte `i` sits between an English month's name and its day
/// ("February 27"), which stay on one line. The year may go to the next ("February 27, /
/// 2026", "27 février / 2026"): glued too, a date longer than a narrow column's line broke
/// inside its numbers.
fn day_after_month(b: &[u8], i: usize) -> bool {
    let start = b[..i].iter().rposition(|&c| c == b' ').map_or(0, |p| p + 1);
    let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&digits) && MONTHS_EN.iter().any(|m| &b[start..i] == m.as_bytes())
}

fn no_break(text: String, french: bool) -> String {
    let b = text.as_bytes();
    // Whether the space at byte `i` belongs to the word beside it. A letter after a digit:
    // ASCII, or a character of two bytes or more from the Latin-1 letters on (é, €; not «).
    let tight = |i: usize| {
        (french
            && (b[..i].ends_with("«".as_bytes())
                || b[i + 1..].starts_with("»".as_bytes())
                || matches!(b.get(i + 1), Some(b':' | b';' | b'!' | b'?' | b'%'))))
            || (i > 0
                && (b[i - 1].is_ascii_digit() || b[..i].ends_with(b"1er"))
                && b.get(i + 1)
                    .is_some_and(|&c| c.is_ascii_alphabetic() || c >= 0xC3))
            || (!french && day_after_month(b, i))
    };
    // Most texts need none: returned as they are, without a copy.
    let Some(first) = (0..b.len()).find(|&i| b[i] == b' ' && tight(i)) else {
        return text;
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    out.extend(text[first..].char_indices().map(|(i, c)| {
        if c == ' ' && tight(first + i) {
            NBSP
        } else {
            c
        }
    }));
    out
}

/// A number with the decimals the story gives it, up to three: `64,6` / `64.6`, `0,75`,
/// `1 000` / `1,000`, `100`. A figure is shown as written: an exact 0.75 billion rounded to
/// one decimal read as 0.8, 50 million dollars more than the story says.
pub fn number(value: f64, lang: Lang) -> String {
    let thousandths = (value * 1000.0).round() as i64;
    let (int, frac) = (thousandths / 1000, (thousandths % 1000).abs());
    let digits = int.abs().to_string();
    let (group, decimal) = match lang {
        Lang::Fr => (NNBSP, ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    if thousandths < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if frac != 0 {
        out.push(decimal);
        // Integer formatting only: Rust's float formatting would add its code to the WASM.
        out.push_str(format!("{frac:03}").trim_end_matches('0'));
    }
    out
}

/// A number as an editor wrote it, for error messages: no grouping, `.` for decimals, and
/// an exponent beyond 10^15 or under 10^-6 (`-5`, `0.25`, `1e-12`, `2.5e+21`). Written
/// with integer arithmetic: Rust's float formatting would add its tables and algorithms,
/// 8 KB of the gzipped WASM.
pub fn plain(value: f64) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let v = value.abs();
    if v.is_infinite() {
        return format!("{sign}infinity");
    }
    if v != 0.0 && !(1e-6..1e15).contains(&v) {
        // Scaled into [1, 10) and written with its exponent.
        let (mut m, mut k) = (v, 0i32);
        while m >= 10.0 {
            m /= 10.0;
            k += 1;
        }
        while m < 1.0 {
            m *= 10.0;
            k -= 1;
        }
        // The scaling's rounding error may leave 9.999999999…: that is 1 of the next power.
        if (m * 1e9).round() >= 1e10 {
            m = 1.0;
            k += 1;
        }
        let e = if k > 0 { "+" } else { "" };
        return format!("{sign}{}e{e}{k}", plain(m));
    }
    // As many decimals as a double holds at this size, then the zeros trimmed.
    let decimals: u32 = match v {
        v if v < 1e6 => 9,
        v if v < 1e9 => 6,
        v if v < 1e12 => 3,
        _ => 1,
    };
    // Under 10^16 either way: u64 (u128's formatting would cost 1.5 KB more of WASM).
    let scale = 10u64.pow(decimals);
    let n = (v * scale as f64).round() as u64;
    let (int, mut frac, mut width) = (n / scale, n % scale, decimals as usize);
    if frac == 0 {
        return format!("{sign}{int}");
    }
    while frac % 10 == 0 {
        frac /= 10;
        width -= 1;
    }
    format!("{sign}{int}.{frac:0width$}")
}

/// `value` with its unit: "100 milliards de dollars", "$100 billion", "4,5 GW".
fn with_unit(value: f64, unit: Unit, lang: Lang) -> String {
    let n = number(value, lang);
    match (lang, unit) {
        (Lang::Fr, Unit::UsdBn) => {
            let word = if value < 2.0 { "milliard" } else { "milliards" };
            format!("{n}{NBSP}{word} de dollars")
        }
        (Lang::Fr, Unit::UsdM) => {
            let word = if value < 2.0 { "million" } else { "millions" };
            format!("{n}{NBSP}{word} de dollars")
        }
        (Lang::En, Unit::UsdBn) => format!("${n}{NBSP}billion"),
        (Lang::En, Unit::UsdM) => format!("${n}{NBSP}million"),
        (_, Unit::Gw) => format!("{n}{NBSP}GW"),
        (_, Unit::Mw) => format!("{n}{NBSP}MW"),
        (Lang::Fr, Unit::Pct) => format!("{n}{NBSP}%"),
        (Lang::En, Unit::Pct) => format!("{n}%"),
    }
}

/// A range: "de 20 à 50 milliards de dollars", "$20–50 billion".
fn range(low: f64, high: f64, unit: Unit, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("de {} à {}", number(low, lang), with_unit(high, unit, lang)),
        Lang::En => {
            // "$20–50 billion": the unit wraps both figures once.
            let high_text = with_unit(high, unit, lang);
            match unit {
                Unit::UsdBn | Unit::UsdM => {
                    format!("${}–{}", number(low, lang), &high_text[1..])
                }
                _ => format!("{}–{}", number(low, lang), high_text),
            }
        }
    }
}

/// An amount in words. Inconsistent amounts (which the validator reports) still give
/// readable text rather than a panic.
pub fn amount(a: &Amount, lang: Lang) -> String {
    let unit = a.unit.unwrap_or(Unit::UsdBn);
    let value = a.value.unwrap_or(0.0);
    let plain = || with_unit(value, unit, lang);
    match (a.kind, lang) {
        (AmountKind::Exact, _) => plain(),
        (AmountKind::Approx, Lang::Fr) => format!("environ {}", plain()),
        (AmountKind::Approx, Lang::En) => format!("about {}", plain()),
        (AmountKind::UpTo, Lang::Fr) => format!("jusqu’à {}", plain()),
        (AmountKind::UpTo, Lang::En) => format!("up to {}", plain()),
        (AmountKind::AtLeast, Lang::Fr) => format!("au moins {}", plain()),
        (AmountKind::AtLeast, Lang::En) => format!("at least {}", plain()),
        (AmountKind::Range, _) => range(a.low.unwrap_or(0.0), a.high.unwrap_or(0.0), unit, lang),
        (AmountKind::Undisclosed, Lang::Fr) => "montant non publié".into(),
        (AmountKind::Undisclosed, Lang::En) => "undisclosed amount".into(),
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A parsed ISO date whose month and day may be unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month 1–12, if known.
    pub month: Option<u8>,
    /// Day 1–31, if known.
    pub day: Option<u8>,
}

fn leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let num = |p: &str, len: usize| {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u16>().ok())?
        };
        let year = num(parts.next()?, 4)?;
        let month = parts
            .next()
            .map(|p| num(p, 2))
            .map_or(Some(None), |m| m.map(Some))?;
        let day = parts
            .next()
            .map(|p| num(p, 2))
            .map_or(Some(None), |d| d.map(Some))?;
        if parts.next().is_some() || !(1000..=2999).contains(&year) {
            return None;
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
            if let Some(d) = day {
                let days = match m {
                    2 if leap(year) => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                if d == 0 || d > days {
                    return None;
                }
            }
        }
        Some(Date {
            year,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }
}

/// A date for readers: "22 septembre 2025", "September 22, 2025", "mars 2026", "2021".
/// The day stays with its month (a no-break space); the year may go to the next line, where
/// the date does not fit on one (a sidebar's column), rather than break inside a number. The
/// stylesheet keeps a date on one line wherever it fits (`.xp-when`, `.xp-src-date`).
/// An unparseable date is shown as written.
pub fn date(s: &str, lang: Lang) -> String {
    let Some(d) = Date::parse(s) else {
        return s.to_string();
    };
    let Some(m) = d.month else {
        return d.year.to_string();
    };
    let month = match lang {
        Lang::Fr => MONTHS_FR[m as usize - 1],
        Lang::En => MONTHS_EN[m as usize - 1],
    };
    match (d.day, lang) {
        (None, _) => format!("{month} {}", d.year),
        (Some(1), Lang::Fr) => format!("1er\u{a0}{month} {}", d.year),
        (Some(day), Lang::Fr) => format!("{day}\u{a0}{month} {}", d.year),
        (Some(day), Lang::En) => format!("{month}\u{a0}{day}, {}", d.year),
    }
}
