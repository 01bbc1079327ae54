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

/// For the bottom border: which letter is which source.
pub fn legend(hits: &CsfHits) -> String {
    let parts: Vec<String> = hits
        .marks()
        .iter()
        .zip(&hits.sources)
        .map(|(c, s)| format!("{c} {}", s.rsplit(':').next().unwrap_or(s)))
        .collect();
    sanitize_line(&parts.join(" · "))
}

/// After the query: the clauses the sources map the node to, which no row can show, or that
/// no control is mapped at all.
pub fn clauses_note(hits: &CsfHits) -> Option<String> {
    let clauses = hits.clauses.join(" ");
    let note = match (hits.rows.is_empty(), clauses.is_empty()) {
        (true, true) => "no Annex A control mapped".to_string(),
        (true, false) => format!("no Annex A control mapped; clauses {clauses}"),
        (false, false) => format!("also clauses {clauses}"),
        (false, true) => return None,
    };
    Some(sanitize_line(&note))
}
