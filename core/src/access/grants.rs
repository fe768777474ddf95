//! Parents' access grants: who of the linked parents may read a diary.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::ids::{ParentId, StudentId};

/// Which linked parents may read their child's diary.
///
/// The application registry is the source of truth (an approved
/// application whose consent is not revoked grants access):
/// [`crate::applications::ApplicationRegistry::parent_grants`] gives the
/// grants on a date, and a [`crate::handle::SchoolHandle`] asks its
/// registry on the date of each request. The default grants nobody
/// ([`ParentGrants::none`]: fail closed); [`ParentGrants::only`] lists the
/// granted (parent, student) pairs; [`ParentGrants::all_linked`] grants
/// every linked parent except those revoked, for hosts that decide access
/// elsewhere and say so explicitly. A grant never links a parent: the link
/// to the student is checked separately.
///
/// # Example
/// ```
/// use zhurnal::access::ParentGrants;
/// use zhurnal::ids::{ParentId, StudentId};
/// let (mum, kid) = (ParentId::new(1), StudentId::new(7));
/// let mut grants = ParentGrants::all_linked();
/// assert!(grants.is_granted(mum, kid));
/// grants.revoke(mum, kid);
/// assert!(!grants.is_granted(mum, kid));
/// let fed = ParentGrants::only([(mum, kid)]);
/// assert!(fed.is_granted(mum, kid) && !fed.is_granted(ParentId::new(2), kid));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParentGrants {
    explicit: bool,
    granted: BTreeSet<(ParentId, StudentId)>,
    revoked: BTreeSet<(ParentId, StudentId)>,
}

impl Default for ParentGrants {
    /// Nobody is granted ([`ParentGrants::none`]).
    fn default() -> ParentGrants {
        ParentGrants::none()
    }
}

impl ParentGrants {
    /// Nobody is granted: the default, so that a parent reads nothing until
    /// access is decided.
    pub fn none() -> ParentGrants {
        ParentGrants::only([])
    }

    /// Every linked parent is granted unless revoked: an explicit choice
    /// for hosts that decide access elsewhere.
    pub fn all_linked() -> ParentGrants {
        ParentGrants {
            explicit: false,
            granted: BTreeSet::new(),
            revoked: BTreeSet::new(),
        }
    }

    /// Only these (parent, student) pairs are granted.
    pub fn only(pairs: impl IntoIterator<Item = (ParentId, StudentId)>) -> ParentGrants {
        ParentGrants {
            explicit: true,
            granted: pairs.into_iter().collect(),
            revoked: BTreeSet::new(),
        }
    }

    /// Whether only listed pairs are granted (a registry feeds the grants).
    pub fn is_explicit(&self) -> bool {
        self.explicit
    }

    /// Grants `parent` access to `student`'s diary.
    pub fn grant(&mut self, parent: ParentId, student: StudentId) {
        self.revoked.remove(&(parent, student));
        if self.explicit {
            self.granted.insert((parent, student));
        }
    }

    /// Takes `parent`'s access to `student`'s diary away.
    pub fn revoke(&mut self, parent: ParentId, student: StudentId) {
        self.granted.remove(&(parent, student));
        if !self.explicit {
            self.revoked.insert((parent, student));
        }
    }

    /// Whether `parent`'s access to `student`'s diary is granted.
    pub fn is_granted(&self, parent: ParentId, student: StudentId) -> bool {
        if self.explicit {
            self.granted.contains(&(parent, student))
        } else {
            !self.revoked.contains(&(parent, student))
        }
    }
}
