//! The page as a flat, read-only arena in document (pre-order) order.
//!
//! html5ever parses the page once into [`Sink`], a linked tree of indices (what the tree
//! builder needs: appends, inserts before a sibling, moves of children); we then lay it out in a
//! `Vec<Node>` in pre-order. That layout makes the rest of the pipeline cheap and simple:
//! - a node's subtree is the index range `i..node.end`, so "is X inside Y" is two comparisons;
//! - a bottom-up pass over features is one reverse loop over the vector;
//! - per-node side tables (features, scores, masks) are plain `Vec`s indexed by node.
//!
//! Every element also has an element index ([`Document::elem_index`]), its position among the
//! page's elements in document order: exactly what `document.getElementsByTagName('*')[i]`
//! returns in the live page, which is how the `CleanPlan` addresses elements (see
//! ARCHITECTURE.md, "Addressing live elements").

use crate::error::Error;
use crate::options::Options;
use crate::rules;
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, ns, Attribute, LocalName, Namespace, QualName};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

/// `name` in lower case; the same atom when it already is (every HTML name: only foreign
/// content such as SVG's `viewBox` or `clipPath` has capitals).
fn lowercase(name: LocalName) -> LocalName {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        LocalName::from(name.to_ascii_lowercase())
    } else {
        name
    }
}

/// Index of a node in [`Document::nodes`].
pub type NodeId = u32;

/// Marks "no node" in parent links.
pub const NONE: NodeId = u32::MAX;

/// What a node is. Only elements and text matter to extraction; comments, doctypes and
/// processing instructions are kept as `Other` so that subtree ranges stay exact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Document,
    Element(Element),
    /// The parser's own text buffer, moved rather than copied.
    Text(StrTendril),
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// Lower-case local name (`div`, `svg`, `my-widget`): the parser's interned atom.
    pub name: LocalName,
    /// Attributes sorted by qualified name, local names lower-case: the parser's own records,
    /// kept as they came (see [`Element::attrs`]).
    pub attributes: Vec<Attribute>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|a| &*a.name.local == name).map(|a| &*a.value)
    }
    /// (local name, value) pairs, sorted by qualified name.
    pub fn attrs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.attributes.iter().map(|a| (&*a.name.local, &*a.value))
    }
    pub fn id(&self) -> &str {
        self.attr("id").unwrap_or("")
    }
    pub fn class(&self) -> &str {
        self.attr("class").unwrap_or("")
    }
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    pub parent: NodeId,
    /// One past the last node of this node's subtree.
    pub end: NodeId,
}

/// The parsed page.
#[derive(Debug)]
pub struct Document {
    pub nodes: Vec<Node>,
    /// Per node, its tag's one-byte code (see `tags`): what [`Document::tag`] reads.
    tags: Vec<u8>,
    /// Number of elements (the length of `getElementsByTagName('*')`).
    pub element_count: u32,
    /// Elements before each block of [`ELEM_BLOCK`] nodes: with the tag codes, what
    /// [`Document::elem_index`] counts from. Kept here rather than in every element (4 bytes
    /// per node, 8 with the padding: the node is read by every pass over the page).
    elems_before_block: Vec<u32>,
    /// Per-node figures that depend on the node alone, computed on first use and shared by every
    /// stage that sums them (see `features::compute`, which runs once per mask).
    pub(crate) node_facts: std::cell::OnceCell<crate::features::PageFacts>,
}

impl Document {
    /// Parses `html` once and lays it out in pre-order. Refuses input over the limits in
    /// `options` with an error rather than working for minutes.
    pub fn parse(html: &str, options: &Options) -> Result<Document, Error> {
        if html.len() > options.max_bytes {
            return Err(Error::TooLarge { bytes: html.len(), limit: options.max_bytes });
        }
        let scan = crate::prescan::prescan(html);
        if scan.depth > rules::MAX_NESTING_DEPTH {
            return Err(Error::TooDeep { depth: scan.depth, limit: rules::MAX_NESTING_DEPTH });
        }
        if scan.max_attributes > rules::MAX_ATTRIBUTES_PER_ELEMENT {
            return Err(Error::TooManyAttributes {
                count: scan.max_attributes,
                limit: rules::MAX_ATTRIBUTES_PER_ELEMENT,
            });
        }
        // The parser's nodes are 1.25 × the tags on the corpora's pages (1.75 at most): sized
        // up front, the sink's vector is never copied to grow (it was, three times per page).
        let nodes = scan.tags * 7 / 4 + 16;
        // Script and style bodies nothing reads are left out: a third less to tokenise, and
        // the same elements (see prescan).
        if scan.skippable.is_empty() {
            Self::parse_sized(html, options, nodes)
        } else {
            Self::parse_sized(&crate::prescan::without(html, &scan.skippable), options, nodes)
        }
    }

    /// [`Document::parse`] without the limits and without leaving anything out (the prescan's
    /// test compares the two trees).
    #[cfg(test)]
    pub(crate) fn parse_as_is(html: &str, options: &Options) -> Result<Document, Error> {
        Self::parse_sized(html, options, 0)
    }

    /// Parses with room for `nodes` nodes reserved.
    fn parse_sized(html: &str, options: &Options, nodes: usize) -> Result<Document, Error> {
        use html5ever::tendril::TendrilSink;
        let sink = Sink::default();
        sink.tree.borrow_mut().nodes.reserve(nodes.min(options.max_nodes));
        let tree = html5ever::parse_document(sink, Default::default()).one(html);
        Self::from_tree(tree, options)
    }

    /// Parses `html` as the contents of a `<body>` (what scraper's `Html::parse_fragment`
    /// does), with the same tree sink as [`Document::parse`]: one html5ever tree builder in the
    /// WASM module, not two. For small snippets of a page already accepted (noscript contents).
    pub fn parse_fragment(html: &str) -> Result<Document, Error> {
        use html5ever::tendril::TendrilSink;
        let context = QualName::new(None, ns!(html), local_name!("body"));
        let tree = html5ever::parse_fragment(
            Sink::default(),
            Default::default(),
            context,
            Vec::new(),
            false,
        )
        .one(html);
        Self::from_tree(tree, &Options::default())
    }

    /// Lays the parser's linked tree out in pre-order, iteratively (pages nest 100,000 deep).
    fn from_tree(tree: Tree, options: &Options) -> Result<Document, Error> {
        let mut snodes = tree.nodes;
        // The features' element counts hold up to `features::MAX_NODES`, whatever the options.
        let max_nodes = options.max_nodes.min(crate::features::MAX_NODES);
        // Every node the tree builder made, at most (detached ones are left out): one
        // allocation, where growing by doubling past a million nodes copied the array.
        let mut nodes: Vec<Node> = Vec::with_capacity(snodes.len().min(max_nodes));
        let mut tags: Vec<u8> = Vec::with_capacity(nodes.capacity());
        let mut element_count: u32 = 0;
        // The sink node to visit next and our index of its parent; `open` holds our indices of
        // the nodes whose subtree is being laid out, innermost last.
        let mut next = Some(0u32);
        let mut open: Vec<NodeId> = Vec::new();
        // For each open node, the sink node whose next sibling comes after its subtree.
        let mut resume: Vec<u32> = Vec::new();
        while let Some(sid) = next {
            let sn = &mut snodes[sid as usize];
            let idx = nodes.len() as NodeId;
            let parent = open.last().copied().unwrap_or(NONE);
            // Each sink node is visited once: its name, attributes and text move over.
            let (kind, descend) = match std::mem::replace(&mut sn.kind, SKind::Other) {
                SKind::Document => (Kind::Document, parent == NONE),
                SKind::Element(name, mut attrs) => {
                    // The tokenizer lower-cases HTML names; only foreign content (SVG's
                    // `viewBox`, `clipPath`) gets capitals back from the tree builder.
                    let foreign = sn.ns != NS_HTML;
                    let name = if foreign { lowercase(name) } else { name };
                    // Template contents are not part of the document (a browser's
                    // getElementsByTagName skips them), so neither are they here.
                    let descend = name != local_name!("template");
                    // In the order scraper kept them (sorted by qualified name), local names.
                    crate::sort::sort_by(&mut attrs, |a, b| a.name.cmp(&b.name));
                    if foreign {
                        for a in &mut attrs {
                            a.name.local =
                                lowercase(std::mem::replace(&mut a.name.local, local_name!("")));
                        }
                    }
                    let el = Element { name, attributes: attrs };
                    element_count += 1;
                    (Kind::Element(el), descend)
                }
                SKind::Text(t) => (Kind::Text(t), false),
                SKind::Other => (Kind::Other, false),
            };
            let sn = &snodes[sid as usize];
            if nodes.len() >= max_nodes {
                return Err(Error::TooManyNodes { limit: max_nodes });
            }
            tags.push(match &kind {
                Kind::Element(e) => crate::tags::code(&e.name),
                _ => crate::tags::NOT_ELEMENT,
            });
            nodes.push(Node { kind, parent, end: idx + 1 });
            if descend && sn.first != NONE {
                open.push(idx);
                resume.push(sid);
                next = Some(sn.first);
                continue;
            }
            // Done with this node: its next sibling, or climb until an ancestor has one.
            let mut cur = sid;
            loop {
                let nx = snodes[cur as usize].next;
                if nx != NONE && !open.is_empty() {
                    next = Some(nx);
                    break;
                }
                match (open.pop(), resume.pop()) {
                    (Some(top), Some(r)) => {
                        nodes[top as usize].end = nodes.len() as NodeId;
                        cur = r;
                    }
                    _ => {
                        next = None;
                        break;
                    }
                }
            }
        }
        let elems_before_block = elems_before_blocks(&tags);
        Ok(Document {
            nodes,
            tags,
            element_count,
            elems_before_block,
            node_facts: Default::default(),
        })
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes.get(id as usize)?.kind {
            Kind::Element(e) => Some(e),
            _ => None,
        }
    }

    /// Whether `id` is an element (reads its one-byte tag code, not the node).
    pub fn is_element(&self, id: NodeId) -> bool {
        self.tags.get(id as usize).is_some_and(|&t| t != crate::tags::NOT_ELEMENT)
    }

    /// Lower-case tag name, or "" for non-elements.
    pub fn tag(&self, id: NodeId) -> &str {
        match self.tags.get(id as usize) {
            Some(&crate::tags::OTHER) => self.element(id).map_or("", |e| &*e.name),
            Some(&code) => crate::tags::name(code),
            None => "",
        }
    }

    /// Whether node `id` is an element named in `set` (by its one-byte code when it has one).
    pub fn tag_in(&self, id: NodeId, set: &crate::tags::TagSet) -> bool {
        match self.tags.get(id as usize) {
            Some(&crate::tags::OTHER) => self.element(id).is_some_and(|e| set.has_name(&e.name)),
            Some(&code) => set.has_code(code),
            None => false,
        }
    }

    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes.get(id as usize)?.kind {
            Kind::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        let p = self.nodes.get(id as usize)?.parent;
        (p != NONE).then_some(p)
    }

    /// True when `inner` lies in the subtree of `outer` (or is `outer`).
    pub fn contains(&self, outer: NodeId, inner: NodeId) -> bool {
        outer <= inner && inner < self.nodes[outer as usize].end
    }

    /// Children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        let end = self.nodes[id as usize].end;
        Children { doc: self, next: id + 1, end }
    }

    /// The elements outside `mask`, in document order: a masked node hides its whole subtree,
    /// which is skipped in one step (its `end`).
    pub fn unmasked_elements<'a>(&'a self, mask: &'a [bool]) -> impl Iterator<Item = NodeId> + 'a {
        let mut i = 0usize;
        std::iter::from_fn(move || {
            while i < self.nodes.len() {
                if mask[i] {
                    i = self.nodes[i].end as usize;
                    continue;
                }
                let id = i as NodeId;
                i += 1;
                if self.is_element(id) {
                    return Some(id);
                }
            }
            None
        })
    }

    /// Element children of `id`, in order.
    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(move |&c| self.is_element(c))
    }

    /// All nodes in the subtree of `id` including itself, in document order.
    pub fn descendants(&self, id: NodeId) -> std::ops::Range<NodeId> {
        id..self.nodes[id as usize].end
    }

    /// Ancestors of `id`, nearest first, excluding `id`.
    pub fn ancestors(&self, id: NodeId) -> Ancestors<'_> {
        Ancestors { doc: self, next: self.nodes[id as usize].parent }
    }

    /// The first element with this tag name, in document order.
    pub fn first_by_tag(&self, name: &str) -> Option<NodeId> {
        (0..self.nodes.len() as NodeId).find(|&i| self.tag(i) == name)
    }

    /// The `<body>` element, or the root when the page has none.
    pub fn body(&self) -> NodeId {
        self.first_by_tag("body").unwrap_or(0)
    }

    /// Concatenated text of the subtree (like `textContent`).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        for i in self.descendants(id) {
            if let Some(t) = self.text(i) {
                if !self.in_raw_text(i) {
                    out.push_str(t);
                }
            }
        }
        out
    }

    /// True for text that a reader never sees as prose: inside script, style, template,
    /// noscript (parsed as raw text with scripting on) and similar.
    pub fn in_raw_text(&self, text_node: NodeId) -> bool {
        self.parent(text_node)
            .map(|p| self.tag_in(p, &crate::rules::RAW_TEXT_TAGS))
            .unwrap_or(false)
    }

    /// Position of element `id` among the page's elements in document order (its index in
    /// `getElementsByTagName('*')`): the elements before its block, then those before it in
    /// the block.
    pub fn elem_index(&self, id: NodeId) -> u32 {
        let block = id as usize / ELEM_BLOCK;
        let before = self.tags[block * ELEM_BLOCK..id as usize]
            .iter()
            .filter(|&&t| t != crate::tags::NOT_ELEMENT)
            .count();
        self.elems_before_block[block] + before as u32
    }

    /// Node id of the element with this pre-order element index.
    pub fn by_elem_index(&self) -> Vec<NodeId> {
        let mut v = Vec::with_capacity(self.element_count as usize);
        for (i, &t) in self.tags.iter().enumerate() {
            if t != crate::tags::NOT_ELEMENT {
                v.push(i as NodeId);
            }
        }
        v
    }
}

/// Nodes per block of [`Document::elem_index`]'s counts: a count per 64 nodes costs a
/// sixteenth of a byte per node, and an index scans at most 63 one-byte tag codes.
const ELEM_BLOCK: usize = 64;

/// For each block of [`ELEM_BLOCK`] nodes, the elements before it.
fn elems_before_blocks(tags: &[u8]) -> Vec<u32> {
    let mut before = 0u32;
    tags.chunks(ELEM_BLOCK)
        .map(|block| {
            let at = before;
            before += block.iter().filter(|&&t| t != crate::tags::NOT_ELEMENT).count() as u32;
            at
        })
        .collect()
}

/// One step of [`walk_fragment`].
#[doc(hidden)] // used by crate declutter's output, not API
pub enum Visit<'a> {
    /// An element opens: its namespace and name, its attributes in source order. The visitor
    /// answers whether to walk into it (then a `Close` follows its children).
    Open(&'a Namespace, &'a LocalName, &'a [Attribute]),
    /// The element walked into ends.
    Close,
    Text(&'a str),
}

/// Parses `html` as the contents of a `<div>` (the HTML fragment algorithm, the context
/// ammonia used) and walks the tree as the tree builder left it, for the sanitiser: unlike
/// [`Document`], it keeps namespaces (foreign content must be told apart) and attributes in
/// source order. Comments, doctypes and template contents are not visited. Iterative: the tree
/// may nest deep.
#[doc(hidden)] // used by crate declutter's output, not API
pub fn walk_fragment(html: &str, mut visit: impl FnMut(Visit<'_>) -> bool) {
    use html5ever::tendril::TendrilSink;
    let context = QualName::new(None, ns!(html), local_name!("div"));
    let tree =
        html5ever::parse_fragment(Sink::default(), Default::default(), context, Vec::new(), false)
            .one(html);
    let n = &tree.nodes;
    let namespaces = namespaces();
    // Node 0 is the document; its one child, an `html` element, holds the fragment.
    let root = n[0].first;
    if root == NONE {
        return;
    }
    let mut cur = n[root as usize].first;
    while cur != NONE {
        let node = &n[cur as usize];
        match &node.kind {
            SKind::Element(name, attrs)
                if visit(Visit::Open(&namespaces[node.ns as usize], name, attrs)) =>
            {
                if node.first != NONE {
                    cur = node.first;
                    continue;
                }
                visit(Visit::Close);
            }
            SKind::Text(t) => {
                visit(Visit::Text(t));
            }
            _ => {}
        }
        // Next sibling, or close ancestors until one has a next sibling.
        let mut at = cur;
        cur = loop {
            let next = n[at as usize].next;
            if next != NONE {
                break next;
            }
            let parent = n[at as usize].parent;
            if parent == root || parent == NONE {
                break NONE;
            }
            if matches!(n[parent as usize].kind, SKind::Element(..)) {
                visit(Visit::Close);
            }
            at = parent;
        };
    }
}

/// What the tree builder builds: a linked tree in a `Vec`, handles are indices. Mirrors
/// scraper's `HtmlTreeSink` (adjacent text merged, template contents in a child fragment,
/// attributes sorted by name when laid out), without its per-element extras.
struct Sink {
    tree: RefCell<Tree>,
    /// What [`SinkNode::ns`] indexes, outside the cell: `elem_name` lends one out beside
    /// the borrowed node.
    namespaces: [Namespace; 4],
}

impl Default for Sink {
    fn default() -> Sink {
        Sink { tree: Default::default(), namespaces: namespaces() }
    }
}

/// The elements' namespaces, which [`SinkNode::ns`] indexes: the tree builder makes HTML, SVG
/// and MathML elements only, so a byte per node stands for a 24-byte `QualName` (the sink
/// holds every node of the page until it is laid out). Any other would read as no namespace,
/// which every reader (the tree builder's scope tests, "is it HTML?") treats alike.
fn namespaces() -> [Namespace; 4] {
    [ns!(), ns!(html), ns!(svg), ns!(mathml)]
}

/// Indexes in [`namespaces`].
const NS_NONE: u8 = 0;
const NS_HTML: u8 = 1;
const NS_SVG: u8 = 2;
const NS_MATHML: u8 = 3;

fn ns_index(ns: &Namespace) -> u8 {
    match *ns {
        ns!(html) => NS_HTML,
        ns!(svg) => NS_SVG,
        ns!(mathml) => NS_MATHML,
        _ => NS_NONE,
    }
}

struct Tree {
    nodes: Vec<SinkNode>,
    /// Returned by `elem_name` for a non-element, which the tree builder never asks for.
    no_name: LocalName,
}

impl Default for Tree {
    fn default() -> Tree {
        let root = SinkNode {
            kind: SKind::Document,
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            ns: NS_NONE,
        };
        Tree { nodes: vec![root], no_name: local_name!("") }
    }
}

enum SKind {
    Document,
    /// The element's local name (its namespace is [`SinkNode::ns`]) and attributes.
    Element(LocalName, Vec<Attribute>),
    Text(StrTendril),
    /// Comments, doctypes, processing instructions, template contents.
    Other,
}

struct SinkNode {
    kind: SKind,
    parent: u32,
    first: u32,
    last: u32,
    prev: u32,
    next: u32,
    /// The element's namespace, an index in [`namespaces`] (`NS_NONE` for other nodes).
    ns: u8,
}

impl Tree {
    fn orphan(&mut self, kind: SKind) -> u32 {
        self.orphan_in(kind, NS_NONE)
    }

    fn orphan_in(&mut self, kind: SKind, ns: u8) -> u32 {
        self.nodes.push(SinkNode {
            kind,
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            ns,
        });
        (self.nodes.len() - 1) as u32
    }
}

/// An element's name as the tree builder asks for it: its local name, borrowed from the
/// tree, and its namespace.
struct SinkName<'a> {
    local: Ref<'a, LocalName>,
    ns: &'a Namespace,
}

impl std::fmt::Debug for SinkName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use html5ever::tree_builder::ElemName;
        write!(f, "{:?} {:?}", self.ns(), self.local_name())
    }
}

impl html5ever::tree_builder::ElemName for SinkName<'_> {
    #[inline]
    fn ns(&self) -> &Namespace {
        self.ns
    }

    #[inline]
    fn local_name(&self) -> &LocalName {
        &self.local
    }
}

impl Tree {
    fn detach(&mut self, id: u32) {
        let (parent, prev, next) = {
            let n = &self.nodes[id as usize];
            (n.parent, n.prev, n.next)
        };
        if parent == NONE {
            return;
        }
        if prev != NONE {
            self.nodes[prev as usize].next = next;
        } else {
            self.nodes[parent as usize].first = next;
        }
        if next != NONE {
            self.nodes[next as usize].prev = prev;
        } else {
            self.nodes[parent as usize].last = prev;
        }
        let n = &mut self.nodes[id as usize];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    fn append(&mut self, parent: u32, id: u32) {
        self.detach(id);
        let last = self.nodes[parent as usize].last;
        {
            let n = &mut self.nodes[id as usize];
            n.parent = parent;
            n.prev = last;
        }
        if last != NONE {
            self.nodes[last as usize].next = id;
        } else {
            self.nodes[parent as usize].first = id;
        }
        self.nodes[parent as usize].last = id;
    }

    /// Inserts `id` (detached) before `sibling`, which has a parent.
    fn insert_before(&mut self, sibling: u32, id: u32) {
        let (parent, prev) = {
            let s = &self.nodes[sibling as usize];
            (s.parent, s.prev)
        };
        {
            let n = &mut self.nodes[id as usize];
            n.parent = parent;
            n.prev = prev;
            n.next = sibling;
        }
        self.nodes[sibling as usize].prev = id;
        if prev != NONE {
            self.nodes[prev as usize].next = id;
        } else {
            self.nodes[parent as usize].first = id;
        }
    }

    /// Appends `text` to the text node `id` when it is one.
    fn merge_text(&mut self, id: u32, text: &StrTendril) -> bool {
        match self.nodes.get_mut(id as usize).map(|n| &mut n.kind) {
            Some(SKind::Text(t)) => {
                t.push_tendril(text);
                true
            }
            _ => false,
        }
    }
}

impl TreeSink for Sink {
    type Output = Tree;
    type Handle = u32;
    type ElemName<'a> = SinkName<'a>;

    fn finish(self) -> Tree {
        self.tree.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn get_document(&self) -> u32 {
        0
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn elem_name<'a>(&'a self, target: &'a u32) -> SinkName<'a> {
        let mut ns = NS_NONE;
        let local = Ref::map(self.tree.borrow(), |t| match t.nodes.get(*target as usize) {
            Some(SinkNode { kind: SKind::Element(name, _), ns: n, .. }) => {
                ns = *n;
                name
            }
            _ => &t.no_name,
        });
        SinkName { local, ns: &self.namespaces[ns as usize] }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> u32 {
        let template = name.ns == ns!(html) && name.local == local_name!("template");
        let mut t = self.tree.borrow_mut();
        let ns = ns_index(&name.ns);
        let id = t.orphan_in(SKind::Element(name.local, attrs), ns);
        if template {
            let contents = t.orphan(SKind::Other);
            t.append(id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> u32 {
        self.tree.borrow_mut().orphan(SKind::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        self.tree.borrow_mut().orphan(SKind::Other)
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public_id: StrTendril,
        _system_id: StrTendril,
    ) {
        let mut t = self.tree.borrow_mut();
        let id = t.orphan(SKind::Other);
        t.append(0, id);
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        let mut t = self.tree.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => t.append(*parent, id),
            NodeOrText::AppendText(text) => {
                let last = t.nodes[*parent as usize].last;
                if !t.merge_text(last, &text) {
                    let id = t.orphan(SKind::Text(text));
                    t.append(*parent, id);
                }
            }
        }
    }

    fn append_before_sibling(&self, sibling: &u32, new_node: NodeOrText<u32>) {
        let mut t = self.tree.borrow_mut();
        if let NodeOrText::AppendNode(id) = new_node {
            t.detach(id);
        }
        if t.nodes[*sibling as usize].parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => t.insert_before(*sibling, id),
            NodeOrText::AppendText(text) => {
                let prev = t.nodes[*sibling as usize].prev;
                if !t.merge_text(prev, &text) {
                    let id = t.orphan(SKind::Text(text));
                    t.insert_before(*sibling, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &u32,
        prev_element: &u32,
        child: NodeOrText<u32>,
    ) {
        let has_parent = self.tree.borrow().nodes[*element as usize].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }

    fn add_attrs_if_missing(&self, target: &u32, attrs: Vec<Attribute>) {
        let mut t = self.tree.borrow_mut();
        if let Some(SKind::Element(_, have)) =
            t.nodes.get_mut(*target as usize).map(|n| &mut n.kind)
        {
            for a in attrs {
                if !have.iter().any(|h| h.name == a.name) {
                    have.push(a);
                }
            }
        }
    }

    fn get_template_contents(&self, target: &u32) -> u32 {
        let t = self.tree.borrow();
        let first = t.nodes[*target as usize].first;
        if first == NONE {
            *target
        } else {
            first
        }
    }

    fn remove_from_parent(&self, target: &u32) {
        self.tree.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        let mut t = self.tree.borrow_mut();
        let mut c = t.nodes[*node as usize].first;
        while c != NONE {
            let next = t.nodes[c as usize].next;
            t.append(*new_parent, c);
            c = next;
        }
    }
}

pub struct Children<'a> {
    doc: &'a Document,
    next: NodeId,
    end: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next >= self.end {
            return None;
        }
        let cur = self.next;
        self.next = self.doc.nodes[cur as usize].end;
        Some(cur)
    }
}

pub struct Ancestors<'a> {
    doc: &'a Document,
    next: NodeId,
}

impl Iterator for Ancestors<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let cur = self.next;
        self.next = self.doc.nodes[cur as usize].parent;
        Some(cur)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(html: &str) -> Document {
        Document::parse(html, &Options::default()).unwrap()
    }

    #[test]
    fn preorder_ranges_and_element_indexes() {
        let d = doc("<html><head><title>T</title></head><body><div id=a><p>x</p><p>y</p></div><span>z</span></body></html>");
        let div = (0..d.len() as u32)
            .find(|&i| d.element(i).map(|e| e.id() == "a").unwrap_or(false))
            .unwrap();
        let kids: Vec<_> = d.element_children(div).map(|c| d.tag(c).to_string()).collect();
        assert_eq!(kids, ["p", "p"]);
        // html=0, head=1, title=2, body=3, div=4
        assert_eq!(d.elem_index(div), 4);
        let span = d.first_by_tag("span").unwrap();
        assert!(!d.contains(div, span));
        assert!(d.contains(d.body(), span));
        assert_eq!(d.text_content(div), "xy");
        assert_eq!(d.element_count, 8);
    }

    #[test]
    fn nodes_stay_small() {
        // One per node: on a large page every byte is megabytes of fresh memory.
        assert!(std::mem::size_of::<Node>() <= 40);
    }

    /// The body's tree as `tag[children]`, text as itself.
    fn outline(d: &Document, id: NodeId) -> String {
        if let Some(t) = d.text(id) {
            return t.to_string();
        }
        let inner: String = d.children(id).map(|c| outline(d, c)).collect();
        format!("{}[{inner}]", d.tag(id))
    }

    /// The vendored tree builder answers "is a `p` open?" and "is a `template` open?" from
    /// counts kept with its stack (vendor/html5ever/README.md): the trees must be the spec's,
    /// whether a `p` is open or not, reached through the adoption agency, or thousands deep.
    #[test]
    fn block_start_tags_close_an_open_p_as_the_spec_says() {
        let body = |html: &str| {
            let d = doc(html);
            outline(&d, d.body())
        };
        assert_eq!(body("<p>a<div>b</div>"), "body[p[a]div[b]]");
        assert_eq!(body("<div><p>a<ul><li>b</ul></div>"), "body[div[p[a]ul[li[b]]]]");
        // No p open: an end tag </p> makes an empty one.
        assert_eq!(body("<div></p>x</div>"), "body[div[p[]x]]");
        // A button is a scope boundary: the p stays open around it.
        assert_eq!(body("<p>a<button><div>b</div></button>c"), "body[p[abutton[div[b]]c]]");
        // The adoption agency moves the p under body; the div still closes it.
        assert_eq!(body("<b><p>a</b>c<div>d</div>"), "body[b[]p[b[a]c]div[d]]");
        assert_eq!(body("<template><p>a<div>b</div></template><p>c<h2>d</h2>"), "body[p[c]h2[d]]");
        let deep = format!("{}<p>x<div>y</div>{}", "<div>".repeat(3000), "</div>".repeat(3000));
        let d = doc(&deep);
        let p = d.first_by_tag("p").unwrap();
        let siblings: Vec<NodeId> = d.children(d.parent(p).unwrap()).collect();
        let after: Vec<String> = siblings.iter().map(|&c| outline(&d, c)).collect();
        assert_eq!(after, ["p[x]", "div[y]"], "the div closes the p");
    }

    /// The vendored tokenizer takes tag and attribute names in runs (vendor/html5ever/README.md,
    /// "Names in runs"): capitals lowered, NUL replaced, the characters that end a name or are
    /// errors inside one handled as the standard says, a carriage return read as white space.
    #[test]
    fn tag_and_attribute_names_read_in_runs() {
        let d = doc(
            "<DIV CLASS=\"a\" Data-Émoi=1 x\"y'z<w=2 id\r=q><Span\0x>t</SPAN></DiV><café>é</café>",
        );
        let div = d.first_by_tag("div").expect("DIV lowered");
        let mut attrs: Vec<(String, String)> =
            d.element(div).unwrap().attrs().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        attrs.sort();
        let want = [("class", "a"), ("data-Émoi", "1"), ("id", "q"), ("x\"y'z<w", "2")];
        let want: Vec<(String, String)> =
            want.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        assert_eq!(attrs, want);
        assert!(d.first_by_tag("span\u{fffd}x").is_some(), "NUL in a name becomes U+FFFD");
        assert!(d.first_by_tag("café").is_some());
    }

    #[test]
    fn sink_nodes_stay_small() {
        // The sink holds every node of the page until it is laid out: 72 bytes with a
        // `QualName`, 56 with a namespace index.
        assert!(std::mem::size_of::<SinkNode>() <= 56);
    }

    #[test]
    fn element_indexes_count_elements_across_blocks() {
        let d = doc(&"<p>a <b>b</b> c</p>".repeat(100));
        let mut n = 0;
        for i in 0..d.len() as NodeId {
            if d.is_element(i) {
                assert_eq!(d.elem_index(i), n);
                n += 1;
            }
        }
        assert_eq!(n, d.element_count);
    }

    #[test]
    fn template_contents_are_not_elements() {
        let d = doc("<body><template><p>hidden</p></template><p>seen</p></body>");
        // html head body template p
        assert_eq!(d.element_count, 5);
    }

    #[test]
    fn pathological_nesting_is_refused_quickly() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let t = std::time::Instant::now();
        assert!(matches!(Document::parse(&html, &Options::default()), Err(Error::TooDeep { .. })));
        assert!(t.elapsed().as_secs() < 2);
        // Thousands of unclosed paragraphs or list items are not nesting.
        let flat = "<p>x".repeat(50_000) + &"<li>y".repeat(50_000);
        assert!(crate::prescan::prescan(&flat).depth < 10);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(3_000) + "deep" + &"</div>".repeat(3_000);
        let d = doc(&html);
        assert!(d.len() > 3_000);
    }
}
