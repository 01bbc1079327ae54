//! The selected row of a list and the first row shown, kept so that the selection stays visible
//! and the view moves only when it must (a small change on screen, a few bytes over SSH).

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
}

impl Cursor {
    /// Moves the selection by `delta` rows, stopping at either end.
    pub fn move_by(&mut self, delta: isize, len: usize, rows: usize) {
        let target = self.selected.saturating_add_signed(delta);
        self.select(target, len, rows);
    }

    /// Selects a row (clamped to the list) and scrolls just enough to show it.
    pub fn select(&mut self, index: usize, len: usize, rows: usize) {
        self.selected = index;
        self.keep_visible(len, rows);
    }

    /// Clamps the selection to the list and scrolls just enough to show it.
    pub fn keep_visible(&mut self, len: usize, rows: usize) {
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        let rows = rows.max(1);
        self.selected = self.selected.min(len - 1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(len.saturating_sub(rows));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolls_only_when_the_selection_leaves_the_view() {
        let mut cursor = Cursor::default();
        cursor.move_by(4, 100, 5);
        assert_eq!(
            cursor,
            Cursor {
                selected: 4,
                offset: 0
            }
        );
        cursor.move_by(1, 100, 5);
        assert_eq!(
            cursor,
            Cursor {
                selected: 5,
                offset: 1
            }
        );
        cursor.move_by(-3, 100, 5);
        assert_eq!(
            cursor,
            Cursor {
                selected: 2,
                offset: 1
            }
        );
        cursor.move_by(-10, 100, 5);
        assert_eq!(
            cursor,
            Cursor {
                selected: 0,
                offset: 0
            }
        );
        cursor.select(500, 100, 5);
        assert_eq!(
            cursor,
            Cursor {
                selected: 99,
                offset: 95
            }
        );
        cursor.keep_visible(3, 5);
        assert_eq!(
            cursor,
            Cursor {
                selected: 2,
                offset: 0
            }
        );
    }
}
