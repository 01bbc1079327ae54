//! One role's style as a theme file writes it: `(fg: "blue", bg: "black", bold: true)`.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// The 16 named colours every terminal has, and `reset` (the terminal's own colour).
pub const NAMED_COLOURS: [(&str, Color); 17] = [
    ("reset", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark_gray", Color::DarkGray),
    ("light_red", Color::LightRed),
    ("light_green", Color::LightGreen),
    ("light_yellow", Color::LightYellow),
    ("light_blue", Color::LightBlue),
    ("light_magenta", Color::LightMagenta),
    ("light_cyan", Color::LightCyan),
    ("white", Color::White),
];

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    /// A named colour, `#rrggbb`, or a palette index `0`–`255`; empty for the terminal's own.
    #[serde(default)]
    pub fg: String,
    #[serde(default)]
    pub bg: String,
    #[serde(default)]
    pub bold: bool,
    #[serde(default)]
    pub dim: bool,
    #[serde(default)]
    pub italic: bool,
    #[serde(default)]
    pub underline: bool,
    #[serde(default)]
    pub reverse: bool,
}

impl StyleSpec {
    /// The ratatui style, or a sentence naming the colour that is not one.
    pub fn to_style(&self) -> Result<Style, String> {
        let mut style = Style::default();
        if !self.fg.is_empty() {
            style = style.fg(parse_colour(&self.fg)?);
        }
        if !self.bg.is_empty() {
            style = style.bg(parse_colour(&self.bg)?);
        }
        let flags = [
            (self.bold, Modifier::BOLD),
            (self.dim, Modifier::DIM),
            (self.italic, Modifier::ITALIC),
            (self.underline, Modifier::UNDERLINED),
            (self.reverse, Modifier::REVERSED),
        ];
        for (on, modifier) in flags {
            if on {
                style = style.add_modifier(modifier);
            }
        }
        Ok(style)
    }

    /// The colours this spec names (for checking that a theme keeps to the 16 named ones).
    pub fn colours(&self) -> impl Iterator<Item = &str> {
        [self.fg.as_str(), self.bg.as_str()]
            .into_iter()
            .filter(|c| !c.is_empty())
    }
}

/// Parses `blue`, `light_blue`, `#1e90ff` or `208`.
pub fn parse_colour(text: &str) -> Result<Color, String> {
    let wanted = text.trim().to_lowercase().replace(['-', ' '], "_");
    if let Some((_, colour)) = NAMED_COLOURS.iter().find(|(name, _)| *name == wanted) {
        return Ok(*colour);
    }
    if let Some(hex) = wanted.strip_prefix('#')
        && hex.len() == 6
        && let Ok(value) = u32::from_str_radix(hex, 16)
    {
        return Ok(Color::Rgb(
            (value >> 16) as u8,
            (value >> 8) as u8,
            value as u8,
        ));
    }
    if let Ok(index) = wanted.parse::<u8>() {
        return Ok(Color::Indexed(index));
    }
    Err(format!(
        "{text:?} is not a colour; use a name (blue, light_red, dark_gray, reset…), #rrggbb or 0–255"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_colours() {
        assert_eq!(parse_colour("Light-Blue"), Ok(Color::LightBlue));
        assert_eq!(parse_colour("#ff8000"), Ok(Color::Rgb(255, 128, 0)));
        assert_eq!(parse_colour("208"), Ok(Color::Indexed(208)));
        assert!(
            parse_colour("blurple")
                .unwrap_err()
                .contains("not a colour")
        );
    }
}
