//! A deterministic generator of valid stories of any size, for tests that must hold for
//! stories other than the one we ship.
#![allow(dead_code)]

use serde_json::{json, Value};

/// A seeded generator (Knuth's MMIX LCG): the same seed gives the same story or edits.
pub struct Lcg(pub u64);
impl Lcg {
    /// A number below `n` (which must not be 0).
    pub fn next(&mut self, n: u64) -> u64 {
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

/// A valid story of two players in two roles (side by side on a desktop, level) with `m`
/// links, alternately one way and the other.
pub fn pair(m: usize) -> String {
    let rels: Vec<Value> = (0..m)
        .map(|j| {
            let (from, to) = if j % 2 == 0 { ("a", "b") } else { ("b", "a") };
            json!({"id": format!("r{j}"), "from": from, "to": to, "kind": "investment",
                "label": {"fr": "lien", "en": "link"}, "status": "confirmed", "sources": ["s0"]})
        })
        .collect();
    let entity = |id: &str, role: &str| {
        json!({"id": id, "role": role, "name": {"fr": id, "en": id},
            "description": {"fr": "d", "en": "d"}})
    };
    json!({"schema_version": 1, "published": "2025-01-01", "as_of": "2025-06-01",
        "title": {"fr": "Titre", "en": "Title"}, "dek": {"fr": "Chapeau", "en": "Dek"},
        "entities": [entity("a", "chipmaker"), entity("b", "lab")], "relationships": rels,
        "sources": [{"id": "s0", "publisher": "P", "title": "T", "url": "https://example.org/a"}]})
    .to_string()
}

/// A valid story of one player linked to `m` others in every role, alternately one way and
/// the other.
pub fn star(m: usize) -> String {
    let entity = |id: &str, role: &str| {
        json!({"id": id, "role": role, "name": {"fr": id, "en": id},
            "description": {"fr": "d", "en": "d"}})
    };
    let mut entities = vec![entity("hub", "lab")];
    let mut rels = Vec::new();
    for j in 0..m {
        let id = format!("p{j}");
        entities.push(entity(&id, ROLES[j % ROLES.len()]));
        let (from, to) = if j % 2 == 0 {
            ("hub", id.as_str())
        } else {
            (id.as_str(), "hub")
        };
        rels.push(
            json!({"id": format!("r{j}"), "from": from, "to": to, "kind": KINDS[j % KINDS.len()],
            "label": {"fr": "lien", "en": "link"}, "status": "confirmed", "sources": ["s0"]}),
        );
    }
    json!({"schema_version": 1, "published": "2025-01-01", "as_of": "2025-06-01",
        "title": {"fr": "Titre", "en": "Title"}, "dek": {"fr": "Chapeau", "en": "Dek"},
        "entities": entities, "relationships": rels,
        "sources": [{"id": "s0", "publisher": "P", "title": "T", "url": "https://example.org/a"}]})
    .to_string()
}

/// The points of SVG path data as the explainer writes it (`M`, `L`, `Q`, and `l`, `q`,
/// `v` relative to the current point), control points included, in absolute
/// coordinates. `z` adds none.
pub fn path_points(d: &str) -> Vec<(f64, f64)> {
    // Tokens: command letters and numbers; a minus sign also begins a number.
    let mut tokens: Vec<String> = Vec::new();
    for c in d.chars() {
        let number = tokens
            .last()
            .is_some_and(|t| t == "-" || t.parse::<f64>().is_ok());
        if c.is_ascii_alphabetic() || c == '-' || (!number && c.is_ascii_digit()) {
            tokens.push(c.to_string());
        } else if c == ' ' {
            tokens.push(String::new());
        } else if let Some(t) = tokens.last_mut() {
            t.push(c);
        }
    }
    let (mut points, mut at) = (Vec::new(), (0.0, 0.0));
    let (mut cmd, mut nums) = ('M', Vec::<f64>::new());
    for t in tokens
        .iter()
        .filter(|t| !t.is_empty())
        .chain([&"z".to_string()])
    {
        if let Ok(n) = t.parse::<f64>() {
            nums.push(n);
            continue;
        }
        let rel = cmd.is_ascii_lowercase();
        let size = match cmd.to_ascii_lowercase() {
            'v' => 1,
            'q' => 4,
            _ => 2,
        };
        for seg in nums.chunks(size) {
            let base = if rel { at } else { (0.0, 0.0) };
            if size == 1 {
                at = (at.0, base.1 + seg[0]);
                points.push(at);
                continue;
            }
            for p in seg.chunks(2) {
                points.push((base.0 + p[0], base.1 + p[1]));
            }
            at = *points.last().unwrap();
        }
        nums.clear();
        cmd = t.chars().next().unwrap_or('z');
    }
    points
}

/// A live instance's props, as the embed gives them before anything is linked or asked:
/// the native first render and the browser tests mount the same thing.
pub fn live_props(
    json: &str,
    lang: explainer::i18n::Lang,
    view: explainer::state::View,
    width: u32,
    instance: &str,
    progressive: bool,
) -> explainer::AppProps {
    explainer::AppProps {
        story: explainer::Loaded::from_json(json),
        lang,
        view,
        width,
        instance: instance.into(),
        linked: Default::default(),
        asked: Default::default(),
        on_host: Default::default(),
        complete: false,
        progressive,
        fit_until: 0,
        owed: Default::default(),
    }
}
