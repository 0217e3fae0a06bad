"""`python -m screenshots`: pictures of the built site as a reader sees it (not part of the tests)."""
