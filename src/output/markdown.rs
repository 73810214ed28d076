//! Markdown from the sanitised article HTML (CommonMark with GFM tables), for the CLI and the
//! reader view's export. Works on the sanitised output so that it can never carry more than
//! the reader view shows.

use crate::dom::{Document, Kind, NodeId};

struct State {
    out: String,
    /// Open lists: `None` for bullets, `Some(n)` for the next number.
    lists: Vec<Option<u32>>,
    quote: usize,
    pre: usize,
    /// Cells of the table row being written, and whether a header separator is due.
    row: Vec<String>,
    cell: Option<String>,
    header_done: bool,
    href: Vec<Option<String>>,
    /// Fences of the open code blocks: one backtick longer than any run inside, so the code
    /// cannot close its own block early and have the rest read as Markdown (or raw HTML).
    fences: Vec<String>,
}

impl State {
    fn push(&mut self, s: &str) {
        match self.cell.as_mut() {
            Some(c) => c.push_str(s),
            None => self.out.push_str(s),
        }
    }

    fn block_break(&mut self) {
        if self.cell.is_some() {
            self.push(" ");
            return;
        }
        let t = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(t);
        if self.out.is_empty() {
            return;
        }
        let trailing = self.out.chars().rev().take_while(|&c| c == '\n').count();
        for _ in trailing..2 {
            self.out.push('\n');
        }
        self.prefix();
    }

    fn line_break(&mut self) {
        if self.cell.is_some() {
            self.push(" ");
            return;
        }
        self.out.push('\n');
        self.prefix();
    }

    fn prefix(&mut self) {
        for _ in 0..self.quote {
            self.out.push_str("> ");
        }
        if !self.lists.is_empty() {
            for _ in 1..self.lists.len() {
                self.out.push_str("   ");
            }
        }
    }
}

/// Backslash-escapes the characters Markdown would read as markup (the export's metadata line too).
pub(crate) fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '\\' | '<' | '>') {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Converts sanitised article HTML to Markdown; `title` becomes a level-1 heading on top.
pub fn to_markdown(title: &str, html: &str) -> String {
    // Our own parser, not scraper's: the WASM module carries one html5ever tree builder only.
    // The HTML is the sanitised article of a page already within the limits, so a refusal here
    // cannot happen in practice; it would leave the Markdown with its title only.
    let frag = Document::parse_fragment(html).ok();
    let mut st = State {
        out: String::new(),
        lists: vec![],
        quote: 0,
        pre: 0,
        row: vec![],
        cell: None,
        header_done: false,
        href: vec![],
        fences: vec![],
    };
    if !title.is_empty() {
        st.out.push_str("# ");
        st.out.push_str(&escape(title));
        st.out.push_str("\n\n");
    }
    // Iterative walk: (node, entering?).
    let Some(frag) = frag.filter(|f| !f.is_empty()) else {
        return finish(st);
    };
    let mut stack: Vec<(NodeId, bool)> = vec![(0, true)];
    while let Some((node, entering)) = stack.pop() {
        match &frag.node(node).kind {
            Kind::Text(t) => {
                if entering {
                    if st.pre > 0 {
                        st.push(t);
                    } else {
                        let collapsed: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
                        let lead =
                            t.starts_with(char::is_whitespace) && !st.out.ends_with([' ', '\n']);
                        let trail = t.ends_with(char::is_whitespace) && !collapsed.is_empty();
                        if lead {
                            st.push(" ");
                        }
                        st.push(&escape(&collapsed));
                        if trail {
                            st.push(" ");
                        }
                    }
                }
            }
            Kind::Element(e) => {
                let name = &*e.name;
                if entering {
                    stack.push((node, false));
                    for c in frag.children(node).collect::<Vec<_>>().into_iter().rev() {
                        stack.push((c, true));
                    }
                    match name {
                        "p" | "div" | "section" | "figure" | "table" | "article" | "header"
                        | "footer" | "aside" | "details" => st.block_break(),
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                            st.block_break();
                            let level = name[1..].parse::<usize>().unwrap_or(2);
                            st.push(&"#".repeat(level));
                            st.push(" ");
                        }
                        "blockquote" => {
                            st.block_break();
                            st.quote += 1;
                            st.out.push_str("> ");
                        }
                        "ul" => {
                            st.block_break();
                            st.lists.push(None);
                        }
                        "ol" => {
                            st.block_break();
                            let start = e.attr("start").and_then(|s| s.parse().ok()).unwrap_or(1);
                            st.lists.push(Some(start));
                        }
                        "li" => {
                            if !st.out.ends_with('\n') {
                                st.line_break();
                            }
                            let marker = match st.lists.last_mut() {
                                Some(Some(n)) => {
                                    let m = format!("{n}. ");
                                    *n += 1;
                                    m
                                }
                                _ => "- ".to_string(),
                            };
                            st.push(&marker);
                        }
                        "pre" => {
                            st.block_break();
                            let text: String =
                                frag.descendants(node).filter_map(|d| frag.text(d)).collect();
                            let fence = "`".repeat(longest_backtick_run(&text).max(2) + 1);
                            st.push(&fence);
                            st.push("\n");
                            st.fences.push(fence);
                            st.pre += 1;
                        }
                        "code" if st.pre == 0 => st.push("`"),
                        "strong" | "b" => st.push("**"),
                        "em" | "i" => st.push("*"),
                        "br" => st.line_break(),
                        "hr" => {
                            st.block_break();
                            st.push("---");
                        }
                        "a" => {
                            st.href.push(e.attr("href").map(String::from));
                            st.push("[");
                        }
                        "img" => {
                            let alt = e.attr("alt").unwrap_or("");
                            if let Some(src) = e.attr("src") {
                                st.push(&format!("![{}]({})", escape(alt), src));
                            }
                        }
                        "iframe" | "video" => {
                            if let Some(src) = e.attr("src") {
                                st.block_break();
                                st.push(&format!("[Video]({src})"));
                            }
                        }
                        "tr" => {
                            st.row.clear();
                        }
                        "td" | "th" => st.cell = Some(String::new()),
                        "figcaption" => {
                            st.line_break();
                            st.push("*");
                        }
                        _ => {}
                    }
                } else {
                    match name {
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "div" | "section"
                        | "figure" | "table" => st.block_break(),
                        "blockquote" => {
                            st.quote = st.quote.saturating_sub(1);
                            st.block_break();
                        }
                        "ul" | "ol" => {
                            st.lists.pop();
                            st.block_break();
                        }
                        "pre" => {
                            st.pre = st.pre.saturating_sub(1);
                            if !st.out.ends_with('\n') {
                                st.out.push('\n');
                            }
                            let fence = st.fences.pop().unwrap_or_else(|| "```".to_string());
                            st.push(&fence);
                            st.block_break();
                        }
                        "code" if st.pre == 0 => st.push("`"),
                        "strong" | "b" => st.push("**"),
                        "em" | "i" => st.push("*"),
                        "a" => {
                            let href = st.href.pop().flatten();
                            match href {
                                Some(h) => st.push(&format!("]({h})")),
                                None => st.push("]"),
                            }
                        }
                        "figcaption" => st.push("*"),
                        "td" | "th" => {
                            if let Some(c) = st.cell.take() {
                                st.row.push(c.trim().replace('|', "\\|"));
                            }
                        }
                        "tr" => {
                            if !st.row.is_empty() {
                                let line = format!("| {} |", st.row.join(" | "));
                                st.out.push_str(&line);
                                st.out.push('\n');
                                if !st.header_done {
                                    st.out
                                        .push_str(&format!("|{}\n", " --- |".repeat(st.row.len())));
                                    st.header_done = true;
                                }
                            }
                            st.row.clear();
                        }
                        _ => {}
                    }
                    if name == "table" {
                        st.header_done = false;
                    }
                }
            }
            _ => {
                if entering {
                    for c in frag.children(node).collect::<Vec<_>>().into_iter().rev() {
                        stack.push((c, true));
                    }
                }
            }
        }
    }
    finish(st)
}

fn finish(st: State) -> String {
    let mut out = st.out.trim().to_string();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::to_markdown;

    #[test]
    fn headings_lists_links_tables() {
        let md = to_markdown(
            "T",
            r#"<h2>Sahara</h2><p>Hello <a href="https://x.org/">world</a>, <em>yes</em>.</p><ul><li>a</li><li>b</li></ul><table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table><pre><code>x = 1
y = 2</code></pre>"#,
        );
        assert!(
            md.starts_with("# T\n\n## Sahara\n\nHello [world](https://x.org/), *yes*."),
            "{md}"
        );
        assert!(md.contains("- a\n- b"), "{md}");
        assert!(md.contains("| k | v |\n| --- | --- |\n| 1 | 2 |"), "{md}");
        assert!(md.contains("```\nx = 1\ny = 2\n```"), "{md}");
    }

    #[test]
    fn code_cannot_close_its_own_fence() {
        let md = to_markdown("", "<pre>```\n&lt;img src=x onerror=y()&gt;\n```</pre>");
        assert!(md.starts_with("````\n```\n<img"), "{md}");
        assert!(md.trim_end().ends_with("```\n````"), "{md}");
    }
}
