//! The workbench's side of the one terminal sanitizer: after a frame is drawn, every cell's
//! symbol passes [`for_terminal`](crate::domain::text::for_terminal)'s rules, so no control
//! character, bidi override or zero-width character from a file reaches the screen, whichever
//! widget drew it.

use ratatui::buffer::Buffer;

use crate::domain::text::hazard;

/// Cleans every cell of `buffer`: hazardous characters are dropped from the cell's symbol; a cell
/// left empty shows a space, so the layout keeps its width.
pub fn clean_buffer(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        let symbol = cell.symbol();
        if !symbol.chars().any(|c| hazard(c).is_some()) {
            continue;
        }
        let cleaned: String = symbol.chars().filter(|&c| hazard(c).is_none()).collect();
        cell.set_symbol(if cleaned.is_empty() { " " } else { &cleaned });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn no_hazard_survives_in_any_cell() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 10, 1));
        for (i, symbol) in ["\u{1b}", "a\u{202e}", "\u{9b}", "b\u{200b}", "\u{7}"]
            .iter()
            .enumerate()
        {
            buffer.content[i].set_symbol(symbol);
        }
        clean_buffer(&mut buffer);
        let line: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(line, " a b      ");
    }
}
