//! Where each part of the screen goes, as plain rectangles. The app uses it to know how many rows
//! a page has; the renderer uses the same numbers to draw, so the two never disagree.

use ratatui::layout::Rect;

/// Below this size no pane can show a usable list and detail; a notice is shown instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// The frame: tab bar on top, status bar at the bottom, the pane between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub tabs: Rect,
    pub body: Rect,
    pub status: Rect,
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub fn screen(area: Rect) -> Screen {
    let tabs = Rect {
        height: 1.min(area.height),
        ..area
    };
    let status = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1.min(area.height),
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    Screen { tabs, body, status }
}

/// The text of a tab's label in the tab bar, e.g. ` 2 SoA `; labels are one space apart.
pub fn tab_label(tab: super::Tab) -> String {
    format!(" {} {} ", tab.index() + 1, tab.title())
}

/// The tab whose label is at `column` of the tab bar (counted from its left edge).
pub fn tab_at(column: u16) -> Option<super::Tab> {
    let mut start = 0u16;
    for tab in super::Tab::ALL {
        let width = tab_label(tab).chars().count() as u16;
        if (start..start + width).contains(&column) {
            return Some(tab);
        }
        start += width + 1;
    }
    None
}

/// The catalogue pane: the list (with its search line and column header) beside the detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogueAreas {
    pub list: Rect,
    pub search: Rect,
    pub header: Rect,
    pub rows: Rect,
    pub detail: Rect,
    /// Inside the detail's border, less one column of padding on each side.
    pub detail_text: Rect,
}

pub fn catalogue(body: Rect) -> CatalogueAreas {
    let list_width = (body.width * 9 / 20).clamp(34.min(body.width), 60);
    let list = Rect {
        width: list_width,
        ..body
    };
    let detail = Rect {
        x: body.x + list_width,
        width: body.width - list_width,
        ..body
    };
    let inner = inset(list);
    let search = Rect {
        height: 1.min(inner.height),
        ..inner
    };
    let header = Rect {
        y: inner.y + 1,
        height: 1.min(inner.height.saturating_sub(1)),
        ..inner
    };
    let rows = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    let detail_inner = inset(detail);
    let detail_text = Rect {
        x: detail_inner.x + 1,
        width: detail_inner.width.saturating_sub(2),
        ..detail_inner
    };
    CatalogueAreas {
        list,
        search,
        header,
        rows,
        detail,
        detail_text,
    }
}

/// A table pane (SoA, risks): a bordered table whose first inner row is the header.
pub fn table_rows(body: Rect) -> Rect {
    let inner = inset(body);
    Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    }
}

/// The area inside a one-cell border.
pub fn inset(area: Rect) -> Rect {
    Rect {
        x: area.x + 1.min(area.width),
        y: area.y + 1.min(area.height),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_80_by_24_terminal_gets_a_list_and_a_detail() {
        let area = Rect::new(0, 0, 80, 24);
        assert!(!too_small(area));
        let screen = screen(area);
        assert_eq!(screen.body.height, 22);
        let parts = catalogue(screen.body);
        assert_eq!(parts.list.width, 36);
        assert_eq!(parts.rows.height, 18);
        assert_eq!(parts.detail_text.width, 40);
        assert!(too_small(Rect::new(0, 0, 59, 24)));
    }
}
