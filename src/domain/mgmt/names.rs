//! `named_enum!`: a plain enum written in snake_case in the files, with every value in `ALL`,
//! its `name()` as written, and `from_name()` for the command line.

macro_rules! named_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            pub fn from_name(text: &str) -> Option<$name> {
                let wanted = text.trim().replace(['-', ' '], "_");
                Self::ALL.iter().copied().find(|v| v.name().eq_ignore_ascii_case(&wanted))
            }

            /// The accepted names, for messages: `a, b or c`.
            pub fn choices() -> String {
                let names: Vec<&str> = Self::ALL.iter().map(|v| v.name()).collect();
                match names.split_last() {
                    Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
                    _ => names.join(""),
                }
            }
        }
    };
}

pub(crate) use named_enum;
