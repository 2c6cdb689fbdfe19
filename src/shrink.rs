//! Shorter names between the JS bindings and the WASM (native only; the release build's
//! post-build step). wasm-bindgen names each import after its Rust path plus a hash
//! (`__wbg_new_bb74001155cb8ca8`), about 180 of them, written once in each file. Hashes are
//! noise to gzip, so these names cost about 5 KB gzip in a widget that pays for every byte.
//! Here each becomes one or two letters, in the WASM's import and export sections and in
//! the bindings, consistently; nothing else in either file changes.

use std::collections::HashMap;

/// The WASM and bindings after [`shorten_names`].
#[derive(Debug)]
pub struct Shortened {
    /// The module, with renamed imports and exports.
    pub wasm: Vec<u8>,
    /// The bindings, with the same names.
    pub js: String,
    /// How many distinct names were shortened.
    pub renamed: usize,
}

/// Renames every function the WASM imports from the bindings module (`*_bg.js`), and every
/// export the bindings only use as `wasm.<name>`, in both files. Fails, naming the import,
/// when the bindings do not mention an import: they would not match the module any more.
pub fn shorten_names(wasm: &[u8], js: &str) -> Result<Shortened, String> {
    let sections = sections(wasm)?;
    let words = word_uses(js);
    let mut imports: HashMap<String, String> = HashMap::new();
    let mut exports: HashMap<String, String> = HashMap::new();
    let mut out = wasm[..8].to_vec();
    for (id, body) in sections {
        let body = match id {
            2 => rename_imports(body, &words, &mut imports)?,
            7 => rename_exports(body, &words, &mut exports)?,
            _ => body.to_vec(),
        };
        out.push(id);
        leb(&mut out, body.len() as u32);
        out.extend_from_slice(&body);
    }
    Ok(Shortened {
        wasm: out,
        js: rewrite_js(js, &imports, &exports),
        renamed: imports.len() + exports.len(),
    })
}

/// How a word is used in the bindings: every use, and the uses as `wasm.<word>`.
#[derive(Default)]
struct Uses {
    all: usize,
    on_wasm: usize,
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$'
}

/// Splits the bindings into identifier-like words: (start, end) byte ranges.
fn words(js: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = js.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !is_ident(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        while i < b.len() && is_ident(b[i]) {
            i += 1;
        }
        Some((start, i))
    })
}

fn on_wasm(js: &str, start: usize) -> bool {
    js[..start].ends_with("wasm.") && !js[..start - 5].ends_with(|c: char| is_ident(c as u8))
}

fn word_uses(js: &str) -> HashMap<&str, Uses> {
    let mut uses: HashMap<&str, Uses> = HashMap::new();
    for (s, e) in words(js) {
        let u = uses.entry(&js[s..e]).or_default();
        u.all += 1;
        u.on_wasm += usize::from(on_wasm(js, s));
    }
    uses
}

fn rewrite_js(
    js: &str,
    imports: &HashMap<String, String>,
    exports: &HashMap<String, String>,
) -> String {
    let mut out = String::with_capacity(js.len());
    let mut last = 0;
    for (s, e) in words(js) {
        let word = &js[s..e];
        let new = imports
            .get(word)
            .or_else(|| exports.get(word).filter(|_| on_wasm(js, s)));
        if let Some(new) = new {
            out.push_str(&js[last..s]);
            out.push_str(new);
            last = e;
        }
    }
    out.push_str(&js[last..]);
    out
}

/// The n-th short name: a … z, A … Z, then two letters, and so on.
fn short(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut s = String::new();
    loop {
        s.push(LETTERS[n % LETTERS.len()] as char);
        n /= LETTERS.len();
        if n == 0 {
            return s;
        }
        n -= 1;
    }
}

/// The entries of a section that is a vector (imports, exports), each read by `entry`.
fn entries<'a, T>(
    body: &'a [u8],
    mut entry: impl FnMut(&mut Reader<'a>) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    let mut r = Reader { b: body, at: 0 };
    let count = r.leb()?;
    (0..count).map(|_| entry(&mut r)).collect()
}

/// A section written back from its entries: their count, then each one's bytes.
fn section_of(parts: Vec<Vec<u8>>) -> Vec<u8> {
    let mut out = Vec::new();
    leb(&mut out, parts.len() as u32);
    parts.into_iter().for_each(|p| out.extend(p));
    out
}

fn rename_imports(
    body: &[u8],
    words: &HashMap<&str, Uses>,
    names: &mut HashMap<String, String>,
) -> Result<Vec<u8>, String> {
    let list = entries(body, |r| {
        let (module, name, at) = (r.name()?, r.name()?, r.at);
        r.import_desc()?;
        Ok((module, name, &body[at..r.at]))
    })?;
    let mut parts = Vec::with_capacity(list.len());
    for (module, name, desc) in list {
        let new = if module.ends_with("_bg.js") {
            if !words.contains_key(name) {
                return Err(format!(
                    "the bindings do not mention the WASM import `{name}`"
                ));
            }
            let n = names.len();
            names
                .entry(name.to_string())
                .or_insert_with(|| short(n))
                .clone()
        } else {
            name.to_string()
        };
        let mut part = Vec::new();
        put_name(&mut part, module);
        put_name(&mut part, &new);
        part.extend_from_slice(desc);
        parts.push(part);
    }
    Ok(section_of(parts))
}

fn rename_exports(
    body: &[u8],
    words: &HashMap<&str, Uses>,
    names: &mut HashMap<String, String>,
) -> Result<Vec<u8>, String> {
    let list = entries(body, |r| {
        let (name, at) = (r.name()?, r.at);
        r.byte()?;
        r.leb()?;
        Ok((name, &body[at..r.at]))
    })?;
    // Only exports the bindings reach as `wasm.<name>` and nowhere else (`start` is also
    // the name of a JS function); new names must not clash with the exports kept.
    let kept: Vec<&str> = list
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| words.get(n).is_none_or(|u| u.all != u.on_wasm))
        .collect();
    let mut fresh = (0..).map(short).filter(|s| !kept.contains(&s.as_str()));
    let parts = list
        .into_iter()
        .map(|(name, rest)| {
            let new = if kept.contains(&name) {
                name.to_string()
            } else {
                let new = fresh.next().unwrap_or_default();
                names.insert(name.to_string(), new.clone());
                new
            };
            let mut part = Vec::new();
            put_name(&mut part, &new);
            part.extend_from_slice(rest);
            part
        })
        .collect();
    Ok(section_of(parts))
}

/// The module's sections, checked to end exactly where the file does.
fn sections(wasm: &[u8]) -> Result<Vec<(u8, &[u8])>, String> {
    if wasm.len() < 8 || &wasm[..8] != b"\0asm\x01\0\0\0" {
        return Err("not a WebAssembly module (version 1)".into());
    }
    let mut r = Reader { b: wasm, at: 8 };
    let mut out = Vec::new();
    while r.at < wasm.len() {
        let id = r.byte()?;
        let len = r.leb()? as usize;
        out.push((id, r.take(len)?));
    }
    Ok(out)
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.b.get(self.at).ok_or("WASM ends early")?;
        self.at += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let s = self.b.get(self.at..self.at + n).ok_or("WASM ends early")?;
        self.at += n;
        Ok(s)
    }

    fn leb(&mut self) -> Result<u32, String> {
        let (mut v, mut shift) = (0u32, 0);
        loop {
            let b = self.byte()?;
            v |= u32::from(b & 0x7f)
                .checked_shl(shift)
                .ok_or("bad LEB128 number")?;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
        }
    }

    fn name(&mut self) -> Result<&'a str, String> {
        let n = self.leb()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| "a WASM name is not UTF-8".into())
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 != 0 {
            self.leb()?;
        }
        Ok(())
    }

    /// Skips an import's description: function, table, memory, global or tag.
    fn import_desc(&mut self) -> Result<(), String> {
        match self.byte()? {
            0 => self.leb().map(drop),
            1 => {
                self.byte()?;
                self.limits()
            }
            2 => self.limits(),
            3 => self.take(2).map(drop),
            4 => {
                self.byte()?;
                self.leb().map(drop)
            }
            k => Err(format!("unknown WASM import kind {k}")),
        }
    }
}

fn leb(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn put_name(out: &mut Vec<u8>, s: &str) {
    leb(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions from the bindings and one from elsewhere,
    /// exporting its memory, two functions and a closure invoker.
    fn module() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        let section = |m: &mut Vec<u8>, id: u8, body: Vec<u8>| {
            m.push(id);
            leb(m, body.len() as u32);
            m.extend(body);
        };
        section(&mut m, 1, vec![1, 0x60, 0, 0]);
        let mut imp = vec![3];
        for (module, name) in [
            ("./explainer_bg.js", "__wbg_log_0123456789abcdef"),
            ("./explainer_bg.js", "__wbg_now_fedcba9876543210"),
            ("env", "__wbg_other_1111111111111111"),
        ] {
            put_name(&mut imp, module);
            put_name(&mut imp, name);
            imp.extend([0, 0]);
        }
        section(&mut m, 2, imp);
        section(&mut m, 3, vec![1, 0]);
        section(&mut m, 5, vec![1, 0, 1]);
        let mut exp = vec![4];
        for (name, kind, index) in [
            ("memory", 2, 0),
            ("start", 0, 3),
            ("__wbindgen_start", 0, 3),
            ("closure_invoke_h4a96dd2f26cd2bb9", 0, 3),
        ] {
            put_name(&mut exp, name);
            exp.extend([kind, index]);
        }
        section(&mut m, 7, exp);
        section(&mut m, 10, vec![1, 2, 0, 0x0b]);
        m
    }

    const JS: &str = "export function start() { wasm.start(); }\n\
        const imports = { __proto__: null, __wbg_log_0123456789abcdef: function(a) { console.log(a); },\n\
        __wbg_now_fedcba9876543210: () => Date.now() };\n\
        wasm.memory.buffer; wasm.__wbindgen_start(); wasm.closure_invoke_h4a96dd2f26cd2bb9(1);\n\
        const other = { __wbg_other_1111111111111111: () => 0 };";

    fn names(wasm: &[u8]) -> (Vec<String>, Vec<String>) {
        let (mut imports, mut exports) = (vec![], vec![]);
        for (id, body) in sections(wasm).unwrap() {
            let mut r = Reader { b: body, at: 0 };
            let n = if id == 2 || id == 7 {
                r.leb().unwrap()
            } else {
                0
            };
            for _ in 0..n {
                if id == 2 {
                    r.name().unwrap();
                    imports.push(r.name().unwrap().to_string());
                    r.import_desc().unwrap();
                } else {
                    exports.push(r.name().unwrap().to_string());
                    r.byte().unwrap();
                    r.leb().unwrap();
                }
            }
        }
        (imports, exports)
    }

    #[test]
    fn shortens_the_shared_names_in_both_files_alike() {
        let s = shorten_names(&module(), JS).unwrap();
        let (imports, exports) = names(&s.wasm);
        assert_eq!(imports, ["a", "b", "__wbg_other_1111111111111111"]);
        // `start` is also the bindings' own function; `memory` is reached only as wasm.memory.
        assert_eq!(exports, ["a", "start", "b", "c"]);
        assert_eq!(s.renamed, 5);
        assert_eq!(
            s.js,
            "export function start() { wasm.start(); }\n\
            const imports = { __proto__: null, a: function(a) { console.log(a); },\n\
            b: () => Date.now() };\n\
            wasm.a.buffer; wasm.b(); wasm.c(1);\n\
            const other = { __wbg_other_1111111111111111: () => 0 };"
        );
        // Every other section is byte for byte the same.
        let original = module();
        let before = sections(&original).unwrap();
        let after = sections(&s.wasm).unwrap();
        for ((id, a), (_, b)) in before.iter().zip(&after) {
            if *id != 2 && *id != 7 {
                assert_eq!(a, b, "section {id}");
            }
        }
    }

    #[test]
    fn an_import_the_bindings_lack_is_an_error_naming_it() {
        let js = JS.replace("__wbg_now_fedcba9876543210", "__wbg_now_0000000000000000");
        let err = shorten_names(&module(), &js).unwrap_err();
        assert!(err.contains("`__wbg_now_fedcba9876543210`"), "{err}");
    }

    #[test]
    fn a_broken_module_is_an_error() {
        let m = module();
        assert!(shorten_names(&m[..m.len() - 3], JS)
            .unwrap_err()
            .contains("ends early"));
        assert!(shorten_names(b"not wasm", JS).is_err());
    }

    #[test]
    fn short_names_are_unique() {
        let all: std::collections::HashSet<String> = (0..3000).map(short).collect();
        assert_eq!(all.len(), 3000);
        assert_eq!(
            (short(0), short(51), short(52)),
            ("a".into(), "Z".into(), "aa".into())
        );
    }
}
