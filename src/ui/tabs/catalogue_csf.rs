//! The catalogue list while it shows a `csf:NODE` search: the pane title names the subcategory,
//! the theme column gives way to the sources mapping each control (one letter each), and the
//! search line says which letter is which source.

use crate::app::tabs::catalogue_csf::CsfHits;
use crate::domain::text::sanitize_line;

/// The pane title: ` csf:PR.AA-05 · 12 mapped `.
pub fn title(hits: &CsfHits, count: usize) -> String {
    sanitize_line(&format!(" csf:{} · {count} mapped ", hits.node))
}

/// The three columns where the theme goes: the letter of each source that maps row `index`.
pub fn sources_column(hits: &CsfHits, index: usize) -> String {
    let marks = hits.marks();
    let mapped = hits.rows.get(index).map_or(&[][..], Vec::as_slice);
    let letters: Vec<String> = marks
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if mapped.contains(&i) {
                c.to_string()
            } else {
                " ".to_string()
            }
        })
        .collect();
    format!("{:<3}", letters.join(" "))
}

/// After the query: which letter is which source, and the clauses no row can show.
pub fn legend(hits: &CsfHits) -> String {
    if hits.rows.is_empty() {
        let clauses = match hits.clauses.is_empty() {
            true => String::new(),
            false => format!("; clauses {}", hits.clauses.join(" ")),
        };
        return sanitize_line(&format!("no Annex A control mapped{clauses}"));
    }
    let mut parts: Vec<String> = hits
        .marks()
        .iter()
        .zip(&hits.sources)
        .map(|(c, s)| format!("{c} {}", s.rsplit(':').next().unwrap_or(s)))
        .collect();
    if !hits.clauses.is_empty() {
        parts.push(format!("also clauses {}", hits.clauses.join(" ")));
    }
    sanitize_line(&parts.join(" · "))
}
