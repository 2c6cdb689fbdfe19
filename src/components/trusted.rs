//! Markup written into the page where Trusted Types may be enforced (browser only).
//!
//! A page whose Content-Security-Policy has `require-trusted-types-for 'script'` refuses
//! a plain string for `innerHTML`, as Yew's raw HTML nodes write it. The explainer writes
//! its one piece of raw markup, the diagram's controls, through its own policy instead.

use wasm_bindgen::{JsCast, JsValue};

/// The policy's name: a page that lists allowed policies in its `trusted-types`
/// directive must list it.
pub const POLICY: &str = "explainer";

thread_local! {
    /// Created once per page; `None` where the browser has no Trusted Types or the page
    /// does not allow the name (strings are then written as they are).
    static CREATE_HTML: Option<(JsValue, js_sys::Function)> = policy();
}

fn policy() -> Option<(JsValue, js_sys::Function)> {
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).ok();
    let window: JsValue = web_sys::window()?.into();
    let tt = get(&window, "trustedTypes").filter(|t| t.is_object())?;
    let create: js_sys::Function = get(&tt, "createPolicy")?.dyn_into().ok()?;
    let rules = js_sys::Object::new();
    // The markup is built by the explainer, story text escaped (see `controls`): the
    // policy lets it through as it is. `String` is that identity, built in (no closure).
    js_sys::Reflect::set(&rules, &"createHTML".into(), &get(&window, "String")?).ok()?;
    let policy = create.call2(&tt, &POLICY.into(), &rules).ok()?;
    let create_html = get(&policy, "createHTML")?.dyn_into().ok()?;
    Some((policy, create_html))
}

/// Replaces the children of `el` with `html`, as trusted HTML where the browser has
/// Trusted Types.
pub fn set_markup(el: &web_sys::Element, html: &str) {
    let html = JsValue::from_str(html);
    let value = CREATE_HTML
        .with(|p| {
            let (policy, create_html) = p.as_ref()?;
            create_html.call1(policy, &html).ok()
        })
        .unwrap_or(html);
    let _ = js_sys::Reflect::set(el, &"innerHTML".into(), &value);
}
