//! Reading JSON with the path of the first error.
//!
//! The text becomes a [`Value`] tree ([`parse`]), then a small serde `Deserializer` over the
//! tree fills the model and remembers where it stopped. It replaces serde_json with
//! serde_path_to_error, whose wrapper around every visitor cost 64 KB of WASM.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};

/// A parsed JSON value. Object members keep their written order.
#[derive(Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// Any number (JSON has one number type).
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, members in written order.
    Object(Vec<(String, Value)>),
}

/// Deeper nesting is refused rather than risking the stack (serde_json's limit too).
const MAX_DEPTH: usize = 128;

/// Parses JSON text (RFC 8259) into a [`Value`], or says what is wrong and where
/// ("expected `,` or `}` at line 3 column 7"). Written here rather than borrowed: in the
/// browser, `JSON.parse` plus a walk over its result through wasm-bindgen cost 25 ms for the
/// shipped story on a desktop CPU, one boundary crossing per value; this is one pass in WASM,
/// and native tests and pre-rendering read with the very same code.
pub fn parse(text: &str) -> Result<Value, String> {
    let mut p = Parser {
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
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
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

    fn value(&mut self, depth: usize) -> Result<Value, &'static str> {
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

    fn number(&mut self) -> Result<Value, &'static str> {
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
    fn string(&mut self) -> Result<String, &'static str> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The input is a &str and we stopped on an ASCII byte: a char boundary.
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).map_err(|_| "bad text")?);
            match self.s.get(self.i) {
                None => return Err("unterminated string"),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
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

/// Why the tree did not fit the type, and where.
#[derive(Debug, PartialEq)]
pub struct Failure {
    /// `relationships[3].amount.kind`, or empty for the root.
    pub path: String,
    /// serde's message, e.g. ``unknown field `amout`, expected one of …``.
    pub message: String,
}

/// Fills `T` from the tree; on failure, the path of the first wrong field.
pub fn from_value<T: DeserializeOwned>(v: &Value) -> Result<T, Failure> {
    let path = RefCell::new(Vec::new());
    T::deserialize(De {
        v,
        path: &path,
        depth: 0,
    })
    .map_err(|e| Failure {
        path: render(&path.borrow()),
        message: e.0,
    })
}

enum Seg {
    Key(String),
    Index(usize),
}

fn render(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => {
                s.push('[');
                s.push_str(&i.to_string());
                s.push(']');
            }
        }
    }
    s
}

/// A deserialization error: serde's message (the path is kept beside it).
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// The path stack is shared: a segment is pushed before its value is read and popped only
/// when it succeeded, so after a failure the stack still names where it happened.
#[derive(Clone, Copy)]
struct De<'a> {
    v: &'a Value,
    path: &'a RefCell<Vec<Seg>>,
    depth: usize,
}

impl<'a> De<'a> {
    fn unexpected(&self) -> de::Unexpected<'_> {
        match self.v {
            Value::Null => de::Unexpected::Unit,
            Value::Bool(b) => de::Unexpected::Bool(*b),
            Value::Number(n) => de::Unexpected::Float(*n),
            Value::String(s) => de::Unexpected::Str(s),
            Value::Array(_) => de::Unexpected::Seq,
            Value::Object(_) => de::Unexpected::Map,
        }
    }

    fn child(&self, v: &'a Value) -> Result<De<'a>, Error> {
        if self.depth >= MAX_DEPTH {
            return Err(de::Error::custom(format!(
                "nested deeper than {MAX_DEPTH} levels"
            )));
        }
        Ok(De {
            v,
            path: self.path,
            depth: self.depth + 1,
        })
    }
}

impl<'de> de::Deserializer<'de> for De<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.v {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => number(*n, visitor),
            Value::String(s) => visitor.visit_str(s),
            Value::Array(items) => visitor.visit_seq(Seq {
                items: items.iter().enumerate(),
                de: self,
            }),
            Value::Object(members) => visitor.visit_map(Map {
                members: members.iter(),
                value: None,
                de: self,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.v {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// The model's enums are unit variants written as strings.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.v {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    // Each typed request calls only the visitor method it needs: forwarding everything to
    // `deserialize_any` would also build, say, every struct's field-by-position reader,
    // which the model never uses (a third of the deserializer's WASM).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.v {
            Value::Object(_) => self.deserialize_any(visitor),
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.v {
            Value::Array(_) => self.deserialize_any(visitor),
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.v {
            Value::String(s) => visitor.visit_str(s),
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.v {
            Value::Bool(b) => visitor.visit_bool(*b),
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes
        byte_buf unit unit_struct tuple tuple_struct map ignored_any
    }
}

/// JSON has one number type: whole numbers go to integer fields (and still fill floats),
/// anything else is a float, so `2.5` for a count is an error naming the field.
fn number<'de, V: Visitor<'de>>(n: f64, visitor: V) -> Result<V::Value, Error> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: beyond, f64 skips integers
    if n.fract() == 0.0 && n.abs() <= EXACT {
        if n >= 0.0 {
            visitor.visit_u64(n as u64)
        } else {
            visitor.visit_i64(n as i64)
        }
    } else {
        visitor.visit_f64(n)
    }
}

struct Seq<'a> {
    items: std::iter::Enumerate<std::slice::Iter<'a, Value>>,
    de: De<'a>,
}

impl<'de> de::SeqAccess<'de> for Seq<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some((i, v)) = self.items.next() else {
            return Ok(None);
        };
        self.de.path.borrow_mut().push(Seg::Index(i));
        let out = seed.deserialize(self.de.child(v)?)?;
        self.de.path.borrow_mut().pop();
        Ok(Some(out))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'a> {
    members: std::slice::Iter<'a, (String, Value)>,
    value: Option<&'a Value>,
    de: De<'a>,
}

impl<'de> de::MapAccess<'de> for Map<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((k, v)) = self.members.next() else {
            return Ok(None);
        };
        self.value = Some(v);
        // On the path before it is read, so an unknown field's error names the field.
        self.de.path.borrow_mut().push(Seg::Key(k.clone()));
        seed.deserialize(k.as_str().into_deserializer()).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        let v = self
            .value
            .take()
            .ok_or_else(|| <Error as de::Error>::custom("a value without its key"))?;
        let out = seed.deserialize(self.de.child(v)?)?;
        self.de.path.borrow_mut().pop();
        Ok(out)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}
