//! A serde `Deserializer` over JSON text that remembers where it failed.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};

use super::text::Parser;
use super::{Step, MAX_DEPTH};
use crate::story::message::{self as m, Arg, Message, Template};

/// Why the text did not fit the type, and where.
#[derive(Debug, PartialEq)]
pub struct Failure {
    /// `relationships[3].amount.kind`, or empty for the root.
    pub path: String,
    /// What is wrong, in either language: broken JSON with its line and column ("invalid
    /// JSON: expected `,` or `}` at line 3 column 7"), or a value that does not fit
    /// ("unknown field \"amout\"…").
    pub message: Message,
}

/// Reads `T` from JSON text (RFC 8259); on failure, the path of the first wrong field.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Failure> {
    let mut r = Reader {
        p: Parser::new(text),
        path: Vec::new(),
        depth: 0,
    };
    let out = T::deserialize(&mut r).and_then(|v| {
        r.p.ws();
        if r.p.at_end() {
            Ok(v)
        } else {
            Err(r.syntax(&m::TEXT_AFTER))
        }
    });
    out.map_err(|e| Failure {
        path: render(&r.path),
        message: *e.0,
    })
}

enum Seg<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

fn render(path: &[Seg<'_>]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => Step::Key(k),
            Seg::Index(i) => Step::Index(*i),
        }
        .write(&mut s);
    }
    s
}

/// A deserialization error: its message (the path is kept beside it). Boxed: every
/// `Result` of the reader carries one, and a pointer keeps them small.
#[derive(Debug)]
pub struct Error(Box<Message>);

impl From<Message> for Error {
    fn from(m: Message) -> Self {
        Error(Box::new(m))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    // Serde's own wording, in English: none of the story's types words one of its own.
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Message::new(&RAW, vec![msg.to_string().into()]).into()
    }

    // serde words a type mistake for Rust programmers ("invalid type: unit value, expected
    // struct Text"); the editor fixing the JSON reads "expected an object { … }, found null".
    fn invalid_type(found: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        mistake(found, expected)
    }

    // Also ours: serde's would word it for programmers ("expected u32"), and format a
    // number through Rust's float formatting, in the WASM for this message alone.
    fn invalid_value(found: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        mistake(found, expected)
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        if expected.is_empty() {
            Message::new(&m::UNKNOWN_FIELD_NONE, vec![field.into()])
        } else {
            Message::new(
                &m::UNKNOWN_FIELD,
                vec![field.into(), expected.join(", ").into()],
            )
        }
        .into()
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Message::new(
            &m::UNKNOWN_VALUE,
            vec![variant.into(), expected.join(", ").into()],
        )
        .into()
    }

    fn missing_field(field: &'static str) -> Self {
        Message::new(&m::MISSING_FIELD, vec![field.into()]).into()
    }

    fn duplicate_field(field: &'static str) -> Self {
        Message::new(&m::DUPLICATE_FIELD, vec![field.into()]).into()
    }
}

/// A value of the wrong type or out of range, worded for an editor.
fn mistake(found: de::Unexpected<'_>, expected: &dyn de::Expected) -> Error {
    let expected = expected.to_string();
    let word: Option<&'static Template> = match expected.as_str() {
        "f32" | "f64" => Some(&m::A_NUMBER),
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" => Some(&m::A_WHOLE_NUMBER),
        "a boolean" => Some(&m::TRUE_OR_FALSE),
        "a string" | "a borrowed string" => Some(&m::TEXT_IN_QUOTES),
        "a sequence" => Some(&m::A_LIST_OF),
        e if e.starts_with("struct ") => Some(&m::AN_OBJECT_OF),
        e if e.starts_with("enum ") => Some(&m::A_WORD),
        _ => None,
    };
    let expected = word.map_or_else(|| Arg::Raw(expected), Arg::from);
    use de::Unexpected as U;
    let number = |n: String| Message::new(&m::THE_NUMBER, vec![n.into()]).into();
    let found: Arg = match found {
        U::Unit => "null".into(),
        U::Bool(b) => b.to_string().into(),
        U::Float(n) => number(crate::format::plain(n)),
        U::Unsigned(n) => number(n.to_string()),
        U::Signed(n) => number(n.to_string()),
        U::Char(c) => Message::new(&m::THE_TEXT, vec![c.to_string().into()]).into(),
        U::Str(s) => Message::new(&m::THE_TEXT, vec![s.into()]).into(),
        U::Seq => (&m::A_LIST).into(),
        U::Map => (&m::AN_OBJECT).into(),
        U::Other(what) => what.into(),
        U::Bytes(_) | U::Option | U::NewtypeStruct | U::Enum | U::UnitVariant => {
            (&m::ANOTHER_VALUE).into()
        }
        U::NewtypeVariant | U::TupleVariant | U::StructVariant => (&m::ANOTHER_VALUE).into(),
    };
    Message::new(&m::EXPECTED_FOUND, vec![expected, found]).into()
}

/// Serde's own message, as it words it.
const RAW: Template = Template {
    en: "{0}",
    fr: "{0}",
};

/// The cursor and the path to it. A segment is pushed before its value is read and popped
/// only once that succeeded, so after a failure the path still names where it happened.
struct Reader<'a> {
    p: Parser<'a>,
    path: Vec<Seg<'a>>,
    depth: usize,
}

impl<'a> Reader<'a> {
    /// Broken JSON at the cursor, with its line and column.
    fn syntax(&self, what: &'static Template) -> Error {
        self.p.error(what).into()
    }

    /// The next byte after white space.
    fn next(&mut self) -> Result<u8, Error> {
        self.p.ws();
        self.p.peek().ok_or_else(|| self.syntax(&m::END_OF_TEXT))
    }

    fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        self.p.string().map_err(|e| self.syntax(e))
    }

    // What does not depend on the type being read is in these plain methods: the generic
    // ones below are copied for every type of the model, and kept small for the WASM's size.

    /// One level deeper, into the list or object that `open` starts; anything else there is
    /// a type mistake.
    fn enter(&mut self, open: u8, expected: &dyn de::Expected) -> Result<(), Error> {
        if self.next()? != open {
            return Err(self.mismatch(expected));
        }
        if self.depth >= MAX_DEPTH {
            return Err(self.syntax(&m::TOO_DEEP));
        }
        self.depth += 1;
        self.p.eat(open);
        Ok(())
    }

    /// Back out of a list or object, which the visitor must have read to its end.
    fn leave(&mut self, done: bool, close: &'static Template) -> Result<(), Error> {
        self.depth -= 1;
        if done {
            Ok(())
        } else {
            Err(self.syntax(close))
        }
    }

    /// A string where one is expected.
    fn text(&mut self, expected: &dyn de::Expected) -> Result<Cow<'a, str>, Error> {
        if self.next()? != b'"' {
            return Err(self.mismatch(expected));
        }
        self.string()
    }

    /// A number, `true`, `false` or `null`.
    fn scalar(&mut self) -> Result<Scalar, Error> {
        match self.next()? {
            b'-' | b'0'..=b'9' => self
                .p
                .number()
                .map(Scalar::Number)
                .map_err(|e| self.syntax(e)),
            _ if self.p.word("true") => Ok(Scalar::Bool(true)),
            _ if self.p.word("false") => Ok(Scalar::Bool(false)),
            _ if self.p.word("null") => Ok(Scalar::Null),
            _ => Err(self.syntax(&m::EXPECTED_VALUE)),
        }
    }

    /// Before item `i` of a list: false at its end. Otherwise the item is on the path.
    fn item(&mut self, i: usize) -> Result<bool, Error> {
        self.p.ws();
        if self.p.eat(b']') {
            return Ok(false);
        }
        if i > 0 && !self.p.eat(b',') {
            return Err(self.syntax(&m::EXPECTED_COMMA_BRACKET));
        }
        self.path.push(Seg::Index(i));
        Ok(true)
    }

    /// The next member's name, its `:` taken; none at the object's end.
    fn key(&mut self, first: bool) -> Result<Option<Cow<'a, str>>, Error> {
        self.p.ws();
        if self.p.eat(b'}') {
            return Ok(None);
        }
        if !first && !self.p.eat(b',') {
            return Err(self.syntax(&m::EXPECTED_COMMA_BRACE));
        }
        if self.next()? != b'"' {
            return Err(self.syntax(&m::EXPECTED_NAME));
        }
        let key = self.string()?;
        self.p.ws();
        if !self.p.eat(b':') {
            return Err(self.syntax(&m::EXPECTED_COLON));
        }
        Ok(Some(key))
    }

    /// A value of the wrong type, read to say what it is: "expected a number, found the text
    /// \"half\"".
    fn mismatch(&mut self, expected: &dyn de::Expected) -> Error {
        let found = match self.next() {
            Err(e) => return e,
            Ok(b'"') => match self.string() {
                Ok(s) => return de::Error::invalid_type(de::Unexpected::Str(&s), expected),
                Err(e) => return e,
            },
            Ok(b'[') => de::Unexpected::Seq,
            Ok(b'{') => de::Unexpected::Map,
            Ok(_) => match self.scalar() {
                Ok(Scalar::Number(n)) => de::Unexpected::Float(n),
                Ok(Scalar::Bool(b)) => de::Unexpected::Bool(b),
                Ok(Scalar::Null) => de::Unexpected::Unit,
                Err(e) => return e,
            },
        };
        de::Error::invalid_type(found, expected)
    }
}

enum Scalar {
    Number(f64),
    Bool(bool),
    Null,
}

impl<'de> de::Deserializer<'de> for &mut Reader<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.next()? {
            b'{' => self.deserialize_map(visitor),
            b'[' => self.deserialize_seq(visitor),
            b'"' => self.deserialize_str(visitor),
            _ => match self.scalar()? {
                Scalar::Number(n) => number(n, visitor),
                Scalar::Bool(b) => visitor.visit_bool(b),
                Scalar::Null => visitor.visit_unit(),
            },
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.next()? == b'n' && self.p.word("null") {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
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
        let s = self.text(&visitor)?;
        visitor.visit_enum(s.as_ref().into_deserializer())
    }

    // Each typed request calls only the visitor method it needs: forwarding everything to
    // `deserialize_any` would also build, say, every struct's field-by-position reader,
    // which the model never uses.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    // Not inlined, so each type of the model has its own reader function: inlined into one
    // another they made one 45 KB function, which V8 compiled a second time, with its
    // optimizing tier, in the background while a large story was being drawn (82 ms of a
    // core in a trace, 300 ms in Node; see `index.html` for the other half).
    #[inline(never)]
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.enter(b'{', &visitor)?;
        let mut access = Map {
            r: &mut *self,
            first: true,
            done: false,
        };
        let out = visitor.visit_map(&mut access)?;
        let done = access.done;
        self.leave(done, &m::EXPECTED_BRACE)?;
        Ok(out)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.enter(b'[', &visitor)?;
        let mut access = Seq {
            r: &mut *self,
            i: 0,
            done: false,
        };
        let out = visitor.visit_seq(&mut access)?;
        let done = access.done;
        self.leave(done, &m::EXPECTED_BRACKET)?;
        Ok(out)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let s = self.text(&visitor)?;
        visitor.visit_str(&s)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes
        byte_buf unit unit_struct tuple tuple_struct ignored_any
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

/// The items of a list, its `[` taken.
struct Seq<'r, 'a> {
    r: &'r mut Reader<'a>,
    i: usize,
    /// The closing `]` was read.
    done: bool,
}

impl<'de> de::SeqAccess<'de> for Seq<'_, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.done || !self.r.item(self.i)? {
            self.done = true;
            return Ok(None);
        }
        let out = seed.deserialize(&mut *self.r)?;
        self.r.path.pop();
        self.i += 1;
        Ok(Some(out))
    }
}

/// The members of an object, its `{` taken.
struct Map<'r, 'a> {
    r: &'r mut Reader<'a>,
    first: bool,
    /// The closing `}` was read.
    done: bool,
}

impl<'de> de::MapAccess<'de> for Map<'_, '_> {
    type Error = Error;

    // Not inlined: each type's reader then calls one copy per type instead of carrying its
    // own, 0.6 KB of gzipped WASM in all. (The same for values, lists or the typed requests
    // above measured larger.)
    #[inline(never)]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let key = match self.done {
            true => None,
            false => self.r.key(std::mem::take(&mut self.first))?,
        };
        let Some(key) = key else {
            self.done = true;
            return Ok(None);
        };
        // On the path whether or not the key is known, so an unknown field's error names it.
        let out = seed.deserialize(key.as_ref().into_deserializer());
        self.r.path.push(Seg::Key(key));
        out.map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        let out = seed.deserialize(&mut *self.r)?;
        self.r.path.pop();
        Ok(out)
    }
}
