//! A deterministic generator of valid stories of any size, for tests that must hold for
//! stories other than the one we ship.
#![allow(dead_code)]

use serde_json::{json, Value};

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

const ROLES: [&str; 5] = ["chipmaker", "lab", "hyperscaler", "investor", "state"];
const KINDS: [&str; 5] = [
    "investment",
    "chip_supply",
    "cloud_compute",
    "partnership",
    "competition",
];
const WORDS: [&str; 8] = [
    "Alpha",
    "Microsystems",
    "Gouvernementale",
    "Wi",
    "Fondation",
    "Labs",
    "Nordique",
    "Internationale",
];

/// A valid story with `n` entities and `m` relationships; names vary in length (one to
/// three words) so wrapping is exercised.
pub fn story(n: usize, m: usize, seed: u64) -> String {
    let mut r = Lcg(seed);
    let entities: Vec<Value> = (0..n)
        .map(|i| {
            let words = 1 + r.next(3) as usize;
            let name: Vec<&str> = (0..words).map(|_| WORDS[r.next(8) as usize]).collect();
            let name = format!("{} {i}", name.join(" "));
            json!({"id": format!("e{i}"), "role": ROLES[r.next(5) as usize],
                   "name": {"fr": name, "en": name}, "description": {"fr": "d", "en": "d"}})
        })
        .collect();
    let rels: Vec<Value> = (0..m)
        .map(|j| {
            let a = r.next(n as u64);
            let b = (a + 1 + r.next(n as u64 - 1)) % n as u64;
            json!({"id": format!("r{j}"), "from": format!("e{a}"), "to": format!("e{b}"),
                   "kind": KINDS[r.next(5) as usize], "label": {"fr": "lien", "en": "link"},
                   "amount": {"kind": "exact", "value": r.next(500) as f64 / 10.0, "unit": "usd_bn"},
                   "date": "2025-01-02", "status": "confirmed", "sources": ["s0"], "headline": j == 0})
        })
        .collect();
    json!({"schema_version": 1, "published": "2025-01-01", "as_of": "2025-06-01",
           "title": {"fr": "Titre", "en": "Title"}, "dek": {"fr": "Chapeau", "en": "Dek"},
           "entities": entities, "relationships": rels,
           "sources": [{"id": "s0", "publisher": "P", "title": "T", "url": "https://example.org/a"}]})
    .to_string()
}

/// The text as it appears escaped inside HTML attributes and text nodes.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
