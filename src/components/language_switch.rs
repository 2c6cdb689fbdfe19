use yew::prelude::*;

use crate::i18n::{ui, Lang};

/// Properties of [`LanguageSwitch`].
#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    /// The language shown now.
    pub lang: Lang,
    /// Asked to switch to the other language.
    pub on_change: Callback<Lang>,
}

/// A visible button offering the other language, labelled in that language.
#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let other = props.lang.other();
    let onclick = props.on_change.reform(move |_: MouseEvent| other);
    html! {
        <button type="button" class="xp-lang" lang={other.code()} {onclick}>
            { ui(props.lang).switch_to }
        </button>
    }
}
