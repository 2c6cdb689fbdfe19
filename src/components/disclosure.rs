use yew::prelude::*;

/// Properties of [`Disclosure`].
#[derive(Properties, PartialEq)]
pub struct DisclosureProps {
    /// Class of the `<details>` element.
    pub class: AttrValue,
    /// The always-visible summary text.
    pub summary: AttrValue,
    /// Render the content while closed too (pre-rendered HTML, for readers without script).
    #[prop_or_default]
    pub complete: bool,
    /// Whether the reader opened it (see [`use_open`]).
    pub open: bool,
    /// Told the new state when the reader opens or closes it.
    pub on_toggle: Callback<bool>,
    /// The content.
    pub children: Html,
}

/// A native `<details>` whose content is only built once the reader opens it: long lists
/// (every relationship, every source) cost nothing until asked for. `data-lazy` tells the
/// embed to drop pre-rendered content of a closed one before hydration, so both agree.
#[component]
pub fn Disclosure(props: &DisclosureProps) -> Html {
    let ontoggle = props.on_toggle.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlDetailsElement>()
            .open()
    });
    html! {
        <details class={props.class.clone()} open={props.open} data-lazy="" {ontoggle}>
            <summary>{ props.summary.clone() }</summary>
            if props.complete || props.open {
                { props.children.clone() }
            }
        </details>
    }
}

/// A [`Disclosure`]'s open state and its setter, held by a component that outlives it: print
/// builds the lists anew (`super::print`), and a list the reader opened stays open after.
#[hook]
pub fn use_open() -> (bool, Callback<bool>) {
    let open = use_state_eq(|| false);
    let set = open.setter();
    (*open, use_callback((), move |o: bool, ()| set.set(o)))
}
