//! The server's assignment types (`grade/assignment/types`): ids differ
//! from server to server, so the table comes with the payload.

use std::collections::BTreeMap;

use super::json::Node;
use crate::Error;

/// One assignment type of a server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentType {
    /// The server's id (`typeId` in the diary).
    pub id: u32,
    /// Its name, «Домашнее задание».
    pub name: String,
    /// Its abbreviation, «ДЗ», when the server gives one.
    pub abbr: Option<String>,
}

impl AssignmentType {
    /// Whether assignments of this type are homework: named «Домашнее
    /// задание» or abbreviated «ДЗ» (case and spaces aside).
    pub fn is_homework(&self) -> bool {
        let name = self.name.trim().to_lowercase();
        name == "домашнее задание"
            || self
                .abbr
                .as_deref()
                .is_some_and(|a| a.trim().to_lowercase() == "дз")
    }
}

/// A server's assignment types by id.
///
/// # Example
/// ```
/// use zhurnal::interop::netschool::AssignmentTypes;
/// let types = AssignmentTypes::from_json(r#"[{"id":3,"name":"Домашнее задание","abbr":"ДЗ","order":15}]"#)?;
/// assert!(types.get(3).is_some_and(|t| t.is_homework()));
/// # Ok::<(), zhurnal::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AssignmentTypes {
    by_id: BTreeMap<u32, AssignmentType>,
}

impl AssignmentTypes {
    /// The table as the server sends it: an array of `{id, name, abbr?,
    /// order?}` (other fields ignored).
    ///
    /// # Errors
    /// [`crate::interop::InteropError::Payload`] naming the path of a
    /// missing or mistyped field, or a repeated id.
    pub fn from_json(text: &str) -> Result<AssignmentTypes, Error> {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| super::json::error("", format!("not JSON: {e}")))?;
        let root = Node::root(&value);
        let mut types = AssignmentTypes::default();
        for item in root.items()? {
            let id = item.field("id")?.id()?;
            let name = item.field("name")?.str()?.to_owned();
            let abbr = match item.optional("abbr")? {
                Some(a) => Some(a.str()?.to_owned()),
                None => None,
            };
            if types.by_id.contains_key(&id) {
                return Err(item
                    .field("id")?
                    .error(format!("type id {id} appears twice"))
                    .into());
            }
            types.by_id.insert(id, AssignmentType { id, name, abbr });
        }
        Ok(types)
    }

    /// A table from `(id, name)` pairs (a client's own list).
    pub fn from_pairs(pairs: impl IntoIterator<Item = (u32, String)>) -> AssignmentTypes {
        AssignmentTypes {
            by_id: pairs
                .into_iter()
                .map(|(id, name)| {
                    (
                        id,
                        AssignmentType {
                            id,
                            name,
                            abbr: None,
                        },
                    )
                })
                .collect(),
        }
    }

    /// The type with this id.
    pub fn get(&self, id: u32) -> Option<&AssignmentType> {
        self.by_id.get(&id)
    }

    /// How many types.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}
