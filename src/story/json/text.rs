//! JSON text to a [`Value`] tree, one pass, errors with line and column.

use std::borrow::Cow;

use super::{Value, MAX_DEPTH};

/// Parses JSON text (RFC 8259) into a [`Value`], or says what is wrong and where
/// ("expected `,` or `}` at line 3 column 7"). Written here rather than borrowed: in the
/// browser, `JSON.parse` plus a walk over its result through wasm-bindgen cost 25 ms for the
/// shipped story on a desktop CPU, one boundary crossing per value; this is one pass in WASM,
/// and native tests and pre-rendering read with the very same code.
pub fn parse(text: &str) -> Result<Value<'_>, String> {
    let mut p = Parser {
        text,
        s: text.as_bytes(),
        i: 0,
    };
    let v = p.value(0).map_err(|e| p.error(e))?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.error("unexpected text after the JSON value"));
    }
    Ok(v)
}

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

struct Parser<'a> {
    text: &'a str,
    s: &'a [u8],
    i: usize,
}

impl<'a> Parser<'a> {
    fn error(&self, what: &str) -> String {
        let before = &self.s[..self.i.min(self.s.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
        if self.i >= self.s.len() && !what.starts_with("unexpected end") {
            return format!(
                "invalid JSON: unexpected end of text ({what}) at line {line} column {column}"
            );
        }
        format!("invalid JSON: {what} at line {line} column {column}")
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.s.get(self.i) == Some(&b);
        self.i += usize::from(hit);
        hit
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, &'static str> {
        self.ws();
        if depth > MAX_DEPTH {
            return Err("nested deeper than 128 levels");
        }
        match self.s.get(self.i) {
            None => Err("unexpected end of text"),
            Some(b'{') => {
                self.i += 1;
                let mut members = Vec::new();
                self.ws();
                if self.eat(b'}') {
                    return Ok(Value::Object(members));
                }
                loop {
                    self.ws();
                    if self.s.get(self.i) != Some(&b'"') {
                        return Err("expected a member name in double quotes");
                    }
                    let key = self.string()?;
                    self.ws();
                    if !self.eat(b':') {
                        return Err("expected `:`");
                    }
                    members.push((key, self.value(depth + 1)?));
                    self.ws();
                    if self.eat(b'}') {
                        return Ok(Value::Object(members));
                    }
                    if !self.eat(b',') {
                        return Err("expected `,` or `}`");
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat(b']') {
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(b']') {
                        return Ok(Value::Array(items));
                    }
                    if !self.eat(b',') {
                        return Err("expected `,` or `]`");
                    }
                }
            }
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => {
                for (word, v) in [
                    ("true", Value::Bool(true)),
                    ("false", Value::Bool(false)),
                    ("null", Value::Null),
                ] {
                    if self.s[self.i..].starts_with(word.as_bytes()) {
                        self.i += word.len();
                        return Ok(v);
                    }
                }
                Err("expected a value")
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Value<'a>, &'static str> {
        let start = self.i;
        self.eat(b'-');
        if self.eat(b'0') {
            if self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
                return Err("a number cannot start with 0");
            }
        } else if self.digits() == 0 {
            return Err("expected a digit");
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err("expected a digit after `.`");
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return Err("expected a digit in the exponent");
            }
        }
        Ok(Value::Number(
            decimal(&self.s[start..self.i]).ok_or("number out of range")?,
        ))
    }

    fn hex4(&mut self) -> Result<u32, &'static str> {
        let digits = self
            .s
            .get(self.i..self.i + 4)
            .ok_or("expected 4 hex digits")?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + (d as char).to_digit(16).ok_or("expected 4 hex digits")?;
        }
        self.i += 4;
        Ok(n)
    }

    /// A string, the cursor on its opening quote.
    fn string(&mut self) -> Result<Cow<'a, str>, &'static str> {
        self.i += 1;
        let mut out = String::new();
        let mut first = true;
        loop {
            let start = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The input is a &str and we stopped on an ASCII byte: a char boundary.
            let run = self.text.get(start..self.i).ok_or("bad text")?;
            if first && self.s.get(self.i) == Some(&b'"') {
                // No escape: the text itself.
                self.i += 1;
                return Ok(Cow::Borrowed(run));
            }
            first = false;
            out.push_str(run);
            match self.s.get(self.i) {
                None => return Err("unterminated string"),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.i += 1;
                    let e = *self.s.get(self.i).ok_or("unterminated string")?;
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
                                    return Err("lone surrogate in \\u escape");
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err("lone surrogate in \\u escape");
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or("lone surrogate in \\u escape")?
                        }
                        _ => return Err("unknown escape"),
                    });
                }
                Some(_) => return Err("control character in a string (write it as \\n, \\t…)"),
            }
        }
    }
}
