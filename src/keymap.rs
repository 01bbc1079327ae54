//! The keymap: which key does what in which context. Defaults live in code (`keymap/defaults.rs`);
//! `$XDG_CONFIG_HOME/isms/keymap.ron` may replace the keys of any command. The help overlay and
//! the status-bar hints are generated from here, never written by hand.

mod defaults;
mod key;
pub mod text;

use std::collections::BTreeMap;

pub use key::{Key, KeyCode};

use crate::app::Action;
use crate::domain::located_error::{LocatedError, line_and_column};

/// Where a binding works. The app asks with the contexts of its current mode, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    List,
    Detail,
    Table,
    Search,
    Help,
    /// A question waiting for yes or no (quit, changed on disk, restore, discard, delete).
    Question,
    /// A form (SoA entry or risk), whatever field has the focus.
    Form,
    /// A one-line text field of a form.
    Line,
    /// A date field of a form.
    Date,
    /// A choice or rating field of a form.
    Choice,
    /// A row of flags in a form.
    Flags,
    /// The controls field of the risk form.
    Controls,
    /// The control picker over the risk form.
    Picker,
    /// A popup list to jump from (a risk's controls, a heat-map cell's risks).
    Popup,
    /// The conflict chooser after the files changed on disk.
    Conflicts,
    /// A record's history from git.
    History,
    Risks,
    Dashboard,
    /// The ISMS pane: sub-clauses and the other records of clauses 4–10.
    Isms,
    /// The Audit pane: audits, findings and management reviews.
    Audit,
    /// The "terminal too small" notice: only quit acts there.
    TooSmall,
    /// The SoA table (marks and sorting), before the shared table keys.
    Soa,
    /// The export dialog.
    Export,
    /// The control screen (guidance, SoA entry, risks of one control).
    Control,
    /// The risk detail.
    RiskDetail,
    /// The dashboard's NIST CSF 2.0 view.
    Csf,
    /// Typing the merged value of a field in the conflict chooser.
    ConflictEdit,
}

impl Context {
    /// The heading of this context's section in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::List => "Lists",
            Context::Detail => "Control detail",
            Context::Table => "SoA and risk tables",
            Context::Search => "Search box",
            Context::Help => "Help",
            Context::Question => "Questions",
            Context::Form => "Forms (SoA entry, risk)",
            Context::Line => "Form: one-line fields",
            Context::Date => "Form: date fields",
            Context::Choice => "Form: choices and ratings",
            Context::Flags => "Form: reasons",
            Context::Controls => "Form: controls",
            Context::Picker => "Control picker",
            Context::Popup => "Popup lists",
            Context::Conflicts => "Conflicts (files changed on disk)",
            Context::History => "History of a record (git)",
            Context::Risks => "Risk register",
            Context::Dashboard => "Dashboard",
            Context::Isms => "ISMS (clauses 4–10)",
            Context::Audit => "Audits and findings",
            Context::TooSmall => "Terminal too small",
            Context::Soa => "Statement of Applicability",
            Context::Export => "Export dialog",
            Context::Csf => "Dashboard: NIST CSF 2.0 view",
            Context::Control => "Control screen",
            Context::RiskDetail => "Risk detail",
            Context::ConflictEdit => "Conflicts: typing a merged value",
        }
    }
}

/// One command with its current keys.
#[derive(Debug, Clone)]
pub struct Binding {
    pub name: &'static str,
    pub action: Action,
    pub contexts: &'static [Context],
    pub keys: Vec<Key>,
    pub help: &'static str,
}

/// All bindings, defaults with the user's overrides applied.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

/// One line of the help overlay: the keys, joined, and what they do.
pub struct HelpLine {
    pub keys: String,
    pub help: &'static str,
}

impl Default for Keymap {
    fn default() -> Keymap {
        let bindings = defaults::DEFAULTS
            .iter()
            .map(|d| Binding {
                name: d.name,
                action: d.action.clone(),
                contexts: d.contexts,
                keys: d
                    .keys
                    .iter()
                    .map(|k| Key::parse(k).expect("default keys are checked by a test"))
                    .collect(),
                help: d.help,
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// The defaults with the user's file applied; a broken file is ignored and reported.
    pub fn with_user_file(file: Option<(String, String)>) -> (Keymap, Option<String>) {
        let mut keymap = Keymap::default();
        let Some((name, text)) = file else {
            return (keymap, None);
        };
        match keymap.apply_overrides(&text, &name) {
            Ok(()) => (keymap, None),
            Err(error) => (
                Keymap::default(),
                Some(format!("{error}; using the default keys")),
            ),
        }
    }

    /// Replaces the keys of the commands named in `text` (`{ "quit": ["<C-q>"], … }`). A key given
    /// to a command is taken away from other commands that share a context with it. Nothing is
    /// changed when any entry is wrong.
    pub fn apply_overrides(&mut self, text: &str, file: &str) -> Result<(), LocatedError> {
        let parsed: BTreeMap<String, Vec<String>> =
            ron::from_str(text).map_err(|e| LocatedError::from_ron(file, &e))?;
        let place = |needle: &str| {
            text.find(&format!("\"{needle}\""))
                .map(|offset| line_and_column(text, offset))
        };
        let mut changes = Vec::new();
        for (name, key_texts) in &parsed {
            let Some(index) = self.bindings.iter().position(|b| b.name == name) else {
                return Err(LocatedError::at(
                    file,
                    place(name),
                    format!(
                        "no command called {name:?}; the help (?) lists them, e.g. \"quit\", \"down\", \"search\""
                    ),
                ));
            };
            let mut keys = Vec::new();
            for key_text in key_texts {
                let key = Key::parse(key_text)
                    .map_err(|message| LocatedError::at(file, place(key_text), message))?;
                keys.push(key);
            }
            changes.push((index, keys));
        }
        for (index, keys) in changes {
            let contexts = self.bindings[index].contexts;
            for (other_index, other) in self.bindings.iter_mut().enumerate() {
                if other_index != index && other.contexts.iter().any(|c| contexts.contains(c)) {
                    other.keys.retain(|k| !keys.contains(k));
                }
            }
            self.bindings[index].keys = keys;
        }
        Ok(())
    }

    /// The action of `key` in the first of `contexts` that binds it.
    pub fn action_for(&self, contexts: &[Context], key: Key) -> Option<Action> {
        contexts.iter().find_map(|context| {
            self.bindings
                .iter()
                .find(|b| b.contexts.contains(context) && b.keys.contains(&key))
                .map(|b| b.action.clone())
        })
    }

    /// The command called `name`.
    pub fn binding(&self, name: &str) -> Option<&Binding> {
        self.bindings.iter().find(|b| b.name == name)
    }

    /// The status-bar hints of a context: (keys, word) pairs, e.g. ("j/k", "move").
    pub fn hints(&self, context: Context) -> Vec<(String, &'static str)> {
        let Some((_, hints)) = defaults::HINTS.iter().find(|(c, _)| *c == context) else {
            return Vec::new();
        };
        hints
            .iter()
            .filter_map(|(names, word)| {
                let keys: Vec<String> = names
                    .iter()
                    .filter_map(|name| self.binding(name)?.keys.first().map(Key::to_string))
                    .collect();
                (!keys.is_empty()).then(|| (keys.join("/"), *word))
            })
            .collect()
    }

    /// The commands that work in `contexts`, each command once: the help's "keys here". The
    /// first context's own commands (those listed under it) come first, then the others that
    /// work there, then the next context's; each in table order. A command whose keys all do
    /// something else here (`s` sorts the risks, so it does not cycle a status) is left out.
    pub fn help_for(&self, contexts: &[Context]) -> Vec<HelpLine> {
        let mut seen: Vec<&str> = Vec::new();
        let mut taken: Vec<Key> = Vec::new();
        let mut lines = Vec::new();
        let passes = contexts.iter().flat_map(|c| [(c, true), (c, false)]);
        for (context, own) in passes {
            for binding in &self.bindings {
                let listed = binding.contexts[0] == *context;
                if binding.contexts.contains(context)
                    && listed == own
                    && !seen.contains(&binding.name)
                {
                    seen.push(binding.name);
                    let shadowed =
                        !binding.keys.is_empty() && binding.keys.iter().all(|k| taken.contains(k));
                    taken.extend(binding.keys.iter().copied());
                    if shadowed {
                        continue;
                    }
                    lines.push(HelpLine {
                        keys: Self::keys_text(binding),
                        help: binding.help,
                    });
                }
            }
        }
        lines
    }

    fn keys_text(binding: &Binding) -> String {
        let keys = binding
            .keys
            .iter()
            .map(Key::to_string)
            .collect::<Vec<_>>()
            .join(" ");
        if keys.is_empty() {
            "(unbound)".to_string()
        } else {
            keys
        }
    }

    /// The help overlay's sections: each command under its first context, in table order.
    pub fn help_sections(&self) -> Vec<(&'static str, Vec<HelpLine>)> {
        let mut sections: Vec<(Context, Vec<HelpLine>)> = Vec::new();
        for binding in &self.bindings {
            let context = binding.contexts[0];
            let keys = binding
                .keys
                .iter()
                .map(Key::to_string)
                .collect::<Vec<_>>()
                .join(" ");
            let line = HelpLine {
                keys: if keys.is_empty() {
                    "(unbound)".to_string()
                } else {
                    keys
                },
                help: binding.help,
            };
            match sections.iter_mut().find(|(c, _)| *c == context) {
                Some((_, lines)) => lines.push(line),
                None => sections.push((context, vec![line])),
            }
        }
        sections
            .into_iter()
            .map(|(context, lines)| (context.title(), lines))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_and_names_are_unique() {
        let keymap = Keymap::default();
        let mut names: Vec<_> = keymap.bindings.iter().map(|b| b.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), keymap.bindings.len());
        for (_, hints) in defaults::HINTS {
            for (hint_names, _) in *hints {
                for name in *hint_names {
                    assert!(keymap.binding(name).is_some(), "hint names {name}");
                }
            }
        }
    }

    #[test]
    fn no_key_does_two_things_in_one_context() {
        let keymap = Keymap::default();
        for a in &keymap.bindings {
            for b in &keymap.bindings {
                let shared = a.contexts.iter().any(|c| b.contexts.contains(c));
                if a.name < b.name && shared {
                    let clash: Vec<_> = a.keys.iter().filter(|k| b.keys.contains(k)).collect();
                    assert!(
                        clash.is_empty(),
                        "{} and {} share {clash:?}",
                        a.name,
                        b.name
                    );
                }
            }
        }
    }

    #[test]
    fn overrides_replace_keys_and_free_them_elsewhere() {
        let mut keymap = Keymap::default();
        keymap
            .apply_overrides(
                "{ \"search\": [\"s\", \"/\"], \"top\": [\"<Home>\"] }",
                "k.ron",
            )
            .unwrap();
        let list = [Context::List, Context::Global];
        assert_eq!(
            keymap.action_for(&list, Key::char('s')),
            Some(Action::StartSearch)
        );
        assert_eq!(keymap.action_for(&list, Key::char('g')), None);
        assert_eq!(keymap.hints(Context::List)[0], ("s".to_string(), "search"));
    }

    #[test]
    fn broken_files_are_reported_and_ignored() {
        let (keymap, message) =
            Keymap::with_user_file(Some(("keymap.ron".into(), "{\n \"qit\": [\"q\"] }".into())));
        assert_eq!(
            message.unwrap(),
            "keymap.ron:2:2: no command called \"qit\"; the help (?) lists them, e.g. \"quit\", \
             \"down\", \"search\"; using the default keys"
        );
        assert_eq!(
            keymap.action_for(&[Context::Global], Key::char('q')),
            Some(Action::Quit)
        );
        let (_, message) = Keymap::with_user_file(Some((
            "keymap.ron".into(),
            "{ \"quit\": [\"<Nope>\"] }".into(),
        )));
        assert!(
            message
                .unwrap()
                .starts_with("keymap.ron:1:12: unknown key name <Nope>")
        );
        let (_, message) =
            Keymap::with_user_file(Some(("keymap.ron".into(), "{ \"quit\": ".into())));
        assert!(message.unwrap().starts_with("keymap.ron:1:"));
    }
}
