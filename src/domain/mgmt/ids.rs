//! New record ids: the next number after the highest in use, `E-001`, `F-012`, `A-003.4`.

/// The next id `PREFIX` + number (at least three digits) after those in `used`.
pub fn next_id<'a>(prefix: &str, used: impl Iterator<Item = &'a str>) -> String {
    let highest = used
        .filter_map(|id| id.get(prefix.len()..).filter(|_| id.starts_with(prefix)))
        .filter_map(|rest| rest.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{:03}", highest + 1)
}

/// The next child id `PARENT.N` after those in `used`.
pub fn next_child_id<'a>(parent: &str, used: impl Iterator<Item = &'a str>) -> String {
    let prefix = format!("{parent}.");
    let highest = used
        .filter_map(|id| id.strip_prefix(&prefix))
        .filter_map(|rest| rest.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{parent}.{}", highest + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_highest() {
        assert_eq!(next_id("E-", ["E-001", "E-010", "X"].into_iter()), "E-011");
        assert_eq!(next_id("F-", std::iter::empty()), "F-001");
        assert_eq!(
            next_child_id("A-001", ["A-001.2", "A-001.1"].into_iter()),
            "A-001.3"
        );
    }
}
