//! A serde `Deserializer` over a [`Value`] tree that remembers where it failed.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};

use super::{Value, MAX_DEPTH};

/// Why the tree did not fit the type, and where.
#[derive(Debug, PartialEq)]
pub struct Failure {
    /// `relationships[3].amount.kind`, or empty for the root.
    pub path: String,
    /// serde's message, e.g. ``unknown field `amout`, expected one of …``.
    pub message: String,
}

/// Fills `T` from the tree; on failure, the path of the first wrong field.
pub fn from_value<T: DeserializeOwned>(v: &Value<'_>) -> Result<T, Failure> {
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

enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn render(path: &[Seg<'_>]) -> String {
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

    // serde words a type mistake for Rust programmers ("invalid type: unit value, expected
    // struct Text"); the editor fixing the JSON reads "expected an object { … }, found null".
    fn invalid_type(found: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        let expected = expected.to_string();
        let expected = match expected.as_str() {
            "f32" | "f64" => "a number",
            "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" => "a whole number",
            "a boolean" => "true or false",
            "a string" | "a borrowed string" => "text in quotes",
            "a sequence" => "a list [ … ]",
            e if e.starts_with("struct ") => "an object { … }",
            e if e.starts_with("enum ") => "a word in quotes",
            e => e,
        };
        let found = match found {
            de::Unexpected::Unit => "null".to_string(),
            de::Unexpected::Bool(b) => b.to_string(),
            de::Unexpected::Float(n) => format!("the number {n}"),
            de::Unexpected::Str(s) => format!("the text \"{s}\""),
            de::Unexpected::Seq => "a list".to_string(),
            de::Unexpected::Map => "an object".to_string(),
            other => other.to_string(),
        };
        Error(format!("expected {expected}, found {found}"))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Error(if expected.is_empty() {
            format!("unknown field \"{field}\": this object takes none")
        } else {
            format!(
                "unknown field \"{field}\" (a typo?); the fields here are {}",
                expected.join(", ")
            )
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Error(format!(
            "unknown value \"{variant}\"; use one of {}",
            expected.join(", ")
        ))
    }

    fn missing_field(field: &'static str) -> Self {
        Error(format!("missing field \"{field}\""))
    }
}

/// The path stack is shared: a segment is pushed before its value is read and popped only
/// when it succeeded, so after a failure the stack still names where it happened.
#[derive(Clone, Copy)]
struct De<'a> {
    v: &'a Value<'a>,
    path: &'a RefCell<Vec<Seg<'a>>>,
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

    fn child(&self, v: &'a Value<'a>) -> Result<De<'a>, Error> {
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
            Value::Array(items) => visitor.visit_seq(Seq::new(items, self)),
            Value::Object(members) => visitor.visit_map(Map::new(members, self)),
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
            Value::String(s) => visitor.visit_enum(s.as_ref().into_deserializer()),
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
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
        match self.v {
            Value::Object(members) => visitor.visit_map(Map::new(members, self)),
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.v {
            Value::Array(items) => visitor.visit_seq(Seq::new(items, self)),
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
    items: std::iter::Enumerate<std::slice::Iter<'a, Value<'a>>>,
    de: De<'a>,
}

impl<'a> Seq<'a> {
    fn new(items: &'a [Value<'a>], de: De<'a>) -> Self {
        Seq {
            items: items.iter().enumerate(),
            de,
        }
    }
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
    members: std::slice::Iter<'a, (Cow<'a, str>, Value<'a>)>,
    value: Option<&'a Value<'a>>,
    de: De<'a>,
}

impl<'a> Map<'a> {
    fn new(members: &'a [(Cow<'a, str>, Value<'a>)], de: De<'a>) -> Self {
        Map {
            members: members.iter(),
            value: None,
            de,
        }
    }
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
        self.de.path.borrow_mut().push(Seg::Key(k));
        seed.deserialize(k.as_ref().into_deserializer()).map(Some)
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
