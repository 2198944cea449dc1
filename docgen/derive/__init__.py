"""docgen.derive."""
