//! Themes: named roles (`selection`, `heading`, `match_highlight`…) mapped to styles, loaded from
//! RON. Four are built in (`themes/*.ron`, embedded); users add their own in
//! `$XDG_CONFIG_HOME/isms/themes/NAME.ron`. `NO_COLOR` selects `mono`. A broken theme never stops
//! the workbench: the user gets a message and the default theme.

mod style_spec;

use std::collections::BTreeMap;

use ratatui::style::Style;
use serde::Deserialize;

use crate::domain::located_error::{LocatedError, line_and_column};
pub use style_spec::{NAMED_COLOURS, StyleSpec, parse_colour};

/// The built-in themes: name and RON text.
pub const BUILTIN: [(&str, &str); 4] = [
    ("default", include_str!("../themes/default.ron")),
    ("light", include_str!("../themes/light.ron")),
    ("high-contrast", include_str!("../themes/high-contrast.ron")),
    ("mono", include_str!("../themes/mono.ron")),
];

macro_rules! roles {
    ($($role:ident),+ $(,)?) => {
        /// The style of every role. Panes ask for roles, never for colours.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Theme {
            pub name: String,
            $(pub $role: Style,)+
        }

        impl Theme {
            /// Every role name, as theme files spell them.
            pub const ROLES: &'static [&'static str] = &[$(stringify!($role)),+];

            /// A theme where every role is the terminal's own style.
            fn plain(name: &str) -> Theme {
                Theme { name: name.to_string(), $($role: Style::default(),)+ }
            }

            fn set(&mut self, role: &str, style: Style) -> bool {
                match role {
                    $(stringify!($role) => { self.$role = style; true })+
                    _ => false,
                }
            }
        }
    };
}

roles!(
    text,
    dim,
    border,
    border_focused,
    pane_title,
    tab,
    tab_active,
    header,
    selection,
    selection_unfocused,
    match_highlight,
    heading,
    tag,
    link,
    link_selected,
    label,
    search_prompt,
    search_text,
    search_error,
    status_bar,
    status_key,
    status_message,
    status_warning,
    dirty,
    read_only,
    undecided,
    applicable,
    excluded,
    not_started,
    planned,
    partial,
    implemented,
    level_low,
    level_medium,
    level_high,
    level_critical,
    popup_border,
);

/// A theme file: optionally another theme to start from, then the roles it sets.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    #[serde(default)]
    extends: String,
    roles: BTreeMap<String, StyleSpec>,
}

impl Theme {
    /// A built-in theme by name.
    pub fn builtin(name: &str) -> Option<Theme> {
        let (_, text) = BUILTIN.iter().find(|(n, _)| *n == name)?;
        Some(
            Theme::parse(name, text, &format!("themes/{name}.ron"))
                .expect("built-in themes are checked by a test"),
        )
    }

    /// The default theme.
    pub fn default_theme() -> Theme {
        Theme::builtin("default").expect("the default theme is built in")
    }

    /// Parses theme text; roles it leaves out come from the theme it extends, else are plain.
    pub fn parse(name: &str, text: &str, file: &str) -> Result<Theme, LocatedError> {
        let parsed: ThemeFile =
            ron::from_str(text).map_err(|e| LocatedError::from_ron(file, &e))?;
        let place = |needle: &str| {
            text.find(&format!("\"{needle}\""))
                .map(|offset| line_and_column(text, offset))
        };
        let mut theme = if parsed.extends.is_empty() {
            Theme::plain(name)
        } else if parsed.extends != name && BUILTIN.iter().any(|(n, _)| *n == parsed.extends) {
            let mut base = Theme::builtin(&parsed.extends).expect("listed above");
            base.name = name.to_string();
            base
        } else {
            return Err(LocatedError::at(
                file,
                place(&parsed.extends),
                format!(
                    "cannot extend {:?}; a theme extends one of the built-in themes: {}",
                    parsed.extends,
                    builtin_names()
                ),
            ));
        };
        for (role, spec) in &parsed.roles {
            let style = spec
                .to_style()
                .map_err(|message| LocatedError::at(file, place(role), message))?;
            if !theme.set(role, style) {
                return Err(LocatedError::at(
                    file,
                    place(role),
                    format!(
                        "no role called {role:?}; roles are {}",
                        Theme::ROLES.join(", ")
                    ),
                ));
            }
        }
        Ok(theme)
    }

    /// Picks the theme to use: `--theme NAME` if given, else `mono` under `NO_COLOR`, else the
    /// default. `user_file(name)` reads `NAME.ron` from the user's theme folder (the store does
    /// the reading), returning the file name and text. A user theme wins over a built-in one of the
    /// same name. Returns the theme and a message for the user when something was wrong.
    pub fn select(
        requested: Option<&str>,
        no_color: bool,
        user_file: impl Fn(&str) -> Option<Result<(String, String), LocatedError>>,
    ) -> (Theme, Option<String>) {
        let fallback = || {
            if no_color {
                Theme::builtin("mono").expect("built in")
            } else {
                Theme::default_theme()
            }
        };
        let name = requested.unwrap_or(if no_color { "mono" } else { "default" });
        match user_file(name) {
            Some(Ok((file, text))) => match Theme::parse(name, &text, &file) {
                Ok(theme) => (theme, None),
                Err(error) => (
                    fallback(),
                    Some(format!("{error}; using the default theme")),
                ),
            },
            Some(Err(error)) => (
                fallback(),
                Some(format!("{error}; using the default theme")),
            ),
            None => match Theme::builtin(name) {
                Some(theme) => (theme, None),
                None => (
                    fallback(),
                    Some(format!(
                        "no theme called {name:?}; built-in themes are {}, and your own go in \
                         $XDG_CONFIG_HOME/isms/themes/NAME.ron; using the default theme",
                        builtin_names()
                    )),
                ),
            },
        }
    }
}

fn builtin_names() -> String {
    BUILTIN
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;
