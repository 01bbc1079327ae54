//! Comments in a workspace file: isms writes its files from the model, so a comment typed into
//! `soa.ron` is gone once isms writes that file. This finds them, so the user can be told which
//! lines before (`isms check`) and when (the first save that rewrites the file).

/// The 1-based lines on which a `//` or `/* … */` comment starts, outside strings.
pub fn comment_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut line = 1;
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    let mut in_block = false;
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
            continue;
        }
        if in_block {
            if c == '*' && chars.peek() == Some(&'/') {
                chars.next();
                in_block = false;
            }
        } else if in_string {
            match c {
                '\\' if chars.next() == Some('\n') => line += 1,
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c == '/' && matches!(chars.peek(), Some('/') | Some('*')) {
            if lines.last() != Some(&line) {
                lines.push(line);
            }
            if chars.next() == Some('*') {
                in_block = true;
            } else {
                for rest in chars.by_ref() {
                    if rest == '\n' {
                        line += 1;
                        break;
                    }
                }
            }
        }
    }
    lines
}

/// "soa.ron: the comments on lines 3, 9 are not kept when isms writes this file", or none.
pub fn comment_note(file: &str, text: &str) -> Option<String> {
    let lines = comment_lines(text);
    let shown: Vec<String> = lines.iter().take(10).map(usize::to_string).collect();
    let more = if lines.len() > 10 { ", …" } else { "" };
    match lines.len() {
        0 => None,
        1 => Some(format!(
            "{file}: the comment on line {} is not kept when isms writes this file",
            lines[0]
        )),
        _ => Some(format!(
            "{file}: the comments on lines {}{more} are not kept when isms writes this file",
            shown.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_comments_outside_strings() {
        let text =
            "(\n  // why\n  a: \"http://x // not a comment\",\n  b: 1, /* two\n lines */\n)\n";
        assert_eq!(comment_lines(text), vec![2, 4]);
        assert_eq!(
            comment_note("soa.ron", text).unwrap(),
            "soa.ron: the comments on lines 2, 4 are not kept when isms writes this file"
        );
        assert_eq!(comment_note("soa.ron", "(a: \"//\")"), None);
    }
}
