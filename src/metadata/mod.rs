//! Article metadata: JSON-LD, then meta tags, then the visible text.
