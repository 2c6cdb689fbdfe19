//! What a selection lights up in the diagram: the item and its neighbours.

use std::collections::HashSet;

use crate::state::Selection;
use crate::story::Story;

/// Entity and relationship ids to keep bright; everything else is dimmed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lit {
    /// Entity ids.
    pub entities: HashSet<String>,
    /// Relationship ids.
    pub relationships: HashSet<String>,
}

impl Lit {
    /// Whether nothing is lit.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.relationships.is_empty()
    }
}

/// The items lit by `sel` (empty when nothing is selected).
pub fn lit(story: &Story, sel: Option<&Selection>) -> Lit {
    let mut l = Lit::default();
    let add_rel = |l: &mut Lit, id: &str| {
        if let Some(r) = story.relationship(id) {
            l.relationships.insert(r.id.clone());
            l.entities.insert(r.from.clone());
            l.entities.insert(r.to.clone());
        }
    };
    match sel {
        None => {}
        Some(Selection::Entity(id)) => {
            l.entities.insert(id.clone());
            for r in story
                .relationships
                .iter()
                .filter(|r| &r.from == id || &r.to == id)
            {
                add_rel(&mut l, &r.id);
            }
        }
        Some(Selection::Relationship(id)) => add_rel(&mut l, id),
        Some(Selection::Event(id)) => {
            if let Some(e) = story.event(id) {
                l.entities
                    .extend(story.players(e).into_iter().map(String::from));
                l.relationships.extend(e.relationships.iter().cloned());
            }
        }
        Some(Selection::Bar(id)) => {
            if let Some(r) = story.bar(id).and_then(|(g, _)| g.relationship.clone()) {
                add_rel(&mut l, &r);
            }
        }
    }
    l
}
