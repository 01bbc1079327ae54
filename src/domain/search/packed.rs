//! Fixed-width arrays kept as plain bytes, so that the compiled index (see `build.rs`) is read in
//! place from the binary instead of decoded value by value: `isms search` spent most of its time
//! loading, not searching. An index built at run time owns its bytes.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::index::Field;

/// A growable array of `u32`, little-endian, four bytes each.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackedU32s<'a>(#[serde(borrow, with = "serde_bytes")] Cow<'a, [u8]>);

impl PackedU32s<'_> {
    pub fn push(&mut self, value: u32) {
        self.0.to_mut().extend_from_slice(&value.to_le_bytes());
    }

    pub fn get(&self, i: usize) -> u32 {
        let at = i * 4;
        u32::from_le_bytes(self.0[at..at + 4].try_into().expect("four bytes"))
    }

    pub fn len(&self) -> usize {
        self.0.len() / 4
    }
}

/// One field of one control that holds a word, and how many times (counted up to 255).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub control: u32,
    pub field: Field,
    pub count: u8,
}

/// Postings, six bytes each: the control (`u32`), the field and the count.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackedPostings<'a>(#[serde(borrow, with = "serde_bytes")] Cow<'a, [u8]>);

const POSTING_BYTES: usize = 6;

impl PackedPostings<'_> {
    pub fn push(&mut self, posting: Posting) {
        let bytes = self.0.to_mut();
        bytes.extend_from_slice(&posting.control.to_le_bytes());
        bytes.push(posting.field as u8);
        bytes.push(posting.count);
    }

    pub fn len(&self) -> usize {
        self.0.len() / POSTING_BYTES
    }

    pub fn get(&self, i: usize) -> Posting {
        let bytes = &self.0[i * POSTING_BYTES..(i + 1) * POSTING_BYTES];
        Posting {
            control: u32::from_le_bytes(bytes[..4].try_into().expect("four bytes")),
            field: Field::from_byte(bytes[4]),
            count: bytes[5],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compiled_array_is_read_in_place() {
        let mut numbers = PackedU32s::default();
        numbers.push(7);
        let bytes = postcard::to_allocvec(&numbers).unwrap();
        let read: PackedU32s = postcard::from_bytes(&bytes).unwrap();
        assert!(matches!(read.0, Cow::Borrowed(_)));
        assert_eq!(read.get(0), 7);
    }

    #[test]
    fn values_read_back_as_written() {
        let mut numbers = PackedU32s::default();
        for n in [0, 1, 70_000, u32::MAX] {
            numbers.push(n);
        }
        assert_eq!(numbers.len(), 4);
        assert_eq!(numbers.get(2), 70_000);
        assert_eq!(numbers.get(3), u32::MAX);

        let mut postings = PackedPostings::default();
        let posting = Posting {
            control: 9_999,
            field: Field::Pitfalls,
            count: 255,
        };
        postings.push(Posting {
            field: Field::Title,
            ..posting
        });
        postings.push(posting);
        assert_eq!(postings.len(), 2);
        assert_eq!(postings.get(1), posting);
        assert_eq!(postings.get(0).field, Field::Title);
    }
}
