//! Lookups by id for the story's lists, built on first use.

use std::cell::OnceCell;
use std::hash::{BuildHasherDefault, Hasher};

/// A hash table of a list's positions by id: a lookup costs one or two string comparisons
/// instead of a scan. A story of 600 relationships names both ends of each one several times
/// while it is drawn, and the scans were a seventh of its render time in a profile.
///
/// Open addressing over one `Vec<u32>` (0 is empty, otherwise position + 1) rather than a
/// `HashMap` or a sorted list: this adds no generic collection or sort code to the WASM.
///
/// Derived data, not part of the story's value: two stories compare equal whether or not
/// their indexes have been built yet.
#[derive(Clone, Debug, Default)]
pub struct IdIndex(OnceCell<(usize, Vec<u32>)>);

impl PartialEq for IdIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// An id's slot hash: [`Fnv`], whose upper half the final multiply mixes best.
fn hash(id: &str) -> usize {
    let mut h = Fnv::default();
    h.write(id.as_bytes());
    (h.finish() >> 32) as usize
}

/// A set of ids hashed with 64-bit FNV-1a instead of the standard library's SipHash, which
/// resists crafted keys at several times the cost: checking a 200-entity story hashes some
/// 5,000 ids, all written by the story's own editor.
pub(crate) type IdSet<'a> = std::collections::HashSet<&'a str, BuildHasherDefault<Fnv>>;

/// 64-bit FNV-1a (ids are short, and this is all the mixing they need), with a final
/// multiply so that the top bits (which a hash table's probing reads first) depend on
/// every byte.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

impl IdIndex {
    /// The position of the first item (in list order) whose id is `id`, among `len` items
    /// whose ids `id_at` gives.
    pub fn find<'a>(
        &self,
        len: usize,
        id_at: &dyn Fn(usize) -> &'a str,
        id: &str,
    ) -> Option<usize> {
        let (built, slots) = self.0.get_or_init(|| {
            let mask = (2 * len).next_power_of_two() - 1;
            let mut slots = vec![0u32; mask + 1];
            for i in 0..len {
                let mut h = hash(id_at(i)) & mask;
                // A duplicate id keeps its first position.
                while slots[h] != 0 && id_at(slots[h] as usize - 1) != id_at(i) {
                    h = (h + 1) & mask;
                }
                if slots[h] == 0 {
                    slots[h] = i as u32 + 1;
                }
            }
            (len, slots)
        });
        let scan = || (0..len).find(|&i| id_at(i) == id);
        // The fields are public: a list changed after the index was built is scanned. A hit
        // is always checked, and a miss confirmed by a scan.
        if *built != len {
            return scan();
        }
        let mask = slots.len() - 1;
        let mut h = hash(id) & mask;
        while slots[h] != 0 {
            let i = slots[h] as usize - 1;
            if id_at(i) == id {
                return Some(i);
            }
            h = (h + 1) & mask;
        }
        scan()
    }
}
