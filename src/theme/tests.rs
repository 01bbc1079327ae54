//! Checks on the built-in themes and on loading broken user themes.

use ratatui::style::Color;

use super::*;

fn specs(text: &str) -> ThemeFile {
    ron::from_str(text).unwrap()
}

#[test]
fn built_in_themes_parse_and_set_every_role() {
    for (name, text) in BUILTIN {
        let theme = Theme::builtin(name).unwrap();
        assert_eq!(theme.name, name);
        let file = specs(text);
        for role in Theme::ROLES {
            assert!(file.roles.contains_key(*role), "{name} leaves out {role}");
        }
    }
}

#[test]
fn coloured_themes_use_only_the_16_named_colours() {
    for name in ["default", "light", "high-contrast"] {
        let (_, text) = BUILTIN.iter().find(|(n, _)| *n == name).unwrap();
        for (role, spec) in specs(text).roles {
            for colour in spec.colours() {
                let colour = parse_colour(colour).unwrap();
                assert!(
                    !matches!(colour, Color::Rgb(..) | Color::Indexed(_)),
                    "{name}.{role} uses {colour:?}"
                );
            }
        }
    }
}

#[test]
fn mono_uses_no_colour_at_all() {
    let (_, text) = BUILTIN.iter().find(|(n, _)| *n == "mono").unwrap();
    for (role, spec) in specs(text).roles {
        assert_eq!(spec.colours().count(), 0, "mono.{role}");
        assert!(
            !spec.italic && !spec.dim,
            "mono.{role} keeps to reverse, bold, underline"
        );
    }
    let mono = Theme::builtin("mono").unwrap();
    assert_ne!(
        mono.selection,
        Style::default(),
        "the selection must still show"
    );
}

#[test]
fn no_color_selects_mono_unless_a_theme_is_asked_for() {
    let none = |_: &str| None;
    assert_eq!(Theme::select(None, true, none).0.name, "mono");
    assert_eq!(Theme::select(Some("light"), true, none).0.name, "light");
    assert_eq!(Theme::select(None, false, none).0.name, "default");
}

#[test]
fn user_themes_extend_built_ins() {
    let file = |_: &str| {
        Some(Ok((
            "ocean.ron".to_string(),
            "(extends: \"default\", roles: { \"heading\": (fg: \"#0080ff\") })".to_string(),
        )))
    };
    let (theme, message) = Theme::select(Some("ocean"), false, file);
    assert_eq!(message, None);
    assert_eq!(theme.heading.fg, Some(Color::Rgb(0, 128, 255)));
    assert_eq!(theme.selection, Theme::default_theme().selection);
}

#[test]
fn broken_themes_give_a_message_and_the_default() {
    let cases = [
        (
            "(roles: {\n  \"hedding\": () })",
            "t.ron:2:3: no role called \"hedding\"",
        ),
        (
            "(roles: { \"text\": (fg: \"blurple\") })",
            "t.ron:1:11: \"blurple\" is not a colour",
        ),
        ("(roles: { \"text\": (fg: 3) })", "t.ron:1:"),
        (
            "(extends: \"t\", roles: {})",
            "t.ron:1:11: cannot extend \"t\"",
        ),
        ("\u{1b}[31m", "t.ron:1:1:"),
    ];
    for (text, expected) in cases {
        let file = |_: &str| Some(Ok(("t.ron".to_string(), text.to_string())));
        let (theme, message) = Theme::select(Some("t"), false, file);
        let message = message.unwrap();
        assert!(message.starts_with(expected), "{message}");
        assert!(message.ends_with("using the default theme"));
        assert_eq!(theme, Theme::default_theme());
    }
    let (_, message) = Theme::select(Some("nope"), false, |_| None);
    assert!(message.unwrap().starts_with("no theme called \"nope\""));
}
