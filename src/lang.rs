//! Language, text direction, word counts and reading time.
