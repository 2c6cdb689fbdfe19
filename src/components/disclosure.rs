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
    /// The content.
    pub children: Html,
}

/// A native `<details>` whose content is only built once the reader opens it: long lists
/// (every relationship, every source) cost nothing until asked for. `data-lazy` tells the
/// embed to drop pre-rendered content of a closed one before hydration, so both agree.
#[component]
pub fn Disclosure(props: &DisclosureProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(
                e.target_unchecked_into::<web_sys::HtmlDetailsElement>()
                    .open(),
            );
        })
    };
    html! {
        <details class={props.class.clone()} data-lazy="" {ontoggle}>
            <summary>{ props.summary.clone() }</summary>
            if props.complete || *open {
                { props.children.clone() }
            }
        </details>
    }
}
