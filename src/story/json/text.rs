//! The lexical half of the JSON reader: white space, punctuation, strings and numbers,
//! and errors with line and column. The deserializer ([`super::de`]) walks the grammar of
//! values with it and fills the model as it reads, with no tree in between.

use crate::story::message::{self as m, Arg, Message, Template};
use std::borrow::Cow;

/// The value of a JSON number already checked against the grammar. Exact (correctly rounded)
/// when its digits fit in 2^53 and its power of ten in 10^22, as every figure a story writes
/// does: an exact integer multiplied or divided by an exact power of ten is rounded once.
/// Beyond, the result may differ from the nearest float in the last bit; the standard
/// library's exact parser would add 18 KB of WASM for that.
fn decimal(text: &[u8]) -> Option<f64> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let (neg, text) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let (mut mantissa, mut exp10, mut i) = (0u64, 0i32, 0);
    let mut digit = |d: u8, fraction: bool| {
        if mantissa < 100_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(d - b'0');
            exp10 -= i32::from(fraction);
        } else if !fraction {
            exp10 += 1; // a digit too many: it only scales the value
        }
    };
    while let Some(&d) = text.get(i).filter(|b| b.is_ascii_digit()) {
        digit(d, false);
        i += 1;
    }
    if text.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&d) = text.get(i).filter(|b| b.is_ascii_digit()) {
            digit(d, true);
            i += 1;
        }
    }
    if let Some(b'e' | b'E') = text.get(i) {
        i += 1;
        let sign = match text.get(i) {
            Some(b'-') => -1,
            _ => 1,
        };
        let mut e = 0i32;
        for &d in text[i..].iter().filter(|b| b.is_ascii_digit()) {
            e = e.saturating_mul(10).saturating_add(i32::from(d - b'0'));
        }
        exp10 = exp10.saturating_add(sign * e);
    }
    let m = mantissa as f64;
    let v = match usize::try_from(exp10.unsigned_abs()) {
        _ if mantissa == 0 => 0.0,
        Ok(p) if mantissa <= 1 << 53 && p < POW10.len() => {
            if exp10 >= 0 {
                m * POW10[p]
            } else {
                m / POW10[p]
            }
        }
        _ => m * 10f64.powi(exp10),
    };
    v.is_finite().then_some(if neg { -v } else { v })
}

/// A cursor over JSON text.
pub(super) struct Parser<'a> {
    text: &'a str,
    s: &'a [u8],
    i: usize,
}

impl<'a> Parser<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Parser {
            text,
            s: text.as_bytes(),
            i: 0,
        }
    }

    /// `what` went wrong at the cursor: "invalid JSON: {what} at line 3 column 7".
    pub(super) fn error(&self, what: &'static Template) -> Message {
        let before = &self.s[..self.i.min(self.s.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
        let mut args: Vec<Arg> = vec![
            what.into(),
            line.to_string().into(),
            column.to_string().into(),
        ];
        let template = if self.i >= self.s.len() && *what != m::END_OF_TEXT {
            &m::INVALID_JSON_END
        } else if let Some(hint) = self.hint(what) {
            args.push(hint.into());
            &m::INVALID_JSON_HINT
        } else {
            &m::INVALID_JSON
        };
        Message::new(template, args)
    }

    /// The likely slip of an editor typing by hand, from the text around the cursor (and
    /// `what` was expected there): French number habits, a word processor's quotes and
    /// spaces, a currency sign or a unit, a comment, a CMS's HTML escaping or wrapping.
    fn hint(&self, what: &Template) -> Option<&'static Template> {
        let (written, rest) = self.s.split_at(self.i.min(self.s.len()));
        let before = written.trim_ascii_end();
        let spaced = before.len() < written.len();
        let mut back = before.iter().rev().copied();
        let (prev, prev2) = (back.next(), back.next());
        let starts = |set: &[&str]| set.iter().any(|q| rest.starts_with(q.as_bytes()));
        let digit = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_digit());
        const UNIT: &Template = &m::HINT_CURRENCY;
        Some(match rest.first()? {
            b'0'..=b'9' if prev == Some(b',') && !spaced && digit(prev2) => &m::HINT_DECIMAL_COMMA,
            b'0'..=b'9' if spaced && digit(prev) => &m::HINT_SPACE_IN_NUMBER,
            b'}' | b']' if prev == Some(b',') => &m::HINT_TRAILING_COMMA,
            b'"' if [m::EXPECTED_COMMA_BRACE, m::EXPECTED_COMMA_BRACKET].contains(what)
                && matches!(prev, Some(b'0'..=b'9' | b'"' | b'}' | b']' | b'e' | b'l')) =>
            {
                &m::HINT_MISSING_COMMA
            }
            b'/' if starts(&["//", "/*"]) => &m::HINT_COMMENT,
            b'\'' => &m::HINT_SINGLE_QUOTES,
            b'$' => UNIT,
            b'a'..=b'z' | b'A'..=b'Z' | b'%' if digit(prev) => &m::HINT_UNIT,
            b'&' => &m::HINT_HTML_ENTITY,
            b'<' => &m::HINT_HTML_AROUND,
            _ if starts(&[
                "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "\u{ab}", "\u{bb}",
            ]) =>
            {
                &m::HINT_CURLY_QUOTES
            }
            _ if starts(&["\u{a0}", "\u{202f}"]) => &m::HINT_NO_BREAK_SPACE,
            _ if starts(&["\u{20ac}", "\u{a3}"]) => UNIT,
            _ => return None,
        })
    }

    /// Skips white space.
    pub(super) fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    /// Takes `b` if it is next.
    pub(super) fn eat(&mut self, b: u8) -> bool {
        let hit = self.s.get(self.i) == Some(&b);
        self.i += usize::from(hit);
        hit
    }

    /// The next byte, if any.
    pub(super) fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// True at the end of the text.
    pub(super) fn at_end(&self) -> bool {
        self.i >= self.s.len()
    }

    /// Takes `word` (`true`, `false`, `null`) if it is next.
    pub(super) fn word(&mut self, word: &str) -> bool {
        let hit = self.s[self.i..].starts_with(word.as_bytes());
        self.i += if hit { word.len() } else { 0 };
        hit
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i - start
    }

    /// A number, the cursor on its first character.
    pub(super) fn number(&mut self) -> Result<f64, &'static Template> {
        let start = self.i;
        self.eat(b'-');
        if self.eat(b'0') {
            if self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
                return Err(&m::LEADING_ZERO);
            }
        } else if self.digits() == 0 {
            return Err(&m::EXPECTED_DIGIT);
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(&m::EXPECTED_FRACTION);
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return Err(&m::EXPECTED_EXPONENT);
            }
        }
        decimal(&self.s[start..self.i]).ok_or(&m::OUT_OF_RANGE)
    }

    fn hex4(&mut self) -> Result<u32, &'static Template> {
        let digits = self.s.get(self.i..self.i + 4).ok_or(&m::EXPECTED_HEX)?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + (d as char).to_digit(16).ok_or(&m::EXPECTED_HEX)?;
        }
        self.i += 4;
        Ok(n)
    }

    /// A string, the cursor on its opening quote. Borrowed from the text when it has no
    /// escape, as almost every string of a story.
    pub(super) fn string(&mut self) -> Result<Cow<'a, str>, &'static Template> {
        self.i += 1;
        let mut out = String::new();
        let mut first = true;
        loop {
            let start = self.i;
            // A slice search, without a bounds check per byte: strings are most of a story.
            let rest = self.s.get(start..).unwrap_or_default();
            self.i += rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            // The input is a &str and we stopped on an ASCII byte: a char boundary.
            let run = self.text.get(start..self.i).ok_or(&m::BAD_TEXT)?;
            if first && self.s.get(self.i) == Some(&b'"') {
                // No escape: the text itself.
                self.i += 1;
                return Ok(Cow::Borrowed(run));
            }
            first = false;
            out.push_str(run);
            match self.s.get(self.i) {
                None => return Err(&m::UNTERMINATED),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.i += 1;
                    let e = *self.s.get(self.i).ok_or(&m::UNTERMINATED)?;
                    self.i += 1;
                    out.push(match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !(self.eat(b'\\') && self.eat(b'u')) {
                                    return Err(&m::LONE_SURROGATE);
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(&m::LONE_SURROGATE);
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or(&m::LONE_SURROGATE)?
                        }
                        _ => return Err(&m::UNKNOWN_ESCAPE),
                    });
                }
                Some(_) => return Err(&m::CONTROL_CHARACTER),
            }
        }
    }
}
