//! The keys of the UI strings that name the model's values: `status-active`,
//! `district-tel-aviv`, `kind-local-council`, `role-funder`, `collection-news`.

use crate::model::content::{Collection, District, Role, Status, TownKind};

/// A value that the UI names with a string of its own, whose key is the prefix of the value's
/// kind and the value's name.
pub trait UiKey: Copy {
    /// The prefix of the keys of this kind of value: `district`.
    const PREFIX: &'static str;

    /// The value's name, as the data writes it and as addresses and `data-` attributes
    /// carry it: `tel-aviv`.
    fn name(self) -> &'static str;

    /// The key of the value's UI string: `district-tel-aviv`.
    fn ui_key(self) -> String {
        format!("{}-{}", Self::PREFIX, self.name())
    }
}

impl UiKey for Collection {
    const PREFIX: &'static str = "collection";

    fn name(self) -> &'static str {
        Collection::name(self)
    }
}

impl UiKey for Role {
    const PREFIX: &'static str = "role";

    fn name(self) -> &'static str {
        self.as_str()
    }
}

/// `UiKey` for an enum of the model whose names are not in the model: its prefix, and each
/// variant's name as the data writes it (serde's; a test below holds them to it).
macro_rules! ui_key_by_name {
    ($ty:ident, $prefix:literal, { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl UiKey for $ty {
            const PREFIX: &'static str = $prefix;

            fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }
        }
    };
}

ui_key_by_name!(Status, "status", {
    Planned => "planned",
    Active => "active",
    Completed => "completed",
});

ui_key_by_name!(District, "district", {
    North => "north",
    Haifa => "haifa",
    Center => "center",
    TelAviv => "tel-aviv",
    Jerusalem => "jerusalem",
    South => "south",
    JudeaSamaria => "judea-samaria",
});

ui_key_by_name!(TownKind, "kind", {
    City => "city",
    LocalCouncil => "local-council",
    RegionalCouncil => "regional-council",
    Cluster => "cluster",
});

#[cfg(test)]
mod tests {
    use super::*;

    /// Each name is the one the data is read with.
    fn names_are_serde_names<T: UiKey + serde::Serialize>(values: &[T]) {
        for v in values {
            assert_eq!(serde_json::to_value(v).unwrap(), v.name());
        }
    }

    #[test]
    fn names_are_those_of_the_data() {
        names_are_serde_names(&Collection::ALL);
        names_are_serde_names(&[Role::Lead, Role::Funder, Role::Operator, Role::Partner]);
        names_are_serde_names(&Status::ALL);
        names_are_serde_names(&District::ALL);
        names_are_serde_names(&[
            TownKind::City,
            TownKind::LocalCouncil,
            TownKind::RegionalCouncil,
            TownKind::Cluster,
        ]);
    }

    #[test]
    fn keys_are_prefix_and_name() {
        assert_eq!(District::TelAviv.ui_key(), "district-tel-aviv");
        assert_eq!(TownKind::LocalCouncil.ui_key(), "kind-local-council");
        assert_eq!(Status::Active.ui_key(), "status-active");
        assert_eq!(Role::Funder.ui_key(), "role-funder");
        assert_eq!(Collection::News.ui_key(), "collection-news");
    }
}
