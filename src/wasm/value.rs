//! A plain JSON-like value: the middle step of reading JavaScript input.
//!
//! Why not deserialize the core types straight from the JavaScript value?
//! serde-wasm-bindgen reads a struct by looking up only the fields it
//! declares, so an unknown or misspelt field (`reahc`) would pass silently
//! despite `deny_unknown_fields`, and it accepts NaN and Infinity as numbers.
//! Reading the value into this tree first (every key of every object), then
//! the core type from the tree, rejects both, with the field's path.
//!
//! The tree's own map and sequence readers note which key or index an error
//! came from, so an error carries its path (`initiatives[3].buyer.reach`)
//! without a generic path-tracking wrapper, which tripled the code serde
//! generates for every input type.

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;
use std::fmt;

/// Deepest nesting accepted. The core's shapes are at most about six levels
/// deep; the bound keeps a cyclic or absurdly deep value from exhausting the
/// stack (a trap that would end the WebAssembly instance).
const MAX_DEPTH: usize = 32;

/// A JavaScript value reduced to what JSON can say.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null` or `undefined`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number, possibly NaN or infinite until it is read as a field.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object's own enumerable entries, in order. Entries whose value is
    /// `null` or `undefined` are left out: in JavaScript they mean "not set".
    Object(Vec<(String, Value)>),
}

/// Reads a [`Value`] at a given depth.
pub struct ValueSeed {
    /// How deep this value is nested.
    pub depth: usize,
}

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        if self.depth > MAX_DEPTH {
            return Err(de::Error::custom(format!(
                "the value is nested more than {MAX_DEPTH} levels deep (or refers to itself)"
            )));
        }
        deserializer.deserialize_any(self)
    }
}

/// The marks `convert.rs` writes for NaN and infinities in JSON text (which
/// has no such numbers), read back as numbers so that reading refuses them.
fn not_finite(text: &str) -> Option<Value> {
    match text {
        "\u{0}NaN" => Some(Value::Number(f64::NAN)),
        "\u{0}Infinity" => Some(Value::Number(f64::INFINITY)),
        "\u{0}-Infinity" => Some(Value::Number(f64::NEG_INFINITY)),
        _ => None,
    }
}

impl<'de> Visitor<'de> for ValueSeed {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a plain value: an object, array, string, number, boolean or null")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value as f64))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value as f64))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Value, E> {
        Ok(Value::Number(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Value, E> {
        Ok(not_finite(value).unwrap_or_else(|| Value::String(value.to_string())))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Value, E> {
        Ok(not_finite(&value).unwrap_or(Value::String(value)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let depth = self.depth.saturating_add(1);
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ValueSeed { depth })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let depth = self.depth.saturating_add(1);
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(ValueSeed { depth })?;
            if value != Value::Null {
                entries.push((key, value));
            }
        }
        Ok(Value::Object(entries))
    }
}

/// Largest integer a JavaScript number holds exactly (2^53 - 1).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

impl<'de> de::Deserializer<'de> for Value {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Value::Null => visitor.visit_unit(),
            Value::Bool(value) => visitor.visit_bool(value),
            Value::Number(value) if !value.is_finite() => Err(de::Error::custom(
                "must be a finite number, not NaN or Infinity",
            )),
            // Whole numbers go as integers, so integer fields accept them;
            // number fields accept integers too.
            Value::Number(value) if value.fract() == 0.0 && value.abs() <= MAX_SAFE_INTEGER => {
                if value >= 0.0 {
                    visitor.visit_u64(value as u64)
                } else {
                    visitor.visit_i64(value as i64)
                }
            }
            Value::Number(value) => visitor.visit_f64(value),
            Value::String(value) => visitor.visit_string(value),
            Value::Array(items) => visitor.visit_seq(Items {
                items: items.into_iter(),
                index: 0,
            }),
            Value::Object(entries) => visitor.visit_map(Entries {
                entries: entries.into_iter(),
                pending: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Value::Null => visitor.visit_none(),
            value => visitor.visit_some(value),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self {
            // A unit variant: "rice".
            Value::String(variant) => visitor.visit_enum(variant.into_deserializer()),
            // A variant with data: { "variant": data }.
            Value::Object(entries) if entries.len() == 1 => {
                visitor.visit_enum(MapAccessDeserializer::new(Entries {
                    entries: entries.into_iter(),
                    pending: None,
                }))
            }
            other => Err(de::Error::invalid_type(
                other.unexpected(),
                &OneOf { name, variants },
            )),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

impl Value {
    /// What this value is, for "invalid type" messages.
    fn unexpected(&self) -> de::Unexpected<'_> {
        match self {
            Value::Null => de::Unexpected::Unit,
            Value::Bool(value) => de::Unexpected::Bool(*value),
            Value::Number(value) => de::Unexpected::Float(*value),
            Value::String(value) => de::Unexpected::Str(value),
            Value::Array(_) => de::Unexpected::Seq,
            Value::Object(_) => de::Unexpected::Map,
        }
    }
}

/// What an enum accepts: one of its variant names.
struct OneOf {
    name: &'static str,
    variants: &'static [&'static str],
}

impl de::Expected for OneOf {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.variants {
            [] => write!(f, "a {}", self.name),
            variants => write!(f, "one of \"{}\"", variants.join("\", \"")),
        }
    }
}

impl<'de> IntoDeserializer<'de, Error> for Value {
    type Deserializer = Value;

    fn into_deserializer(self) -> Value {
        self
    }
}

/// An error while reading the tree, with the path it happened at.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    /// Path segments, innermost first (they are added as the error rises).
    reversed_path: Vec<Segment>,
    message: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Key(String),
    Index(usize),
}

impl Error {
    fn within(mut self, segment: Segment) -> Self {
        self.reversed_path.push(segment);
        self
    }

    /// Where the error is, such as `initiatives[3].buyer.reach` ("" for the
    /// value itself).
    pub fn path(&self) -> String {
        let mut path = String::new();
        for segment in self.reversed_path.iter().rev() {
            match segment {
                Segment::Key(key) if path.is_empty() => path.push_str(key),
                Segment::Key(key) => {
                    path.push('.');
                    path.push_str(key);
                }
                Segment::Index(index) => path.push_str(&format!("[{index}]")),
            }
        }
        path
    }

    /// What is wrong, without the path.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error {
            reversed_path: Vec::new(),
            message: message.to_string(),
        }
    }
}

/// Reads an array's items, noting the index of an item that fails.
struct Items {
    items: std::vec::IntoIter<Value>,
    index: usize,
}

impl<'de> SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index = self.index.saturating_add(1);
        seed.deserialize(item)
            .map(Some)
            .map_err(|error| error.within(Segment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// Reads an object's entries, noting the key of an entry that fails (an
/// unknown key included).
struct Entries {
    entries: std::vec::IntoIter<(String, Value)>,
    pending: Option<(String, Value)>,
}

impl<'de> MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        // Keys are read as plain strings: a small reader per field type
        // instead of the whole tree reader.
        let read = seed
            .deserialize(de::value::StrDeserializer::<Error>::new(&key))
            .map_err(|error| error.within(Segment::Key(key.clone())))?;
        self.pending = Some((key, value));
        Ok(Some(read))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, value) = self
            .pending
            .take()
            .ok_or_else(|| de::Error::custom("a value was read before its key"))?;
        seed.deserialize(value)
            .map_err(|error| error.within(Segment::Key(key)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}
