// Declutter: not in upstream html5ever (see README.md, "The stack of open elements").

//! The stack of open elements, with a count of the HTML `p` and `template` elements on it.
//!
//! Every block start tag (`<div>`, `<p>`, `<ul>`, `<h2>`…) first closes a `p` that is "in button
//! scope", and form-associated elements ask whether a `template` is open: upstream answers both
//! by walking the stack, so on a page nested thousands of levels deep parsing was quadratic (half
//! the time of a 1 MB page nested 2,900 deep). A count of zero answers them at once; when the
//! count is not zero the walk runs as before, so the tree built is the same.

use std::ops::Deref;

/// What the counts track about one element of the stack.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Other,
    /// An HTML `p`.
    P,
    /// An HTML `template`.
    Template,
}

pub(crate) struct OpenElems<Handle> {
    elems: Vec<Handle>,
    /// `kinds[i]` is the kind of `elems[i]`.
    kinds: Vec<Kind>,
    p: usize,
    template: usize,
}

impl<Handle> Default for OpenElems<Handle> {
    fn default() -> Self {
        OpenElems { elems: Vec::new(), kinds: Vec::new(), p: 0, template: 0 }
    }
}

impl<Handle> Deref for OpenElems<Handle> {
    type Target = [Handle];
    fn deref(&self) -> &[Handle] {
        &self.elems
    }
}

impl<Handle> OpenElems<Handle> {
    /// Whether an HTML `p` is open (anywhere on the stack).
    pub(crate) fn has_p(&self) -> bool {
        debug_assert_eq!(self.p, self.kinds.iter().filter(|&&k| k == Kind::P).count());
        self.p > 0
    }

    /// Whether an HTML `template` is open.
    pub(crate) fn has_template(&self) -> bool {
        debug_assert_eq!(
            self.template,
            self.kinds.iter().filter(|&&k| k == Kind::Template).count()
        );
        self.template > 0
    }

    fn count(&mut self, kind: Kind, up: bool) {
        let n = match kind {
            Kind::Other => return,
            Kind::P => &mut self.p,
            Kind::Template => &mut self.template,
        };
        if up {
            *n += 1;
        } else {
            *n -= 1;
        }
    }

    pub(crate) fn push(&mut self, elem: Handle, kind: Kind) {
        self.count(kind, true);
        self.elems.push(elem);
        self.kinds.push(kind);
    }

    pub(crate) fn pop(&mut self) -> Option<Handle> {
        let kind = self.kinds.pop()?;
        self.count(kind, false);
        self.elems.pop()
    }

    pub(crate) fn truncate(&mut self, len: usize) {
        while self.elems.len() > len {
            self.pop();
        }
    }

    pub(crate) fn remove(&mut self, index: usize) -> Handle {
        let kind = self.kinds.remove(index);
        self.count(kind, false);
        self.elems.remove(index)
    }

    pub(crate) fn insert(&mut self, index: usize, elem: Handle, kind: Kind) {
        self.count(kind, true);
        self.elems.insert(index, elem);
        self.kinds.insert(index, kind);
    }

    /// Puts `elem` in the place of the element at `index`.
    pub(crate) fn replace(&mut self, index: usize, elem: Handle, kind: Kind) {
        let old = std::mem::replace(&mut self.kinds[index], kind);
        self.count(old, false);
        self.count(kind, true);
        self.elems[index] = elem;
    }

    /// Empties the stack, giving its elements bottom first.
    pub(crate) fn take_all(&mut self) -> Vec<Handle> {
        self.kinds.clear();
        self.p = 0;
        self.template = 0;
        std::mem::take(&mut self.elems)
    }
}
